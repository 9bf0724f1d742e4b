import { EMPTY_ARRAY, NIL_ARRAY, OK, error, type ErrorReply, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { RedisList } from '../types/list.js';
import { string2ll } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import type { CommandGroup } from './spec.js';

/**
 * The list commands (t_list.c, Redis 7.0) that never block: pushes, pops, ranges, LINSERT,
 * LSET, LREM, LTRIM, LPOS, LMOVE/RPOPLPUSH and LMPOP. The helpers the blocking forms serve
 * their clients with (listPopRangeAndReplyWithKey, lmoveHandlePush, ...) are exported for
 * listBlocking.ts. The quicklist itself lives in types/quicklist.ts.
 */

const NOT_POSITIVE = Object.freeze(error('ERR value is out of range, must be positive'));
const RANK_ZERO = Object.freeze(
  error("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list"),
);
const COUNT_NEGATIVE = Object.freeze(error("ERR COUNT can't be negative"));
const MAXLEN_NEGATIVE = Object.freeze(error("ERR MAXLEN can't be negative"));
const NUMKEYS_NOT_POSITIVE = Object.freeze(error('ERR numkeys should be greater than 0'));
const COUNT_NOT_POSITIVE = Object.freeze(error('ERR count should be greater than 0'));

/** LONG_MIN: negating it overflows, which LPOS's RANK handling inherits. */
const LONG_MIN = -9223372036854775808n;

/** LIST_HEAD (left) or LIST_TAIL (right). */
export type ListEnd = 'left' | 'right';

/**
 * getLongFromObjectOrReply: an int64, or null. Values beyond 2^53 are clamped: against lengths
 * and indexes that fit in memory they compare exactly as the int64 would.
 */
export function parseLong(arg: string): number | null {
  const v = string2ll(arg);
  if (v === null) return null;
  if (typeof v === 'number') return v;
  return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
}

/** getRangeLongFromObjectOrReply(min 1): a count, or the given error. */
function parsePositive(arg: string, err: ErrorReply, min: number): number | ErrorReply {
  const n = parseLong(arg);
  return n === null || n < min ? err : n;
}

/** getListPositionFromObjectOrReply: LEFT or RIGHT, any case. */
export function parseListEnd(arg: string): ListEnd | null {
  const w = optionName(arg);
  return w === 'LEFT' ? 'left' : w === 'RIGHT' ? 'right' : null;
}

/** lookupKeyWrite + checkType: the list, undefined when missing, WRONGTYPE for another type. */
export function listForWrite(c: Client, key: string): RedisList | undefined | ErrorReply {
  const v = c.db.lookupWrite(key);
  if (v === undefined || v instanceof RedisList) return v;
  return E.WRONGTYPE;
}

/** lookupKeyRead + checkType. */
function listForRead(c: Client, key: string): RedisList | undefined | ErrorReply {
  const v = c.db.lookupRead(key);
  if (v === undefined || v instanceof RedisList) return v;
  return E.WRONGTYPE;
}

/** addListRangeReply: elements start..end (negative from the tail), reversed for pops from the tail. */
export function listRange(l: RedisList, start: number, end: number, reverse: boolean): Reply[] {
  const llen = l.length;
  if (start < 0) start += llen;
  if (end < 0) end += llen;
  if (start < 0) start = 0;
  if (start > end || start >= llen) return EMPTY_ARRAY;
  if (end >= llen) end = llen - 1;
  const n = end - start + 1;
  return reverse ? l.ql.range(end, n, true) : l.ql.range(start, n, false);
}

/**
 * listElementsRemoved: the pop event, the key deleted with the list's last element, WATCH,
 * dirty. Returns whether the key was deleted.
 */
export function listElementsRemoved(c: Client, key: string, where: ListEnd, l: RedisList, count: number): boolean {
  const db = c.db;
  const server = c.server;
  server.notify('l', where === 'left' ? 'lpop' : 'rpop', key, db.id);
  const deleted = l.length === 0;
  if (deleted) {
    db.delete(key);
    server.notify('g', 'del', key, db.id);
  }
  db.signalModifiedKey(key);
  server.dirty += count;
  return deleted;
}

/**
 * listPopRangeAndReplyWithKey: pop up to `count` elements from one end as [key, [elements]]
 * (LMPOP, BLMPOP). The caller knows from the list's length whether the key was deleted.
 */
export function listPopRangeAndReplyWithKey(c: Client, l: RedisList, key: string, where: ListEnd, count: number): Reply {
  const rangelen = Math.min(count, l.length);
  const head = where === 'left';
  const elements = head ? listRange(l, 0, rangelen - 1, false) : listRange(l, -rangelen, -1, true);
  l.ql.deleteRange(head ? 0 : -rangelen, rangelen);
  listElementsRemoved(c, key, where, l, rangelen);
  return [key, elements];
}

/** The argv a pop of `count` of `llen` elements propagates as: LPOP/RPOP key count. */
export function popArgv(where: ListEnd, key: string, count: number, llen: number): string[] {
  return [where === 'left' ? 'LPOP' : 'RPOP', key, String(Math.min(count, llen))];
}

/** lmoveHandlePush: push onto the destination, creating it (with the current config) if needed. */
export function lmoveHandlePush(c: Client, dstkey: string, dst: RedisList | undefined, value: string, where: ListEnd): void {
  const db = c.db;
  if (dst === undefined) {
    dst = RedisList.fromConfig(c.server.config);
    db.add(dstkey, dst);
  }
  db.signalModifiedKey(dstkey);
  if (where === 'left') dst.ql.pushHead(value);
  else dst.ql.pushTail(value);
  c.server.notify('l', where === 'left' ? 'lpush' : 'rpush', dstkey, db.id);
}

/** pushGenericCommand: LPUSH/RPUSH create the list, LPUSHX/RPUSHX (xx) only add to one. */
function pushGeneric(c: Client, argv: string[], where: ListEnd, xx: boolean): Reply {
  const key = argv[1]!;
  const db = c.db;
  let l = listForWrite(c, key);
  if (l !== undefined && !(l instanceof RedisList)) return l;
  if (l === undefined) {
    if (xx) return 0;
    l = RedisList.fromConfig(c.server.config);
    db.add(key, l);
  }
  const ql = l.ql;
  if (where === 'left') for (let j = 2; j < argv.length; j++) ql.pushHead(argv[j]!);
  else for (let j = 2; j < argv.length; j++) ql.pushTail(argv[j]!);
  const server = c.server;
  server.dirty += argv.length - 2;
  db.signalModifiedKey(key);
  server.notify('l', where === 'left' ? 'lpush' : 'rpush', key, db.id);
  return ql.count;
}

/** LINSERT key BEFORE|AFTER pivot element: -1 when the pivot is not there. */
function linsert(c: Client, argv: string[]): Reply {
  const w = optionName(argv[2]!);
  if (w !== 'AFTER' && w !== 'BEFORE') return E.SYNTAX;
  const key = argv[1]!;
  const l = listForWrite(c, key);
  if (l === undefined) return 0;
  if (!(l instanceof RedisList)) return l;
  const pivot = argv[3]!;
  let index = -1;
  l.ql.walk(false, (v, i) => {
    if (v !== pivot) return true;
    index = i;
    return false;
  });
  if (index === -1) return -1;
  l.ql.insert(l.ql.position(index)!, argv[4]!, w === 'AFTER');
  const db = c.db;
  db.signalModifiedKey(key);
  c.server.notify('l', 'linsert', key, db.id);
  c.server.dirty++;
  return l.length;
}

function llen(c: Client, argv: string[]): Reply {
  const l = listForRead(c, argv[1]!);
  if (l === undefined) return 0;
  return l instanceof RedisList ? l.length : l;
}

/** LINDEX: the key is looked up before the index is parsed, as Redis does. */
function lindex(c: Client, argv: string[]): Reply {
  const l = listForRead(c, argv[1]!);
  if (l === undefined) return null;
  if (!(l instanceof RedisList)) return l;
  const index = parseLong(argv[2]!);
  if (index === null) return E.NOT_INTEGER;
  return l.ql.index(index) ?? null;
}

function lset(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const l = listForWrite(c, key);
  if (l === undefined) return E.NO_SUCH_KEY;
  if (!(l instanceof RedisList)) return l;
  const index = parseLong(argv[2]!);
  if (index === null) return E.NOT_INTEGER;
  if (!l.ql.replace(index, argv[3]!)) return E.INDEX_OUT_OF_RANGE;
  const db = c.db;
  db.signalModifiedKey(key);
  c.server.notify('l', 'lset', key, db.id);
  c.server.dirty++;
  return OK;
}

/** popGenericCommand: LPOP/RPOP key [count]; with a count the reply is an array. */
function popGeneric(c: Client, argv: string[], where: ListEnd): Reply {
  if (argv.length > 3) return E.wrongArity(where === 'left' ? 'lpop' : 'rpop');
  const hasCount = argv.length === 3;
  let count = 0;
  if (hasCount) {
    const n = parsePositive(argv[2]!, NOT_POSITIVE, 0);
    if (typeof n !== 'number') return n;
    count = n;
  }
  const key = argv[1]!;
  const l = listForWrite(c, key);
  if (l === undefined) return hasCount ? NIL_ARRAY : null;
  if (!(l instanceof RedisList)) return l;
  if (hasCount && count === 0) return EMPTY_ARRAY;
  if (!hasCount) {
    const v = l.ql.pop(where === 'left')!;
    listElementsRemoved(c, key, where, l, 1);
    return v;
  }
  const rangelen = Math.min(count, l.length);
  const head = where === 'left';
  const reply = head ? listRange(l, 0, rangelen - 1, false) : listRange(l, -rangelen, -1, true);
  l.ql.deleteRange(head ? 0 : -rangelen, rangelen);
  listElementsRemoved(c, key, where, l, rangelen);
  return reply;
}

function lrange(c: Client, argv: string[]): Reply {
  const start = parseLong(argv[2]!);
  const end = parseLong(argv[3]!);
  if (start === null || end === null) return E.NOT_INTEGER;
  const l = listForRead(c, argv[1]!);
  if (l === undefined) return EMPTY_ARRAY;
  if (!(l instanceof RedisList)) return l;
  return listRange(l, start, end, false);
}

/** LTRIM: the event is sent even when nothing was trimmed; the emptied key is deleted. */
function ltrim(c: Client, argv: string[]): Reply {
  let start = parseLong(argv[2]!);
  let end = parseLong(argv[3]!);
  if (start === null || end === null) return E.NOT_INTEGER;
  const key = argv[1]!;
  const l = listForWrite(c, key);
  if (l === undefined) return OK;
  if (!(l instanceof RedisList)) return l;
  const llen = l.length;
  if (start < 0) start += llen;
  if (end < 0) end += llen;
  if (start < 0) start = 0;
  let ltrimCount: number;
  let rtrimCount: number;
  if (start > end || start >= llen) {
    ltrimCount = llen;
    rtrimCount = 0;
  } else {
    if (end >= llen) end = llen - 1;
    ltrimCount = start;
    rtrimCount = llen - end - 1;
  }
  l.ql.deleteRange(0, ltrimCount);
  l.ql.deleteRange(-rtrimCount, rtrimCount);
  const db = c.db;
  const server = c.server;
  server.notify('l', 'ltrim', key, db.id);
  if (l.length === 0) {
    db.delete(key);
    server.notify('g', 'del', key, db.id);
  }
  db.signalModifiedKey(key);
  server.dirty += ltrimCount + rtrimCount;
  return OK;
}

/** LREM key count element: count > 0 from the head, < 0 from the tail, 0 all. */
function lrem(c: Client, argv: string[]): Reply {
  const toremove = parseLong(argv[2]!);
  if (toremove === null) return E.NOT_INTEGER;
  const key = argv[1]!;
  const l = listForWrite(c, key);
  if (l === undefined) return 0;
  if (!(l instanceof RedisList)) return l;
  const removed = l.ql.removeMatching(argv[3]!, Math.abs(toremove), toremove < 0);
  const db = c.db;
  const server = c.server;
  server.dirty += removed;
  if (removed > 0) {
    db.signalModifiedKey(key);
    server.notify('l', 'lrem', key, db.id);
  }
  if (l.length === 0) {
    db.delete(key);
    server.notify('g', 'del', key, db.id);
  }
  return removed;
}

/**
 * LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]. RANK -9223372036854775808
 * stays negative when Redis negates it, so every match qualifies and COUNT never stops the
 * scan: that is reproduced, not refused.
 */
function lpos(c: Client, argv: string[]): Reply {
  const ele = argv[2]!;
  let rank = 1;
  let rankIsLongMin = false;
  let count = -1;
  let maxlen = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = optionName(argv[j]!);
    const moreargs = argv.length - 1 - j > 0;
    if (opt === 'RANK' && moreargs) {
      const arg = argv[++j]!;
      const r = parseLong(arg);
      if (r === null) return E.NOT_INTEGER;
      if (r === 0) return RANK_ZERO;
      rank = r;
      rankIsLongMin = string2ll(arg) === LONG_MIN;
    } else if (opt === 'COUNT' && moreargs) {
      const n = parsePositive(argv[++j]!, COUNT_NEGATIVE, 0);
      if (typeof n !== 'number') return n;
      count = n;
    } else if (opt === 'MAXLEN' && moreargs) {
      const n = parsePositive(argv[++j]!, MAXLEN_NEGATIVE, 0);
      if (typeof n !== 'number') return n;
      maxlen = n;
    } else {
      return E.SYNTAX;
    }
  }
  const fromTail = rank < 0;
  if (fromTail) rank = -rank;
  const l = listForRead(c, argv[1]!);
  if (l === undefined) return count !== -1 ? EMPTY_ARRAY : null;
  if (!(l instanceof RedisList)) return l;
  const llen = l.length;
  const found: number[] = [];
  let matches = 0;
  let matchindex = -1;
  l.ql.walk(fromTail, (v, index) => {
    if (maxlen !== 0 && index >= maxlen) return false;
    if (v !== ele) return true;
    matches++;
    if (!rankIsLongMin && matches < rank) return true;
    const idx = fromTail ? llen - index - 1 : index;
    if (count === -1) {
      matchindex = idx;
      return false;
    }
    found.push(idx);
    return count === 0 || rankIsLongMin || matches - rank + 1 < count;
  });
  if (count !== -1) return found;
  return matchindex !== -1 ? matchindex : null;
}

