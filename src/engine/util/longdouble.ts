/**
 * C `long double` as Redis 7.0 uses it on x86-64 Linux (INCRBYFLOAT, HINCRBYFLOAT): the x87
 * 80-bit extended format, a 64-bit significand and a 15-bit exponent. Parsing (util.c string2ld,
 * i.e. glibc strtold), addition and formatting (ld2string with LD_STR_HUMAN, i.e. "%.17Lf" with
 * trailing zeros trimmed) are emulated exactly with BigInt, so results are the same bytes
 * real Redis produces, including 1e400-sized integers and round-half-even ties.
 */
import type { Int64 } from './numbers.js';

/**
 * A finite value is `(-1)^neg * mant * 2^exp` with `0 <= mant < 2^64`; operations return it
 * rounded to the 64-bit significand. `neg` on a zero mant is -0.
 */
export type LongDouble =
  | { readonly t: 'finite'; readonly neg: boolean; readonly mant: bigint; readonly exp: number }
  | { readonly t: 'inf'; readonly neg: boolean }
  | { readonly t: 'nan' };

const MANT_BITS = 64;
const TWO_64 = 1n << 64n;
/** Exponent of the least significant bit of the smallest denormal (2^-16445). */
const EXP_MIN = -16445;
/** Largest exponent with a 64-bit mant still finite: the format ends at 2^16384. */
const EXP_MAX = 16384 - MANT_BITS;
/** util.c MAX_LONG_DOUBLE_CHARS: string2ld refuses inputs this long or longer. */
const MAX_LONG_DOUBLE_CHARS = 5 * 1024;
/** Decimal magnitudes past these are certainly out of range, before any BigInt work. */
const DEC_MAG_OVERFLOW = 4940;
const DEC_MAG_UNDERFLOW = -4960;
const BIN_MAG_OVERFLOW = 16400;
const BIN_MAG_UNDERFLOW = -16500;

const ZERO: LongDouble = Object.freeze({ t: 'finite', neg: false, mant: 0n, exp: 0 });

/** What rounding produced: the value, and whether strtold would set ERANGE. */
interface Rounded {
  value: LongDouble;
  overflow: boolean;
  underflowToZero: boolean;
}

function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/**
 * Round the positive rational `num / den * 2^e0` to the nearest long double (ties to even),
 * with gradual underflow below 2^-16382 and overflow to infinity.
 */
function roundRational(neg: boolean, num: bigint, den: bigint, e0: number): Rounded {
  if (num === 0n) return { value: { t: 'finite', neg, mant: 0n, exp: 0 }, overflow: false, underflowToZero: false };
  let e = Math.max(bitLength(num) - bitLength(den) - MANT_BITS + e0, EXP_MIN);
  let q: bigint;
  let r: bigint;
  let d: bigint;
  for (;;) {
    const shift = e0 - e;
    const n = shift >= 0 ? num << BigInt(shift) : num;
    d = shift >= 0 ? den : den << BigInt(-shift);
    q = n / d;
    r = n - q * d;
    if (q < TWO_64) break;
    e++;
  }
  const twice = r * 2n;
  if (twice > d || (twice === d && (q & 1n) === 1n)) {
    q++;
    if (q === TWO_64) {
      q = 1n << 63n;
      e++;
    }
  }
  if (e > EXP_MAX) return { value: { t: 'inf', neg }, overflow: true, underflowToZero: false };
  return { value: { t: 'finite', neg, mant: q, exp: e }, overflow: false, underflowToZero: q === 0n };
}

const DECIMAL = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const HEX = /^([+-]?)0[xX](?:([0-9a-fA-F]+)(?:\.([0-9a-fA-F]*))?|\.([0-9a-fA-F]+))(?:[pP]([+-]?\d+))?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;

/** An exponent written in the input, clamped so absurd lengths cannot overflow a number. */
function parseExponent(s: string | undefined): number {
  if (s === undefined) return 0;
  const v = parseInt(s, 10);
  return Math.max(-1e9, Math.min(1e9, v));
}

/**
 * util.c string2ld: the whole string must be a number strtold accepts (decimal, hex, inf;
 * not NaN), with no leading space, no trailing bytes (an embedded NUL counts as trailing), and
 * no ERANGE from overflow or from underflow all the way to zero (a denormal is fine).
 */
export function parseLongDouble(s: string): LongDouble | null {
  if (s.length === 0 || s.length >= MAX_LONG_DOUBLE_CHARS) return null;
  let r: Rounded;
  const dec = DECIMAL.exec(s);
  if (dec !== null) {
    r = decimalToLongDouble(dec[1] === '-', (dec[2] ?? '') + (dec[3] ?? dec[4] ?? ''), (dec[3] ?? dec[4] ?? '').length, parseExponent(dec[5]));
  } else {
    const hex = HEX.exec(s);
    if (hex !== null) {
      const frac = hex[3] ?? hex[4] ?? '';
      r = hexToLongDouble(hex[1] === '-', (hex[2] ?? '') + frac, frac.length, parseExponent(hex[5]));
    } else {
      const inf = INFINITY.exec(s);
      return inf === null ? null : { t: 'inf', neg: inf[1] === '-' };
    }
  }
  return r.overflow || r.underflowToZero ? null : r.value;
}

