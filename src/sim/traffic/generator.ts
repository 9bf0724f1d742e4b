import { Prng } from '../../engine/time/prng.js';
import type { Backend } from '../backend/backend.js';
import type { MetricsRecorder } from '../metrics/recorder.js';
import type { Scheduler } from '../scenario/eventQueue.js';
import type { TrafficSettings } from '../scenario/format.js';
import type { AppConnections } from './appConnections.js';
import { nextGap } from './arrivals.js';
import { earlyRefreshRead } from './earlyRefresh.js';
import { KeyPicker } from './keyPicker.js';
import { mutexRead } from './mutex.js';
import { naiveRead, write } from './naive.js';
import type { RequestEnv } from './request.js';
import { deriveSeed } from './seeds.js';

/** What every traffic shares: the clock, Redis, the database, the metrics, the request budget. */
export interface TrafficWorld {
  readonly sched: Scheduler;
  readonly redis: AppConnections;
  readonly backend: Backend;
  readonly metrics: MetricsRecorder;
  readonly budget: RequestBudget;
}

/** Requests every traffic together may still send (LIMITS.requests for a scenario). */
export interface RequestBudget {
  left: number;
}

/**
 * One stream of application requests: arrivals at `rate` per virtual second, a key from the key
 * space per request, a read/write mix, and reads served by the client strategy. Settings change
 * while it runs; requests already in flight finish under the settings they started with.
 */
export class TrafficGenerator {
  private readonly env: RequestEnv;
  private picker: KeyPicker;
  private readonly arrivalPrng: Prng;
  private readonly keyPrng: Prng;
  /** Bumped to orphan the pending arrival (stop, or a new rate). */
  private generation = 0;
  private tokens = 0;
  private running = false;

  constructor(
    readonly name: string,
    settings: TrafficSettings,
    private readonly world: TrafficWorld,
    seed: number,
  ) {
    this.arrivalPrng = new Prng(deriveSeed(seed, 'traffic', name, 'arrivals'));
    this.keyPrng = new Prng(deriveSeed(seed, 'traffic', name, 'keys'));
    this.env = {
      sched: world.sched,
      redis: world.redis,
      backend: world.backend,
      metrics: world.metrics,
      prng: new Prng(deriveSeed(seed, 'traffic', name, 'requests')),
      settings,
      token: () => `${name}:${++this.tokens}`,
      recomputeMs: 0,
    };
    this.picker = new KeyPicker(settings.keys, settings.distribution, this.keyPrng);
  }

  get settings(): TrafficSettings {
    return this.env.settings;
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  update(changes: Partial<TrafficSettings>): void {
    const prev = this.env.settings;
    const next = { ...prev, ...changes };
    this.env.settings = next;
    if (changes.keys !== undefined || changes.distribution !== undefined) {
      this.picker = new KeyPicker(next.keys, next.distribution, this.keyPrng);
    }
    if (this.running && (next.rate !== prev.rate || next.arrivals !== prev.arrivals)) this.schedule();
  }

  stop(): void {
    this.running = false;
    this.generation++;
  }

  private schedule(): void {
    const gen = ++this.generation;
    const s = this.env.settings;
    if (s.rate <= 0) return;
    this.world.sched.at(this.world.sched.now + nextGap(this.arrivalPrng, s.rate, s.arrivals), () => {
      if (gen !== this.generation) return;
      if (this.world.budget.left <= 0) return this.stop();
      this.world.budget.left--;
      this.request();
      this.schedule();
    });
  }

  private request(): void {
    const env = this.env;
    const s = env.settings;
    const c = env.metrics.counters;
    const key = this.picker.next();
    const start = env.sched.now;
    c.requests++;
    if (s.reads < 1 && env.prng.next() >= s.reads) {
      c.writes++;
      write(env, key, start);
      return;
    }
    c.reads++;
    switch (s.strategy) {
      case 'naive':
        return naiveRead(env, key, start);
      case 'mutex':
        return mutexRead(env, key, start);
      case 'early-refresh':
        return earlyRefreshRead(env, key, start);
    }
  }
}
