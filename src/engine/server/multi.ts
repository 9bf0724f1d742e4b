import type { Db } from '../keyspace/db.js';
import type { Client } from './client.js';

/**
 * WATCH bookkeeping (multi.c). Each watched (db, key) is one WatchedKey shared by the client's
 * list and the db's key -> watchers index, so either side can find and drop it.
 */
export interface WatchedKey {
  readonly client: Client;
  readonly db: Db;
  readonly key: string;
  /**
   * The key was already logically expired when WATCH ran (Redis 7.0): its lazy or active
   * deletion is then no change, and EXEC does not count it as expired.
   */
  expired: boolean;
}

/** watchForKey: a key already watched in the client's current db is not added twice. */
export function watchForKey(c: Client, key: string): void {
  const db = c.db;
  for (const wk of c.watched) if (wk.db === db && wk.key === key) return;
  const wk: WatchedKey = { client: c, db, key, expired: db.keyIsExpired(key) };
  const watchers = db.watchedKeys.get(key);
  if (watchers === undefined) db.watchedKeys.set(key, [wk]);
  else watchers.push(wk);
  c.watched.push(wk);
}

/** unwatchAllKeys: clearing CLIENT_DIRTY_CAS is up to the caller, as in Redis. */
export function unwatchAllKeys(c: Client): void {
  if (c.watched.length === 0) return;
  for (const wk of c.watched) {
    const watchers = wk.db.watchedKeys.get(wk.key);
    if (watchers === undefined) continue;
    const i = watchers.indexOf(wk);
    if (i !== -1) watchers.splice(i, 1);
    if (watchers.length === 0) wk.db.watchedKeys.delete(wk.key);
  }
  c.watched.length = 0;
}

/** isWatchedKeyExpired: EXEC fails if a key that was alive at WATCH time has since expired. */
export function isWatchedKeyExpired(c: Client): boolean {
  for (const wk of c.watched) {
    if (!wk.expired && wk.db.keyIsExpired(wk.key)) return true;
  }
  return false;
}

/**
 * touchWatchedKey: mark every watcher of the key CLIENT_DIRTY_CAS and drop its other watches
 * (nothing can undo the dirty flag but EXEC, DISCARD or UNWATCH, which unwatch anyway).
 */
export function touchWatchedKey(db: Db, key: string): void {
  const watchers = db.watchedKeys.get(key);
  if (watchers === undefined) return;
  for (const wk of watchers.slice()) {
    if (wk.expired) {
      // Deleting a key that was already expired at WATCH time is no logical change.
      if (!db.dict.has(key)) {
        wk.expired = false;
        continue;
      }
      // Redis 7.0.15 stops at the first watcher of a still-present expired key (a `break` in
      // touchWatchedKey's loop): watchers after it are left untouched.
      break;
    }
    wk.client.dirtyCas = true;
    unwatchAllKeys(wk.client);
  }
}

/**
 * touchAllWatchedKeysInDb: FLUSHDB / FLUSHALL (replacedWith null) and SWAPDB (the db whose
 * contents will take this one's place) invalidate the watchers of keys that exist in either.
 * Must run before the contents are emptied or swapped.
 */
export function touchAllWatchedKeysInDb(emptied: Db, replacedWith: Db | null): void {
  if (emptied.watchedKeys.size === 0) return;
  for (const [key, watchers] of emptied.watchedKeys) {
    const existsInEmptied = emptied.dict.has(key);
    const existsInReplacement = replacedWith !== null && replacedWith.dict.has(key);
    if (!existsInEmptied && !existsInReplacement) continue;
    for (const wk of watchers.slice()) {
      if (wk.expired) {
        if (!existsInReplacement) {
          // The expired key is now deleted: no logical change.
          wk.expired = false;
          continue;
        }
        if (replacedWith!.keyIsExpired(key)) continue;
      } else if (!existsInEmptied && replacedWith!.keyIsExpired(key)) {
        // A missing key replaced by an already expired one is still missing, logically.
        wk.expired = true;
        continue;
      }
      wk.client.dirtyCas = true;
      unwatchAllKeys(wk.client);
    }
  }
}

/** discardTransaction: leave MULTI, forget the queue, the dirty flags and every WATCH. */
export function discardTransaction(c: Client): void {
  c.queued = [];
  c.inMulti = false;
  c.dirtyCas = false;
  c.dirtyExec = false;
  unwatchAllKeys(c);
}