/** digits * 10^(exp - fracDigits), correctly rounded like glibc strtold. */
function decimalToLongDouble(neg: boolean, digits: string, fracDigits: number, exp: number): Rounded {
  const first = digits.search(/[1-9]/);
  if (first === -1) return roundRational(neg, 0n, 1n, 0);
  const mantissa = BigInt(digits.slice(first));
  const e10 = exp - fracDigits;
  const magnitude = digits.length - first + e10;
  if (magnitude > DEC_MAG_OVERFLOW) return { value: { t: 'inf', neg }, overflow: true, underflowToZero: false };
  if (magnitude < DEC_MAG_UNDERFLOW) return { value: { t: 'finite', neg, mant: 0n, exp: 0 }, overflow: false, underflowToZero: true };
  return e10 >= 0 ? roundRational(neg, mantissa * 10n ** BigInt(e10), 1n, 0) : roundRational(neg, mantissa, 10n ** BigInt(-e10), 0);
}

/** hexdigits * 2^(exp - 4 * fracDigits), correctly rounded. */
function hexToLongDouble(neg: boolean, digits: string, fracDigits: number, exp: number): Rounded {
  const mantissa = BigInt('0x' + digits);
  const e2 = exp - 4 * fracDigits;
  const magnitude = bitLength(mantissa) + e2;
  if (mantissa !== 0n && magnitude > BIN_MAG_OVERFLOW) return { value: { t: 'inf', neg }, overflow: true, underflowToZero: false };
  if (mantissa !== 0n && magnitude < BIN_MAG_UNDERFLOW) return { value: { t: 'finite', neg, mant: 0n, exp: 0 }, overflow: false, underflowToZero: true };
  return roundRational(neg, mantissa, 1n, e2);
}

/** (long double)ll: every int64 is exact in a 64-bit significand. */
export function longDoubleFromInt(v: Int64): LongDouble {
  if (v === 0) return ZERO;
  const neg = v < 0;
  const big = BigInt(v);
  return { t: 'finite', neg, mant: neg ? -big : big, exp: 0 };
}

export function isFiniteLongDouble(v: LongDouble): boolean {
  return v.t === 'finite';
}

/** a + b in x87 extended precision, round-to-nearest-even (IEEE 754 addition). */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  if (a.t === 'nan' || b.t === 'nan') return { t: 'nan' };
  if (a.t === 'inf') return b.t === 'inf' && b.neg !== a.neg ? { t: 'nan' } : a;
  if (b.t === 'inf') return b;
  if (a.mant === 0n && b.mant === 0n) return { t: 'finite', neg: a.neg && b.neg, mant: 0n, exp: 0 };
  if (a.mant === 0n) return b;
  if (b.mant === 0n) return a;
  const e = Math.min(a.exp, b.exp);
  const sa = (a.neg ? -a.mant : a.mant) << BigInt(a.exp - e);
  const sb = (b.neg ? -b.mant : b.mant) << BigInt(b.exp - e);
  const sum = sa + sb;
  // An exact zero sum is +0 in round-to-nearest.
  if (sum === 0n) return ZERO;
  return roundRational(sum < 0n, sum < 0n ? -sum : sum, 1n, e).value;
}

const FRAC_DIGITS = 17;
const TEN_17 = 10n ** 17n;

/**
 * ld2string(..., LD_STR_HUMAN): printf("%.17Lf") of the exact binary value (ties to even, as
 * glibc does in the default rounding mode), trailing zeros and a bare '.' removed, "-0"
 * becoming "0". Infinity prints as "inf"/"-inf"; callers never format NaN.
 */
export function formatLongDoubleHuman(v: LongDouble): string {
  if (v.t === 'nan') return 'nan';
  if (v.t === 'inf') return v.neg ? '-inf' : 'inf';
  let digits: string;
  if (v.exp >= 0) {
    digits = (v.mant << BigInt(v.exp)).toString();
  } else {
    const shift = BigInt(-v.exp);
    const scaled = v.mant * TEN_17;
    let q = scaled >> shift;
    const rem = scaled - (q << shift);
    const half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
    const intPart = (q / TEN_17).toString();
    const frac = (q % TEN_17).toString().padStart(FRAC_DIGITS, '0').replace(/0+$/, '');
    digits = frac === '' ? intPart : `${intPart}.${frac}`;
  }
  if (digits === '0') return '0';
  return v.neg ? '-' + digits : digits;
}
