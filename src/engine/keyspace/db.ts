import { touchAllWatchedKeysInDb, touchWatchedKey, type WatchedKey } from '../server/multi.js';
import type { RedisServer } from '../server/server.js';
import { Dict, type DictEntry } from '../types/dict.js';
import type { RedisValue } from '../types/object.js';
import type { Int64 } from '../util/numbers.js';
import { lfuInitial, lfuTouch } from './lfu.js';

/** LRU_CLOCK_RESOLUTION: the object LRU clock ticks once a second, in 24 bits. */
export const LRU_CLOCK_MAX = (1 << 24) - 1;
export function lruClock(nowMs: number): number {
  return Math.floor(nowMs / 1000) & LRU_CLOCK_MAX;
}

/**
 * One Redis database (redisDb): the keyspace dict, the expires dict, and the watched keys.
 * Lookups follow db.c: lookupKeyRead / lookupKeyWrite expire lazily, count hits and misses,
 * and touch the object's LRU clock.
 */
export class Db {
  dict: Dict<RedisValue>;
  /** Absolute unix time in ms per volatile key, exact as int64 (a bigint beyond 2^53). */
  expires: Dict<Int64>;
  /** activeExpireCycle state (db->expires_cursor, db->avg_ttl). */
  expiresCursor = 0;
  avgTtl = 0;
  /** Cached lfuPolicy(), recomputed when the config changes. */
  private policyVersion = -1;
  private lfu = false;
  /** WATCH: key -> clients watching it in this db (db->watched_keys). */
  readonly watchedKeys = new Map<string, WatchedKey[]>();

  constructor(
    readonly server: RedisServer,
    public id: number,
  ) {
    this.dict = new Dict<RedisValue>(server.hashSeed);
    this.expires = new Dict<Int64>(server.hashSeed);
  }

  get size(): number {
    return this.dict.size;
  }

  /** lookupKeyRead: for commands that only read. Counts keyspace_hits / keyspace_misses. */
  lookupRead(key: string): RedisValue | undefined {
    const e = this.lookupEntry(key);
    if (e === null) {
      this.server.stats.keyspaceMisses++;
      this.server.notify('m', 'keymiss', key, this.id);
      return undefined;
    }
    this.server.stats.keyspaceHits++;
    return e.val;
  }

  /** lookupKeyWrite: for commands that may modify the key. No hit/miss statistics. */
  lookupWrite(key: string): RedisValue | undefined {
    const e = this.lookupEntry(key);
    return e === null ? undefined : e.val;
  }

  /**
   * lookupKeyReadWithFlags(LOOKUP_NOTOUCH): counts hits/misses like lookupRead but leaves the
   * LRU/LFU alone (TYPE, EXISTS, TTL, SCAN TYPE). OBJECT adds LOOKUP_NONOTIFY: notifyMiss false.
   * Returns the entry so OBJECT can read its LRU/LFU field.
   */
  lookupReadNoTouch(key: string, notifyMiss = true): DictEntry<RedisValue> | null {
    const e = this.dict.getEntry(key);
    if (e === null || (this.expires.size > 0 && this.expireIfNeeded(key))) {
      this.server.stats.keyspaceMisses++;
      if (notifyMiss) this.server.notify('m', 'keymiss', key, this.id);
      return null;
    }
    this.server.stats.keyspaceHits++;
    return e;
  }

  /** lookupKey with LOOKUP_NOTOUCH|LOOKUP_NOSTATS: expires lazily, neither counts nor touches. */
  peek(key: string): RedisValue | undefined {
    this.expireIfNeeded(key);
    return this.dict.get(key);
  }

  /** The dict entry after lazy expiry, with its LRU touched. */
  lookupEntry(key: string): DictEntry<RedisValue> | null {
    const e = this.dict.getEntry(key);
    if (e === null) return null;
    if (this.expires.size > 0 && this.expireIfNeeded(key)) return null;
    e.lru = this.lfuPolicy() ? this.touchLfu(e.lru) : lruClock(this.server.now);
    return e;
  }

  /** Whether maxmemory-policy is an LFU one: the `lru` field then holds the LFU counter. */
  lfuPolicy(): boolean {
    const config = this.server.config;
    if (config.version !== this.policyVersion) {
      this.policyVersion = config.version;
      this.lfu = config.get('maxmemory-policy').endsWith('-lfu');
    }
    return this.lfu;
  }

  /** updateLFU */
  private touchLfu(lru: number): number {
    const config = this.server.config;
    return lfuTouch(lru, this.server.now, config.getInt('lfu-decay-time'), config.getInt('lfu-log-factor'), this.server.prng.next());
  }

