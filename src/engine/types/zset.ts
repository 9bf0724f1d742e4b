import type { ValueData } from '../../protocol/api.js';
import { formatDouble17g } from '../util/numbers.js';
import { Dict, type DictShape } from './dict.js';
import { LISTPACK_MAX_SAFETY_SIZE, Listpack, numberText, type ListpackLayout } from './listpack.js';
import { RedisCollection, type Encoding } from './object.js';
import { Skiplist, ZSKIPLIST_MAXLEVEL, type RandomSource, type SkiplistSearchTrace, type SkiplistWindow } from './skiplist.js';
import { lexGteMin, lexLteMax, valueGteMin, valueLteMax, type LexRange, type ScoreRange, type ZsetSink } from './zrangespec.js';
import {
  zzlDeleteRangeByLex,
  zzlDeleteRangeByScore,
  zzlEle,
  zzlFind,
  zzlInsert,
  zzlRangeByLex,
  zzlRangeByScore,
  zzlScore,
} from './zsetListpack.js';
import { DICT_ENTRY_SIZE, DICT_SIZE, POINTER_SIZE, ROBJ_SIZE, mallocSize, sdsAllocSize } from './zmalloc.js';

/**
 * The sorted set value (t_zset.c). Small sets are a listpack of alternating member and score
 * entries ordered by (score, member); big ones are a skiplist (order and ranks) plus a dict
 * (member -> node, for O(1) ZSCORE), exactly as Redis encodes them, converting at the same
 * moments (zsetAdd, zsetConvertToListpackIfNeeded) so OBJECT ENCODING and MEMORY USAGE agree
 * with a real server. This file holds no argument parsing and builds no replies.
 */

/** What a zset needs from its server: the PRNG for skiplist levels, the dict hash seed. */
export interface ZsetEnv {
  readonly prng: RandomSource & { int(n: number): number };
  readonly hashSeed: number;
}

/** zset-max-listpack-entries / zset-max-listpack-value, read from CONFIG by the caller. */
export interface ZsetLimits {
  readonly maxListpackEntries: number;
  readonly maxListpackValue: number;
}

/** zsetAdd input flags (ZADD_IN_*). */
export const ZADD_IN_INCR = 1;
export const ZADD_IN_NX = 2;
export const ZADD_IN_XX = 4;
export const ZADD_IN_GT = 8;
export const ZADD_IN_LT = 16;

/** zsetAdd output flags (ZADD_OUT_*). */
export const ZADD_OUT_NOP = 1;
export const ZADD_OUT_NAN = 2;
export const ZADD_OUT_ADDED = 4;
export const ZADD_OUT_UPDATED = 8;

/** zsetAdd's out parameters: the ZADD_OUT_* flags and *newscore. */
export interface ZaddResult {
  flags: number;
  score: number;
}

export type ZsetEncoding = 'listpack' | 'skiplist';
/** A visitor that can stop the walk by returning false. */
export type ZsetWalk = (ele: string, score: number) => boolean | void;

/** sizeof(zskiplistNode) without its level array: ele, score, backward. */
const ZSL_NODE_SIZE = 24;
/** sizeof(struct zskiplistLevel): forward, span. */
const ZSL_LEVEL_SIZE = 16;
/** sizeof(zset): dict*, zsl*. */
const ZSET_STRUCT_SIZE = 16;
/** sizeof(zskiplist): header, tail, length, level (padded). */
const ZSKIPLIST_STRUCT_SIZE = 32;
/** A sink that only lets a walk count. */
const DISCARD: ZsetSink = { emit() {} };
/** OBJ_COMPUTE_SIZE_DEF_SAMPLES: MEMORY USAGE looks at this many nodes by default. */
export const MEMORY_DEFAULT_SAMPLES = 5;

