import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDistribution,
  formatDuration,
  formatKeySpace,
  formatPercent,
  formatRate,
  formatSize,
  parseDistribution,
  parseDuration,
  parseKeySpace,
  parsePercent,
  parseRate,
  parseSize,
  type Parsed,
} from './units.js';

const value = <T>(p: Parsed<T>): T => {
  if (!p.ok) throw new Error(p.error);
  return p.value;
};

describe('scenario units', () => {
  it('parses durations in ms, s, m and h without binary noise', () => {
    expect(value(parseDuration('250ms'))).toBe(250);
    expect(value(parseDuration('0.3s'))).toBe(300);
    expect(value(parseDuration('1.5m'))).toBe(90_000);
    expect(value(parseDuration('2h'))).toBe(7_200_000);
    expect(value(parseDuration('0.25ms'))).toBe(0.25);
    for (const bad of ['', '20', '20 s', '-1s', '1.s', 's', '1d']) expect(parseDuration(bad).ok).toBe(false);
  });

  it('writes durations in the largest exact unit', () => {
    expect([250, 1000, 1500, 60_000, 90_000, 3_600_000, 0.25].map(formatDuration)).toEqual(['250ms', '1s', '1500ms', '1m', '90s', '1h', '0.25ms']);
  });

  it('parses rates, percentages and sizes', () => {
    expect(value(parseRate('5000/s'))).toBe(5000);
    expect(value(parseRate('12.5'))).toBe(12.5);
    expect(parseRate('5000/m').ok).toBe(false);
    expect(value(parsePercent('20%'))).toBe(0.2);
    expect(value(parsePercent('0.5%'))).toBe(0.005);
    expect(parsePercent('0.2').ok).toBe(false);
    expect([parseSize('200'), parseSize('200b'), parseSize('4kb'), parseSize('1MB')].map(value)).toEqual([200, 200, 4096, 1048576]);
    expect(parseSize('1.5kb').ok).toBe(false);
  });

  it('parses key spaces: one range, or a literal key (hash tags stay literal)', () => {
    expect(value(parseKeySpace('product:{1..1000}'))).toEqual({ prefix: 'product:', suffix: '', first: 1, last: 1000, range: true });
    expect(value(parseKeySpace('u:{0..9}:profile'))).toEqual({ prefix: 'u:', suffix: ':profile', first: 0, last: 9, range: true });
    expect(value(parseKeySpace('{user}:cart'))).toEqual({ prefix: '{user}:cart', suffix: '', first: 0, last: 0, range: false });
    expect(parseKeySpace('a{1..2}b{3..4}').ok).toBe(false);
    expect(parseKeySpace('a b').ok).toBe(false);
  });

  it('parses distributions', () => {
    expect(value(parseDistribution('uniform'))).toEqual({ kind: 'uniform' });
    expect(value(parseDistribution('zipf'))).toEqual({ kind: 'zipf', s: 1 });
    expect(value(parseDistribution('zipf(1.25)'))).toEqual({ kind: 'zipf', s: 1.25 });
    expect(parseDistribution('zipf(6)').ok).toBe(false);
    expect(parseDistribution('normal').ok).toBe(false);
  });

  it('reads back whatever it writes', () => {
    const decimal = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000);
    fc.assert(fc.property(decimal, (ms) => value(parseDuration(formatDuration(ms))) === ms));
    fc.assert(fc.property(decimal, (r) => value(parseRate(formatRate(r))) === r));
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100_000), (f) => value(parsePercent(formatPercent(f))) === f));
    fc.assert(fc.property(fc.integer({ min: 1, max: 1 << 26 }), (b) => value(parseSize(formatSize(b))) === b));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.stringMatching(/^[a-z:]{0,8}$/), (a, n, prefix) => {
        const k = { prefix, suffix: ':x', first: a, last: a + n, range: true };
        expect(value(parseKeySpace(formatKeySpace(k)))).toEqual(k);
      }),
    );
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }).map((n) => n / 100), (s) => formatDistribution(value(parseDistribution(formatDistribution({ kind: 'zipf', s })))) === `zipf(${s})`));
  });
});
