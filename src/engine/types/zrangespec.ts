/**
 * The ranges of sorted set commands (server.h zrangespec / zlexrangespec) and the tests
 * t_zset.c applies to them, shared by the skiplist and the listpack encodings.
 */

/** zrangespec: a score interval, each end inclusive or exclusive. */
export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

/** shared.minstring / shared.maxstring: the `-` and `+` of a lex range. */
export const LEX_MIN: unique symbol = Symbol('-');
export const LEX_MAX: unique symbol = Symbol('+');
export type LexBound = string | typeof LEX_MIN | typeof LEX_MAX;

/** zlexrangespec */
export interface LexRange {
  min: LexBound;
  max: LexBound;
  minex: boolean;
  maxex: boolean;
}

/** zslValueGteMin */
export function valueGteMin(value: number, r: ScoreRange): boolean {
  return r.minex ? value > r.min : value >= r.min;
}

/** zslValueLteMax */
export function valueLteMax(value: number, r: ScoreRange): boolean {
  return r.maxex ? value < r.max : value <= r.max;
}

/** zslIsInRange's first test: ranges that can never hold anything. */
export function scoreRangeEmpty(r: ScoreRange): boolean {
  return r.min > r.max || (r.min === r.max && (r.minex || r.maxex));
}

/** sdscmplex: byte order, with `-` below and `+` above every string. */
export function compareLex(a: LexBound, b: LexBound): number {
  if (a === b) return 0;
  if (a === LEX_MIN || b === LEX_MAX) return -1;
  if (a === LEX_MAX || b === LEX_MIN) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** zslLexValueGteMin */
export function lexGteMin(value: string, r: LexRange): boolean {
  return r.minex ? compareLex(value, r.min) > 0 : compareLex(value, r.min) >= 0;
}

/** zslLexValueLteMax */
export function lexLteMax(value: string, r: LexRange): boolean {
  return r.maxex ? compareLex(value, r.max) < 0 : compareLex(value, r.max) <= 0;
}

/** zslIsInLexRange's first test. */
export function lexRangeEmpty(r: LexRange): boolean {
  const cmp = compareLex(r.min, r.max);
  return cmp > 0 || (cmp === 0 && (r.minex || r.maxex));
}

/** Receives the elements of a range walk: a reply being built, a STORE destination. */
export interface ZsetSink {
  emit(ele: string, score: number): void;
}