export class Zset extends RedisCollection {
  readonly type = 'zset' as const;
  /** Listpack encoding: member, score, member, score, ... ordered by (score, member). */
  private lp: Listpack | null = null;
  /** Skiplist encoding: the order, and member -> node. */
  private zsl: Skiplist | null = null;
  private dict: Dict<number> | null = null;

  /** createZsetListpackObject / createZsetObject */
  constructor(
    private readonly env: ZsetEnv,
    encoding: ZsetEncoding = 'listpack',
  ) {
    super();
    if (encoding === 'listpack') this.lp = new Listpack();
    else this.initSkiplist();
  }

  private initSkiplist(): void {
    this.zsl = new Skiplist(this.env.prng);
    this.dict = new Dict<number>(this.env.hashSeed);
  }

  encoding(): Encoding {
    return this.lp !== null ? 'listpack' : 'skiplist';
  }

  /** zsetLength */
  get length(): number {
    return this.lp !== null ? this.lp.length / 2 : this.zsl!.length;
  }

  /** zsetDup: a listpack is copied as is; a skiplist is rebuilt from the tail so every insert lands at the head. */
  copy(): Zset {
    if (this.lp !== null) {
      const z = new Zset(this.env, 'listpack');
      z.lp = this.lp.copy();
      return z;
    }
    const z = new Zset(this.env, 'skiplist');
    z.dict!.expand(this.dict!.size);
    const zsl = this.zsl!;
    for (let n = zsl.last(); n !== 0; n = zsl.prev(n)) z.insertNew(zsl.scoreOf(n), zsl.eleOf(n));
    return z;
  }

  elements(limit: number): ValueData {
    const entries: Array<[string, string]> = [];
    this.rangeByRank(0, Math.min(limit, this.length) - 1, false, {
      emit: (ele, score) => entries.push([ele, formatDouble17g(score)]),
    });
    return { type: 'zset', entries };
  }

  // ---- single elements ------------------------------------------------------------------

  /** zsetScore: undefined when the member is absent. */
  score(ele: string): number | undefined {
    if (this.lp !== null) {
      const i = zzlFind(this.lp, ele);
      return i === -1 ? undefined : zzlScore(this.lp, i);
    }
    const n = this.dict!.get(ele);
    return n === undefined ? undefined : this.zsl!.scoreOf(n);
  }

  /**
   * zsetAdd: add or update one member under ZADD's NX/XX/GT/LT/INCR rules. A listpack turns into
   * a skiplist first when the new member would break zset-max-listpack-entries/value. Returns
   * false only when the score is (or the increment makes it) NaN.
   */
  add(score: number, ele: string, inFlags: number, limits: ZsetLimits, out: ZaddResult): boolean {
    const incr = (inFlags & ZADD_IN_INCR) !== 0;
    const nx = (inFlags & ZADD_IN_NX) !== 0;
    const xx = (inFlags & ZADD_IN_XX) !== 0;
    const gt = (inFlags & ZADD_IN_GT) !== 0;
    const lt = (inFlags & ZADD_IN_LT) !== 0;
    out.flags = 0;
    if (Number.isNaN(score)) {
      out.flags = ZADD_OUT_NAN;
      return false;
    }
    if (this.lp !== null) {
      const i = zzlFind(this.lp, ele);
      if (i !== -1) {
        if (nx) {
          out.flags |= ZADD_OUT_NOP;
          return true;
        }
        const cur = zzlScore(this.lp, i);
        if (incr) {
          score += cur;
          if (Number.isNaN(score)) {
            out.flags |= ZADD_OUT_NAN;
            return false;
          }
        }
        if ((lt && score >= cur) || (gt && score <= cur)) {
          out.flags |= ZADD_OUT_NOP;
          return true;
        }
        out.score = score;
        if (score !== cur) {
          this.lp.delete(i, 2);
          zzlInsert(this.lp, ele, score);
          out.flags |= ZADD_OUT_UPDATED;
        }
        return true;
      }
      if (xx) {
        out.flags |= ZADD_OUT_NOP;
        return true;
      }
      if (
        this.lp.length / 2 + 1 > limits.maxListpackEntries ||
        ele.length > limits.maxListpackValue ||
        !this.lp.safeToAdd(ele.length)
      ) {
        this.convert('skiplist');
      } else {
        zzlInsert(this.lp, ele, score);
        out.score = score;
        out.flags |= ZADD_OUT_ADDED;
        return true;
      }
    }
    const zsl = this.zsl!;
    const de = this.dict!.getEntry(ele);
    if (de !== null) {
      if (nx) {
        out.flags |= ZADD_OUT_NOP;
        return true;
      }
      const cur = zsl.scoreOf(de.val);
      if (incr) {
        score += cur;
        if (Number.isNaN(score)) {
          out.flags |= ZADD_OUT_NAN;
          return false;
        }
      }
      if ((lt && score >= cur) || (gt && score <= cur)) {
        out.flags |= ZADD_OUT_NOP;
        return true;
      }
      out.score = score;
      if (score !== cur) {
        de.val = zsl.updateScore(cur, ele, score);
        out.flags |= ZADD_OUT_UPDATED;
      }
      return true;
    }
    if (xx) {
      out.flags |= ZADD_OUT_NOP;
      return true;
    }
    this.dict!.add(ele, zsl.insert(score, ele));
    out.flags |= ZADD_OUT_ADDED;
    out.score = score;
    return true;
  }

