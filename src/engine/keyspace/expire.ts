import type { RedisServer } from '../server/server.js';

/**
 * activeExpireCycle, slow variant (expire.c, Redis 7.0), run from serverCron: for each db, walk
 * the expires table bucket by bucket from db.expiresCursor, sampling `keysPerLoop` keys and
 * deleting the expired ones; repeat while more than `acceptableStale` percent of a sample was
 * expired, within the cycle's time budget.
 *
 * Time is virtual and frozen for the cycle, so the budget (25% of a cron period) is spent in a
 * modelled cost per sampled key rather than measured.
 */
const ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP = 20;
const ACTIVE_EXPIRE_CYCLE_SLOW_TIME_PERC = 25;
const ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE = 10;
/** Modelled cost of sampling one key, in microseconds of virtual CPU. */
const SAMPLE_COST_US = 1;

export interface ExpireCycleResult {
  sampled: number;
  expired: number;
  /** True when the budget ran out before every db was under the stale threshold. */
  timedOut: boolean;
}

export function activeExpireCycle(server: RedisServer): ExpireCycleResult {
  const effort = server.config.getInt('active-expire-effort') - 1;
  const keysPerLoop = ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP + (ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP / 4) * effort;
  const slowTimePerc = ACTIVE_EXPIRE_CYCLE_SLOW_TIME_PERC + 2 * effort;
  const acceptableStale = ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE - effort;
  const hz = Math.max(1, server.config.getInt('hz'));
  const budgetUs = (slowTimePerc * 1_000_000) / hz / 100;
  const now = server.now;

  let spentUs = 0;
  let totalSampled = 0;
  let totalExpired = 0;
  const dbs = server.dbs;
  for (let j = 0; j < dbs.length && spentUs < budgetUs; j++) {
    const db = dbs[(server.expireCycleDb + j) % dbs.length]!;
    let repeat: boolean;
    do {
      const num = Math.min(db.expires.size, keysPerLoop);
      if (num === 0) {
        db.avgTtl = 0;
        break;
      }
      let sampled = 0;
      let expired = 0;
      let ttlSum = 0;
      let ttlSamples = 0;
      let checkedBuckets = 0;
      const maxBuckets = num * 20;
      while (sampled < num && checkedBuckets < maxBuckets) {
        const due: string[] = [];
        db.expires.visitBucketsAt(db.expiresCursor, (e) => {
          const ttl = e.val - now;
          if (ttl <= 0) due.push(e.key);
          else {
            ttlSum += ttl;
            ttlSamples++;
          }
          sampled++;
        });
        for (const key of due) {
          if (db.keyIsExpired(key)) {
            db.deleteExpired(key);
            expired++;
          }
        }
        db.expiresCursor = (db.expiresCursor + 1) >>> 0;
        checkedBuckets++;
      }
      totalSampled += sampled;
      totalExpired += expired;
      spentUs += sampled * SAMPLE_COST_US + checkedBuckets * 0.1;
      if (ttlSamples > 0) {
        const avg = ttlSum / ttlSamples;
        // Running average, as Redis does, giving the new sample 2% weight.
        db.avgTtl = db.avgTtl === 0 ? avg : (db.avgTtl / 50) * 49 + avg / 50;
      }
      repeat = sampled === 0 || (expired * 100) / sampled > acceptableStale;
    } while (repeat && spentUs < budgetUs);
  }
  server.expireCycleDb = (server.expireCycleDb + 1) % dbs.length;
  const timedOut = spentUs >= budgetUs;
  if (timedOut) server.stats.expiredTimeCapReachedCount++;
  server.stats.expiredStalePerc = totalSampled === 0 ? 0 : (totalExpired / totalSampled) * 100;
  return { sampled: totalSampled, expired: totalExpired, timedOut };
}
