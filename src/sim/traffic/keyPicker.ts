import type { Prng } from '../../engine/time/prng.js';
import type { Distribution, KeySpace } from '../scenario/format.js';
import { ZipfSampler } from './zipf.js';

/**
 * Picks the key of each request from a key space: uniformly, or by Zipf's law with the first key
 * of the range the most popular (product:1 is the hot product of product:{1..1000}).
 */
export class KeyPicker {
  private readonly count: number;
  private readonly zipf: ZipfSampler | null;

  constructor(
    private readonly keys: KeySpace,
    distribution: Distribution,
    private readonly prng: Prng,
  ) {
    this.count = keys.range ? keys.last - keys.first + 1 : 1;
    this.zipf = distribution.kind === 'zipf' && this.count > 1 ? new ZipfSampler(this.count, distribution.s) : null;
  }

  /** The index of the next key in [0, count). */
  nextIndex(): number {
    if (this.count === 1) return 0;
    return this.zipf === null ? this.prng.int(this.count) : this.zipf.next(this.prng);
  }

  next(): string {
    return keyAt(this.keys, this.nextIndex());
  }
}

export function keyAt(keys: KeySpace, index: number): string {
  return keys.range ? `${keys.prefix}${keys.first + index}${keys.suffix}` : keys.prefix;
}
