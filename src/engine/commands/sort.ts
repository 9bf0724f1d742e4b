import { error, type Reply } from '../../protocol/reply.js';
import type { Db } from '../keyspace/db.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { RedisHash } from '../types/hash.js';
import { RedisList } from '../types/list.js';
import { RawString } from '../types/object.js';
import { RedisSet } from '../types/set.js';
import { Zset } from '../types/zset.js';
import { string2d } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import { pqsort } from '../util/pqsort.js';
import { parseLong } from './list.js';
import type { CommandGroup } from './spec.js';

/**
 * SORT and SORT_RO (sort.c, Redis 7.0) over lists, sets and sorted sets: BY a pattern (a key's
 * string value, or a hash field with `->`) or by nothing (BY without `*`), GET patterns and `#`,
 * LIMIT, ASC/DESC, ALPHA, and STORE into a list. Patterns are matched as C strings, the way
 * Redis's strchr/strstr read them (a NUL byte ends the pattern's special characters).
 */

const SCORE_CONVERSION_ERROR = Object.freeze(error("ERR One or more scores can't be converted into double"));

/** redisSortObject */
interface SortObject {
  obj: string;
  score: number;
  cmpobj: string | null;
}

/** What lookupKeyByPattern found: a string value's bytes (or its int), or a hash field. */
type PatternValue = string | number | bigint;

/** A byte string as C's string functions see it: up to the first NUL. */
function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul === -1 ? s : s.slice(0, nul);
}

/**
 * lookupKeyByPattern: "#" is the element itself; otherwise the first '*' is replaced by the
 * element and the key read (a string), or with "->field" after the '*' the hash field read.
 * Null when there is no '*', no such key, or a key of another type.
 */
function lookupKeyByPattern(db: Db, pattern: string, subst: string): PatternValue | null {
  if (pattern.charCodeAt(0) === 35 && (pattern.length === 1 || pattern.charCodeAt(1) === 0)) return subst;
  const cpat = cString(pattern);
  const star = cpat.indexOf('*');
  if (star === -1) return null;
  const arrow = cpat.indexOf('->', star + 1);
  const hasField = arrow !== -1 && arrow + 2 < cpat.length;
  const field = hasField ? pattern.slice(arrow + 2) : null;
  const postfixEnd = hasField ? arrow : pattern.length;
  const key = pattern.slice(0, star) + subst + pattern.slice(star + 1, postfixEnd);
  const o = db.lookupRead(key);
  if (o === undefined) return null;
  if (field !== null) return o instanceof RedisHash ? (o.get(field) ?? null) : null;
  if (typeof o === 'string' || typeof o === 'number' || typeof o === 'bigint') return o;
  return o instanceof RawString ? o.s : null;
}

function patternText(v: PatternValue): string {
  return typeof v === 'string' ? v : String(v);
}

/** C isspace */
function isCSpace(ch: number): boolean {
  return ch === 32 || (ch >= 9 && ch <= 13);
}

/**
 * strtod as sortCommandGeneric checks it: leading spaces skipped, nothing may follow the
 * number before the string's first NUL, no ERANGE, no NaN. "" reads as 0 (no conversion,
 * nothing left); a string of spaces does not. Null when the score cannot be used.
 */
function sortScore(v: PatternValue): number | null {
  if (typeof v !== 'string') return Number(v);
  const s = cString(v);
  let i = 0;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  if (i === s.length) return s.length === 0 ? 0 : null;
  return string2d(s.slice(i));
}

