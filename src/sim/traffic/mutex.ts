import { complete, failed, isOk, isValue, payload, queryBackend, ttlFor, type RequestEnv } from './request.js';

/** How much longer than the value a stale copy lives (on_busy: stale). */
const STALE_TTL_FACTOR = 10;

/**
 * Cache-aside with a rebuild lock: on a miss, only the request that wins
 * `SET lock:<key> <token> NX PX <lock_ttl>` reads the database; the others wait `retry` and look
 * again (taking the lock themselves if the winner failed and released it), or serve the stale
 * copy the last rebuild left (`on_busy: stale`). After `wait` a waiting request gives up. The
 * lock is released with WATCH/GET/MULTI/DEL/EXEC, so a winner whose lock expired never deletes
 * somebody else's.
 */
export function mutexRead(env: RequestEnv, key: string, start: number): void {
  const s = env.settings;
  if (isValue(env.redis.call(['GET', key]))) {
    env.metrics.counters.hits++;
    complete(env, start);
    return;
  }
  const lock = `lock:${key}`;
  const token = env.token();
  if (isOk(env.redis.call(['SET', lock, token, 'NX', 'PX', String(s.lockTtl)]))) {
    env.metrics.counters.misses++;
    queryBackend(env, (ok) => {
      if (ok) {
        const value = payload(env.settings.valueSize);
        env.redis.call(['SET', key, value, 'PX', String(ttlFor(env.settings, env.prng))]);
        if (env.settings.onBusy === 'stale') {
          env.redis.call(['SET', `stale:${key}`, value, 'PX', String(Math.round(env.settings.ttl * STALE_TTL_FACTOR))]);
        }
      }
      release(env, lock, token);
      if (ok) complete(env, start);
      else failed(env, start);
    });
    return;
  }
  if (s.onBusy === 'stale' && isValue(env.redis.call(['GET', `stale:${key}`]))) {
    env.metrics.counters.stale++;
    complete(env, start);
    return;
  }
  if (env.sched.now + s.retry - start > s.wait) {
    failed(env, start);
    return;
  }
  env.sched.at(env.sched.now + s.retry, () => mutexRead(env, key, start));
}

/** Delete the lock only if it is still ours: the optimistic-transaction form of compare-and-delete. */
function release(env: RequestEnv, lock: string, token: string): void {
  const c = env.redis.pick();
  env.redis.on(c, ['WATCH', lock]);
  if (env.redis.on(c, ['GET', lock]) === token) {
    env.redis.on(c, ['MULTI']);
    env.redis.on(c, ['DEL', lock]);
    env.redis.on(c, ['EXEC']);
  } else {
    env.redis.on(c, ['UNWATCH']);
  }
}
