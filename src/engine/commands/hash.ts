import { EMPTY_ARRAY, OK, error, map, type ErrorReply, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import type { RedisServer } from '../server/server.js';
import { RedisHash, type HashLimits } from '../types/hash.js';
import type { Encoding } from '../types/object.js';
import { stringMatch } from '../util/glob.js';
import { addLongDouble, formatLongDoubleHuman, isFiniteLongDouble, longDoubleFromInt, parseLongDouble } from '../util/longdouble.js';
import { LLONG_MIN, addInt64, addOverflows, string2ll, type Int64 } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import { parseScanCursor } from './generic.js';
import { INVALID_CURSOR, parseScanOptions } from './scanArgs.js';
import type { CommandGroup } from './spec.js';

/**
 * The hash commands (t_hash.c, Redis 7.0). The value and its encodings live in
 * types/hash.ts; this file parses arguments, builds replies and does what every write does
 * (dirty, signalModifiedKey, the keyspace event, propagation rewrites).
 */

const HASH_NOT_INTEGER = Object.freeze(error('ERR hash value is not an integer'));
const HASH_NOT_FLOAT = Object.freeze(error('ERR hash value is not a float'));
const INCR_NAN_OR_INFINITY = Object.freeze(error('ERR value is NaN or Infinity'));
const COUNT_RANGE = Object.freeze(error('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807'));
const OUT_OF_RANGE = Object.freeze(error('ERR value is out of range'));
/** LONG_MAX / 2: with WITHVALUES the reply has twice as many entries as the count. */
const LONG_MAX_HALF = 4611686018427387903n;
/**
 * A negative count asks for that many picks with repetition, which Redis would try to serve
 * even for billions; the engine must stay responsive, so beyond this it answers Redis's range
 * error instead (the same bound ZRANDMEMBER uses).
 */
const MAX_REPEATED_RANDOM = 1_000_000;
/** HRANDFIELD_SUB_STRATEGY_MUL */
const SUB_STRATEGY_MUL = 3;

/** hash-max-listpack-entries / hash-max-listpack-value from CONFIG. */
export function hashLimits(server: RedisServer): HashLimits {
  return {
    maxListpackEntries: server.config.getInt('hash-max-listpack-entries'),
    maxListpackValue: server.config.getInt('hash-max-listpack-value'),
  };
}

/** Tell the views when a command converted the hash at `key` (listpack -> hashtable). */
function reportConversion(c: Client, key: string, from: Encoding, h: RedisHash): void {
  const to = h.encoding();
  if (to !== from) c.server.encodingChanged(c.db.id, key, from, to);
}

/** hashTypeLookupWriteOrCreate: an empty listpack hash is added when the key is missing. */
function lookupWriteOrCreate(c: Client, key: string): RedisHash | ErrorReply {
  const v = c.db.lookupWrite(key);
  if (v === undefined) {
    const h = new RedisHash(c.server);
    c.db.add(key, h);
    return h;
  }
  return v instanceof RedisHash ? v : E.WRONGTYPE;
}

/** lookupKeyReadOrReply + checkType: undefined when the key is missing. */
function lookupRead(c: Client, key: string): RedisHash | ErrorReply | undefined {
  const v = c.db.lookupRead(key);
  if (v === undefined || v instanceof RedisHash) return v;
  return E.WRONGTYPE;
}

/** The end of every hash write: WATCH, the keyspace event, the dirty counter. */
function written(c: Client, key: string, event: string, dirty: number): void {
  c.db.signalModifiedKey(key);
  c.server.notify('h', event, key, c.db.id);
  c.server.dirty += dirty;
}

/** hsetCommand (HSET replies the number of new fields, HMSET +OK). */
function hsetGeneric(c: Client, argv: string[], hmset: boolean): Reply {
  if (argv.length % 2 === 1) return E.wrongArity(hmset ? 'hmset' : 'hset');
  const key = argv[1]!;
  const h = lookupWriteOrCreate(c, key);
  if (!(h instanceof RedisHash)) return h;
  const from = h.encoding();
  const limits = hashLimits(c.server);
  h.tryConversion(argv, 2, argv.length - 1, limits);
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) if (!h.set(argv[i]!, argv[i + 1]!, limits)) created++;
  reportConversion(c, key, from, h);
  written(c, key, 'hset', (argv.length - 2) / 2);
  return hmset ? OK : created;
}

function hsetnx(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const h = lookupWriteOrCreate(c, key);
  if (!(h instanceof RedisHash)) return h;
  if (h.has(argv[2]!)) return 0;
  const from = h.encoding();
  const limits = hashLimits(c.server);
  h.tryConversion(argv, 2, 3, limits);
  h.set(argv[2]!, argv[3]!, limits);
  reportConversion(c, key, from, h);
  written(c, key, 'hset', 1);
  return 1;
}

