import type { RedisServer } from '../../engine/server/server.js';
import { Prng } from '../../engine/time/prng.js';
import { Backend } from '../backend/backend.js';
import { MetricsRecorder, SAMPLE_MS } from '../metrics/recorder.js';
import type { Simulation } from '../simulation.js';
import { AppConnections } from '../traffic/appConnections.js';
import { TrafficGenerator, type RequestBudget, type TrafficWorld } from '../traffic/generator.js';
import { keyAt } from '../traffic/keyPicker.js';
import { payload, ttlFor } from '../traffic/request.js';
import { deriveSeed } from '../traffic/seeds.js';
import { BACKEND_DEFAULTS } from './defaults.js';
import { EventQueue } from './eventQueue.js';
import { LIMITS, type SimStatement, type TrafficSettings } from './format.js';
import type { LineError } from './markdown.js';
import { SimPlan } from './plan.js';
import { keyCount } from './units.js';

/** Virtual time a scenario starts at (2024-01-01T00:00:00Z): absolute times replay too. */
export const SCENARIO_EPOCH = 1_704_067_200_000;
/** Connections the application servers hold to Redis (CLIENT LIST shows app-1 … app-4). */
export const APP_CONNECTIONS = 4;

/**
 * Everything a scenario adds around the Redis node: the event queue on the virtual clock, the
 * database, the application's connections and traffic, the metrics. Time moves only through
 * `runUntil`, which runs the queue's events in order and keeps the Simulation's clock (paused,
 * moved by hand) at the time of each event, so every command sees the time it happens at.
 */
export class ScenarioWorld {
  readonly queue = new EventQueue();
  readonly metrics = new MetricsRecorder();
  readonly backend: Backend;
  readonly redis: AppConnections;
  readonly traffic = new Map<string, TrafficGenerator>();
  readonly budget: RequestBudget = { left: LIMITS.requests };
  /** Mirrors the running traffic, to check declarations before they are applied. */
  readonly plan = new SimPlan();
  private warmups = 0;
  /** The pending end of each traffic that has a `duration`: only the latest one counts. */
  private readonly ends = new Map<string, object>();
  private readonly trafficWorld: TrafficWorld;

  constructor(
    private readonly sim: Simulation,
    private readonly seed: number,
    /** After each sample is taken (the runner checks its goals). */
    private readonly onSample: () => void,
  ) {
    this.backend = new Backend(this.queue, new Prng(deriveSeed(seed, 'backend')), this.metrics, { ...BACKEND_DEFAULTS });
    this.redis = new AppConnections(this.node, APP_CONNECTIONS);
    this.trafficWorld = { sched: this.queue, redis: this.redis, backend: this.backend, metrics: this.metrics, budget: this.budget };
    this.metrics.rebaseCommands(this.node.stats.totalCommandsProcessed);
    this.queue.at(SAMPLE_MS, () => this.sample());
  }

  get now(): number {
    return this.queue.now;
  }

  get node(): RedisServer {
    return this.sim.node()!.server;
  }

  /** Run every event due up to `t` (ms since the start), in order, then stand at `t`. */
  runUntil(t: number): void {
    const q = this.queue;
    for (let next = q.peek(); next <= t; next = q.peek()) {
      this.syncClock(next);
      q.runNext();
    }
    q.moveTo(t);
    this.syncClock(t);
  }

  private syncClock(t: number): void {
    const dt = SCENARIO_EPOCH + t - this.sim.clock.now();
    if (dt > 0) {
      this.sim.clock.advance(dt);
      this.sim.tick();
    }
  }

  private sample(): void {
    const peaks = this.backend.takePeaks();
    const node = this.node;
    this.metrics.close(this.now, SAMPLE_MS, {
      backendInflight: peaks.inflight,
      backendQueue: peaks.queue,
      redisCommandsTotal: node.stats.totalCommandsProcessed,
      redisKeys: node.dbs[0]!.size,
    });
    this.queue.at(this.now + SAMPLE_MS, () => this.sample());
    this.onSample();
  }

  /** Apply a declaration now (not `advance`: the runner owns time). Returns what prevented it. */
  apply(s: Exclude<SimStatement, { kind: 'advance' }>): LineError[] {
    const errors: LineError[] = [];
    this.plan.check(s, errors);
    if (errors.length > 0) return errors;
    switch (s.kind) {
      case 'backend':
        this.backend.configure(s.settings);
        break;
      case 'traffic': {
        const settings = this.plan.traffic.get(s.name)!;
        const running = this.traffic.get(s.name);
        if (running !== undefined) {
          running.update(s.settings);
        } else {
          const g = new TrafficGenerator(s.name, settings as TrafficSettings, this.trafficWorld, this.seed);
          this.traffic.set(s.name, g);
          g.start();
        }
        if (s.settings.duration !== undefined) this.endAfter(s.name, s.settings.duration);
        break;
      }
      case 'stop':
        for (const name of [...this.traffic.keys()]) if (s.name === 'all' || s.name === name) this.end(name);
        break;
      case 'warm': {
        const prng = new Prng(deriveSeed(this.seed, 'warm', String(++this.warmups)));
        const value = payload(s.valueSize);
        for (let i = 0, n = keyCount(s.keys); i < n; i++) {
          this.redis.call(['SET', keyAt(s.keys, i), value, 'PX', String(ttlFor(s, prng))]);
        }
        break;
      }
    }
    return errors;
  }

  private endAfter(name: string, ms: number): void {
    const token = {};
    this.ends.set(name, token);
    this.queue.at(this.now + ms, () => {
      if (this.ends.get(name) !== token) return;
      this.end(name);
      this.plan.traffic.delete(name);
      this.plan.endsAt.delete(name);
    });
  }

  private end(name: string): void {
    this.traffic.get(name)?.stop();
    this.traffic.delete(name);
    this.ends.delete(name);
  }
}