  /** dbAdd: the key must not exist. The new object's lru field is set as createObject does. */
  add(key: string, val: RedisValue): DictEntry<RedisValue> {
    const now = this.server.now;
    const e = this.dict.add(key, val, this.lfuPolicy() ? lfuInitial(now) : lruClock(now));
    this.server.blocking.signalKeyAsReady(this, key);
    this.server.notify('n', 'new', key, this.id);
    return e;
  }

  /**
   * setKey: add or overwrite the value; the TTL is removed unless keepTtl (SET KEEPTTL).
   * Signals the modification (WATCH); the caller sends the keyspace event for its command.
   */
  setKey(key: string, val: RedisValue, keepTtl = false): void {
    // lookupKeyWrite first, as Redis's setKey does: an expired key is deleted (and reported as
    // expired to WATCH and notifications) before the new value is added.
    const e = this.lookupEntry(key);
    if (e === null) {
      this.add(key, val);
    } else {
      e.val = val;
      // dbSetValue: under LFU the new value inherits the old one's counter.
      if (!this.lfuPolicy()) e.lru = lruClock(this.server.now);
      if (!keepTtl && this.expires.size > 0) this.expires.delete(key);
    }
    this.signalModifiedKey(key);
  }

  /** Replace the value of an existing key in place, keeping its TTL (INCR, APPEND, ...). */
  overwrite(key: string, val: RedisValue): void {
    const e = this.dict.getEntry(key);
    if (e === null) this.add(key, val);
    else e.val = val;
  }

  /** dbDelete: removes the key and its TTL. Returns whether it existed. */
  delete(key: string): boolean {
    if (this.dict.delete(key) === null) return false;
    if (this.expires.size > 0) this.expires.delete(key);
    return true;
  }

  /** getExpire: absolute unix time in ms, or -1 (rounded beyond 2^53 ms: use getExpireInt64 to reply). */
  getExpire(key: string): number {
    if (this.expires.size === 0) return -1;
    const when = this.expires.get(key);
    return when === undefined ? -1 : Number(when);
  }

  /** getExpire, exact: what TTL/PTTL/EXPIRETIME and persistence report. */
  getExpireInt64(key: string): Int64 {
    if (this.expires.size === 0) return -1;
    return this.expires.get(key) ?? -1;
  }

  setExpire(key: string, when: Int64): void {
    const e = this.expires.getEntry(key);
    if (e === null) this.expires.add(key, when);
    else e.val = when;
  }

  removeExpire(key: string): boolean {
    return this.expires.delete(key) !== null;
  }

  /** keyIsExpired: the TTL has passed once now > when (a key is still alive at its exact ms). */
  keyIsExpired(key: string): boolean {
    const when = this.getExpire(key);
    // Redis compares whole milliseconds (mstime); server.now may carry a fraction.
    return when >= 0 && Math.floor(this.server.now) > when;
  }

  /**
   * expireIfNeeded: delete the key if its TTL passed. On a replica the key only looks absent;
   * the master's DEL will remove it (Redis 7.0 semantics).
   */
  expireIfNeeded(key: string): boolean {
    if (!this.keyIsExpired(key)) return false;
    if (this.server.isReplica) return true;
    this.deleteExpired(key);
    return true;
  }

  /** deleteExpiredKeyAndPropagate: delete, count, notify `expired`, propagate DEL. */
  deleteExpired(key: string): void {
    this.delete(key);
    this.server.stats.expiredKeys++;
    this.server.notify('x', 'expired', key, this.id);
    this.signalModifiedKey(key);
    this.server.propagate(this.id, [this.server.config.getBool('lazyfree-lazy-expire') ? 'UNLINK' : 'DEL', key]);
  }

  /** signalModifiedKey: invalidates WATCH (and, later, client-side caching). */
  signalModifiedKey(key: string): void {
    if (this.watchedKeys.size === 0) return;
    touchWatchedKey(this, key);
  }

  /**
   * signalFlushedDb: invalidates WATCHes on this db's keys. Call it before the contents go:
   * FLUSHDB/FLUSHALL with no argument; SWAPDB a b as a.signalFlushed(b) and b.signalFlushed(a).
   */
  signalFlushed(replacedWith: Db | null = null): void {
    touchAllWatchedKeysInDb(this, replacedWith);
  }

  /** emptyDb for this db. */
  clear(): number {
    const removed = this.dict.size;
    this.dict = new Dict<RedisValue>(this.server.hashSeed);
    this.expires = new Dict<Int64>(this.server.hashSeed);
    this.expiresCursor = 0;
    this.avgTtl = 0;
    return removed;
  }
}