/**
 * lmoveGenericCommand: pop from `src`, push to `dst` (which may be the same list), reply with
 * the element. The destination's type is checked before anything moves.
 */
export function lmoveGeneric(c: Client, src: string, dst: string, from: ListEnd, to: ListEnd): Reply {
  const sobj = listForWrite(c, src);
  if (sobj === undefined) return null;
  if (!(sobj instanceof RedisList)) return sobj;
  const dobj = listForWrite(c, dst);
  if (dobj !== undefined && !(dobj instanceof RedisList)) return dobj;
  const value = sobj.ql.pop(from === 'left')!;
  lmoveHandlePush(c, dst, dobj, value, to);
  const db = c.db;
  const server = c.server;
  server.notify('l', from === 'left' ? 'lpop' : 'rpop', src, db.id);
  if (sobj.length === 0) {
    db.delete(src);
    server.notify('g', 'del', src, db.id);
  }
  db.signalModifiedKey(src);
  server.dirty++;
  return value;
}

function lmove(c: Client, argv: string[]): Reply {
  const from = parseListEnd(argv[3]!);
  if (from === null) return E.SYNTAX;
  const to = parseListEnd(argv[4]!);
  if (to === null) return E.SYNTAX;
  return lmoveGeneric(c, argv[1]!, argv[2]!, from, to);
}

