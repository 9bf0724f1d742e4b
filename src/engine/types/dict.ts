/**
 * Redis's dict (dict.c): a chained hash table with two tables and incremental rehashing.
 * Used for the keyspace, the expires table and (issue 4) big hashes, sets and zsets, so the
 * views can draw the real rehash state and SCAN keeps its guarantees while a rehash runs.
 *
 * Rules mirrored from Redis 7.0:
 * - tables are powers of two, the first one has 4 buckets (DICT_HT_INITIAL_SIZE);
 * - a table grows when used >= size (or used/size > 5 while resizing is disallowed) to the
 *   next power of two >= used + 1, and rehashing then moves one bucket per operation
 *   (_dictRehashStep) plus batches from serverCron;
 * - new entries go to the head of their bucket's chain, in the new table while rehashing;
 * - dictScan walks buckets with the reverse-binary cursor, so an element present for the
 *   whole scan is returned at least once even if the table grows or shrinks in between;
 * - scans and iterations pause rehashing (dictPauseRehashing) so a callback that looks keys
 *   up or deletes them cannot move the chain being walked.
 */

export interface DictEntry<V> {
  key: string;
  val: V;
  next: DictEntry<V> | null;
  /**
   * Object metadata Redis keeps in the robj header (LRU clock or LFU counter). It lives on the
   * entry so a string value needs no wrapper object: the keyspace stays within its memory budget.
   */
  lru: number;
}

export const DICT_HT_INITIAL_SIZE = 4;
const DICT_FORCE_RESIZE_RATIO = 5;
const EMPTY_VISITS_PER_STEP = 10;
/** Modelled CPU cost of one dictRehash(d, 100) call: 200 calls per millisecond. */
const REHASH_100_COST_US = 5;
/** GETFAIR_NUM_ENTRIES: how many entries dictGetFairRandomKey samples. */
const GETFAIR_NUM_ENTRIES = 15;

interface Table<V> {
  buckets: (DictEntry<V> | null)[];
  mask: number;
  used: number;
}

function newTable<V>(size: number): Table<V> {
  return { buckets: new Array<DictEntry<V> | null>(size).fill(null), mask: size - 1, used: 0 };
}

const EMPTY_TABLE: Table<never> = { buckets: [], mask: -1, used: 0 };

