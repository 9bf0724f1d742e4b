import { error, OK, status, type ErrorReply, type Reply } from '../../protocol/reply.js';
import { Db } from '../keyspace/db.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { RawString, typeOf, type RedisType, type RedisValue } from '../types/object.js';
import { stringMatch } from '../util/glob.js';
import { string2ll } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import type { CommandGroup } from './spec.js';

/**
 * The type-agnostic keyspace commands (db.c): DEL UNLINK EXISTS TOUCH TYPE RANDOMKEY KEYS SCAN
 * RENAME RENAMENX MOVE COPY. The expiry commands live in expire.ts, OBJECT in object.ts.
 */

const INVALID_CURSOR = error('ERR invalid cursor');
const INT_OUT_OF_RANGE = error('ERR value is out of range, value must between -2147483648 and 2147483647');

/** getIntFromObjectOrReply: an int64 that must also fit a C int. */
function parseInt32(arg: string): number | ErrorReply {
  const v = string2ll(arg);
  if (v === null) return E.NOT_INTEGER;
  if (v < -2147483648 || v > 2147483647) return INT_OUT_OF_RANGE;
  return Number(v);
}

/** getIntFromObjectOrReply + selectDb: the db a MOVE or COPY ... DB targets. */
function targetDb(c: Client, arg: string): Db | ErrorReply {
  const id = parseInt32(arg);
  if (typeof id !== 'number') return id;
  const db = c.server.dbs[id];
  return db === undefined || id < 0 ? E.DB_INDEX_OUT_OF_RANGE : db;
}

/** delGenericCommand: expired keys are reaped first, so they do not count as deleted. */
function delGeneric(c: Client, argv: string[]): Reply {
  const db = c.db;
  const server = c.server;
  let deleted = 0;
  for (let j = 1; j < argv.length; j++) {
    const key = argv[j]!;
    db.expireIfNeeded(key);
    if (!db.delete(key)) continue;
    db.signalModifiedKey(key);
    server.notify('g', 'del', key, db.id);
    server.dirty++;
    deleted++;
  }
  return deleted;
}

/** existsCommand: every argument counts, repeated keys included. */
function exists(c: Client, argv: string[]): Reply {
  let count = 0;
  for (let j = 1; j < argv.length; j++) if (c.db.lookupReadNoTouch(argv[j]!) !== null) count++;
  return count;
}

/** touchCommand: a read lookup per key (LRU/LFU touched, hits and misses counted). */
function touch(c: Client, argv: string[]): Reply {
  let touched = 0;
  for (let j = 1; j < argv.length; j++) if (c.db.lookupRead(argv[j]!) !== undefined) touched++;
  return touched;
}

/** getObjectTypeName */
function typeName(v: RedisValue | undefined): RedisType | 'none' {
  return v === undefined ? 'none' : typeOf(v);
}

const TYPE_REPLIES = new Map<string, Reply>(
  (['none', 'string', 'list', 'set', 'zset', 'hash', 'stream'] as const).map((t) => [t, Object.freeze(status(t))]),
);

function type(c: Client, argv: string[]): Reply {
  return TYPE_REPLIES.get(typeName(c.db.lookupReadNoTouch(argv[1]!)?.val))!;
}

/** maxtries in dbRandomKey: a replica cannot reap keys, so a db of only stale keys would loop. */
const RANDOMKEY_MAX_TRIES = 100;

/** dbRandomKey: a fair random key, skipping (and reaping) expired ones. */
function randomkey(c: Client): Reply {
  const db = c.db;
  const prng = c.server.prng;
  const rand = (n: number): number => prng.int(n);
  const allVolatile = db.dict.size === db.expires.size;
  let tries = RANDOMKEY_MAX_TRIES;
  for (;;) {
    const e = db.dict.fairRandomEntry(rand);
    if (e === null) return null;
    const key = e.key;
    if (db.expires.size > 0 && db.expires.has(key)) {
      if (allVolatile && c.server.isReplica && --tries === 0) return key;
      if (db.expireIfNeeded(key)) continue;
    }
    return key;
  }
}

/** keysCommand: a full walk; logically expired keys are skipped but not deleted. */
function keys(c: Client, argv: string[]): Reply {
  const pattern = argv[1]!;
  const all = pattern === '*';
  const db = c.db;
  const out: string[] = [];
  for (const e of db.dict.entries()) {
    if ((all || stringMatch(pattern, e.key)) && !db.keyIsExpired(e.key)) out.push(e.key);
  }
  return out;
}

const ULONG_MAX = (1n << 64n) - 1n;

/** C's isspace in the "C" locale. */
function isCSpace(ch: number): boolean {
  return ch === 32 || (ch >= 9 && ch <= 13);
}

/**
 * parseScanCursorOrReply: strtoul(s, 10) as Redis checks it (no leading space, nothing after
 * the digits, no overflow; "" is 0 and "-1" wraps). Only the low 32 bits matter: a table
 * never has more buckets, and dictScan sets every bit above the mask before incrementing.
 */
export function parseScanCursor(s: string): number | null {
  if (s.length === 0) return 0;
  if (isCSpace(s.charCodeAt(0))) return null;
  let i = 0;
  const sign = s.charCodeAt(0);
  if (sign === 43 || sign === 45) i = 1; // '+' / '-'
  if (i === s.length) return null;
  for (let k = i; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch < 48 || ch > 57) return null;
  }
  const digits = s.slice(i);
  if (digits.length <= 9 && sign !== 45) return Number(digits);
  let v = BigInt(digits);
  if (v > ULONG_MAX) return null;
  if (sign === 45) v = (-v) & ULONG_MAX;
  return Number(v & 0xffffffffn);
}

/** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] (scanGenericCommand for the keyspace). */
function scan(c: Client, argv: string[]): Reply {
  let cursor = parseScanCursor(argv[1]!);
  if (cursor === null) return INVALID_CURSOR;
  let count = 10;
  let pattern: string | null = null;
  let typeFilter: string | null = null;
  for (let i = 2; i < argv.length; i += 2) {
    const opt = optionName(argv[i]!);
    const hasArg = i + 1 < argv.length;
    if (opt === 'COUNT' && hasArg) {
      const n = string2ll(argv[i + 1]!);
      if (n === null) return E.NOT_INTEGER;
      if (n < 1) return E.SYNTAX;
      count = Number(n);
    } else if (opt === 'MATCH' && hasArg) {
      const p = argv[i + 1]!;
      // The pattern "*" always matches: equivalent to no pattern.
      pattern = p === '*' ? null : p;
    } else if (opt === 'TYPE' && hasArg) {
      typeFilter = optionName(argv[i + 1]!);
    } else {
      return E.SYNTAX;
    }
  }
  const db = c.db;
  // COUNT bounds the bucket visits too, so a sparse table cannot make one call unbounded.
  let maxIterations = count * 10;
  const found: string[] = [];
  const collect = (e: { key: string }): void => {
    found.push(e.key);
  };
  do {
    cursor = db.dict.scan(cursor, collect);
  } while (cursor !== 0 && maxIterations-- > 0 && found.length < count);

  const out: string[] = [];
  for (const key of found) {
    if (pattern !== null && !stringMatch(pattern, key)) continue;
    if (typeFilter !== null && typeName(db.lookupReadNoTouch(key)?.val).toUpperCase() !== typeFilter) continue;
    if (db.expireIfNeeded(key)) continue;
    out.push(key);
  }
  return [String(cursor), out];
}

/** renameGenericCommand: the value keeps its TTL and its LRU/LFU, under the new name. */
function renameGeneric(c: Client, argv: string[], nx: boolean): Reply {
  const src = argv[1]!;
  const dst = argv[2]!;
  const db = c.db;
  const entry = db.lookupEntry(src);
  if (entry === null) return E.NO_SUCH_KEY;
  if (src === dst) return nx ? 0 : OK;
  const val = entry.val;
  const lru = entry.lru;
  const expire = db.getExpireInt64(src);
  if (db.lookupWrite(dst) !== undefined) {
    if (nx) return 0;
    db.delete(dst);
  }
  db.add(dst, val).lru = lru;
  if (expire !== -1) db.setExpire(dst, expire);
  db.delete(src);
  db.signalModifiedKey(src);
  db.signalModifiedKey(dst);
  const server = c.server;
  server.notify('g', 'rename_from', src, db.id);
  server.notify('g', 'rename_to', dst, db.id);
  server.dirty++;
  return nx ? 1 : OK;
}

/** MOVE key db */
function move(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const src = c.db;
  const dst = targetDb(c, argv[2]!);
  if (!(dst instanceof Db)) return dst;
  if (src === dst) return E.SAME_OBJECT;
  const entry = src.lookupEntry(key);
  if (entry === null) return 0;
  const expire = src.getExpireInt64(key);
  if (dst.lookupWrite(key) !== undefined) return 0;
  dst.add(key, entry.val).lru = entry.lru;
  if (expire !== -1) dst.setExpire(key, expire);
  src.delete(key);
  src.signalModifiedKey(key);
  dst.signalModifiedKey(key);
  const server = c.server;
  server.notify('g', 'move_from', key, src.id);
  server.notify('g', 'move_to', key, dst.id);
  server.dirty++;
  return 1;
}

/**
 * The copy COPY stores: strings are immutable byte strings or numbers except RawString, which
 * is edited in place and so must not be shared; collections deep-copy themselves.
 */
function dupValue(v: RedisValue): RedisValue {
  if (typeof v !== 'object') return v;
  if (v instanceof RawString) return new RawString(v.s);
  return v.copy();
}

/** COPY source destination [DB destination-db] [REPLACE] */
function copy(c: Client, argv: string[]): Reply {
  const src = c.db;
  let dst = c.db;
  let replace = false;
  for (let j = 3; j < argv.length; j++) {
    const opt = optionName(argv[j]!);
    if (opt === 'REPLACE') {
      replace = true;
    } else if (opt === 'DB' && j + 1 < argv.length) {
      const db = targetDb(c, argv[++j]!);
      if (!(db instanceof Db)) return db;
      dst = db;
    } else {
      return E.SYNTAX;
    }
  }
  const key = argv[1]!;
  const newKey = argv[2]!;
  if (src === dst && key === newKey) return E.SAME_OBJECT;
  const val = src.lookupRead(key);
  if (val === undefined) return 0;
  const expire = src.getExpireInt64(key);
  let overwrite = false;
  if (dst.lookupWrite(newKey) !== undefined) {
    if (!replace) return 0;
    overwrite = true;
  }
  const dup = dupValue(val);
  if (overwrite) dst.delete(newKey);
  dst.add(newKey, dup);
  if (expire !== -1) dst.setExpire(newKey, expire);
  dst.signalModifiedKey(newKey);
  c.server.notify('g', 'copy_to', newKey, dst.id);
  c.server.dirty++;
  return 1;
}

export const generic: CommandGroup = {
  handlers: {
    del: delGeneric,
    unlink: delGeneric,
    exists,
    touch,
    type,
    randomkey,
    keys,
    scan,
    rename: (c, argv) => renameGeneric(c, argv, false),
    renamenx: (c, argv) => renameGeneric(c, argv, true),
    move,
    copy,
  },
};