/** The parsed `numkeys key... LEFT|RIGHT [COUNT count]` of LMPOP and BLMPOP. */
export interface LmpopArgs {
  keys: string[];
  where: ListEnd;
  count: number;
}

/** lmpopGenericCommand's argument parsing, from the numkeys argument on. */
export function parseLmpopArgs(argv: string[], numkeysIdx: number): LmpopArgs | ErrorReply {
  const numkeys = parsePositive(argv[numkeysIdx]!, NUMKEYS_NOT_POSITIVE, 1);
  if (typeof numkeys !== 'number') return numkeys;
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) return E.SYNTAX;
  const where = parseListEnd(argv[whereIdx]!);
  if (where === null) return E.SYNTAX;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    const moreargs = argv.length - 1 - j > 0;
    if (count === -1 && optionName(argv[j]!) === 'COUNT' && moreargs) {
      const n = parsePositive(argv[++j]!, COUNT_NOT_POSITIVE, 1);
      if (typeof n !== 'number') return n;
      count = n;
    } else {
      return E.SYNTAX;
    }
  }
  return { keys: argv.slice(numkeysIdx + 1, whereIdx), where, count: count === -1 ? 1 : count };
}

/**
 * mpopGenericCommand: the first non-empty list of `keys` is popped; a key of another type is
 * an error; none gives a nil array. Replicated as LPOP/RPOP key count.
 */
