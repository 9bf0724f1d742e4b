import { describe, expect, it } from 'vitest';
import type { Reply } from '../../protocol/reply.js';
import { Prng } from '../../engine/time/prng.js';
import { TRAFFIC_DEFAULTS } from '../scenario/defaults.js';
import type { BackendSettings, TrafficSettings } from '../scenario/format.js';
import { parseKeySpace } from '../scenario/units.js';
import { SCENARIO_EPOCH, ScenarioWorld } from '../scenario/world.js';
import { Simulation } from '../simulation.js';
import { mutexRead } from './mutex.js';
import type { RequestEnv } from './request.js';

const STEADY: Partial<BackendSettings> = { latency: 50, latencyPerQuery: 0, jitter: 0, concurrency: 1000, queue: 1000, timeout: 5000 };

function setup(backend: Partial<BackendSettings> = STEADY) {
  const sim = new Simulation({ timeSource: () => 0 });
  sim.reset({ startTime: SCENARIO_EPOCH });
  sim.pause();
  const w = new ScenarioWorld(sim, 1, () => {});
  w.backend.configure(backend);
  const console = sim.openClient()!;
  const redis = (...argv: string[]): Reply => sim.execute(console, argv).replies[0]!;
  const totals = () => {
    const t = { requests: 0, reads: 0, writes: 0, hits: 0, misses: 0, stale: 0, errors: 0, backendQueries: 0 };
    for (const s of w.metrics.since(0)) for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] += s[k];
    for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] += w.metrics.counters[k];
    return t;
  };
  const traffic = (settings: Partial<TrafficSettings>) => {
    const errors = w.apply({ kind: 'traffic', line: 1, name: 'web', settings: { keys: keyspace('k'), ...settings } });
    expect(errors).toEqual([]);
  };
  return { sim, w, redis, totals, traffic };
}

function keyspace(s: string) {
  const k = parseKeySpace(s);
  if (!k.ok) throw new Error(k.error);
  return k.value;
}

