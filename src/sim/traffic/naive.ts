import { complete, failed, isValue, payload, queryBackend, ttlFor, type RequestEnv } from './request.js';

/**
 * Cache-aside as it is usually first written: GET; on a miss, read the database and SET the
 * value with its TTL. Correct, and fine until a popular key expires: every request that misses
 * before the first rebuild lands goes to the database too.
 */
export function naiveRead(env: RequestEnv, key: string, start: number): void {
  if (isValue(env.redis.call(['GET', key]))) {
    env.metrics.counters.hits++;
    complete(env, start);
    return;
  }
  env.metrics.counters.misses++;
  queryBackend(env, (ok) => {
    if (!ok) return failed(env, start);
    const s = env.settings;
    env.redis.call(['SET', key, payload(s.valueSize), 'PX', String(ttlFor(s, env.prng))]);
    complete(env, start);
  });
}

/** A write goes to the database, then invalidates the cached copy (DEL, not SET: no race with readers). */
export function write(env: RequestEnv, key: string, start: number): void {
  queryBackend(env, (ok) => {
    if (!ok) return failed(env, start);
    env.redis.call(['DEL', key]);
    complete(env, start);
  });
}
