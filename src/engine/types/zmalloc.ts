/**
 * Allocation sizes as Redis 7.0 sees them through zmalloc_size(): the usable size jemalloc 5.3
 * (Debian's build: 16-byte quantum, 4 KiB pages) hands out for a request. MEMORY USAGE and the
 * encoding views add these up, so a value's reported footprint follows the real allocator's
 * size classes instead of the bytes requested.
 */

/** sizeof(robj): type/encoding/lru bitfields, refcount, ptr. */
export const ROBJ_SIZE = 16;
/** sizeof(dictEntry): key, val union, next. */
export const DICT_ENTRY_SIZE = 24;
/** sizeof(dict) in 7.0: type, ht_table[2], ht_used[2], rehashidx, pauserehash, ht_size_exp[2]. */
export const DICT_SIZE = 56;
/** A bucket of a dict table is one pointer. */
export const POINTER_SIZE = 8;

/**
 * jemalloc's size class for a request of `n` bytes: 8, then multiples of 16 up to 128, then
 * four classes per doubling (160, 192, 224, 256, 320, ...), the same pattern continuing into
 * the large classes.
 */
export function mallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return (n + 15) & ~15;
  // Group [2^k, 2^(k+1)) is split in four: spacing 2^(k-2).
  const k = n <= 2 ** 31 ? 31 - Math.clz32(n - 1) : Math.floor(Math.log2(n - 1));
  const spacing = 2 ** (k - 2);
  return Math.ceil(n / spacing) * spacing;
}

/** sdsReqType + sdsHdrSize: the header an sds of this length gets (sdsnewlen). */
export function sdsHeaderSize(len: number): number {
  if (len < 1 << 5) return 1;
  if (len < 1 << 8) return 3;
  if (len < 1 << 16) return 5;
  if (len < 2 ** 32) return 9;
  return 17;
}

/** sdsZmallocSize for an sds created by sdsnewlen/sdsdup: header, bytes, terminating NUL. */
export function sdsAllocSize(len: number): number {
  return mallocSize(sdsHeaderSize(len) + len + 1);
}

/**
 * objectComputeSize's estimate for a hashtable-encoded value: robj + dict struct + bucket array,
 * plus the average size of the first `samples` entries (0 = all) times the number of entries.
 * `entrySize` is what one entry costs: the dictEntry and the sds it owns.
 */
export function sampledDictSize<V>(
  ht: { slots(): number; readonly size: number; entries(): IterableIterator<{ key: string; val: V }> },
  samples: number,
  entrySize: (key: string, val: V) => number,
): number {
  const asize = ROBJ_SIZE + DICT_SIZE + POINTER_SIZE * ht.slots();
  const max = samples <= 0 ? Infinity : samples;
  let elesize = 0;
  let seen = 0;
  for (const e of ht.entries()) {
    if (seen >= max) break;
    elesize += entrySize(e.key, e.val);
    seen++;
  }
  return seen > 0 ? Math.floor(asize + (elesize / seen) * ht.size) : asize;
}