  /** zslInsert + dictAdd on a skiplist zset, for elements known to be absent (STORE results, zsetDup). */
  insertNew(score: number, ele: string): void {
    this.dict!.add(ele, this.zsl!.insert(score, ele));
  }

  /** dictExpand on the skiplist encoding's dict (zunion sizes it once it knows the result). */
  expandDict(size: number): void {
    this.dict!.expand(size);
  }

  /** zsetDel */
  del(ele: string): boolean {
    if (this.lp !== null) {
      const i = zzlFind(this.lp, ele);
      if (i === -1) return false;
      this.lp.delete(i, 2);
      return true;
    }
    const e = this.dict!.delete(ele);
    if (e === null) return false;
    this.zsl!.delete(this.zsl!.scoreOf(e.val), ele);
    this.dict!.resizeIfNeeded();
    return true;
  }

  /** zsetRank: 0-based rank (from the top when reverse), -1 when absent. */
  rank(ele: string, reverse: boolean): number {
    const llen = this.length;
    if (this.lp !== null) {
      const i = zzlFind(this.lp, ele);
      if (i === -1) return -1;
      return reverse ? llen - 1 - i / 2 : i / 2;
    }
    const n = this.dict!.get(ele);
    if (n === undefined) return -1;
    const rank = this.zsl!.getRank(this.zsl!.scoreOf(n), ele);
    return reverse ? llen - rank : rank - 1;
  }

  /** The first (min) or last (max) element, removed: genericZpopCommand's loop body. */
  pop(where: 'min' | 'max'): [string, number] {
    let ele: string;
    let score: number;
    if (this.lp !== null) {
      const i = where === 'max' ? this.lp.length - 2 : 0;
      ele = zzlEle(this.lp, i);
      score = zzlScore(this.lp, i);
    } else {
      const n = where === 'max' ? this.zsl!.last() : this.zsl!.first();
      ele = this.zsl!.eleOf(n);
      score = this.zsl!.scoreOf(n);
    }
    this.del(ele);
    return [ele, score];
  }

  /** A uniformly chosen element (lpRandomPair / dictGetFairRandomKey). */
  randomElement(): [string, number] {
    if (this.lp !== null) {
      const i = this.env.prng.int(this.lp.length / 2) * 2;
      return [zzlEle(this.lp, i), zzlScore(this.lp, i)];
    }
    const e = this.dict!.randomEntry((n) => this.env.prng.int(n))!;
    return [e.key, this.zsl!.scoreOf(e.val)];
  }