describe('client strategies', () => {
  it('naive cache-aside: every miss before the first rebuild lands goes to the database', () => {
    const { w, redis, totals, traffic } = setup();
    traffic({ rate: 1000, arrivals: 'even', strategy: 'naive', ttl: 1000, valueSize: 64 });
    w.runUntil(500);
    const t = totals();
    // Requests arrive every ~1 ms and the first answer takes 50 ms: ~50 misses, then hits.
    expect(t.misses).toBeGreaterThan(40);
    expect(t.misses).toBeLessThan(60);
    expect(t.backendQueries).toBe(t.misses);
    expect(t.hits + t.misses).toBe(t.reads);
    expect(redis('STRLEN', 'k')).toBe(64);
    // The last rebuild (at ~100 ms) set PX 1000.
    expect(redis('PTTL', 'k')).toBeGreaterThan(550);
    expect(redis('PTTL', 'k')).toBeLessThanOrEqual(600);
  });

  it('mutex rebuild: one database query, the others wait and then hit, and the lock is released', () => {
    const { w, redis, totals, traffic } = setup();
    traffic({ rate: 1000, arrivals: 'even', strategy: 'mutex', ttl: 1000, retry: 10 });
    w.runUntil(500);
    const t = totals();
    expect(t.backendQueries).toBe(1);
    expect(t.misses).toBe(1);
    expect(t.errors).toBe(0);
    expect(t.hits).toBe(t.reads - 1);
    expect(redis('EXISTS', 'lock:k')).toBe(0);
    const cmds = w.node.allCommandStats();
    expect(cmds.get('exec')?.calls).toBe(1);
    expect(cmds.get('set')?.calls).toBeGreaterThanOrEqual(2);
  });

  it('mutex rebuild never deletes a lock that expired and was taken by someone else', () => {
    const { w, redis } = setup({ ...STEADY, latency: 100 });
    let n = 0;
    const env: RequestEnv = {
      sched: w.queue,
      redis: w.redis,
      backend: w.backend,
      metrics: w.metrics,
      prng: new Prng(1),
      settings: { ...TRAFFIC_DEFAULTS, rate: 0, keys: keyspace('k'), strategy: 'mutex', lockTtl: 30, retry: 10, wait: 1000 },
      token: () => `t${++n}`,
      recomputeMs: 0,
    };
    w.queue.at(0, () => mutexRead(env, 'k', 0));
    w.queue.at(80, () => {
      env.settings = { ...env.settings, lockTtl: 1000 };
      mutexRead(env, 'k', 80);
    });
    w.runUntil(101);
    // The first rebuild finished at 100 ms, but the lock it took expired at 30 ms and is the second's now.
    expect(redis('GET', 'k')).not.toBeNull();
    expect(redis('GET', 'lock:k')).toBe('t2');
    // The second rebuild releases its own lock.
    w.runUntil(181);
    expect(redis('EXISTS', 'lock:k')).toBe(0);
  });

  it('mutex with on_busy: stale serves the previous copy while one request rebuilds', () => {
    const { w, totals, traffic } = setup();
    traffic({ rate: 1000, arrivals: 'even', strategy: 'mutex', onBusy: 'stale', ttl: 200 });
    w.runUntil(1000);
    const t = totals();
    expect(t.stale).toBeGreaterThan(100);
    expect(t.errors).toBe(0);
    // Once a stale copy exists, each expiry costs one query: 1 cold start (waiting) + one per 200 ms.
    expect(t.backendQueries).toBeLessThanOrEqual(6);
  });

  it('mutex waiters give up with an error after `wait`', () => {
    const { w, totals, traffic } = setup({ ...STEADY, latency: 400 });
    traffic({ rate: 100, arrivals: 'even', strategy: 'mutex', wait: 100, retry: 20 });
    w.runUntil(300);
    const t = totals();
    expect(t.backendQueries).toBe(1);
    expect(t.errors).toBeGreaterThan(10);
  });

  it('early refresh keeps a hot key from ever expiring', () => {
    const { w, totals, traffic } = setup();
    traffic({ rate: 1000, strategy: 'early-refresh', ttl: 2000 });
    w.runUntil(1000);
    const cold = totals();
    w.runUntil(10_000);
    const t = totals();
    expect(t.misses).toBe(cold.misses);
    const refreshes = t.backendQueries - cold.backendQueries;
    expect(refreshes).toBeGreaterThanOrEqual(4);
    expect(refreshes).toBeLessThan(20);
  });

  it('TTL jitter spreads expirations by up to ± the jitter', () => {
    const { w, redis } = setup();
    expect(w.apply({ kind: 'warm', line: 1, keys: keyspace('a:{1..500}'), ttl: 10_000, ttlJitter: 0.2, valueSize: 10 })).toEqual([]);
    expect(w.apply({ kind: 'warm', line: 2, keys: keyspace('b:{1..10}'), ttl: 10_000, ttlJitter: 0, valueSize: 10 })).toEqual([]);
    const ttls = Array.from({ length: 500 }, (_, i) => redis('PTTL', `a:${i + 1}`) as number);
    expect(Math.min(...ttls)).toBeGreaterThanOrEqual(8000);
    expect(Math.min(...ttls)).toBeLessThan(8200);
    expect(Math.max(...ttls)).toBeLessThanOrEqual(12_000);
    expect(Math.max(...ttls)).toBeGreaterThan(11_800);
    expect(new Set(Array.from({ length: 10 }, (_, i) => redis('PTTL', `b:${i + 1}`))).size).toBe(1);
  });

  it('writes go to the database and invalidate the cached copy', () => {
    const { w, redis, totals, traffic } = setup();
    redis('SET', 'k', 'cached');
    traffic({ rate: 100, arrivals: 'even', reads: 0 });
    w.runUntil(100);
    const t = totals();
    expect(t.writes).toBeGreaterThan(5);
    expect(t.reads).toBe(0);
    expect(redis('EXISTS', 'k')).toBe(0);
  });

  it('changing the rate takes effect at once; stop ends the arrivals', () => {
    const { w, totals, traffic } = setup();
    traffic({ rate: 100, arrivals: 'even' });
    w.runUntil(1000);
    const first = totals().requests;
    expect(first).toBeGreaterThanOrEqual(99);
    expect(first).toBeLessThanOrEqual(101);
    traffic({ rate: 1000 });
    w.runUntil(2000);
    expect(totals().requests - first).toBeGreaterThanOrEqual(995);
    expect(w.apply({ kind: 'stop', line: 1, name: 'web' })).toEqual([]);
    const stopped = totals().requests;
    w.runUntil(3000);
    expect(totals().requests).toBe(stopped);
  });

  it('stops sending when the request budget is spent', () => {
    const { w, totals, traffic } = setup();
    w.budget.left = 50;
    traffic({ rate: 1000 });
    w.runUntil(1000);
    expect(totals().requests).toBe(50);
  });

  it('reopens an application connection killed from a console', () => {
    const { w, redis, totals, traffic } = setup();
    traffic({ rate: 100, arrivals: 'even' });
    w.runUntil(100);
    expect(redis('CLIENT', 'KILL', 'ADDR', '10.0.0.1:51000')).toBe(1);
    w.runUntil(200);
    expect(totals().requests).toBeGreaterThan(15);
    const list = redis('CLIENT', 'LIST');
    const text = typeof list === 'object' && list !== null && !Array.isArray(list) && list.t === 'verbatim' ? list.s : String(list);
    expect(text.match(/name=app-\d/g)?.sort()).toEqual(['name=app-1', 'name=app-2', 'name=app-3', 'name=app-4']);
  });
});
