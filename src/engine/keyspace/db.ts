import { touchAllWatchedKeysInDb, touchWatchedKey, type WatchedKey } from '../server/multi.js';
import type { RedisServer } from '../server/server.js';
import { Dict, type DictEntry } from '../types/dict.js';
import type { RedisValue } from '../types/object.js';

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
  expires: Dict<number>;
  /** activeExpireCycle state (db->expires_cursor, db->avg_ttl). */
  expiresCursor = 0;
  avgTtl = 0;
  /** WATCH: key -> clients watching it in this db (db->watched_keys). */
  readonly watchedKeys = new Map<string, WatchedKey[]>();

  constructor(
    readonly server: RedisServer,
    public id: number,
  ) {
    this.dict = new Dict<RedisValue>(server.hashSeed);
    this.expires = new Dict<number>(server.hashSeed);
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

  /** lookupKey with LOOKUP_NOTOUCH|LOOKUP_NOSTATS (TYPE, OBJECT, EXISTS-style checks still expire). */
  peek(key: string): RedisValue | undefined {
    this.expireIfNeeded(key);
    return this.dict.get(key);
  }

  /** The dict entry after lazy expiry, with its LRU touched. */
  lookupEntry(key: string): DictEntry<RedisValue> | null {
    const e = this.dict.getEntry(key);
    if (e === null) return null;
    if (this.expires.size > 0 && this.expireIfNeeded(key)) return null;
    e.lru = lruClock(this.server.now);
    return e;
  }

  /** dbAdd: the key must not exist. */
  add(key: string, val: RedisValue): void {
    this.dict.add(key, val, lruClock(this.server.now));
    this.server.notify('n', 'new', key, this.id);
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
      e.lru = lruClock(this.server.now);
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

  /** getExpire: absolute unix time in ms, or -1. */
  getExpire(key: string): number {
    if (this.expires.size === 0) return -1;
    const when = this.expires.get(key);
    return when === undefined ? -1 : when;
  }

  setExpire(key: string, when: number): void {
    const e = this.expires.getEntry(key);
    if (e === null) this.expires.add(key, when);
    else e.val = when;
  }

  removeExpire(key: string): boolean {
    return this.expires.delete(key) !== null;
  }

  /** keyIsExpired, with time frozen for the command (server.now). */
  keyIsExpired(key: string): boolean {
    const when = this.getExpire(key);
    return when >= 0 && when <= this.server.now;
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
    this.expires = new Dict<number>(this.server.hashSeed);
    this.expiresCursor = 0;
    this.avgTtl = 0;
    return removed;
  }
}
