import { EMPTY_ARRAY, error, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import type { Encoding } from '../types/object.js';
import type { LexRange, ScoreRange, ZsetSink } from '../types/zrangespec.js';
import { Zset, type ZaddResult, type ZsetLimits } from '../types/zset.js';
import { optionName } from '../util/options.js';
import type { Handler } from './spec.js';
import {
  MIN_MAX_NOT_FLOAT,
  MIN_MAX_NOT_LEX,
  parseLexRange,
  parseLong,
  parseScoreRange,
  reportConversion,
  ScoredReply,
  zsetLimits,
} from './sortedSetArgs.js';

/**
 * ZRANGE in all its forms (zrangeGenericCommand: ZRANGE, ZRANGESTORE, ZREVRANGE,
 * Z[REV]RANGEBYSCORE, Z[REV]RANGEBYLEX) and ZREMRANGEBYRANK/SCORE/LEX.
 */

const LIMIT_NEEDS_BY = Object.freeze(error('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX'));
const WITHSCORES_BYLEX = Object.freeze(error('ERR syntax error, WITHSCORES not supported in combination with BYLEX'));

type RangeType = 'auto' | 'rank' | 'score' | 'lex';
type Direction = 'auto' | 'forward' | 'reverse';

/** zrange_result_handler: where the elements of a range go. */
interface RangeResult extends ZsetSink {
  /** beginResultEmission: the result length when known, -1 otherwise. */
  begin(length: number): void;
  finalize(count: number): Reply;
}

/** The client handler: an array reply, with scores flat (RESP2) or paired (RESP3). */
class ClientResult extends ScoredReply implements RangeResult {
  begin(): void {}

  finalize(): Reply {
    return this.out;
  }
}

/**
 * The ZRANGESTORE handler: the destination starts as a listpack unless the known length is
 * over zset-max-listpack-entries, and every element goes through zsetAdd (which converts).
 * An empty result deletes the destination.
 */
class StoreResult implements RangeResult {
  private dst: Zset | null = null;
  private before: Encoding = 'listpack';
  private readonly limits: ZsetLimits;
  private readonly added: ZaddResult = { flags: 0, score: 0 };

  constructor(
    private readonly c: Client,
    private readonly dstkey: string,
  ) {
    this.limits = zsetLimits(c.server);
  }

  begin(length: number): void {
    this.dst = new Zset(this.c.server, length > this.limits.maxListpackEntries ? 'skiplist' : 'listpack');
    this.before = this.dst.encoding();
  }

  emit(ele: string, score: number): void {
    this.dst!.add(score, ele, 0, this.limits, this.added);
  }

  finalize(count: number): Reply {
    const c = this.c;
    const db = c.db;
    const server = c.server;
    if (count > 0) {
      db.setKey(this.dstkey, this.dst!);
      server.notify('z', 'zrangestore', this.dstkey, db.id);
      server.dirty++;
      reportConversion(c, this.dstkey, this.before, this.dst!);
      return count;
    }
    if (db.delete(this.dstkey)) {
      db.signalModifiedKey(this.dstkey);
      server.notify('g', 'del', this.dstkey, db.id);
      server.dirty++;
    }
    return 0;
  }
}

/**
 * zrangeGenericCommand. `argcStart` is where <src> <min> <max> begin (2 for ZRANGESTORE);
 * the dedicated commands fix the range type and direction, ZRANGE takes them as options.
 */
function zrangeGeneric(
  c: Client,
  argv: string[],
  argcStart: number,
  dstkey: string | null,
  rangetype: RangeType,
  direction: Direction,
): Reply {
  const key = argv[argcStart]!;
  let minidx = argcStart + 1;
  let maxidx = argcStart + 2;
  let withscores = false;
  let offset = 0;
  let limit = -1;
  for (let j = argcStart + 3; j < argv.length; j++) {
    const leftargs = argv.length - j - 1;
    const opt = optionName(argv[j]!);
    if (dstkey === null && opt === 'WITHSCORES') {
      withscores = true;
    } else if (opt === 'LIMIT' && leftargs >= 2) {
      const o = parseLong(argv[j + 1]!);
      const l = parseLong(argv[j + 2]!);
      if (o === null || l === null) return E.NOT_INTEGER;
      offset = o;
      limit = l;
      j += 2;
    } else if (direction === 'auto' && opt === 'REV') {
      direction = 'reverse';
    } else if (rangetype === 'auto' && opt === 'BYLEX') {
      rangetype = 'lex';
    } else if (rangetype === 'auto' && opt === 'BYSCORE') {
      rangetype = 'score';
    } else {
      return E.SYNTAX;
    }
  }
  const reverse = direction === 'reverse';
  const type = rangetype === 'auto' ? 'rank' : rangetype;
  // A LIMIT of -1 (the default count) is indistinguishable from no LIMIT, as in Redis.
  if (limit !== -1 && type === 'rank') return LIMIT_NEEDS_BY;
  if (withscores && type === 'lex') return WITHSCORES_BYLEX;
  if (reverse && type !== 'rank') [minidx, maxidx] = [maxidx, minidx];

  let start = 0;
  let end = 0;
  let scoreRange: ScoreRange | null = null;
  let lexRange: LexRange | null = null;
  if (type === 'rank') {
    const s = parseLong(argv[minidx]!);
    const e = parseLong(argv[maxidx]!);
    if (s === null || e === null) return E.NOT_INTEGER;
    start = s;
    end = e;
  } else if (type === 'score') {
    scoreRange = parseScoreRange(argv[minidx]!, argv[maxidx]!);
    if (scoreRange === null) return MIN_MAX_NOT_FLOAT;
  } else {
    lexRange = parseLexRange(argv[minidx]!, argv[maxidx]!);
    if (lexRange === null) return MIN_MAX_NOT_LEX;
  }

  const z = c.db.lookupRead(key);
  const result: RangeResult = dstkey === null ? new ClientResult(c, withscores) : new StoreResult(c, dstkey);
  if (z === undefined) {
    if (dstkey === null) return EMPTY_ARRAY;
    result.begin(-1);
    return result.finalize(0);
  }
  if (!(z instanceof Zset)) return E.WRONGTYPE;

  if (type === 'rank') {
    // genericZrangebyrankCommand's index sanitizing.
    const llen = z.length;
    if (start < 0) start = llen + start;
    if (end < 0) end = llen + end;
    if (start < 0) start = 0;
    if (start > end || start >= llen) {
      result.begin(0);
      return result.finalize(0);
    }
    if (end >= llen) end = llen - 1;
    result.begin(end - start + 1);
    z.rangeByRank(start, end, reverse, result);
    return result.finalize(end - start + 1);
  }
  result.begin(-1);
  const count =
    scoreRange !== null ? z.rangeByScore(scoreRange, offset, limit, reverse, result) : z.rangeByLex(lexRange!, offset, limit, reverse, result);
  return result.finalize(count);
}

const zrange: Handler = (c, argv) => zrangeGeneric(c, argv, 1, null, 'auto', 'auto');
const zrangestore: Handler = (c, argv) => zrangeGeneric(c, argv, 2, argv[1]!, 'auto', 'auto');
const zrevrange: Handler = (c, argv) => zrangeGeneric(c, argv, 1, null, 'rank', 'reverse');
const zrangebyscore: Handler = (c, argv) => zrangeGeneric(c, argv, 1, null, 'score', 'forward');
const zrevrangebyscore: Handler = (c, argv) => zrangeGeneric(c, argv, 1, null, 'score', 'reverse');
const zrangebylex: Handler = (c, argv) => zrangeGeneric(c, argv, 1, null, 'lex', 'forward');
const zrevrangebylex: Handler = (c, argv) => zrangeGeneric(c, argv, 1, null, 'lex', 'reverse');

/**
 * zremrangeGenericCommand: the range is parsed before the key is looked up; the key goes away
 * with its last element.
 */
function zremrangeGeneric(c: Client, argv: string[], type: 'rank' | 'score' | 'lex'): Reply {
  const key = argv[1]!;
  let start = 0;
  let end = 0;
  let scoreRange: ScoreRange | null = null;
  let lexRange: LexRange | null = null;
  if (type === 'rank') {
    const s = parseLong(argv[2]!);
    const e = parseLong(argv[3]!);
    if (s === null || e === null) return E.NOT_INTEGER;
    start = s;
    end = e;
  } else if (type === 'score') {
    scoreRange = parseScoreRange(argv[2]!, argv[3]!);
    if (scoreRange === null) return MIN_MAX_NOT_FLOAT;
  } else {
    lexRange = parseLexRange(argv[2]!, argv[3]!);
    if (lexRange === null) return MIN_MAX_NOT_LEX;
  }
  const db = c.db;
  const z = db.lookupWrite(key);
  if (z === undefined) return 0;
  if (!(z instanceof Zset)) return E.WRONGTYPE;
  let deleted: number;
  if (type === 'rank') {
    const llen = z.length;
    if (start < 0) start = llen + start;
    if (end < 0) end = llen + end;
    if (start < 0) start = 0;
    if (start > end || start >= llen) return 0;
    if (end >= llen) end = llen - 1;
    deleted = z.deleteRangeByRank(start, end);
  } else if (scoreRange !== null) {
    deleted = z.deleteRangeByScore(scoreRange);
  } else {
    deleted = z.deleteRangeByLex(lexRange!);
  }
  const keyremoved = z.length === 0;
  if (keyremoved) db.delete(key);
  const server = c.server;
  if (deleted > 0) {
    db.signalModifiedKey(key);
    server.notify('z', `zremrangeby${type}`, key, db.id);
    if (keyremoved) server.notify('g', 'del', key, db.id);
  }
  server.dirty += deleted;
  return deleted;
}

const zremrangebyrank: Handler = (c, argv) => zremrangeGeneric(c, argv, 'rank');
const zremrangebyscore: Handler = (c, argv) => zremrangeGeneric(c, argv, 'score');
const zremrangebylex: Handler = (c, argv) => zremrangeGeneric(c, argv, 'lex');

export const rangeCommands: Record<string, Handler> = {
  zrange,
  zrangestore,
  zrevrange,
  zrangebyscore,
  zrevrangebyscore,
  zrangebylex,
  zrevrangebylex,
  zremrangebyrank,
  zremrangebyscore,
  zremrangebylex,
};
