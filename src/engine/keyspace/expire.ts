import type { RedisServer } from '../server/server.js';
import type { Int64 } from '../util/numbers.js';
import type { Db } from './db.js';

/**
 * activeExpireCycle, slow variant (expire.c, Redis 7.0), run from serverCron: for up to
 * CRON_DBS_PER_CALL dbs, resuming where the last cycle stopped, SCAN the expires table from
 * db.expiresCursor sampling `keysPerLoop` keys per round and deleting the expired ones; repeat
 * the db while more than `acceptableStale` percent of a round was expired, within the cycle's
 * time budget (25% of a cron period at effort 1).
 *
 * Time is virtual and frozen for the cycle, so the budget is spent in modelled CPU cost per
 * bucket visited, key sampled and key deleted instead of being measured; like Redis, it is
 * only checked every 16 rounds.
 */
const ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP = 20;
const ACTIVE_EXPIRE_CYCLE_SLOW_TIME_PERC = 25;
const ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE = 10;
const CRON_DBS_PER_CALL = 16;
const DICT_HT_INITIAL_SIZE = 4;
/**
 * Modelled costs in microseconds of virtual CPU: a sample reads one entry, an expiry also
 * deletes the key and emits its event and DEL. About 25k expirations per 100 ms cycle.
 */
const BUCKET_COST_US = 0.05;
const SAMPLE_COST_US = 0.2;
const EXPIRE_COST_US = 1;

export interface ExpireCycleResult {
  sampled: number;
  expired: number;
  /** True when the time budget ran out (stat_expired_time_cap_reached_count). */
  timedOut: boolean;
  /** Modelled CPU time the cycle used, in microseconds. */
  elapsedUs: number;
}

export function activeExpireCycle(server: RedisServer): ExpireCycleResult {
  const effort = server.config.getInt('active-expire-effort') - 1;
  const keysPerLoop = ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP + (ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP / 4) * effort;
  const slowTimePerc = ACTIVE_EXPIRE_CYCLE_SLOW_TIME_PERC + 2 * effort;
  const acceptableStale = ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE - effort;
  const hz = Math.max(1, server.config.getInt('hz'));
  const timelimitUs = Math.max(1, Math.trunc((slowTimePerc * 1_000_000) / hz / 100));
  const dbs = server.dbs;
  // After a cycle that ran out of time, visit every db: there is work left somewhere.
  const dbsPerCall = server.expireCycleTimelimitExit || CRON_DBS_PER_CALL > dbs.length ? dbs.length : CRON_DBS_PER_CALL;
  server.expireCycleTimelimitExit = false;

  const cycle = { elapsedUs: 0, sampled: 0, expired: 0, iteration: 0, timedOut: false };
  for (let j = 0; j < dbsPerCall && !cycle.timedOut; j++) {
    // Advance first so that a db that exhausts the budget is not the first one next time.
    const db = dbs[server.expireCycleDb % dbs.length]!;
    server.expireCycleDb = (server.expireCycleDb + 1) % dbs.length;
    expireDb(server, db, keysPerLoop, acceptableStale, timelimitUs, cycle);
  }
  if (cycle.timedOut) {
    server.expireCycleTimelimitExit = true;
    server.stats.expiredTimeCapReachedCount++;
  }
  // Running estimate of the logically expired share of the keyspace, this cycle weighing 5%
  // (kept in percent, as INFO's expired_stale_perc shows it).
  const currentPerc = cycle.sampled === 0 ? 0 : (cycle.expired / cycle.sampled) * 100;
  server.stats.expiredStalePerc = currentPerc * 0.05 + server.stats.expiredStalePerc * 0.95;
  return { sampled: cycle.sampled, expired: cycle.expired, timedOut: cycle.timedOut, elapsedUs: cycle.elapsedUs };
}

interface CycleState {
  elapsedUs: number;
  sampled: number;
  expired: number;
  iteration: number;
  timedOut: boolean;
}

/** One db's share of the cycle: rounds of sampling until few enough keys were stale. */
function expireDb(server: RedisServer, db: Db, keysPerLoop: number, acceptableStale: number, timelimitUs: number, cycle: CycleState): void {
  let sampled: number;
  let expired: number;
  do {
    cycle.iteration++;
    const size = db.expires.size;
    if (size === 0) {
      db.avgTtl = 0;
      return;
    }
    // Under 1% of the buckets filled, sampling is too costly: wait for the cron to shrink it.
    const slots = db.expires.slots();
    if (slots > DICT_HT_INITIAL_SIZE && Math.floor((size * 100) / slots) < 1) return;
    const num = Math.min(size, keysPerLoop);
    const maxBuckets = num * 20;
    const now = Math.floor(server.now);
    sampled = 0;
    expired = 0;
    let ttlSum = 0;
    let ttlSamples = 0;
    let checkedBuckets = 0;
    // expireScanCallback: `when` is exact; the ttl only feeds the average.
    const visit = (e: { key: string; val: Int64 }): void => {
      const ttl = Number(e.val) - now;
      if (now > e.val) {
        db.deleteExpired(e.key);
        expired++;
      }
      if (ttl > 0) {
        ttlSum += ttl;
        ttlSamples++;
      }
      sampled++;
    };
    while (sampled < num && checkedBuckets < maxBuckets) {
      db.expiresCursor = db.expires.scan(db.expiresCursor, visit);
      checkedBuckets++;
    }
    cycle.sampled += sampled;
    cycle.expired += expired;
    cycle.elapsedUs += checkedBuckets * BUCKET_COST_US + sampled * SAMPLE_COST_US + expired * EXPIRE_COST_US;
    if (ttlSamples > 0) {
      const avgTtl = Math.trunc(ttlSum / ttlSamples);
      // Running average giving this round 2%, in Redis's integer arithmetic.
      if (db.avgTtl === 0) db.avgTtl = avgTtl;
      db.avgTtl = Math.trunc(db.avgTtl / 50) * 49 + Math.trunc(avgTtl / 50);
    }
    if ((cycle.iteration & 0xf) === 0 && cycle.elapsedUs > timelimitUs) {
      cycle.timedOut = true;
      return;
    }
  } while (sampled === 0 || Math.floor((expired * 100) / sampled) > acceptableStale);
}