  // ---- conversions ----------------------------------------------------------------------

  /** zsetConvert: rebuild in the other encoding (listpack order is the skiplist order). */
  convert(to: ZsetEncoding): void {
    if (this.encoding() === to) return;
    if (to === 'skiplist') {
      const lp = this.lp!;
      this.lp = null;
      this.initSkiplist();
      const v = lp.values;
      for (let i = 0; i < v.length; i += 2) this.insertNew(v[i + 1] as number, v[i] as string);
      return;
    }
    const zsl = this.zsl!;
    const lp = new Listpack();
    for (let n = zsl.first(); n !== 0; n = zsl.next(n)) {
      lp.append(zsl.eleOf(n));
      lp.append(zsl.scoreOf(n));
    }
    this.zsl = null;
    this.dict = null;
    this.lp = lp;
  }

  /**
   * zsetConvertToListpackIfNeeded: after a STORE built the result as a skiplist, go back to a
   * listpack when it is small enough (and lpSafeToAdd of all its bytes holds). Returns whether
   * it converted.
   */
  convertToListpackIfNeeded(maxelelen: number, totelelen: number, limits: ZsetLimits): boolean {
    if (this.lp !== null) return false;
    if (
      this.zsl!.length <= limits.maxListpackEntries &&
      maxelelen <= limits.maxListpackValue &&
      totelelen <= LISTPACK_MAX_SAFETY_SIZE
    ) {
      this.convert('listpack');
      return true;
    }
    return false;
  }

  // ---- iteration and ranges -------------------------------------------------------------

  /**
   * zuiInitIterator/zuiNext: every element from the greatest to the smallest (Redis walks zsets
   * from the tail so a result skiplist is filled at its head), until `visit` returns false.
   */
  forEachFromTail(visit: ZsetWalk): void {
    if (this.lp !== null) {
      const v = this.lp.values;
      for (let i = v.length - 2; i >= 0; i -= 2) if (visit(v[i] as string, v[i + 1] as number) === false) return;
      return;
    }
    const zsl = this.zsl!;
    for (let n = zsl.last(); n !== 0; n = zsl.prev(n)) if (visit(zsl.eleOf(n), zsl.scoreOf(n)) === false) return;
  }

  /**
   * genericZrangebyrankCommand's walk: 0-based inclusive ranks, already sanitized
   * (0 <= start <= end < length); reverse counts from the top.
   */
  rangeByRank(start: number, end: number, reverse: boolean, out: ZsetSink): void {
    let count = end - start + 1;
    if (count <= 0) return;
    if (this.lp !== null) {
      const v = this.lp.values;
      let i = reverse ? v.length - 2 - 2 * start : 2 * start;
      const step = reverse ? -2 : 2;
      for (; count > 0; count--, i += step) out.emit(v[i] as string, v[i + 1] as number);
      return;
    }
    const zsl = this.zsl!;
    let n: number;
    if (reverse) n = start > 0 ? zsl.getElementByRank(this.length - start) : zsl.last();
    else n = start > 0 ? zsl.getElementByRank(start + 1) : zsl.first();
    for (; count > 0 && n !== 0; count--) {
      out.emit(zsl.eleOf(n), zsl.scoreOf(n));
      n = reverse ? zsl.prev(n) : zsl.next(n);
    }
  }

  /**
   * genericZrangebyscoreCommand's walk: from the first element in range (the last when
   * reverse), skip `offset`, then emit at most `limit` (negative: no limit). A negative offset
   * skips everything, as Redis's `while (offset--)` does. Returns how many were emitted.
   */
  rangeByScore(r: ScoreRange, offset: number, limit: number, reverse: boolean, out: ZsetSink): number {
    if (this.lp !== null) {
      return zzlRangeByScore(this.lp, r, offset, limit, reverse, out);
    }
    const zsl = this.zsl!;
    const first = reverse ? zsl.lastInRange(r) : zsl.firstInRange(r);
    return this.slRange(first, offset, limit, reverse, out, (n) => (reverse ? valueGteMin(zsl.scoreOf(n), r) : valueLteMax(zsl.scoreOf(n), r)));
  }

