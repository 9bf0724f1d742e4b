import { describe, expect, it } from 'vitest';
import { Prng } from '../../engine/time/prng.js';
import { parseKeySpace } from '../scenario/units.js';
import { EVEN_JITTER, nextGap } from './arrivals.js';
import { KeyPicker } from './keyPicker.js';
import { ZipfSampler } from './zipf.js';

const keys = (s: string) => {
  const k = parseKeySpace(s);
  if (!k.ok) throw new Error(k.error);
  return k.value;
};

function counts(draw: () => number, n: number, size: number): number[] {
  const c = new Array<number>(size).fill(0);
  for (let i = 0; i < n; i++) c[draw()]!++;
  return c;
}

describe('key distributions', () => {
  it('zipf(1) over 100 keys gives the top key 1/H(100) of the draws and the second half as much', () => {
    const z = new ZipfSampler(100, 1);
    let h = 0;
    for (let k = 1; k <= 100; k++) h += 1 / k;
    expect(z.probability(0)).toBeCloseTo(1 / h, 10);
    expect(z.probability(0) / z.probability(1)).toBeCloseTo(2, 10);
    const prng = new Prng(7);
    const c = counts(() => z.next(prng), 200_000, 100);
    expect(c[0]! / 200_000).toBeCloseTo(1 / h, 2);
    expect(c[1]! / 200_000).toBeCloseTo(1 / (2 * h), 2);
    expect(c[9]! / 200_000).toBeCloseTo(1 / (10 * h), 2);
    // The top 10% of keys take more than half of the traffic.
    expect(c.slice(0, 10).reduce((a, b) => a + b, 0) / 200_000).toBeGreaterThan(0.55);
  });

  it('a larger exponent is more skewed', () => {
    expect(new ZipfSampler(1000, 1.5).probability(0)).toBeGreaterThan(new ZipfSampler(1000, 0.8).probability(0) * 5);
  });

  it('uniform picks every key about equally often', () => {
    const p = new KeyPicker(keys('k:{1..10}'), { kind: 'uniform' }, new Prng(3));
    const c = counts(() => p.nextIndex(), 100_000, 10);
    for (const n of c) expect(n / 100_000).toBeCloseTo(0.1, 2);
  });

  it('names keys from the range, the first the most popular under zipf', () => {
    const p = new KeyPicker(keys('user:{100..199}:cart'), { kind: 'zipf', s: 1.2 }, new Prng(3));
    const seen = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const k = p.next();
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const top = [...seen].sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe('user:100:cart');
    expect([...seen.keys()].every((k) => /^user:1\d\d:cart$/.test(k))).toBe(true);
    expect(new KeyPicker(keys('hot'), { kind: 'zipf', s: 1 }, new Prng(1)).next()).toBe('hot');
  });

  it('replays the same keys from the same seed', () => {
    const draw = (seed: number) => {
      const p = new KeyPicker(keys('k:{1..1000}'), { kind: 'zipf', s: 1 }, new Prng(seed));
      return Array.from({ length: 50 }, () => p.next());
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });
});

describe('arrivals', () => {
  it('Poisson gaps have the mean 1000/rate and as much spread as mean', () => {
    const prng = new Prng(11);
    const gaps = Array.from({ length: 100_000 }, () => nextGap(prng, 500, 'poisson'));
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd / mean).toBeCloseTo(1, 1);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0);
  });

  it('even gaps stay within the jitter around the mean', () => {
    const prng = new Prng(11);
    const gaps = Array.from({ length: 10_000 }, () => nextGap(prng, 100, 'even'));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(10 * (1 - EVEN_JITTER));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10 * (1 + EVEN_JITTER));
    expect(gaps.reduce((a, b) => a + b, 0) / gaps.length).toBeCloseTo(10, 1);
  });
});
