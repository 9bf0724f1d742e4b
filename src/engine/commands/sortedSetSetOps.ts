import { error, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { RedisSet } from '../types/set.js';
import { Zset, type ZsetWalk } from '../types/zset.js';
import { string2ll } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import type { Handler } from './spec.js';
import { ScoredReply, needsInputKey, parseScore, reportConversion, zsetLimits } from './sortedSetArgs.js';

/**
 * ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD: zunionInterDiffGenericCommand.
 * Inputs may be sorted sets or plain sets (whose members score 1). The result is built as a
 * skiplist zset, as Redis does; a STORE then converts it to a listpack when it is small enough.
 */

const WEIGHT_NOT_FLOAT = Object.freeze(error('ERR weight value is not a float'));
const LIMIT_NEGATIVE = Object.freeze(error("ERR LIMIT can't be negative"));

type SetOp = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

/** zsetopsrc: one input and its weight. */
interface Source {
  readonly zset: Zset | null;
  readonly set: RedisSet | null;
  weight: number;
  readonly length: number;
}

/** zuiNext over a whole input (zsets from their greatest element), until `visit` returns false. */
function forEach(src: Source, visit: ZsetWalk): void {
  if (src.zset !== null) {
    src.zset.forEachFromTail(visit);
  } else if (src.set !== null) {
    src.set.forEachWhile((m) => visit(m, 1) !== false);
  }
}

/** zuiFind: the element's score in this input, undefined when absent. */
function find(src: Source, ele: string): number | undefined {
  if (src.zset !== null) return src.zset.score(ele);
  if (src.set !== null) return src.set.has(ele) ? 1 : undefined;
  return undefined;
}

/** zunionInterAggregate: a SUM of +inf and -inf is 0, not NaN. */
function aggregate(target: number, val: number, how: Aggregate): number {
  if (how === 'sum') {
    const r = target + val;
    return Number.isNaN(r) ? 0 : r;
  }
  if (how === 'min') return val < target ? val : target;
  return val > target ? val : target;
}

const STORE_EVENTS: Record<SetOp, string> = { union: 'zunionstore', inter: 'zinterstore', diff: 'zdiffstore' };

/**
 * zunionInterDiffGenericCommand. Keys are looked up (and type-checked) before the options are
 * parsed, as in Redis. `dstkey` null replies with the result; `cardinalityOnly` is ZINTERCARD.
 */
function zunionInterDiffGeneric(
  c: Client,
  argv: string[],
  fullname: string,
  dstkey: string | null,
  numkeysIndex: number,
  op: SetOp,
  cardinalityOnly: boolean,
): Reply {
  const n = string2ll(argv[numkeysIndex]!);
  if (n === null) return E.NOT_INTEGER;
  if (n < 1) return needsInputKey(fullname);
  if (n > argv.length - numkeysIndex - 1) return E.SYNTAX;
  const setnum = Number(n);
  const db = c.db;
  const srcs: Source[] = [];
  for (let i = 0; i < setnum; i++) {
    const key = argv[numkeysIndex + 1 + i]!;
    const v = db.lookupRead(key);
    if (v === undefined) {
      srcs.push({ zset: null, set: null, weight: 1, length: 0 });
    } else if (v instanceof Zset) {
      srcs.push({ zset: v, set: null, weight: 1, length: v.length });
    } else if (v instanceof RedisSet) {
      srcs.push({ zset: null, set: v, weight: 1, length: v.length });
    } else {
      return E.WRONGTYPE;
    }
  }

  let how: Aggregate = 'sum';
  let withscores = false;
  let limit = 0;
  let j = numkeysIndex + 1 + setnum;
  while (j < argv.length) {
    const remaining = argv.length - j;
    const opt = optionName(argv[j]!);
    if (op !== 'diff' && !cardinalityOnly && remaining >= setnum + 1 && opt === 'WEIGHTS') {
      j++;
      for (let i = 0; i < setnum; i++, j++) {
        const w = parseScore(argv[j]!);
        if (w === null) return WEIGHT_NOT_FLOAT;
        srcs[i]!.weight = w;
      }
    } else if (op !== 'diff' && !cardinalityOnly && remaining >= 2 && opt === 'AGGREGATE') {
      const a = optionName(argv[j + 1]!);
      if (a === 'SUM') how = 'sum';
      else if (a === 'MIN') how = 'min';
      else if (a === 'MAX') how = 'max';
      else return E.SYNTAX;
      j += 2;
    } else if (dstkey === null && !cardinalityOnly && opt === 'WITHSCORES') {
      withscores = true;
      j++;
    } else if (cardinalityOnly && remaining >= 2 && opt === 'LIMIT') {
      const l = string2ll(argv[j + 1]!);
      if (l === null || l < 0) return LIMIT_NEGATIVE;
      limit = Number(l);
      j += 2;
    } else {
      return E.SYNTAX;
    }
  }

  // Smallest inputs first (a stable sort, like glibc's merge-sorting qsort): the order scores
  // are summed in, and for ZINTER the set that is walked. ZDIFF keeps its first set first.
  if (op !== 'diff') srcs.sort((a, b) => a.length - b.length);

  const server = c.server;
  const dst = new Zset(server, 'skiplist');
  let maxelelen = 0;
  let totelelen = 0;
  const addResult = (ele: string, score: number): void => {
    dst.insertNew(score, ele);
    if (ele.length > maxelelen) maxelelen = ele.length;
    totelelen += ele.length;
  };
  let cardinality = 0;

  if (op === 'inter') {
    const first = srcs[0]!;
    if (first.length > 0) {
      forEach(first, (ele, s) => {
        let score = first.weight * s;
        if (Number.isNaN(score)) score = 0;
        let k = 1;
        for (; k < setnum; k++) {
          const value = find(srcs[k]!, ele);
          if (value === undefined) break;
          score = aggregate(score, value * srcs[k]!.weight, how);
        }
        if (k < setnum) return true;
        if (!cardinalityOnly) {
          addResult(ele, score);
          return true;
        }
        cardinality++;
        return !(limit > 0 && cardinality >= limit);
      });
    }
  } else if (op === 'union') {
    const acc = new Map<string, number>();
    for (const src of srcs) {
      if (src.length === 0) continue;
      forEach(src, (ele, s) => {
        let score = src.weight * s;
        if (Number.isNaN(score)) score = 0;
        const existing = acc.get(ele);
        acc.set(ele, existing === undefined ? score : aggregate(existing, score, how));
      });
    }
    dst.expandDict(acc.size);
    for (const [ele, score] of acc) addResult(ele, score);
  } else {
    const first = srcs[0]!;
    if (first.length > 0) {
      forEach(first, (ele, s) => {
        for (let k = 1; k < setnum; k++) if (find(srcs[k]!, ele) !== undefined) return;
        addResult(ele, s);
      });
    }
  }

  if (cardinalityOnly) return cardinality;
  if (dstkey !== null) {
    if (dst.length > 0) {
      dst.convertToListpackIfNeeded(maxelelen, totelelen, zsetLimits(server));
      db.setKey(dstkey, dst);
      server.notify('z', STORE_EVENTS[op], dstkey, db.id);
      server.dirty++;
      reportConversion(c, dstkey, 'skiplist', dst);
      return dst.length;
    }
    if (db.delete(dstkey)) {
      db.signalModifiedKey(dstkey);
      server.notify('g', 'del', dstkey, db.id);
      server.dirty++;
    }
    return 0;
  }
  const reply = new ScoredReply(c, withscores);
  dst.rangeByRank(0, dst.length - 1, false, reply);
  return reply.out;
}

const zunionstore: Handler = (c, argv) => zunionInterDiffGeneric(c, argv, 'zunionstore', argv[1]!, 2, 'union', false);
const zinterstore: Handler = (c, argv) => zunionInterDiffGeneric(c, argv, 'zinterstore', argv[1]!, 2, 'inter', false);
const zdiffstore: Handler = (c, argv) => zunionInterDiffGeneric(c, argv, 'zdiffstore', argv[1]!, 2, 'diff', false);
const zunion: Handler = (c, argv) => zunionInterDiffGeneric(c, argv, 'zunion', null, 1, 'union', false);
const zinter: Handler = (c, argv) => zunionInterDiffGeneric(c, argv, 'zinter', null, 1, 'inter', false);
const zdiff: Handler = (c, argv) => zunionInterDiffGeneric(c, argv, 'zdiff', null, 1, 'diff', false);
const zintercard: Handler = (c, argv) => zunionInterDiffGeneric(c, argv, 'zintercard', null, 1, 'inter', true);

export const setOpCommands: Record<string, Handler> = {
  zunionstore,
  zinterstore,
  zdiffstore,
  zunion,
  zinter,
  zdiff,
  zintercard,
};
