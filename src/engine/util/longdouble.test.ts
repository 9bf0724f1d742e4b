import { describe, expect, it } from 'vitest';
import { addLongDouble, formatLongDoubleHuman, isFiniteLongDouble, longDoubleFromInt, parseLongDouble, type LongDouble } from './longdouble.js';

/**
 * Expected strings come from real redis-server 7.0.15 (INCRBYFLOAT) or from glibc
 * strtold + x87 addition + printf("%.17Lf") on x86-64, which is what Redis runs.
 */
function ld(s: string): LongDouble {
  const v = parseLongDouble(s);
  if (v === null) throw new Error(`not a long double: ${s}`);
  return v;
}

/** What INCRBYFLOAT replies for `a` incremented by `b`. */
function incr(a: string, b: string): string {
  return formatLongDoubleHuman(addLongDouble(ld(a), ld(b)));
}

describe('parseLongDouble (string2ld)', () => {
  it('accepts what strtold accepts over the whole string', () => {
    for (const s of ['1', '-1', '+5', '.5', '5.', '-.5e1', '1E2', '1e+2', '0x1p3', '0X1P-2', '0x.8', '0xA.8p1', 'inf', '-INFINITY', '0e-99999']) {
      expect(parseLongDouble(s), s).not.toBeNull();
    }
  });

  it('refuses empty, spaces, trailing bytes, NUL, NaN and partial syntax', () => {
    for (const s of ['', ' 1', '1 ', '1\0', '\0', '.', '1e', '1e+', '0x', '0x1p', 'nan', '-nan', 'nan(1)', 'infinit', 'abc', '1.5.2', '--1', '+-1', '0x1.8p3.5']) {
      expect(parseLongDouble(s), JSON.stringify(s)).toBeNull();
    }
  });

  it('refuses inputs of MAX_LONG_DOUBLE_CHARS (5120) bytes or more', () => {
    expect(parseLongDouble('0'.repeat(5118) + '1')).not.toBeNull();
    expect(parseLongDouble('0'.repeat(5119) + '1')).toBeNull();
  });

  it('refuses overflow, and underflow that rounds all the way to zero', () => {
    expect(parseLongDouble('1.18973149535723176502e+4932')).not.toBeNull();
    expect(parseLongDouble('1.18973149535723176508e+4932')).toBeNull();
    expect(parseLongDouble('1e4933')).toBeNull();
    expect(parseLongDouble('1e99999999999999999999')).toBeNull();
    expect(parseLongDouble('1e-4950')).not.toBeNull();
    expect(parseLongDouble('2e-4951')).not.toBeNull();
    expect(parseLongDouble('1.8e-4951')).toBeNull();
    expect(parseLongDouble('1e-99999')).toBeNull();
    expect(parseLongDouble('0x1p-16445')).not.toBeNull();
    // Exactly half the smallest denormal: the tie goes to even, which is zero.
    expect(parseLongDouble('0x1p-16446')).toBeNull();
    expect(parseLongDouble('0x1.8p-16446')).not.toBeNull();
  });

  it('rounds to the nearest 64-bit significand, ties to even', () => {
    expect(formatLongDoubleHuman(ld('18446744073709551617'))).toBe('18446744073709551616');
    expect(formatLongDoubleHuman(ld('18446744073709551619'))).toBe('18446744073709551620');
    expect(formatLongDoubleHuman(ld('0x1.0000000000000001p0'))).toBe('1');
  });
});

describe('addLongDouble and formatLongDoubleHuman (%.17Lf, LD_STR_HUMAN)', () => {
  it('prints short decimals the way users typed them', () => {
    expect(incr('10.5', '0.1')).toBe('10.6');
    expect(incr('0.1', '0.2')).toBe('0.3');
    expect(incr('0', '5.0e3')).toBe('5000');
    expect(incr('1.5e-20', '1')).toBe('1');
    expect(incr('0', '1.5e-20')).toBe('0');
    expect(incr('1e18', '0.5')).toBe('1000000000000000000.5');
  });

  it('rounds the 17th decimal half to even, as glibc printf does', () => {
    expect(incr('3', '0.000003814697265625')).toBe('3.00000381469726562');
    expect(incr('0', '0.00000095367431640625')).toBe('0.00000095367431641');
  });

  it('rounds additions to 64 bits, ties to even', () => {
    expect(incr('1e19', '0.5')).toBe('10000000000000000000');
  });

  it('prints huge values as their full integer expansion', () => {
    const s = incr('0', '1e400');
    expect(s).toHaveLength(401);
    expect(s.startsWith('10000000000000000000281880683947586514586453433629052038625910693539685534008629')).toBe(true);
  });

  it('never prints -0', () => {
    expect(incr('-0', '-0')).toBe('0');
    expect(incr('-0.1', '0.1')).toBe('0');
    expect(incr('0', '-1e-30')).toBe('0');
    expect(incr('0', '-0.5')).toBe('-0.5');
  });

  it('overflows to infinity and turns inf - inf into NaN', () => {
    const max = '1.18973149535723176502e+4932';
    expect(isFiniteLongDouble(addLongDouble(ld(max), ld(max)))).toBe(false);
    expect(incr(max, `-${max}`)).toBe('0');
    expect(addLongDouble(ld('inf'), ld('1'))).toEqual({ t: 'inf', neg: false });
    expect(addLongDouble(ld('inf'), ld('-inf'))).toEqual({ t: 'nan' });
    expect(formatLongDoubleHuman(ld('-inf'))).toBe('-inf');
  });

  it('converts every int64 exactly', () => {
    expect(formatLongDoubleHuman(longDoubleFromInt(-9223372036854775808n))).toBe('-9223372036854775808');
    expect(formatLongDoubleHuman(longDoubleFromInt(9223372036854775807n))).toBe('9223372036854775807');
    expect(formatLongDoubleHuman(addLongDouble(longDoubleFromInt(100), ld('0.5')))).toBe('100.5');
    expect(formatLongDoubleHuman(longDoubleFromInt(0))).toBe('0');
  });
});
