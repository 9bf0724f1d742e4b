/**
 * Number parsing and formatting with Redis's exact rules (util.c: string2ll, string2d,
 * ld2string; networking.c: addReplyDouble). Byte strings in, byte strings out.
 */

export const LLONG_MAX = 9223372036854775807n;
export const LLONG_MIN = -9223372036854775808n;

/** An int64 as Redis holds it: a number when it is a safe integer, otherwise a bigint. */
export type Int64 = number | bigint;

/**
 * Redis's string2ll: the whole string must be a canonical signed 64-bit integer
 * ("-0", "+1", "01", " 1", "" all fail). Returns null when it is not.
 */
export function string2ll(s: string): Int64 | null {
  const len = s.length;
  if (len === 0 || len > 20) return null;
  if (len === 1) {
    const c = s.charCodeAt(0);
    return c >= 48 && c <= 57 ? c - 48 : null;
  }
  let i = 0;
  const negative = s.charCodeAt(0) === 45; // '-'
  if (negative) i = 1;
  const first = s.charCodeAt(i);
  if (first < 49 || first > 57) return null; // must start with 1-9: no leading zeros, no "-0"
  let n = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    n = n * 10 + (c - 48);
  }
  if (n <= Number.MAX_SAFE_INTEGER) return negative ? -n : n;
  // Beyond 2^53 the float accumulation above is inexact: redo it exactly.
  const big = BigInt(s);
  if (big > LLONG_MAX || big < LLONG_MIN) return null;
  return big;
}

/** Normalise an exact integer to the Int64 representation (number when safe). */
export function toInt64(v: bigint): Int64 {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** True when the int64 arithmetic result would overflow (both operands Int64). */
export function addOverflows(a: Int64, b: Int64): boolean {
  const sum = BigInt(a) + BigInt(b);
  return sum > LLONG_MAX || sum < LLONG_MIN;
}

/** Exact int64 addition; callers check addOverflows first. */
export function addInt64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return toInt64(BigInt(a) + BigInt(b));
}

const STRTOD_SYNTAX = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|inf(?:inity)?|nan)$/i;

/**
 * Redis's string2d / getDoubleFromObject: strtod over the whole string, rejecting empty
 * input, a leading space, trailing bytes, NaN, and ERANGE when the result overflowed or
 * underflowed to zero (a denormal result is accepted: `ZADD z 1e-310 m` works).
 */
export function string2d(s: string): number | null {
  if (s.length === 0 || !STRTOD_SYNTAX.test(s)) return null;
  const lower = s.toLowerCase();
  if (lower.endsWith('nan')) return null;
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
  const v = lower.includes('x') ? parseHexFloat(lower) : Number(s);
  if (!Number.isFinite(v)) return null; // overflow: ERANGE
  if (v === 0 && /[1-9]/.test(lower.replace(/e.*$|p.*$/, '').replace(/^[+-]?0x/, ''))) return null; // underflow to 0
  return v;
}

function parseHexFloat(s: string): number {
  const m = /^([+-]?)0x([0-9a-f]*)\.?([0-9a-f]*)(?:p([+-]?\d+))?$/.exec(s);
  if (!m) return NaN;
  const [, sign, intPart, frac, exp] = m;
  let v = 0;
  for (const c of intPart!) v = v * 16 + parseInt(c, 16);
  let scale = 1 / 16;
  for (const c of frac!) { v += parseInt(c, 16) * scale; scale /= 16; }
  v *= Math.pow(2, exp ? parseInt(exp, 10) : 0);
  return sign === '-' ? -v : v;
}

/**
 * printf("%.17g") — how Redis 7.0 formats doubles in replies (addReplyDouble) and in
 * several string conversions. Infinity is "inf"/"-inf"; callers handle NaN.
 */
export function formatDouble17g(v: number): string {
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  return formatG(v, 17);
}

/** C's %.<precision>g for finite non-zero numbers. */
export function formatG(v: number, precision: number): string {
  const exp = Math.floor(Math.log10(Math.abs(v)));
  // toExponential gives correctly rounded digits; the exponent after rounding decides the style.
  const expStr = v.toExponential(precision - 1);
  const eIdx = expStr.indexOf('e');
  const x = parseInt(expStr.slice(eIdx + 1), 10);
  void exp;
  if (x < -4 || x >= precision) {
    let mant = expStr.slice(0, eIdx);
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    const ax = Math.abs(x);
    return `${mant}e${x < 0 ? '-' : '+'}${ax < 10 ? '0' : ''}${ax}`;
  }
  let fixed = v.toFixed(Math.max(0, precision - 1 - x));
  if (fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  return fixed;
}