  /** genericZrangebylexCommand's walk (same offset/limit rules as by score). */
  rangeByLex(r: LexRange, offset: number, limit: number, reverse: boolean, out: ZsetSink): number {
    if (this.lp !== null) {
      return zzlRangeByLex(this.lp, r, offset, limit, reverse, out);
    }
    const zsl = this.zsl!;
    const first = reverse ? zsl.lastInLexRange(r) : zsl.firstInLexRange(r);
    return this.slRange(first, offset, limit, reverse, out, (n) => (reverse ? lexGteMin(zsl.eleOf(n), r) : lexLteMax(zsl.eleOf(n), r)));
  }

  private slRange(first: number, offset: number, limit: number, reverse: boolean, out: ZsetSink, inRange: (n: number) => boolean): number {
    const zsl = this.zsl!;
    let n = first;
    if (offset < 0) return 0;
    while (n !== 0 && offset-- > 0) n = reverse ? zsl.prev(n) : zsl.next(n);
    let emitted = 0;
    while (n !== 0 && limit-- !== 0) {
      if (!inRange(n)) break;
      out.emit(zsl.eleOf(n), zsl.scoreOf(n));
      emitted++;
      n = reverse ? zsl.prev(n) : zsl.next(n);
    }
    return emitted;
  }

  /** ZCOUNT: elements with a score in range (via ranks on the skiplist). */
  count(r: ScoreRange): number {
    if (this.lp !== null) return this.rangeByScore(r, 0, -1, false, DISCARD);
    const zsl = this.zsl!;
    const first = zsl.firstInRange(r);
    if (first === 0) return 0;
    let count = zsl.length - (zsl.getRank(zsl.scoreOf(first), zsl.eleOf(first)) - 1);
    const last = zsl.lastInRange(r);
    if (last !== 0) count -= zsl.length - zsl.getRank(zsl.scoreOf(last), zsl.eleOf(last));
    return count;
  }

  /** ZLEXCOUNT */
  lexCount(r: LexRange): number {
    if (this.lp !== null) return this.rangeByLex(r, 0, -1, false, DISCARD);
    const zsl = this.zsl!;
    const first = zsl.firstInLexRange(r);
    if (first === 0) return 0;
    let count = zsl.length - (zsl.getRank(zsl.scoreOf(first), zsl.eleOf(first)) - 1);
    const last = zsl.lastInLexRange(r);
    if (last !== 0) count -= zsl.length - zsl.getRank(zsl.scoreOf(last), zsl.eleOf(last));
    return count;
  }

  /** zzlDeleteRangeByRank / zslDeleteRangeByRank: 0-based inclusive, sanitized ranks. */
  deleteRangeByRank(start: number, end: number): number {
    if (this.lp !== null) {
      const n = end - start + 1;
      this.lp.delete(2 * start, 2 * n);
      return n;
    }
    return this.afterSkiplistDelete(this.zsl!.deleteRangeByRank(start + 1, end + 1, (ele) => this.dict!.delete(ele)));
  }

  /** zzlDeleteRangeByScore / zslDeleteRangeByScore */
  deleteRangeByScore(r: ScoreRange): number {
    if (this.lp !== null) return zzlDeleteRangeByScore(this.lp, r);
    return this.afterSkiplistDelete(this.zsl!.deleteRangeByScore(r, (ele) => this.dict!.delete(ele)));
  }

  /** zzlDeleteRangeByLex / zslDeleteRangeByLex */
  deleteRangeByLex(r: LexRange): number {
    if (this.lp !== null) return zzlDeleteRangeByLex(this.lp, r);
    return this.afterSkiplistDelete(this.zsl!.deleteRangeByLex(r, (ele) => this.dict!.delete(ele)));
  }