/** hincrbyCommand: the field's value must be an int64 string; overflow is refused. */
function hincrby(c: Client, argv: string[]): Reply {
  const incr = string2ll(argv[3]!);
  if (incr === null) return E.NOT_INTEGER;
  const key = argv[1]!;
  const field = argv[2]!;
  const h = lookupWriteOrCreate(c, key);
  if (!(h instanceof RedisHash)) return h;
  let value: Int64 = 0;
  const cur = h.get(field);
  if (cur !== undefined) {
    const v = string2ll(cur);
    if (v === null) return HASH_NOT_INTEGER;
    value = v;
  }
  if (addOverflows(value, incr)) return E.OVERFLOW;
  value = addInt64(value, incr);
  const from = h.encoding();
  h.set(field, String(value), hashLimits(c.server));
  reportConversion(c, key, from, h);
  written(c, key, 'hincrby', 1);
  return value;
}

/**
 * hincrbyfloatCommand: long double arithmetic, the result written with ld2string's human
 * format, and propagated as HSET of that text so replicas never redo the float math.
 */
function hincrbyfloat(c: Client, argv: string[]): Reply {
  const incr = parseLongDouble(argv[3]!);
  if (incr === null) return E.NOT_FLOAT;
  if (!isFiniteLongDouble(incr)) return INCR_NAN_OR_INFINITY;
  const key = argv[1]!;
  const field = argv[2]!;
  const h = lookupWriteOrCreate(c, key);
  if (!(h instanceof RedisHash)) return h;
  let value = longDoubleFromInt(0);
  const cur = h.get(field);
  if (cur !== undefined) {
    const v = parseLongDouble(cur);
    if (v === null) return HASH_NOT_FLOAT;
    value = v;
  }
  value = addLongDouble(value, incr);
  if (!isFiniteLongDouble(value)) return E.NAN_OR_INFINITY;
  const text = formatLongDoubleHuman(value);
  const from = h.encoding();
  h.set(field, text, hashLimits(c.server));
  reportConversion(c, key, from, h);
  written(c, key, 'hincrbyfloat', 1);
  c.argv = ['HSET', key, field, text];
  return text;
}

function hget(c: Client, argv: string[]): Reply {
  const h = lookupRead(c, argv[1]!);
  if (h === undefined) return null;
  if (!(h instanceof RedisHash)) return h;
  return h.get(argv[2]!) ?? null;
}

/** hmgetCommand: a missing key is an empty hash, answering a nil per field. */
function hmget(c: Client, argv: string[]): Reply {
  const h = lookupRead(c, argv[1]!);
  if (h !== undefined && !(h instanceof RedisHash)) return h;
  const out: Reply[] = new Array<Reply>(argv.length - 2);
  for (let i = 2; i < argv.length; i++) out[i - 2] = h === undefined ? null : (h.get(argv[i]!) ?? null);
  return out;
}

/** hdelCommand: stops as soon as the hash is empty, which deletes the key. */
function hdel(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const db = c.db;
  const h = db.lookupWrite(key);
  if (h === undefined) return 0;
  if (!(h instanceof RedisHash)) return E.WRONGTYPE;
  let deleted = 0;
  let keyremoved = false;
  for (let j = 2; j < argv.length; j++) {
    if (!h.delete(argv[j]!)) continue;
    deleted++;
    if (h.length === 0) {
      db.delete(key);
      keyremoved = true;
      break;
    }
  }
  if (deleted > 0) {
    written(c, key, 'hdel', deleted);
    if (keyremoved) c.server.notify('g', 'del', key, db.id);
  }
  return deleted;
}

function hlen(c: Client, argv: string[]): Reply {
  const h = lookupRead(c, argv[1]!);
  if (h === undefined) return 0;
  if (!(h instanceof RedisHash)) return h;
  return h.length;
}

function hstrlen(c: Client, argv: string[]): Reply {
  const h = lookupRead(c, argv[1]!);
  if (h === undefined) return 0;
  if (!(h instanceof RedisHash)) return h;
  return h.get(argv[2]!)?.length ?? 0;
}

function hexists(c: Client, argv: string[]): Reply {
  const h = lookupRead(c, argv[1]!);
  if (h === undefined) return 0;
  if (!(h instanceof RedisHash)) return h;
  return h.has(argv[2]!) ? 1 : 0;
}

/** genericHgetallCommand: HGETALL replies a map (flat in RESP2), HKEYS and HVALS arrays. */
function hgetallGeneric(c: Client, argv: string[], fields: boolean, values: boolean): Reply {
  const h = lookupRead(c, argv[1]!);
  const both = fields && values;
  if (h === undefined) return both ? map([]) : EMPTY_ARRAY;
  if (!(h instanceof RedisHash)) return h;
  const out: Reply[] = [];
  h.forEach((f, v) => {
    if (fields) out.push(f);
    if (values) out.push(v);
  });
  return both ? map(out) : out;
}

