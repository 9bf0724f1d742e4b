import { complete, failed, isValue, payload, queryBackend, ttlFor, type RequestEnv } from './request.js';

/**
 * Probabilistic early refresh (XFetch, Vattani et al., "Optimal Probabilistic Cache Stampede
 * Prevention", VLDB 2015): every hit draws whether to recompute before the key expires, with a
 * probability that climbs as expiry nears: recompute when
 *   delta × beta × −ln(rand()) ≥ remaining TTL,
 * delta being how long the last recompute took (stored with the value as `<delta>|…`). One
 * request, rarely a few, refreshes the key in the background while everybody else keeps
 * hitting; the key never expires under load.
 */
export function earlyRefreshRead(env: RequestEnv, key: string, start: number): void {
  const c = env.redis.pick();
  const value = env.redis.on(c, ['GET', key]);
  if (!isValue(value)) {
    env.metrics.counters.misses++;
    recompute(env, key, start);
    return;
  }
  const pttl = env.redis.on(c, ['PTTL', key]);
  env.metrics.counters.hits++;
  complete(env, start);
  const delta = storedDelta(value) ?? env.recomputeMs;
  if (typeof pttl === 'number' && pttl > 0 && delta > 0 && delta * env.settings.beta * -Math.log(1 - env.prng.next()) >= pttl) {
    recompute(env, key, null);
  }
}

/** Read the database and store the value with how long that took; answer `start`'s request if any. */
function recompute(env: RequestEnv, key: string, start: number | null): void {
  const began = env.sched.now;
  queryBackend(env, (ok) => {
    if (ok) {
      const delta = Math.max(1, Math.round(env.sched.now - began));
      env.redis.call(['SET', key, payload(env.settings.valueSize, `${delta}|`), 'PX', String(ttlFor(env.settings, env.prng))]);
    }
    if (start === null) return;
    if (ok) complete(env, start);
    else failed(env, start);
  });
}

function storedDelta(value: string): number | null {
  const bar = value.indexOf('|');
  if (bar <= 0 || bar > 10) return null;
  const n = Number(value.slice(0, bar));
  return Number.isFinite(n) ? n : null;
}
