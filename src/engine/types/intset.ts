import type { Int64 } from '../util/numbers.js';
import { mallocSize } from './zmalloc.js';

/**
 * Redis's intset (intset.c): the sorted array of integers small all-integer sets use. Every
 * element has the width of the widest one (16, 32 or 64 bits); adding a value that does not
 * fit upgrades the whole array (intsetUpgradeAndAdd) and nothing ever downgrades it.
 *
 * The elements are kept as a sorted JS array of int64s (numbers, bigints beyond 2^53, as
 * util/numbers' Int64), with the encoding alongside: lookups are the same binary search Redis
 * does, and the blob size MEMORY USAGE reports (header + length * width) follows from the two.
 */

/** INTSET_ENC_INT16 / INT32 / INT64: bytes per element. */
export type IntsetEncoding = 2 | 4 | 8;

/** sizeof(intset): encoding (uint32) + length (uint32). */
export const INTSET_HEADER_SIZE = 8;

/** What the intset view draws: the width, the sizes, and a window of the elements. */
export interface IntsetLayout {
  /** Bits per element: 16, 32 or 64. */
  encodingBits: 16 | 32 | 64;
  length: number;
  /** intsetBlobLen: header + length * width. */
  blobBytes: number;
  /** zmalloc_size of the blob. */
  allocBytes: number;
  /** Index of the first element in `values`. */
  start: number;
  /** Decimal text of each element in the window. */
  values: string[];
}

/** _intsetValueEncoding: the narrowest width that holds v. */
export function valueEncoding(v: Int64): IntsetEncoding {
  if (typeof v === 'bigint') return 8;
  if (v < -2147483648 || v > 2147483647) return 8;
  if (v < -32768 || v > 32767) return 4;
  return 2;
}

export class Intset {
  private enc: IntsetEncoding = 2;
  private items: Int64[] = [];

  /** intsetLen */
  get length(): number {
    return this.items.length;
  }

  /** The element width in bytes (is->encoding). */
  get encoding(): IntsetEncoding {
    return this.enc;
  }

  /** The elements in ascending order (read-only view for fast iteration). */
  get values(): readonly Int64[] {
    return this.items;
  }

  /**
   * intsetSearch: the position of v, or -(insertion point) - 1 when absent. Checks the ends
   * first, as Redis does, so appending in order never pays a binary search.
   */
  private search(v: Int64): number {
    const items = this.items;
    const len = items.length;
    if (len === 0) return -1;
    if (v > items[len - 1]!) return -len - 1;
    if (v < items[0]!) return -1;
    let lo = 0;
    let hi = len - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const cur = items[mid]!;
      if (v > cur) lo = mid + 1;
      else if (v < cur) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** intsetFind: a value wider than the encoding cannot be present. */
  has(v: Int64): boolean {
    return valueEncoding(v) <= this.enc && this.search(v) >= 0;
  }

  /**
   * intsetAdd: returns false when v is already present. A wider value upgrades the encoding;
   * being out of the old range it is smaller or bigger than everything, so it goes to an end.
   */
  add(v: Int64): boolean {
    const venc = valueEncoding(v);
    if (venc > this.enc) {
      this.enc = venc;
      if (v < 0) this.items.unshift(v);
      else this.items.push(v);
      return true;
    }
    const pos = this.search(v);
    if (pos >= 0) return false;
    const at = -pos - 1;
    if (at === this.items.length) this.items.push(v);
    else this.items.splice(at, 0, v);
    return true;
  }

  /** intsetRemove: the encoding stays as wide as it was. */
  remove(v: Int64): boolean {
    if (valueEncoding(v) > this.enc) return false;
    const pos = this.search(v);
    if (pos < 0) return false;
    this.items.splice(pos, 1);
    return true;
  }

  /** intsetGet */
  at(i: number): Int64 {
    return this.items[i]!;
  }

  /** intsetRandom: rand() % length. */
  random(rand: (n: number) => number): Int64 {
    return this.items[rand(this.items.length)]!;
  }

  /** intsetBlobLen */
  get blobBytes(): number {
    return INTSET_HEADER_SIZE + this.items.length * this.enc;
  }

  /** zmalloc_size: intsetResize reallocates to the exact blob length on every add and remove. */
  allocSize(): number {
    return mallocSize(this.blobBytes);
  }

  copy(): Intset {
    const is = new Intset();
    is.enc = this.enc;
    is.items = this.items.slice();
    return is;
  }

  /** The widths, sizes and `count` elements from `start`: what the intset view draws. */
  layout(start = 0, count = this.items.length): IntsetLayout {
    const from = Math.max(0, Math.min(start, this.items.length));
    const to = Math.min(this.items.length, from + Math.max(0, count));
    return {
      encodingBits: (this.enc * 8) as 16 | 32 | 64,
      length: this.items.length,
      blobBytes: this.blobBytes,
      allocBytes: this.allocSize(),
      start: from,
      values: this.items.slice(from, to).map(String),
    };
  }
}
