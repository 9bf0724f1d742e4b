import { EMPTY_ARRAY, double, error, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import {
  ZADD_IN_GT,
  ZADD_IN_INCR,
  ZADD_IN_LT,
  ZADD_IN_NX,
  ZADD_IN_XX,
  ZADD_OUT_ADDED,
  ZADD_OUT_NOP,
  ZADD_OUT_UPDATED,
  Zset,
  type ZaddResult,
} from '../types/zset.js';
import { stringMatch } from '../util/glob.js';
import { LLONG_MIN, string2ll } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import { parseScanCursor } from './generic.js';
import type { CommandGroup } from './spec.js';
import {
  MIN_MAX_NOT_FLOAT,
  MIN_MAX_NOT_LEX,
  SCORE_IS_NAN,
  parseLexRange,
  parseScore,
  parseScoreRange,
  pushScored,
  reportConversion,
  zsetLimits,
} from './sortedSetArgs.js';
import { zpopmax, zpopmin, zmpop } from './sortedSetPop.js';
import { rangeCommands } from './sortedSetRange.js';
import { setOpCommands } from './sortedSetSetOps.js';

/**
 * The sorted set commands (t_zset.c). The value type and its two encodings live in
 * types/zset.ts; this file and its siblings parse arguments, apply Redis's option rules and
 * build replies: sortedSetRange.ts (ZRANGE family, ZREMRANGEBY*), sortedSetPop.ts (ZPOP*,
 * ZMPOP), sortedSetSetOps.ts (ZUNION/ZINTER/ZDIFF and their STORE forms, ZINTERCARD).
 */

const XX_AND_NX = Object.freeze(error('ERR XX and NX options at the same time are not compatible'));
const GT_LT_NX = Object.freeze(error('ERR GT, LT, and/or NX options at the same time are not compatible'));
const INCR_SINGLE_PAIR = Object.freeze(error('ERR INCR option supports a single increment-element pair'));
const COUNT_RANGE = Object.freeze(error('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807'));
const OUT_OF_RANGE = Object.freeze(error('ERR value is out of range'));
const INVALID_CURSOR = Object.freeze(error('ERR invalid cursor'));
const LONG_MAX_HALF = 4611686018427387903n;
/**
 * ZRANDMEMBER with a negative count repeats elements, so Redis would build a reply of any
 * size (and block the server while doing it). A browser worker cannot survive a reply of
 * billions of elements: beyond this many the engine refuses with Redis's range error.
 */
const MAX_REPEATED_RANDOM = 1_000_000;

/** zaddGenericCommand: ZADD (and ZINCRBY, which is ZADD ... INCR with one pair). */
function zaddGeneric(c: Client, argv: string[], inFlags: number): Reply {
  const key = argv[1]!;
  let flags = inFlags;
  let ch = false;
  let scoreidx = 2;
  while (scoreidx < argv.length) {
    const first = argv[scoreidx]!.charCodeAt(0) | 0x20;
    if (first < 97 || first > 122) break; // scores never start with a letter
    const opt = optionName(argv[scoreidx]!);
    if (opt === 'NX') flags |= ZADD_IN_NX;
    else if (opt === 'XX') flags |= ZADD_IN_XX;
    else if (opt === 'CH') ch = true;
    else if (opt === 'INCR') flags |= ZADD_IN_INCR;
    else if (opt === 'GT') flags |= ZADD_IN_GT;
    else if (opt === 'LT') flags |= ZADD_IN_LT;
    else break;
    scoreidx++;
  }
  const incr = (flags & ZADD_IN_INCR) !== 0;
  const nx = (flags & ZADD_IN_NX) !== 0;
  const xx = (flags & ZADD_IN_XX) !== 0;
  const gt = (flags & ZADD_IN_GT) !== 0;
  const lt = (flags & ZADD_IN_LT) !== 0;
  const elements = argv.length - scoreidx;
  if (elements % 2 !== 0 || elements === 0) return E.SYNTAX;
  const pairs = elements / 2;
  if (nx && xx) return XX_AND_NX;
  if ((gt && nx) || (lt && nx) || (gt && lt)) return GT_LT_NX;
  if (incr && pairs > 1) return INCR_SINGLE_PAIR;
  const scores = new Array<number>(pairs);
  for (let j = 0; j < pairs; j++) {
    const s = parseScore(argv[scoreidx + j * 2]!);
    if (s === null) return E.NOT_FLOAT;
    scores[j] = s;
  }
  const db = c.db;
  const found = db.lookupWrite(key);
  if (found !== undefined && !(found instanceof Zset)) return E.WRONGTYPE;
  if (found === undefined && xx) return incr ? null : 0;
  const server = c.server;
  const limits = zsetLimits(server);
  let z = found;
  if (z === undefined) {
    // Redis 7.0 sizes the new object by the first member only.
    const skiplist = limits.maxListpackEntries === 0 || limits.maxListpackValue < argv[scoreidx + 1]!.length;
    z = new Zset(server, skiplist ? 'skiplist' : 'listpack');
    db.add(key, z);
  }
  const before = z.encoding();
  const out: ZaddResult = { flags: 0, score: 0 };
  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  let reply: Reply | undefined;
  for (let j = 0; j < pairs; j++) {
    if (!z.add(scores[j]!, argv[scoreidx + 1 + j * 2]!, flags, limits, out)) {
      reply = SCORE_IS_NAN;
      break;
    }
    if (out.flags & ZADD_OUT_ADDED) added++;
    if (out.flags & ZADD_OUT_UPDATED) updated++;
    if (!(out.flags & ZADD_OUT_NOP)) processed++;
    score = out.score;
  }
  if (reply === undefined) {
    server.dirty += added + updated;
    reply = incr ? (processed > 0 ? double(score) : null) : ch ? added + updated : added;
  }
  reportConversion(c, key, before, z);
  if (added > 0 || updated > 0) {
    db.signalModifiedKey(key);
    server.notify('z', incr ? 'zincr' : 'zadd', key, db.id);
  }
  return reply;
}

function zadd(c: Client, argv: string[]): Reply {
  return zaddGeneric(c, argv, 0);
}

function zincrby(c: Client, argv: string[]): Reply {
  return zaddGeneric(c, argv, ZADD_IN_INCR);
}

/** zremCommand: stops as soon as the set is empty (the key is gone). */
function zrem(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const db = c.db;
  const z = db.lookupWrite(key);
  if (z === undefined) return 0;
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  let deleted = 0;
  let keyremoved = false;
  for (let j = 2; j < argv.length; j++) {
    if (z.del(argv[j]!)) deleted++;
    if (z.length === 0) {
      db.delete(key);
      keyremoved = true;
      break;
    }
  }
  if (deleted > 0) {
    const server = c.server;
    server.notify('z', 'zrem', key, db.id);
    if (keyremoved) server.notify('g', 'del', key, db.id);
    db.signalModifiedKey(key);
    server.dirty += deleted;
  }
  return deleted;
}

function zcard(c: Client, argv: string[]): Reply {
  const z = c.db.lookupRead(argv[1]!);
  if (z === undefined) return 0;
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  return z.length;
}

function zscore(c: Client, argv: string[]): Reply {
  const z = c.db.lookupRead(argv[1]!);
  if (z === undefined) return null;
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  const s = z.score(argv[2]!);
  return s === undefined ? null : double(s);
}

/** zmscoreCommand: a missing key is treated as an empty set. */
function zmscore(c: Client, argv: string[]): Reply {
  const z = c.db.lookupRead(argv[1]!);
  if (z !== undefined && !(z instanceof Zset)) return E.WRONGTYPE;
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) {
    const s = z === undefined ? undefined : z.score(argv[j]!);
    out.push(s === undefined ? null : double(s));
  }
  return out;
}

