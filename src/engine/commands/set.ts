import { EMPTY_ARRAY, error, set as setReply, type ErrorReply, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import type { RedisServer } from '../server/server.js';
import type { Encoding } from '../types/object.js';
import { RedisSet, intsetLimit } from '../types/set.js';
import { stringMatch } from '../util/glob.js';
import { LLONG_MIN, string2ll } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import { parseScanCursor } from './generic.js';
import { INVALID_CURSOR, parseScanOptions } from './scanArgs.js';
import type { CommandGroup } from './spec.js';

/**
 * The set commands (t_set.c, Redis 7.0). The value and its encodings live in types/set.ts;
 * this file parses arguments, builds replies and does what every write does (dirty,
 * signalModifiedKey, the keyspace event, propagation rewrites).
 */

const POSITIVE = Object.freeze(error('ERR value is out of range, must be positive'));
const COUNT_RANGE = Object.freeze(error('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807'));
const OUT_OF_RANGE = Object.freeze(error('ERR value is out of range'));
/**
 * A negative SRANDMEMBER count asks for that many picks with repetition, which Redis would
 * try to serve even for billions; the engine must stay responsive, so beyond this it answers
 * Redis's range error instead (the same bound ZRANDMEMBER and HRANDFIELD use).
 */
const MAX_REPEATED_RANDOM = 1_000_000;
/** SPOP_MOVE_STRATEGY_MUL */
const SPOP_MOVE_STRATEGY_MUL = 5;
/** SRANDMEMBER_SUB_STRATEGY_MUL */
const SRANDMEMBER_SUB_STRATEGY_MUL = 3;

/** set-max-intset-entries from CONFIG, capped as setTypeAdd caps it. */
function setIntsetLimit(server: RedisServer): number {
  return intsetLimit(server.config.getInt('set-max-intset-entries'));
}

/** Tell the views when the set at `key` changed encoding (intset <-> hashtable). */
function reportConversion(c: Client, key: string, from: Encoding, s: RedisSet): void {
  const to = s.encoding();
  if (to !== from) c.server.encodingChanged(c.db.id, key, from, to);
}

/** lookupKeyRead + checkType: undefined when the key is missing. */
function lookupSetRead(c: Client, key: string): RedisSet | ErrorReply | undefined {
  const v = c.db.lookupRead(key);
  if (v === undefined || v instanceof RedisSet) return v;
  return E.WRONGTYPE;
}

/** lookupKeyWrite + checkType: undefined when the key is missing. */
function lookupSetWrite(c: Client, key: string): RedisSet | ErrorReply | undefined {
  const v = c.db.lookupWrite(key);
  if (v === undefined || v instanceof RedisSet) return v;
  return E.WRONGTYPE;
}

function sadd(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const db = c.db;
  let s = lookupSetWrite(c, key);
  if (s !== undefined && !(s instanceof RedisSet)) return s;
  if (s === undefined) {
    s = RedisSet.createFor(c.server, argv[2]!);
    db.add(key, s);
  }
  const from = s.encoding();
  const limit = setIntsetLimit(c.server);
  let added = 0;
  for (let j = 2; j < argv.length; j++) if (s.add(argv[j]!, limit)) added++;
  reportConversion(c, key, from, s);
  if (added > 0) {
    db.signalModifiedKey(key);
    c.server.notify('s', 'sadd', key, db.id);
  }
  c.server.dirty += added;
  return added;
}

/** sremCommand: stops as soon as the set is empty, which deletes the key. */
function srem(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const db = c.db;
  const s = lookupSetWrite(c, key);
  if (s === undefined) return 0;
  if (!(s instanceof RedisSet)) return s;
  let deleted = 0;
  let keyremoved = false;
  for (let j = 2; j < argv.length; j++) {
    if (!s.remove(argv[j]!)) continue;
    deleted++;
    if (s.length === 0) {
      db.delete(key);
      keyremoved = true;
      break;
    }
  }
  if (deleted > 0) {
    db.signalModifiedKey(key);
    c.server.notify('s', 'srem', key, db.id);
    if (keyremoved) c.server.notify('g', 'del', key, db.id);
    c.server.dirty += deleted;
  }
  return deleted;
}

/**
 * smoveCommand: srem on the source (del when emptied), the destination created like SADD
 * would, sadd on it only when the member is new there. Moving within one key only checks
 * membership.
 */
function smove(c: Client, argv: string[]): Reply {
  const srcKey = argv[1]!;
  const dstKey = argv[2]!;
  const ele = argv[3]!;
  const db = c.db;
  const server = c.server;
  const src = lookupSetWrite(c, srcKey);
  let dst = lookupSetWrite(c, dstKey);
  if (src === undefined) return 0;
  if (!(src instanceof RedisSet)) return src;
  if (dst !== undefined && !(dst instanceof RedisSet)) return dst;
  if (src === dst) return src.has(ele) ? 1 : 0;
  if (!src.remove(ele)) return 0;
  server.notify('s', 'srem', srcKey, db.id);
  if (src.length === 0) {
    db.delete(srcKey);
    server.notify('g', 'del', srcKey, db.id);
  }
  if (dst === undefined) {
    dst = RedisSet.createFor(server, ele);
    db.add(dstKey, dst);
  }
  db.signalModifiedKey(srcKey);
  server.dirty++;
  const from = dst.encoding();
  if (dst.add(ele, setIntsetLimit(server))) {
    server.dirty++;
    db.signalModifiedKey(dstKey);
    server.notify('s', 'sadd', dstKey, db.id);
  }
  reportConversion(c, dstKey, from, dst);
  return 1;
}

function sismember(c: Client, argv: string[]): Reply {
  const s = lookupSetRead(c, argv[1]!);
  if (s === undefined) return 0;
  if (!(s instanceof RedisSet)) return s;
  return s.has(argv[2]!) ? 1 : 0;
}

/** smismemberCommand: a missing key is an empty set, answering a 0 per member. */
function smismember(c: Client, argv: string[]): Reply {
  const s = lookupSetRead(c, argv[1]!);
  if (s !== undefined && !(s instanceof RedisSet)) return s;
  const out: Reply[] = new Array<Reply>(argv.length - 2);
  for (let j = 2; j < argv.length; j++) out[j - 2] = s !== undefined && s.has(argv[j]!) ? 1 : 0;
  return out;
}

function scard(c: Client, argv: string[]): Reply {
  const s = lookupSetRead(c, argv[1]!);
  if (s === undefined) return 0;
  if (!(s instanceof RedisSet)) return s;
  return s.length;
}

/**
 * spopWithCountCommand. CASE 1, the count covers the set: reply the whole set (as SUNION of
 * it would), delete it, propagate DEL. CASE 2, few elements popped: pick and remove one at a
 * time. CASE 3, most popped: move the random survivors into a new set, reply what stays in
 * the old one and store the new one (which may be an intset again). Cases 2 and 3 propagate
 * one SREM with every popped member, the same effect as Redis's SREM per member.
 */
function spopWithCount(c: Client, argv: string[]): Reply {
  const l = string2ll(argv[2]!);
  if (l === null || l < 0) return POSITIVE;
  const count = Number(l);
  const key = argv[1]!;
  const db = c.db;
  const server = c.server;
  const s = lookupSetWrite(c, key);
  if (s === undefined) return setReply([]);
  if (!(s instanceof RedisSet)) return s;
  if (count === 0) return setReply([]);
  const size = s.length;
  server.notify('s', 'spop', key, db.id);
  server.dirty += Math.min(count, size);
  if (count >= size) {
    const reply = sunionDiffGeneric(c, [key], null, 'union');
    db.delete(key);
    server.notify('g', 'del', key, db.id);
    c.argv = ['DEL', key];
    db.signalModifiedKey(key);
    return reply;
  }
  const prng = server.prng;
  const rand = (n: number): number => prng.int(n);
  const popped: string[] = [];
  const remaining = size - count;
  if (remaining * SPOP_MOVE_STRATEGY_MUL > count) {
    for (let i = 0; i < count; i++) {
      const ele = s.random(rand);
      popped.push(ele);
      s.remove(ele);
    }
  } else {
    const limit = setIntsetLimit(server);
    let kept: RedisSet | null = null;
    for (let i = 0; i < remaining; i++) {
      const ele = s.random(rand);
      kept ??= RedisSet.createFor(server, ele);
      kept.add(ele, limit);
      s.remove(ele);
    }
    s.forEach((ele) => popped.push(ele));
    db.overwrite(key, kept!);
    reportConversion(c, key, s.encoding(), kept!);
  }
  c.argv = ['SREM', key, ...popped];
  db.signalModifiedKey(key);
  return setReply(popped);
}

/** spopCommand: propagated as SREM of the popped member. */
function spop(c: Client, argv: string[]): Reply {
  if (argv.length === 3) return spopWithCount(c, argv);
  if (argv.length > 3) return E.SYNTAX;
  const key = argv[1]!;
  const db = c.db;
  const s = lookupSetWrite(c, key);
  if (s === undefined) return null;
  if (!(s instanceof RedisSet)) return s;
  const ele = s.random((n) => c.server.prng.int(n));
  s.remove(ele);
  c.server.notify('s', 'spop', key, db.id);
  c.argv = ['SREM', key, ele];
  if (s.length === 0) {
    db.delete(key);
    c.server.notify('g', 'del', key, db.id);
  }
  db.signalModifiedKey(key);
  c.server.dirty++;
  return ele;
}

/**
 * srandmemberWithCountCommand: a negative count (or 1) picks with repetition, in random order;
 * a positive one returns distinct members: the whole set when the count covers it, otherwise
 * everything minus random drops (count close to the size) or random picks. An array, also in
 * RESP3.
 */
function srandmemberWithCount(c: Client, argv: string[]): Reply {
  const l = string2ll(argv[2]!);
  if (l === null) return E.NOT_INTEGER;
  if (l === LLONG_MIN) return COUNT_RANGE;
  const s = lookupSetRead(c, argv[1]!);
  if (s === undefined) return EMPTY_ARRAY;
  if (!(s instanceof RedisSet)) return s;
  const uniq = l >= 0;
  const count = Math.abs(Number(l));
  if (count === 0) return EMPTY_ARRAY;
  const size = s.length;
  const prng = c.server.prng;
  const rand = (n: number): number => prng.int(n);
  if (!uniq || count === 1) {
    if (count > MAX_REPEATED_RANDOM) return OUT_OF_RANGE;
    const out: string[] = new Array<string>(count);
    for (let i = 0; i < count; i++) out[i] = s.random(rand);
    return out;
  }
  if (count >= size) return s.members();
  if (count * SRANDMEMBER_SUB_STRATEGY_MUL > size) {
    const all = s.members();
    while (all.length > count) {
      const i = rand(all.length);
      all[i] = all[all.length - 1]!;
      all.pop();
    }
    return all;
  }
  const picked = new Set<string>();
  while (picked.size < count) picked.add(s.random(rand));
  return [...picked];
}

function srandmember(c: Client, argv: string[]): Reply {
  if (argv.length === 3) return srandmemberWithCount(c, argv);
  if (argv.length > 3) return E.SYNTAX;
  const s = lookupSetRead(c, argv[1]!);
  if (s === undefined) return null;
  if (!(s instanceof RedisSet)) return s;
  return s.random((n) => c.server.prng.int(n));
}

/** sscanCommand: the cursor is checked first, then the key, then the options. */
function sscan(c: Client, argv: string[]): Reply {
  let cursor = parseScanCursor(argv[2]!);
  if (cursor === null) return INVALID_CURSOR;
  const s = lookupSetRead(c, argv[1]!);
  if (s === undefined) return ['0', EMPTY_ARRAY];
  if (!(s instanceof RedisSet)) return s;
  const opts = parseScanOptions(argv, 3);
  if ('t' in opts) return opts;
  const items: string[] = [];
  const collect = (m: string): void => {
    items.push(m);
  };
  if (s.encoding() === 'intset') {
    cursor = s.scan(0, collect);
  } else {
    let maxIterations = opts.count * 10;
    do {
      cursor = s.scan(cursor, collect);
    } while (cursor !== 0 && maxIterations-- > 0 && items.length < opts.count);
  }
  const pattern = opts.pattern;
  return [String(cursor), pattern === null ? items : items.filter((m) => stringMatch(pattern, m))];
}

/** The sets named by `keys` (null for a missing key), or WRONGTYPE as soon as one is not a set. */
function lookupSets(c: Client, keys: readonly string[]): Array<RedisSet | null> | ErrorReply {
  const sets: Array<RedisSet | null> = new Array<RedisSet | null>(keys.length);
  for (let j = 0; j < keys.length; j++) {
    const s = lookupSetRead(c, keys[j]!);
    if (s !== undefined && !(s instanceof RedisSet)) return s;
    sets[j] = s ?? null;
  }
  return sets;
}

/**
 * The STORE forms' ending: a non-empty result replaces the destination (setKey, its TTL
 * dropped) with the command's event; an empty one deletes it, with a del event if it existed.
 */
function storeResult(c: Client, dstKey: string, result: RedisSet, event: string): Reply {
  const db = c.db;
  const server = c.server;
  if (result.length > 0) {
    db.setKey(dstKey, result);
    server.notify('s', event, dstKey, db.id);
    server.dirty++;
    return result.length;
  }
  if (db.delete(dstKey)) {
    server.dirty++;
    db.signalModifiedKey(dstKey);
    server.notify('g', 'del', dstKey, db.id);
  }
  return 0;
}

/**
 * sinterGenericCommand (SINTER, SMEMBERS, SINTERSTORE, SINTERCARD): a missing key makes the
 * result empty; otherwise the smallest set is walked in its own order and each member kept
 * when every other set has it. A stored result starts as an empty intset, so it is an intset
 * whenever the members allow. `limit` (SINTERCARD) stops the count early; 0 is unlimited.
 */
function sinterGeneric(c: Client, keys: readonly string[], dstKey: string | null, cardinalityOnly: boolean, limit: number): Reply {
  const found = lookupSets(c, keys);
  if (!Array.isArray(found)) return found;
  if (found.includes(null)) {
    if (dstKey !== null) return storeResult(c, dstKey, new RedisSet(c.server), 'sinterstore');
    return cardinalityOnly ? 0 : setReply([]);
  }
  const sets = (found as RedisSet[]).sort((a, b) => a.length - b.length);
  const first = sets[0]!;
  const dst = dstKey !== null ? new RedisSet(c.server) : null;
  const intsetMax = setIntsetLimit(c.server);
  const out: string[] = [];
  let cardinality = 0;
  first.forEachWhile((ele) => {
    for (let j = 1; j < sets.length; j++) {
      if (sets[j] !== first && !sets[j]!.has(ele)) return true;
    }
    if (cardinalityOnly) {
      cardinality++;
      return limit === 0 || cardinality < limit;
    }
    if (dst !== null) dst.add(ele, intsetMax);
    else out.push(ele);
    return true;
  });
  if (cardinalityOnly) return cardinality;
  if (dst !== null) return storeResult(c, dstKey!, dst, 'sinterstore');
  return setReply(out);
}

const NUMKEYS_POSITIVE = Object.freeze(error('ERR numkeys should be greater than 0'));
const TOO_MANY_KEYS = Object.freeze(error("ERR Number of keys can't be greater than number of args"));
const LIMIT_NEGATIVE = Object.freeze(error("ERR LIMIT can't be negative"));

/** SINTERCARD numkeys key [key ...] [LIMIT limit] */
function sintercard(c: Client, argv: string[]): Reply {
  const numkeys = string2ll(argv[1]!);
  if (numkeys === null || numkeys < 1) return NUMKEYS_POSITIVE;
  if (numkeys > argv.length - 2) return TOO_MANY_KEYS;
  const n = Number(numkeys);
  let limit = 0;
  for (let j = 2 + n; j < argv.length; j++) {
    if (optionName(argv[j]!) === 'LIMIT' && j + 1 < argv.length) {
      const l = string2ll(argv[++j]!);
      if (l === null || l < 0) return LIMIT_NEGATIVE;
      limit = Number(l);
    } else {
      return E.SYNTAX;
    }
  }
  return sinterGeneric(c, argv.slice(2, 2 + n), null, true, limit);
}

/**
 * Which of Redis's two SDIFF algorithms is cheaper here: 1 walks the first set checking the
 * others (N*M), 2 copies the first set and subtracts every other one (total size).
 */
function diffAlgorithm(sets: Array<RedisSet | null>): 1 | 2 {
  let algoOne = 0;
  let algoTwo = 0;
  for (const s of sets) {
    if (s === null) continue;
    algoOne += sets[0]!.length;
    algoTwo += s.length;
  }
  // Algorithm 1 has better constant times and stops early on common elements: halve its cost.
  return Math.floor(algoOne / 2) <= algoTwo ? 1 : 2;
}

/**
 * sunionDiffGenericCommand (SUNION, SDIFF and their STORE forms): the result is built into a
 * new set that starts as an intset, then replied in its own order (ascending when it stayed
 * an intset) or stored. SDIFF picks the cheaper of Redis's two algorithms; naming the first
 * key again makes the difference empty.
 */
function sunionDiffGeneric(c: Client, keys: readonly string[], dstKey: string | null, op: 'union' | 'diff'): Reply {
  const found = lookupSets(c, keys);
  if (!Array.isArray(found)) return found;
  const sets = found;
  const first = sets[0] ?? null;
  const sameset = first !== null && sets.indexOf(first, 1) !== -1;
  const intsetMax = setIntsetLimit(c.server);
  const dst = new RedisSet(c.server);
  if (op === 'union') {
    for (const s of sets) s?.forEach((ele) => dst.add(ele, intsetMax));
  } else if (first !== null && !sameset) {
    if (diffAlgorithm(sets) === 1) {
      // Subtract the biggest sets first: a member found early stops the inner loop sooner.
      const rest = sets.slice(1).sort((a, b) => (b?.length ?? 0) - (a?.length ?? 0));
      first.forEach((ele) => {
        for (const s of rest) if (s !== null && s.has(ele)) return;
        dst.add(ele, intsetMax);
      });
    } else {
      first.forEach((ele) => dst.add(ele, intsetMax));
      for (let j = 1; j < sets.length && dst.length > 0; j++) sets[j]?.forEach((ele) => dst.remove(ele));
    }
  }
  if (dstKey !== null) return storeResult(c, dstKey, dst, op === 'union' ? 'sunionstore' : 'sdiffstore');
  return setReply(dst.members());
}

export const sets: CommandGroup = {
  handlers: {
    sadd,
    srem,
    smove,
    sismember,
    smismember,
    scard,
    spop,
    srandmember,
    sscan,
    smembers: (c, argv) => sinterGeneric(c, [argv[1]!], null, false, 0),
    sinter: (c, argv) => sinterGeneric(c, argv.slice(1), null, false, 0),
    sinterstore: (c, argv) => sinterGeneric(c, argv.slice(2), argv[1]!, false, 0),
    sintercard,
    sunion: (c, argv) => sunionDiffGeneric(c, argv.slice(1), null, 'union'),
    sunionstore: (c, argv) => sunionDiffGeneric(c, argv.slice(2), argv[1]!, 'union'),
    sdiff: (c, argv) => sunionDiffGeneric(c, argv.slice(1), null, 'diff'),
    sdiffstore: (c, argv) => sunionDiffGeneric(c, argv.slice(2), argv[1]!, 'diff'),
  },
};