/** 32-bit FNV-1a over the byte string, finished with a murmur3 mix for better low bits. */
export function hashBytes(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Reverse the 32 bits of v (the SCAN cursor runs from the high bit down). */
function rev32(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return ((v >>> 16) | (v << 16)) >>> 0;
}

/** What a view needs to draw a dict: table sizes, fill and where the rehash stands. */
export interface DictShape {
  sizes: [number, number];
  used: [number, number];
  rehashIdx: number;
}

/** One bucket as the dict view draws it: its chain's length and first keys, head first. */
export interface DictBucketView {
  index: number;
  length: number;
  keys: string[];
}

export class Dict<V> {
  private ht0: Table<V> = EMPTY_TABLE as Table<V>;
  private ht1: Table<V> = EMPTY_TABLE as Table<V>;
  /** Next bucket of ht0 to move; -1 when not rehashing. */
  rehashIdx = -1;
  /** dict->pauserehash: > 0 while a scan or an iteration is walking the tables. */
  private pauseRehash = 0;
  /** Mirrors dict_can_resize: off while a fork child exists in Redis (BGSAVE); on here. */
  canResize = true;
  /** Called after each bucket move so views can animate rehashing (set by owners that care). */
  onRehashStep: ((d: Dict<V>) => void) | null = null;

  constructor(private readonly seed = 0) {}

  get size(): number {
    return this.ht0.used + this.ht1.used;
  }

  isRehashing(): boolean {
    return this.rehashIdx !== -1;
  }

  shape(): DictShape {
    return {
      sizes: [this.ht0.buckets.length, this.ht1.buckets.length],
      used: [this.ht0.used, this.ht1.used],
      rehashIdx: this.rehashIdx,
    };
  }

  /** The length of every bucket's chain in table 0 or 1 (DEBUG HTSTATS, the views). */
  chainLengths(table: 0 | 1): number[] {
    const t = table === 0 ? this.ht0 : this.ht1;
    const out = new Array<number>(t.buckets.length);
    for (let i = 0; i < t.buckets.length; i++) {
      let n = 0;
      for (let e = t.buckets[i] ?? null; e !== null; e = e.next) n++;
      out[i] = n;
    }
    return out;
  }

  /**
   * Buckets `start`..`start+count-1` of table 0 or 1 for the dict view: each chain's length
   * (counted up to `maxCount`) and its first `maxKeys` keys. Reads only, never a rehash step:
   * a view must not move the rehash it draws.
   */
  bucketWindow(table: 0 | 1, start: number, count: number, maxKeys: number, maxCount = 1000): DictBucketView[] {
    const t = table === 0 ? this.ht0 : this.ht1;
    const out: DictBucketView[] = [];
    const end = Math.min(t.buckets.length, start + count);
    for (let i = Math.max(0, start); i < end; i++) {
      const keys: string[] = [];
      let length = 0;
      for (let e = t.buckets[i] ?? null; e !== null && length < maxCount; e = e.next, length++) {
        if (keys.length < maxKeys) keys.push(e.key);
      }
      out.push({ index: i, length, keys });
    }
    return out;
  }

  /**
   * The share of non-empty buckets in each of `bins` equal slices of a table, looking at no more
   * than `samples` evenly spaced buckets per slice, so a table of millions costs bins * samples.
   */
  occupancy(table: 0 | 1, bins: number, samples: number): number[] {
    const t = table === 0 ? this.ht0 : this.ht1;
    const size = t.buckets.length;
    const n = Math.min(bins, size);
    const out: number[] = [];
    for (let b = 0; b < n; b++) {
      const lo = Math.floor((b * size) / n);
      const hi = Math.floor(((b + 1) * size) / n);
      const step = Math.max(1, Math.floor((hi - lo) / samples));
      let seen = 0;
      let full = 0;
      for (let i = lo; i < hi; i += step, seen++) if (t.buckets[i] != null) full++;
      out.push(seen === 0 ? 0 : full / seen);
    }
    return out;
  }

  /** dictSlots: buckets in both tables. */
  slots(): number {
    return this.ht0.buckets.length + this.ht1.buckets.length;
  }

  /** dictFind */
  getEntry(key: string): DictEntry<V> | null {
    if (this.ht0.used + this.ht1.used === 0) return null;
    if (this.rehashIdx !== -1) this.rehashStep();
    return this.find(key);
  }

  private find(key: string): DictEntry<V> | null {
    const h = hashBytes(key, this.seed);
    let e = this.ht0.buckets[h & this.ht0.mask] ?? null;
    while (e !== null) {
      if (e.key === key) return e;
      e = e.next;
    }
    if (this.rehashIdx === -1) return null;
    e = this.ht1.buckets[h & this.ht1.mask] ?? null;
    while (e !== null) {
      if (e.key === key) return e;
      e = e.next;
    }
    return null;
  }

  /** dictFind without its rehash step: for observers (views) that must not change the dict. */
  peek(key: string): DictEntry<V> | null {
    return this.ht0.used + this.ht1.used === 0 ? null : this.find(key);
  }

  get(key: string): V | undefined {
    const e = this.getEntry(key);
    return e === null ? undefined : e.val;
  }

  has(key: string): boolean {
    return this.getEntry(key) !== null;
  }

  /** dictAdd: inserts a new key; the caller guarantees it is absent. */
  add(key: string, val: V, lru = 0): DictEntry<V> {
    if (this.rehashIdx !== -1) this.rehashStep();
    return this.insert(key, val, lru);
  }

  /** dictReplace: set the value, returning the entry (new or existing). One rehash step, as in Redis. */
  set(key: string, val: V): DictEntry<V> {
    if (this.rehashIdx !== -1) this.rehashStep();
    const e = this.find(key);
    if (e !== null) {
      e.val = val;
      return e;
    }
    return this.insert(key, val, 0);
  }

  /** dictAddRaw after the rehash step: grow if needed, then link at the head of the bucket. */
  private insert(key: string, val: V, lru: number): DictEntry<V> {
    this.expandIfNeeded();
    const t = this.rehashIdx !== -1 ? this.ht1 : this.ht0;
    const idx = hashBytes(key, this.seed) & t.mask;
    const e: DictEntry<V> = { key, val, next: t.buckets[idx] ?? null, lru };
    t.buckets[idx] = e;
    t.used++;
    return e;
  }

  /** dictDelete: unlinks the key; returns the removed entry or null. */
  delete(key: string): DictEntry<V> | null {
    if (this.ht0.used + this.ht1.used === 0) return null;
    if (this.rehashIdx !== -1) this.rehashStep();
    const h = hashBytes(key, this.seed);
    for (let ti = 0; ti < 2; ti++) {
      const t = ti === 0 ? this.ht0 : this.ht1;
      if (t.used === 0 && ti === 1) break;
      const idx = h & t.mask;
      let prev: DictEntry<V> | null = null;
      let e = t.buckets[idx] ?? null;
      while (e !== null) {
        if (e.key === key) {
          if (prev === null) t.buckets[idx] = e.next;
          else prev.next = e.next;
          e.next = null;
          t.used--;
          return e;
        }
        prev = e;
        e = e.next;
      }
      if (this.rehashIdx === -1) break;
    }
    return null;
  }

  clear(): void {
    this.ht0 = EMPTY_TABLE as Table<V>;
    this.ht1 = EMPTY_TABLE as Table<V>;
    this.rehashIdx = -1;
  }

  /** _dictExpandIfNeeded */
  private expandIfNeeded(): void {
    if (this.rehashIdx !== -1) return;
    const size = this.ht0.buckets.length;
    if (size === 0) {
      this.expand(DICT_HT_INITIAL_SIZE);
      return;
    }
    const used = this.ht0.used;
    if (used >= size && (this.canResize || Math.floor(used / size) > DICT_FORCE_RESIZE_RATIO)) {
      this.expand(used + 1);
    }
  }

  /** dictExpand / dictResize: start rehashing into a table of the next power of two >= size. */
  expand(size: number): boolean {
    if (this.rehashIdx !== -1 || this.ht0.used > size) return false;
    let real = DICT_HT_INITIAL_SIZE;
    while (real < size) real *= 2;
    if (real === this.ht0.buckets.length) return false;
    const t = newTable<V>(real);
    if (this.ht0.buckets.length === 0) {
      this.ht0 = t;
      return true;
    }
    this.ht1 = t;
    this.rehashIdx = 0;
    return true;
  }

  /** htNeedsResize + dictResize, called from serverCron: shrink when fill drops below 10%. */
  resizeIfNeeded(): boolean {
    const size = this.ht0.buckets.length;
    const used = this.ht0.used + this.ht1.used;
    if (!this.canResize || this.rehashIdx !== -1) return false;
    if (size > DICT_HT_INITIAL_SIZE && (used * 100) / size < 10) {
      return this.expand(Math.max(used, DICT_HT_INITIAL_SIZE));
    }
    return false;
  }

  /**
   * dictRehash(d, n): move n buckets; returns true while more remain. Does nothing while a
   * scan or iteration has rehashing paused (as dictRehashMilliseconds and _dictRehashStep).
   */
  rehash(n: number): boolean {
    if (this.rehashIdx === -1) return false;
    if (this.pauseRehash > 0) return true;
    let emptyVisits = n * EMPTY_VISITS_PER_STEP;
    const from = this.ht0;
    const to = this.ht1;
    while (n-- > 0 && from.used !== 0) {
      while (from.buckets[this.rehashIdx] === null) {
        this.rehashIdx++;
        if (--emptyVisits === 0) {
          this.onRehashStep?.(this);
          return true;
        }
      }
      let e = from.buckets[this.rehashIdx] ?? null;
      while (e !== null) {
        const next: DictEntry<V> | null = e.next;
        const idx = hashBytes(e.key, this.seed) & to.mask;
        e.next = to.buckets[idx] ?? null;
        to.buckets[idx] = e;
        from.used--;
        to.used++;
        e = next;
      }
      from.buckets[this.rehashIdx] = null;
      this.rehashIdx++;
    }
    if (from.used === 0) {
      this.ht0 = to;
      this.ht1 = EMPTY_TABLE as Table<V>;
      this.rehashIdx = -1;
      this.onRehashStep?.(this);
      return false;
    }
    this.onRehashStep?.(this);
    return true;
  }

  /**
   * dictRehashMilliseconds: serverCron's share of rehashing (incrementallyRehash), in steps of
   * 100 buckets for `ms` of modelled CPU time. Returns the buckets requested, as Redis counts.
   */
  rehashMilliseconds(ms: number): number {
    if (this.pauseRehash > 0) return 0;
    const steps = Math.max(1, Math.floor((ms * 1000) / REHASH_100_COST_US));
    let rehashes = 0;
    for (let i = 0; i < steps && this.rehash(100); i++) rehashes += 100;
    return rehashes;
  }

  /** _dictRehashStep: one bucket, done on lookups and updates while rehashing (unless paused). */
  rehashStep(): void {
    if (this.pauseRehash === 0) this.rehash(1);
  }

  /**
   * dictScan: visit every entry of the bucket(s) the cursor designates and return the next
   * cursor (0 when the scan is complete). The visitor may look up or delete entries.
   */
  scan(cursor: number, visit: (e: DictEntry<V>) => void): number {
    if (this.size === 0) return 0;
    this.pauseRehash++;
    try {
      return this.scanBuckets(cursor >>> 0, visit);
    } finally {
      this.pauseRehash--;
    }
  }

  private scanBuckets(v: number, visit: (e: DictEntry<V>) => void): number {
    if (this.rehashIdx === -1) {
      const t = this.ht0;
      this.visitChain(t.buckets[v & t.mask] ?? null, visit);
      // Set the bits above the mask so that incrementing the reversed cursor carries into them.
      v = (v | ~t.mask) >>> 0;
      v = rev32(v);
      v = (v + 1) >>> 0;
      return rev32(v);
    }
    let small = this.ht0;
    let big = this.ht1;
    if (small.buckets.length > big.buckets.length) {
      small = this.ht1;
      big = this.ht0;
    }
    const m0 = small.mask;
    const m1 = big.mask;
    this.visitChain(small.buckets[v & m0] ?? null, visit);
    // Visit the buckets of the bigger table that are expansions of the small table's bucket.
    do {
      this.visitChain(big.buckets[v & m1] ?? null, visit);
      v = (v | ~m1) >>> 0;
      v = rev32(v);
      v = (v + 1) >>> 0;
      v = rev32(v);
    } while ((v & (m0 ^ m1)) !== 0);
    return v;
  }

  private visitChain(e: DictEntry<V> | null, visit: (e: DictEntry<V>) => void): void {
    while (e !== null) {
      const next = e.next; // the visitor may delete e
      visit(e);
      e = next;
    }
  }

  /** dictGetRandomKey: a random non-empty bucket, then a random element of its chain. */
  randomEntry(rand: (n: number) => number): DictEntry<V> | null {
    if (this.size === 0) return null;
    if (this.rehashIdx !== -1) this.rehashStep();
    let he: DictEntry<V> | null;
    if (this.rehashIdx !== -1) {
      const s0 = this.ht0.buckets.length;
      const total = s0 + this.ht1.buckets.length;
      do {
        // Buckets of ht0 below rehashIdx are empty by construction.
        const h = this.rehashIdx + rand(total - this.rehashIdx);
        he = (h >= s0 ? this.ht1.buckets[h - s0] : this.ht0.buckets[h]) ?? null;
      } while (he === null);
    } else {
      const t = this.ht0;
      do {
        he = t.buckets[rand(t.buckets.length)] ?? null;
      } while (he === null);
    }
    let len = 0;
    for (let e: DictEntry<V> | null = he; e !== null; e = e.next) len++;
    let pick = rand(len);
    while (pick-- > 0) he = he!.next;
    return he;
  }

  /**
   * dictGetSomeKeys: up to `count` entries from a random stretch of buckets (not necessarily
   * distinct in distribution, cheap): what eviction sampling and dictGetFairRandomKey use.
   */
  sampleEntries(count: number, rand: (n: number) => number): DictEntry<V>[] {
    const out: DictEntry<V>[] = [];
    if (this.size < count) count = this.size;
    if (count === 0) return out;
    let maxSteps = count * 10;
    for (let j = 0; j < count && this.rehashIdx !== -1; j++) this.rehashStep();
    const tables = this.rehashIdx !== -1 ? 2 : 1;
    let maxMask = this.ht0.mask;
    if (tables > 1 && maxMask < this.ht1.mask) maxMask = this.ht1.mask;
    let i = rand(maxMask + 1);
    let emptyLen = 0;
    while (out.length < count && maxSteps-- > 0) {
      for (let j = 0; j < tables; j++) {
        // Buckets of ht0 below rehashIdx are empty; past the end of ht1 too, jump ahead.
        if (tables === 2 && j === 0 && i < this.rehashIdx) {
          if (i >= this.ht1.buckets.length) i = this.rehashIdx;
          else continue;
        }
        const t = j === 0 ? this.ht0 : this.ht1;
        if (i >= t.buckets.length) continue;
        let he = t.buckets[i] ?? null;
        if (he === null) {
          emptyLen++;
          if (emptyLen >= 5 && emptyLen > count) {
            i = rand(maxMask + 1);
            emptyLen = 0;
          }
        } else {
          emptyLen = 0;
          while (he !== null) {
            out.push(he);
            if (out.length === count) return out;
            he = he.next;
          }
        }
      }
      i = (i + 1) & maxMask;
    }
    return out;
  }

  /**
   * dictGetFairRandomKey (RANDOMKEY): pick among a sample of entries, which corrects most of
   * dictGetRandomKey's bias towards entries in short chains.
   */
  fairRandomEntry(rand: (n: number) => number): DictEntry<V> | null {
    const sample = this.sampleEntries(GETFAIR_NUM_ENTRIES, rand);
    if (sample.length === 0) return this.randomEntry(rand);
    return sample[rand(sample.length)]!;
  }

  /**
   * Every entry, in table order, with rehashing paused like a safe iterator (KEYS, DEBUG, RDB,
   * conversions; not SCAN). Entries may be deleted while iterating.
   */
  *entries(): IterableIterator<DictEntry<V>> {
    this.pauseRehash++;
    try {
      for (const t of [this.ht0, this.ht1]) {
        for (let i = 0; i < t.buckets.length; i++) {
          let e = t.buckets[i] ?? null;
          while (e !== null) {
            const next = e.next;
            yield e;
            e = next;
          }
        }
      }
    } finally {
      this.pauseRehash--;
    }
  }
}