/** zrankGenericCommand */
function zrankGeneric(c: Client, argv: string[], reverse: boolean): Reply {
  const z = c.db.lookupRead(argv[1]!);
  if (z === undefined) return null;
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  const rank = z.rank(argv[2]!, reverse);
  return rank >= 0 ? rank : null;
}

function zrank(c: Client, argv: string[]): Reply {
  return zrankGeneric(c, argv, false);
}

function zrevrank(c: Client, argv: string[]): Reply {
  return zrankGeneric(c, argv, true);
}

/** zcountCommand: the range is parsed before the key is looked up. */
function zcount(c: Client, argv: string[]): Reply {
  const range = parseScoreRange(argv[2]!, argv[3]!);
  if (range === null) return MIN_MAX_NOT_FLOAT;
  const z = c.db.lookupRead(argv[1]!);
  if (z === undefined) return 0;
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  return z.count(range);
}

function zlexcount(c: Client, argv: string[]): Reply {
  const range = parseLexRange(argv[2]!, argv[3]!);
  if (range === null) return MIN_MAX_NOT_LEX;
  const z = c.db.lookupRead(argv[1]!);
  if (z === undefined) return 0;
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  return z.lexCount(range);
}

/**
 * zrandmemberWithCountCommand: a negative count may repeat elements (and comes back in random
 * order); a positive one returns distinct elements: the whole set when it is not bigger than
 * the count, otherwise a random subset.
 */
