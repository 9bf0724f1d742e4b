import type { Prng } from '../../engine/time/prng.js';
import type { Reply } from '../../protocol/reply.js';
import type { Backend } from '../backend/backend.js';
import type { MetricsRecorder } from '../metrics/recorder.js';
import type { Scheduler } from '../scenario/eventQueue.js';
import type { TrafficSettings } from '../scenario/format.js';
import type { AppConnections } from './appConnections.js';

/** One network round trip between an application server and Redis. */
export const REDIS_RTT_MS = 0.5;

/** What a request of one traffic works with: the world, and its traffic's live settings. */
export interface RequestEnv {
  readonly sched: Scheduler;
  readonly redis: AppConnections;
  readonly backend: Backend;
  readonly metrics: MetricsRecorder;
  /** The traffic's own stream: mix, TTL jitter, early-refresh draws. */
  readonly prng: Prng;
  /** Read at every decision, so a strategy changed mid-run applies to the next decision. */
  settings: TrafficSettings;
  /** A value unique to this traffic (lock tokens). */
  token(): string;
  /** The application's running estimate of how long recomputing a value takes (ms). */
  recomputeMs: number;
}

/** The request is answered: its latency joins the interval's percentiles. */
export function complete(env: RequestEnv, start: number): void {
  env.metrics.requestLatency.add(env.sched.now - start + REDIS_RTT_MS);
}

/** The request failed: an error for the user, after however long it took to fail. */
export function failed(env: RequestEnv, start: number): void {
  env.metrics.counters.errors++;
  complete(env, start);
}

export function isValue(r: Reply | undefined): r is string {
  return typeof r === 'string';
}

export function isOk(r: Reply | undefined): boolean {
  return typeof r === 'object' && r !== null && !Array.isArray(r) && r.t === 'status' && r.s === 'OK';
}

/** The TTL for a value written now: `ttl`, moved by up to ± `ttlJitter` of itself. */
export function ttlFor(s: Pick<TrafficSettings, 'ttl' | 'ttlJitter'>, prng: Prng): number {
  if (s.ttlJitter === 0) return Math.max(1, Math.round(s.ttl));
  return Math.max(1, Math.round(s.ttl * (1 + s.ttlJitter * (2 * prng.next() - 1))));
}

const fillers = new Map<number, string>();

/** A value of `size` bytes (what the database returned, as far as Redis's memory cares). */
export function payload(size: number, prefix = ''): string {
  const n = Math.max(0, size - prefix.length);
  let f = fillers.get(n);
  if (f === undefined) {
    f = '.'.repeat(n);
    if (fillers.size < 64) fillers.set(n, f);
  }
  return prefix + f;
}

/** Ask the database, remember how long it took. */
export function queryBackend(env: RequestEnv, then: (ok: boolean) => void): void {
  env.backend.query((outcome, latency) => {
    if (outcome === 'ok') env.recomputeMs = env.recomputeMs === 0 ? latency : env.recomputeMs * 0.8 + latency * 0.2;
    then(outcome === 'ok');
  });
}
