import type { Listpack } from './listpack.js';
import { lexGteMin, lexLteMax, lexRangeEmpty, scoreRangeEmpty, valueGteMin, valueLteMax, type LexRange, type ScoreRange, type ZsetSink } from './zrangespec.js';

/**
 * The listpack-encoded sorted set (t_zset.c's zzl* functions): entries alternate member and
 * score, ordered by (score, member). Entry `i` (even) is a member, `i + 1` its score. Every
 * operation is a linear walk, as in Redis: a listpack zset holds at most
 * zset-max-listpack-entries elements.
 */

/** The member at entry `i`. */
export function zzlEle(lp: Listpack, i: number): string {
  return lp.values[i] as string;
}

/** zzlGetScore: the score after the member at entry `i`. */
export function zzlScore(lp: Listpack, i: number): number {
  return lp.values[i + 1] as number;
}

/** zzlFind: the entry of a member, -1 when absent. */
export function zzlFind(lp: Listpack, ele: string): number {
  const v = lp.values;
  for (let i = 0; i < v.length; i += 2) if (v[i] === ele) return i;
  return -1;
}

/** zzlInsert: before the first entry with a greater score, or an equal score and a greater member. */
export function zzlInsert(lp: Listpack, ele: string, score: number): void {
  const v = lp.values;
  let i = 0;
  for (; i < v.length; i += 2) {
    const s = v[i + 1] as number;
    if (s > score || (s === score && (v[i] as string) > ele)) break;
  }
  lp.insert(i, ele, score);
}

/** Tests on the element at an entry: at or above the range's min, at or below its max. */
interface EntryRange {
  empty: boolean;
  gteMin(i: number): boolean;
  lteMax(i: number): boolean;
}

function scoreTests(lp: Listpack, r: ScoreRange): EntryRange {
  return { empty: scoreRangeEmpty(r), gteMin: (i) => valueGteMin(zzlScore(lp, i), r), lteMax: (i) => valueLteMax(zzlScore(lp, i), r) };
}

function lexTests(lp: Listpack, r: LexRange): EntryRange {
  return { empty: lexRangeEmpty(r), gteMin: (i) => lexGteMin(zzlEle(lp, i), r), lteMax: (i) => lexLteMax(zzlEle(lp, i), r) };
}

/**
 * zzlFirstInRange / zzlLastInRange (zzlIsInRange first), then genericZrangebyscoreCommand's
 * walk: skip `offset` (a negative one skips everything), emit at most `limit` (negative: no
 * limit). Returns how many were emitted.
 */
function walk(lp: Listpack, t: EntryRange, offset: number, limit: number, reverse: boolean, out: ZsetSink): number {
  const v = lp.values;
  if (t.empty || v.length === 0 || !t.gteMin(v.length - 2) || !t.lteMax(0)) return 0;
  let i: number;
  if (reverse) {
    i = v.length - 2;
    while (i >= 0 && !t.lteMax(i)) i -= 2;
    if (i < 0 || !t.gteMin(i)) return 0;
  } else {
    i = 0;
    while (i < v.length && !t.gteMin(i)) i += 2;
    if (i >= v.length || !t.lteMax(i)) return 0;
  }
  if (offset < 0) return 0;
  const step = reverse ? -2 : 2;
  let emitted = 0;
  for (i += step * offset; i >= 0 && i < v.length && limit-- !== 0; i += step) {
    if (reverse ? !t.gteMin(i) : !t.lteMax(i)) break;
    out.emit(v[i] as string, v[i + 1] as number);
    emitted++;
  }
  return emitted;
}

export function zzlRangeByScore(lp: Listpack, r: ScoreRange, offset: number, limit: number, reverse: boolean, out: ZsetSink): number {
  return walk(lp, scoreTests(lp, r), offset, limit, reverse, out);
}

export function zzlRangeByLex(lp: Listpack, r: LexRange, offset: number, limit: number, reverse: boolean, out: ZsetSink): number {
  return walk(lp, lexTests(lp, r), offset, limit, reverse, out);
}

/** zzlDeleteRangeByScore / zzlDeleteRangeByLex: from the first entry >= min while <= max. */
function deleteRange(lp: Listpack, t: EntryRange): number {
  const v = lp.values;
  let i = 0;
  while (i < v.length && !t.gteMin(i)) i += 2;
  let j = i;
  while (j < v.length && t.lteMax(j)) j += 2;
  if (j > i) lp.delete(i, j - i);
  return (j - i) / 2;
}

export function zzlDeleteRangeByScore(lp: Listpack, r: ScoreRange): number {
  return deleteRange(lp, scoreTests(lp, r));
}

export function zzlDeleteRangeByLex(lp: Listpack, r: LexRange): number {
  return deleteRange(lp, lexTests(lp, r));
}