/** hscanCommand: the cursor is checked first, then the key, then the options. */
function hscan(c: Client, argv: string[]): Reply {
  let cursor = parseScanCursor(argv[2]!);
  if (cursor === null) return INVALID_CURSOR;
  const h = lookupRead(c, argv[1]!);
  if (h === undefined) return ['0', EMPTY_ARRAY];
  if (!(h instanceof RedisHash)) return h;
  const opts = parseScanOptions(argv, 3);
  if ('t' in opts) return opts;
  const items: string[] = [];
  const collect = (f: string, v: string): void => {
    items.push(f, v);
  };
  if (h.encoding() === 'listpack') {
    cursor = h.scan(0, collect);
  } else {
    // Fields and values both count towards COUNT; at most COUNT*10 bucket visits per call.
    const count = opts.count * 2;
    let maxIterations = count * 10;
    do {
      cursor = h.scan(cursor, collect);
    } while (cursor !== 0 && maxIterations-- > 0 && items.length < count);
  }
  const pattern = opts.pattern;
  if (pattern === null) return [String(cursor), items];
  const out: string[] = [];
  for (let i = 0; i < items.length; i += 2) {
    if (stringMatch(pattern, items[i]!)) out.push(items[i]!, items[i + 1]!);
  }
  return [String(cursor), out];
}

/** One picked field: flat in RESP2 (field, value), a [field, value] pair in RESP3. */
function pushPair(out: Reply[], c: Client, field: string, value: string, withvalues: boolean): void {
  if (!withvalues) out.push(field);
  else if (c.resp > 2) out.push([field, value]);
  else out.push(field, value);
}

/**
 * hrandfieldWithCountCommand: a negative count picks with repetition (random order); a
 * positive one returns distinct fields: the whole hash when the count covers it, otherwise
 * either everything minus random drops (count close to the size) or random picks.
 */
function hrandfieldWithCount(c: Client, key: string, l: number, withvalues: boolean): Reply {
  const h = lookupRead(c, key);
  if (h === undefined) return EMPTY_ARRAY;
  if (!(h instanceof RedisHash)) return h;
  const size = h.length;
  const uniq = l >= 0;
  const count = Math.abs(l);
  if (count === 0) return EMPTY_ARRAY;
  const prng = c.server.prng;
  const rand = (n: number): number => prng.int(n);
  const out: Reply[] = [];
  if (!uniq || count === 1) {
    if (count > MAX_REPEATED_RANDOM) return OUT_OF_RANGE;
    for (let i = 0; i < count; i++) {
      const [f, v] = h.random(rand);
      pushPair(out, c, f, v, withvalues);
    }
    return out;
  }
  if (count >= size) {
    h.forEach((f, v) => pushPair(out, c, f, v, withvalues));
    return out;
  }
  if (count * SUB_STRATEGY_MUL > size) {
    const all: Array<[string, string]> = [];
    h.forEach((f, v) => all.push([f, v]));
    while (all.length > count) {
      const i = rand(all.length);
      all[i] = all[all.length - 1]!;
      all.pop();
    }
    for (const [f, v] of all) pushPair(out, c, f, v, withvalues);
    return out;
  }
  if (h.encoding() === 'listpack') {
    for (const [f, v] of h.randomPairsUnique(count, () => prng.next())) pushPair(out, c, f, v, withvalues);
    return out;
  }
  const picked = new Set<string>();
  while (picked.size < count) {
    const [f, v] = h.random(rand);
    if (picked.has(f)) continue;
    picked.add(f);
    pushPair(out, c, f, v, withvalues);
  }
  return out;
}

/** HRANDFIELD key [count [WITHVALUES]] */
function hrandfield(c: Client, argv: string[]): Reply {
  if (argv.length >= 3) {
    const l = string2ll(argv[2]!);
    if (l === null) return E.NOT_INTEGER;
    if (l === LLONG_MIN) return COUNT_RANGE;
    if (argv.length > 4 || (argv.length === 4 && optionName(argv[3]!) !== 'WITHVALUES')) return E.SYNTAX;
    const withvalues = argv.length === 4;
    if (withvalues && (BigInt(l) < -LONG_MAX_HALF || BigInt(l) > LONG_MAX_HALF)) return OUT_OF_RANGE;
    return hrandfieldWithCount(c, argv[1]!, Number(l), withvalues);
  }
  const h = lookupRead(c, argv[1]!);
  if (h === undefined) return null;
  if (!(h instanceof RedisHash)) return h;
  return h.random((n) => c.server.prng.int(n))[0];
}

export const hashes: CommandGroup = {
  handlers: {
    hset: (c, argv) => hsetGeneric(c, argv, false),
    hmset: (c, argv) => hsetGeneric(c, argv, true),
    hsetnx,
    hincrby,
    hincrbyfloat,
    hget,
    hmget,
    hdel,
    hlen,
    hstrlen,
    hexists,
    hkeys: (c, argv) => hgetallGeneric(c, argv, true, false),
    hvals: (c, argv) => hgetallGeneric(c, argv, false, true),
    hgetall: (c, argv) => hgetallGeneric(c, argv, true, true),
    hscan,
    hrandfield,
  },
};