  /** zremrangeGenericCommand shrinks the dict when it became sparse (htNeedsResize). */
  private afterSkiplistDelete(removed: number): number {
    this.dict!.resizeIfNeeded();
    return removed;
  }

  /**
   * One ZSCAN step. A listpack is returned whole in one call (cursor 0) with scores as stored
   * (d2string text); a skiplist zset scans its dict and formats scores with "%.17Lg".
   */
  scan(cursor: number, visit: (ele: string, score: string) => void): number {
    if (this.lp !== null) {
      const v = this.lp.values;
      for (let i = 0; i < v.length; i += 2) visit(v[i] as string, numberText(v[i + 1] as number));
      return 0;
    }
    const zsl = this.zsl!;
    return this.dict!.scan(cursor, (e) => visit(e.key, formatDouble17g(zsl.scoreOf(e.val))));
  }

  // ---- memory and views -----------------------------------------------------------------

  /**
   * objectComputeSize for a zset: robj + listpack allocation, or robj + zset + zskiplist + dict
   * structs + bucket array + header node, plus the average cost of the first `samples` elements
   * (member sds, dict entry, skiplist node) times the element count. `samples` 0 means all.
   */
  memoryUsage(samples = MEMORY_DEFAULT_SAMPLES): number {
    if (this.lp !== null) return ROBJ_SIZE + this.lp.allocSize();
    const zsl = this.zsl!;
    const dict = this.dict!;
    let asize =
      ROBJ_SIZE +
      ZSET_STRUCT_SIZE +
      ZSKIPLIST_STRUCT_SIZE +
      DICT_SIZE +
      POINTER_SIZE * dict.slots() +
      mallocSize(ZSL_NODE_SIZE + ZSL_LEVEL_SIZE * ZSKIPLIST_MAXLEVEL);
    const max = samples <= 0 ? Infinity : samples;
    let elesize = 0;
    let seen = 0;
    for (let n = zsl.first(); n !== 0 && seen < max; n = zsl.next(n), seen++) {
      elesize += sdsAllocSize(zsl.eleOf(n).length);
      elesize += DICT_ENTRY_SIZE + mallocSize(ZSL_NODE_SIZE + ZSL_LEVEL_SIZE * zsl.levelOf(n));
    }
    if (seen > 0) asize = Math.floor(asize + (elesize / seen) * dict.size);
    return asize;
  }

  /** The listpack's byte layout (listpack encoding only). */
  listpackLayout(start: number, count: number): ListpackLayout | null {
    return this.lp === null ? null : this.lp.layout(start, count);
  }

  /** The skiplist around a 1-based rank (skiplist encoding only). */
  skiplistWindow(rank: number, radius: number): SkiplistWindow | null {
    return this.zsl === null ? null : this.zsl.window(rank, radius);
  }

  /** The skiplist search for a member at a score (skiplist encoding only). */
  skiplistTrace(score: number, ele: string, kind: 'insert' | 'rank'): SkiplistSearchTrace | null {
    return this.zsl === null ? null : this.zsl.trace(score, ele, kind);
  }

  /** The member dict's tables and rehash state (skiplist encoding only). */
  dictShape(): DictShape | null {
    return this.dict === null ? null : this.dict.shape();
  }

  /** zsetScore without the dict's rehash step: views are observers and must not change the value. */
  peekScore(ele: string): number | undefined {
    if (this.lp !== null) {
      const i = zzlFind(this.lp, ele);
      return i === -1 ? undefined : zzlScore(this.lp, i);
    }
    const e = this.dict!.peek(ele);
    return e === null ? undefined : this.zsl!.scoreOf(e.val);
  }

  /** The member dict itself (skiplist encoding only), for the dict view's bucket windows. */
  dictView(): Dict<number> | null {
    return this.dict;
  }
}