function zrandmemberWithCount(c: Client, key: string, l: number, withscores: boolean): Reply {
  const z = c.db.lookupRead(key);
  if (z === undefined) return EMPTY_ARRAY;
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  const size = z.length;
  const uniq = l >= 0;
  const count = Math.abs(l);
  if (count === 0) return EMPTY_ARRAY;
  const out: Reply[] = [];
  if (!uniq || count === 1) {
    if (count > MAX_REPEATED_RANDOM) return OUT_OF_RANGE;
    for (let i = 0; i < count; i++) {
      const [ele, score] = z.randomElement();
      pushScored(out, c, ele, score, withscores);
    }
    return out;
  }
  if (count >= size) {
    z.forEachFromTail((ele, score) => pushScored(out, c, ele, score, withscores));
    return out;
  }
  const prng = c.server.prng;
  if (count * 3 > size) {
    // CASE 3: copy everything, then drop random elements until `count` remain.
    const all: Array<[string, number]> = [];
    z.forEachFromTail((ele, score) => {
      all.push([ele, score]);
    });
    while (all.length > count) {
      const i = prng.int(all.length);
      all[i] = all[all.length - 1]!;
      all.pop();
    }
    for (const [ele, score] of all) pushScored(out, c, ele, score, withscores);
    return out;
  }
  // CASE 4: pick random elements until `count` distinct ones were seen.
  const picked = new Set<string>();
  while (picked.size < count) {
    const [ele, score] = z.randomElement();
    if (picked.has(ele)) continue;
    picked.add(ele);
    pushScored(out, c, ele, score, withscores);
  }
  return out;
}

/** zrandmemberCommand */
function zrandmember(c: Client, argv: string[]): Reply {
  if (argv.length >= 3) {
    const l = string2ll(argv[2]!);
    if (l === null) return E.NOT_INTEGER;
    if (l === LLONG_MIN) return COUNT_RANGE;
    if (argv.length > 4 || (argv.length === 4 && optionName(argv[3]!) !== 'WITHSCORES')) return E.SYNTAX;
    const withscores = argv.length === 4;
    if (withscores && (BigInt(l) < -LONG_MAX_HALF || BigInt(l) > LONG_MAX_HALF)) return OUT_OF_RANGE;
    return zrandmemberWithCount(c, argv[1]!, Number(l), withscores);
  }
  const z = c.db.lookupRead(argv[1]!);
  if (z === undefined) return null;
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  return z.randomElement()[0];
}

/**
 * zscanCommand + scanGenericCommand: the cursor is parsed first, then the key, then the
 * options. A listpack comes back whole; a skiplist zset scans its dict until COUNT items
 * (members and scores both count) or COUNT*10 buckets.
 */
function zscan(c: Client, argv: string[]): Reply {
  let cursor = parseScanCursor(argv[2]!);
  if (cursor === null) return INVALID_CURSOR;
  const z = c.db.lookupRead(argv[1]!);
  if (z === undefined) return ['0', EMPTY_ARRAY];
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  let count = 10;
  let pattern: string | null = null;
  for (let i = 3; i < argv.length; i += 2) {
    const opt = optionName(argv[i]!);
    const hasArg = i + 1 < argv.length;
    if (opt === 'COUNT' && hasArg) {
      const n = string2ll(argv[i + 1]!);
      if (n === null) return E.NOT_INTEGER;
      if (n < 1) return E.SYNTAX;
      count = Number(n);
    } else if (opt === 'MATCH' && hasArg) {
      const p = argv[i + 1]!;
      pattern = p === '*' ? null : p;
    } else {
      return E.SYNTAX;
    }
  }
  const items: string[] = [];
  const collect = (ele: string, score: string): void => {
    items.push(ele, score);
  };
  if (z.encoding() === 'listpack') {
    cursor = z.scan(0, collect);
  } else {
    let maxIterations = count * 10;
    do {
      cursor = z.scan(cursor, collect);
    } while (cursor !== 0 && maxIterations-- > 0 && items.length < count);
  }
  if (pattern === null) return [String(cursor), items];
  const out: string[] = [];
  for (let i = 0; i < items.length; i += 2) {
    if (stringMatch(pattern, items[i]!)) out.push(items[i]!, items[i + 1]!);
  }
  return [String(cursor), out];
}

export const sortedSets: CommandGroup = {
  handlers: {
    zadd,
    zincrby,
    zrem,
    zcard,
    zscore,
    zmscore,
    zrank,
    zrevrank,
    zcount,
    zlexcount,
    zrandmember,
    zscan,
    zpopmin,
    zpopmax,
    zmpop,
    ...rangeCommands,
    ...setOpCommands,
  },
};