export function mpopGeneric(c: Client, keys: string[], where: ListEnd, count: number): Reply {
  for (const key of keys) {
    const l = listForWrite(c, key);
    if (l === undefined) continue;
    if (!(l instanceof RedisList)) return l;
    const llen = l.length;
    const reply = listPopRangeAndReplyWithKey(c, l, key, where, count);
    c.argv = popArgv(where, key, count, llen);
    return reply;
  }
  return NIL_ARRAY;
}

function lmpop(c: Client, argv: string[]): Reply {
  const args = parseLmpopArgs(argv, 1);
  if ('t' in args) return args;
  return mpopGeneric(c, args.keys, args.where, args.count);
}

/**
 * printf("%.2f") of count/len as a double, which equals the exact quotient wherever the two
 * decimals could round differently: rounded half to even, as glibc does on an exact tie.
 */
function averageFixed2(count: number, len: number): string {
  const n = BigInt(count) * 100n;
  const d = BigInt(len);
  let q = n / d;
  const twice = (n % d) * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) q++;
  const cents = q.toString().padStart(3, '0');
  return `${cents.slice(0, -2)}.${cents.slice(-2)}`;
}

/** DEBUG OBJECT's quicklist fields: ql_nodes, ql_avg_node, ql_listpack_max, ql_compressed, ql_uncompressed_size. */
export function quicklistDebugFields(l: RedisList): string {
  const d = l.ql.debugInfo();
  const avg = d.nodes === 0 ? 'nan' : averageFixed2(d.count, d.nodes);
  return ` ql_nodes:${d.nodes} ql_avg_node:${avg} ql_listpack_max:${d.fill} ql_compressed:${d.compress !== 0 ? 1 : 0} ql_uncompressed_size:${d.uncompressedSize}`;
}

export const lists: CommandGroup = {
  handlers: {
    lpush: (c, argv) => pushGeneric(c, argv, 'left', false),
    rpush: (c, argv) => pushGeneric(c, argv, 'right', false),
    lpushx: (c, argv) => pushGeneric(c, argv, 'left', true),
    rpushx: (c, argv) => pushGeneric(c, argv, 'right', true),
    linsert,
    llen,
    lindex,
    lset,
    lpop: (c, argv) => popGeneric(c, argv, 'left'),
    rpop: (c, argv) => popGeneric(c, argv, 'right'),
    lrange,
    ltrim,
    lrem,
    lpos,
    lmove,
    rpoplpush: (c, argv) => lmoveGeneric(c, argv[1]!, argv[2]!, 'right', 'left'),
    lmpop,
  },
};
