import type { Prng } from '../../engine/time/prng.js';

/**
 * Zipf's law over ranks 1..n: P(rank k) ∝ 1 / k^s. The cumulative distribution is computed once
 * per (n, s) and shared; a draw is a binary search of a uniform number in it.
 */
export class ZipfSampler {
  private static readonly cache = new Map<string, Float64Array>();

  private readonly cdf: Float64Array;

  constructor(
    readonly n: number,
    readonly s: number,
  ) {
    const id = `${n}:${s}`;
    let cdf = ZipfSampler.cache.get(id);
    if (cdf === undefined) {
      cdf = new Float64Array(n);
      let sum = 0;
      for (let k = 1; k <= n; k++) {
        sum += 1 / Math.pow(k, s);
        cdf[k - 1] = sum;
      }
      for (let k = 0; k < n; k++) cdf[k]! /= sum;
      // Keep a few tables: a scenario uses one or two, an editing session a handful.
      if (ZipfSampler.cache.size >= 8) ZipfSampler.cache.delete(ZipfSampler.cache.keys().next().value!);
      ZipfSampler.cache.set(id, cdf);
    }
    this.cdf = cdf;
  }

  /** A rank index in [0, n): 0 is the most popular. */
  next(prng: Prng): number {
    const u = prng.next();
    const cdf = this.cdf;
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** P(rank index i), for tests and the UI's distribution preview. */
  probability(i: number): number {
    return i === 0 ? this.cdf[0]! : this.cdf[i]! - this.cdf[i - 1]!;
  }
}
