import { MAX_CHAIN_KEYS, OCCUPANCY_BINS, type DictTableSnapshot } from '../../../protocol/snapshots.js';
import type { Dict } from '../../../engine/types/dict.js';
import { clip } from './text.js';

/** Buckets sampled per occupancy slice: bounds the cost on a table of millions of buckets. */
const SAMPLES_PER_BIN = 64;

export interface DictProjection {
  size: number;
  rehashIdx: number;
  tables: [DictTableSnapshot, DictTableSnapshot];
}

/**
 * Both tables of a dict: size, fill, an occupancy overview and the chains of the buckets in
 * the window (the same bucket numbers in both tables, so a bucket's move can be followed).
 * Only reads: drawing a rehash never advances it.
 */
export function dictProjection<V>(d: Dict<V>, from: number, count: number): DictProjection {
  const shape = d.shape();
  from = Math.min(from, Math.max(0, Math.max(shape.sizes[0], shape.sizes[1]) - count));
  const table = (t: 0 | 1): DictTableSnapshot => ({
    size: shape.sizes[t],
    used: shape.used[t],
    occupancy: d.occupancy(t, OCCUPANCY_BINS, SAMPLES_PER_BIN),
    buckets: d.bucketWindow(t, from, count, MAX_CHAIN_KEYS).map((b) => ({ index: b.index, length: b.length, keys: b.keys.map(clip) })),
  });
  return { size: d.size, rehashIdx: shape.rehashIdx, tables: [table(0), table(1)] };
}