/** compareStringObjects: binary, the shorter first on a common prefix. */
function compareBinary(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** collateStringObjects: strcoll on C strings; in the C/C.UTF-8 locale that is strcmp. */
function collate(a: string, b: string): number {
  return compareBinary(cString(a), cString(b));
}

/** sortCompare, with the server.sort_* flags of this call. */
function comparator(desc: boolean, alpha: boolean, byPattern: boolean, store: boolean): (a: SortObject, b: SortObject) => number {
  return (a, b) => {
    let cmp: number;
    if (!alpha) {
      cmp = a.score > b.score ? 1 : a.score < b.score ? -1 : compareBinary(a.obj, b.obj);
    } else if (byPattern) {
      if (a.cmpobj === null || b.cmpobj === null) cmp = a.cmpobj === b.cmpobj ? 0 : a.cmpobj === null ? -1 : 1;
      else cmp = store ? compareBinary(a.cmpobj, b.cmpobj) : collate(a.cmpobj, b.cmpobj);
    } else {
      cmp = store ? compareBinary(a.obj, b.obj) : collate(a.obj, b.obj);
    }
    return desc ? -cmp : cmp;
  };
}

/** The elements to sort, loaded as sortCommandGeneric does (a direct range when nothing is sorted). */
function loadVector(sortval: RedisList | RedisSet | Zset | undefined, dontsort: boolean, desc: boolean, start: number, end: number): string[] {
  if (sortval === undefined) return [];
  const len = sortval.length;
  const ranged = dontsort && (start !== 0 || end !== len - 1);
  const rangelen = ranged ? end - start + 1 : len;
  if (sortval instanceof RedisList) {
    if (!dontsort) return sortval.ql.toArray();
    if (end < start) return [];
    return desc ? sortval.ql.range(len - start - 1, rangelen, true) : sortval.ql.range(start, rangelen, false);
  }
  if (sortval instanceof RedisSet) return sortval.members();
  if (!dontsort) return [...sortval.dictView()!.entries()].map((e) => e.key);
  const out: string[] = [];
  if (rangelen > 0) sortval.rangeByRank(start, start + rangelen - 1, desc, { emit: (ele) => out.push(ele) });
  return out;
}

/** sortCommandGeneric */
function sortGeneric(c: Client, argv: string[], readonly: boolean): Reply {
  let desc = false;
  let alpha = false;
  let limitStart = 0;
  let limitCount = -1;
  let dontsort = false;
  let sortby: string | null = null;
  let storekey: string | null = null;
  const gets: string[] = [];
  for (let j = 2; j < argv.length; j++) {
    const opt = optionName(argv[j]!);
    const leftargs = argv.length - j - 1;
    if (opt === 'ASC') desc = false;
    else if (opt === 'DESC') desc = true;
    else if (opt === 'ALPHA') alpha = true;
    else if (opt === 'LIMIT' && leftargs >= 2) {
      const s = parseLong(argv[j + 1]!);
      if (s === null) return E.NOT_INTEGER;
      const n = parseLong(argv[j + 2]!);
      if (n === null) return E.NOT_INTEGER;
      limitStart = s;
      limitCount = n;
      j += 2;
    } else if (!readonly && opt === 'STORE' && leftargs >= 1) {
      storekey = argv[++j]!;
    } else if (opt === 'BY' && leftargs >= 1) {
      sortby = argv[++j]!;
      // BY without a '*' names no keys: the elements keep their order.
      if (!cString(sortby).includes('*')) dontsort = true;
    } else if (opt === 'GET' && leftargs >= 1) {
      gets.push(argv[++j]!);
    } else {
      return E.SYNTAX;
    }
  }

  const db = c.db;
  const key = argv[1]!;
  const found = db.lookupRead(key);
  if (found !== undefined && !(found instanceof RedisList || found instanceof RedisSet || found instanceof Zset)) return E.WRONGTYPE;
  const sortval = found as RedisList | RedisSet | Zset | undefined;

  // A set's order is its hash table's: stored results are sorted to stay replica-safe.
  if (dontsort && sortval instanceof RedisSet && storekey !== null) {
    dontsort = false;
    alpha = true;
    sortby = null;
  }
  // zsetConvert(sortval, OBJ_ENCODING_SKIPLIST): SORT leaves a sorted set as a skiplist.
  if (sortval instanceof Zset) {
    const from = sortval.encoding();
    sortval.convert('skiplist');
    if (from !== 'skiplist') c.server.encodingChanged(db.id, key, from, 'skiplist');
  }

  const vectorlen = sortval === undefined ? 0 : sortval.length;
  let start = limitStart < 0 ? 0 : limitStart;
  let end = limitCount < 0 ? vectorlen - 1 : start + limitCount - 1;
  if (start >= vectorlen) {
    start = vectorlen - 1;
    end = vectorlen - 2;
  }
  if (end >= vectorlen) end = vectorlen - 1;

  const vector: SortObject[] = loadVector(sortval, dontsort, desc, start, end).map((obj) => ({ obj, score: 0, cmpobj: null }));
  if (dontsort && !(sortval instanceof RedisSet) && end >= start) {
    end -= start;
    start = 0;
  }

  let conversionError = false;
  if (!dontsort) {
    for (const so of vector) {
      let byval: PatternValue | null = so.obj;
      if (sortby !== null) {
        byval = lookupKeyByPattern(db, sortby, so.obj);
        if (byval === null) continue;
      }
      if (alpha) {
        if (sortby !== null) so.cmpobj = patternText(byval);
      } else {
        const score = sortScore(byval);
        if (score === null) conversionError = true;
        else so.score = score;
      }
    }
    const cmp = comparator(desc, alpha, sortby !== null, storekey !== null);
    if (sortby !== null && (start !== 0 || end !== vector.length - 1)) pqsort(vector, cmp, start, end);
    else vector.sort(cmp);
  }

  const count = end - start + 1;
  const outputlen = gets.length > 0 ? gets.length * count : count;
  if (conversionError) return SCORE_CONVERSION_ERROR;
  if (storekey === null) {
    const out: Reply[] = [];
    for (let j = start; j <= end; j++) {
      const obj = vector[j]!.obj;
      if (gets.length === 0) out.push(obj);
      for (const pattern of gets) {
        const val = lookupKeyByPattern(db, pattern, obj);
        out.push(val === null ? null : patternText(val));
      }
    }
    return out;
  }
  // The result is a list with Redis's default quicklist options, whatever the configuration.
  const stored = RedisList.withDefaults();
  for (let j = start; j <= end; j++) {
    const obj = vector[j]!.obj;
    if (gets.length === 0) stored.ql.pushTail(obj);
    for (const pattern of gets) {
      const val = lookupKeyByPattern(db, pattern, obj);
      stored.ql.pushTail(val === null ? '' : patternText(val));
    }
  }
  const server = c.server;
  if (outputlen > 0) {
    db.setKey(storekey, stored);
    server.notify('l', 'sortstore', storekey, db.id);
    server.dirty += outputlen;
  } else if (db.delete(storekey)) {
    db.signalModifiedKey(storekey);
    server.notify('g', 'del', storekey, db.id);
    server.dirty++;
  }
  return outputlen;
}

export const sortCommands: CommandGroup = {
  handlers: {
    sort: (c, argv) => sortGeneric(c, argv, false),
    sort_ro: (c, argv) => sortGeneric(c, argv, true),
  },
};
