import { formatDouble17g, string2ll, type Int64 } from '../util/numbers.js';
import { mallocSize } from './zmalloc.js';

/**
 * Redis's listpack (listpack.c): the compact sequence small hashes, sets, sorted sets and every
 * quicklist node use. On disk and in Redis's memory it is one buffer:
 *
 *   <total-bytes:4> <num-elements:2> <entry> ... <entry> <0xFF>
 *   entry = <encoding+data> <backlen>
 *
 * A string that is a canonical int64 is stored as an integer (7-bit uint, 13/16/24/32/64-bit
 * int); anything else as a string with a 6-bit, 12-bit or 32-bit length. The backlen (1–5 bytes)
 * stores the size of encoding+data so the list can be walked backwards.
 *
 * Representation: the entries are kept as JS values, with each entry's exact encoded size
 * alongside, instead of in a byte buffer. Every reader (comparisons, ZRANGE, HGET) needs values,
 * and decoding bytes on each access would cost more than everything else the command does;
 * what a buffer would add — the byte sizes MEMORY USAGE reports and the layout the listpack view
 * draws — follows entirely from the encoding rules, which are applied on insert. So `bytes` is
 * lpBytes() to the byte and `layout()` gives the offset, encoding and parts of each entry.
 *
 * An entry is a byte string, or a number: a number is stored the way zzlInsertAt stores a
 * score — an integral value within ±2^62 (util.c double2ll) as an integer, anything else as its
 * "%.17g" string ("1.1000000000000001", "inf", "9.2233720368547758e+18"). -0 is stored as the
 * integer 0, so it reads back as 0, exactly like a score in a real listpack.
 */
export type ListpackValue = string | number;

export type ListpackEncoding =
  | 'uint7'
  | 'int13'
  | 'int16'
  | 'int24'
  | 'int32'
  | 'int64'
  | 'str6'
  | 'str12'
  | 'str32';

/** LP_HDR_SIZE: total bytes (32 bit) + number of elements (16 bit). */
export const LP_HDR_SIZE = 6;
/** The LP_EOF byte (0xFF) that ends every listpack. */
export const LP_EOF_SIZE = 1;
/** LISTPACK_MAX_SAFETY_SIZE: callers convert to a bigger encoding before crossing 1 GiB. */
export const LISTPACK_MAX_SAFETY_SIZE = 1 << 30;

/** How one entry is laid out, for the listpack view. */
export interface ListpackEntryLayout {
  index: number;
  /** Byte offset of the entry from the start of the listpack. */
  offset: number;
  /** The entry as lpGet returns it: integers as their decimal text. */
  value: string;
  encoding: ListpackEncoding;
  /** Encoding byte(s), including the string length where there is one. */
  headerBytes: number;
  /** Integer bytes or string bytes. */
  dataBytes: number;
  backlenBytes: number;
}

export interface ListpackLayout {
  /** lpBytes: header + entries + EOF. */
  totalBytes: number;
  /** What the allocator really reserved (zmalloc_size). */
  allocBytes: number;
  numEntries: number;
  headerBytes: number;
  eofBytes: number;
  /** The entries asked for (a window, never the whole listpack unless it is small). */
  entries: ListpackEntryLayout[];
}

interface EntryEncoding {
  encoding: ListpackEncoding;
  headerBytes: number;
  dataBytes: number;
}

/** lpEncodeBacklen: bytes needed to store `l`, the size of an entry's encoding+data. */
export function backlenSize(l: number): number {
  if (l <= 127) return 1;
  if (l < 16383) return 2;
  if (l < 2097151) return 3;
  if (l < 268435455) return 4;
  return 5;
}

/** lpEncodeIntegerGetType: the smallest integer encoding that holds v. */
function integerEncoding(v: Int64): EntryEncoding {
  if (typeof v === 'number') {
    if (v >= 0 && v <= 127) return { encoding: 'uint7', headerBytes: 1, dataBytes: 0 };
    if (v >= -4096 && v <= 4095) return { encoding: 'int13', headerBytes: 1, dataBytes: 1 };
    if (v >= -32768 && v <= 32767) return { encoding: 'int16', headerBytes: 1, dataBytes: 2 };
    if (v >= -8388608 && v <= 8388607) return { encoding: 'int24', headerBytes: 1, dataBytes: 3 };
    if (v >= -2147483648 && v <= 2147483647) return { encoding: 'int32', headerBytes: 1, dataBytes: 4 };
  }
  return { encoding: 'int64', headerBytes: 1, dataBytes: 8 };
}

/** lpEncodeGetType for a string that is not an integer: 6, 12 or 32-bit length. */
function stringEncoding(len: number): EntryEncoding {
  if (len < 64) return { encoding: 'str6', headerBytes: 1, dataBytes: len };
  if (len < 4096) return { encoding: 'str12', headerBytes: 2, dataBytes: len };
  return { encoding: 'str32', headerBytes: 5, dataBytes: len };
}

/**
 * lpStringToInt64: a string of at most 20 bytes that is a canonical int64 (no sign but '-',
 * no leading zeros, no "-0") is stored as an integer.
 */
function asInteger(s: string): Int64 | null {
  if (s.length === 0 || s.length > 20) return null;
  const c = s.charCodeAt(0);
  if ((c < 48 || c > 57) && c !== 45) return null;
  return string2ll(s);
}

/** double2ll's bound: LLONG_MAX/2 as a double (2^62). */
const DOUBLE2LL_LIMIT = 2 ** 62;

/** double2ll: whether a number is stored as an integer entry. */
function isStoredAsInteger(v: number): boolean {
  return Number.isInteger(v) && Math.abs(v) <= DOUBLE2LL_LIMIT;
}

/** The text of a number entry as lpGet returns it: ll2string of the integer, or "%.17g". */
export function numberText(v: number): string {
  if (!isStoredAsInteger(v)) return formatDouble17g(v);
  if (v === 0) return '0';
  return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? String(v) : BigInt(v).toString();
}

function encodingOf(v: ListpackValue): EntryEncoding {
  if (typeof v === 'number') {
    if (isStoredAsInteger(v)) return integerEncoding(v);
    return stringEncoding(formatDouble17g(v).length);
  }
  const n = asInteger(v);
  return n === null ? stringEncoding(v.length) : integerEncoding(n);
}

/** What a number reads back as once written: double2ll turns -0 into the integer 0. */
function stored(v: ListpackValue): ListpackValue {
  return v === 0 ? 0 : v;
}

/** Bytes one entry occupies: encoding, data and backlen. */
export function entrySize(v: ListpackValue): number {
  const e = encodingOf(v);
  const l = e.headerBytes + e.dataBytes;
  return l + backlenSize(l);
}

/** The bytes lpGet would return for an entry. */
export function entryText(v: ListpackValue): string {
  return typeof v === 'number' ? numberText(v) : v;
}

export class Listpack {
  private readonly items: ListpackValue[];
  /** Encoded size of each entry, so deletions update `bytes` without re-encoding. */
  private readonly sizes: number[];
  private total: number;

  constructor() {
    this.items = [];
    this.sizes = [];
    this.total = LP_HDR_SIZE + LP_EOF_SIZE;
  }

  /** lpLength */
  get length(): number {
    return this.items.length;
  }

  /** lpBytes: the exact size of the listpack buffer. */
  get bytes(): number {
    return this.total;
  }

  /**
   * zmalloc_size of the buffer. lpInsert reallocates to the exact new size when it grows past
   * the allocation or shrinks, so the usable size is always the size class of lpBytes.
   */
  allocSize(): number {
    return mallocSize(this.total);
  }

  /** The entries, in order (read-only view for fast iteration). */
  get values(): readonly ListpackValue[] {
    return this.items;
  }

  at(i: number): ListpackValue {
    return this.items[i]!;
  }

  /** lpSafeToAdd: whether `add` more bytes keep the listpack under the safety limit. */
  safeToAdd(add: number): boolean {
    return this.total + add <= LISTPACK_MAX_SAFETY_SIZE;
  }

  /** lpAppend */
  append(v: ListpackValue): void {
    v = stored(v);
    const size = entrySize(v);
    this.items.push(v);
    this.sizes.push(size);
    this.total += size;
  }

  /** lpInsert before entry `i` (i = length appends); several values go in order. */
  insert(i: number, ...vs: ListpackValue[]): void {
    if (vs.length === 1) {
      const v = stored(vs[0]!);
      const size = entrySize(v);
      this.items.splice(i, 0, v);
      this.sizes.splice(i, 0, size);
      this.total += size;
      return;
    }
    const values = vs.map(stored);
    const sizes = values.map(entrySize);
    this.items.splice(i, 0, ...values);
    this.sizes.splice(i, 0, ...sizes);
    for (const s of sizes) this.total += s;
  }

  /** lpReplace */
  replace(i: number, v: ListpackValue): void {
    v = stored(v);
    const size = entrySize(v);
    this.total += size - this.sizes[i]!;
    this.items[i] = v;
    this.sizes[i] = size;
  }

  /** lpDeleteRange: remove `count` entries starting at `i`. */
  delete(i: number, count = 1): void {
    const removed = this.sizes.splice(i, count);
    this.items.splice(i, count);
    for (const s of removed) this.total -= s;
  }

  copy(): Listpack {
    const lp = new Listpack();
    lp.items.push(...this.items);
    lp.sizes.push(...this.sizes);
    lp.total = this.total;
    return lp;
  }

  /** The byte layout of `count` entries from `start`: what the listpack view draws. */
  layout(start = 0, count = this.items.length): ListpackLayout {
    const from = Math.max(0, Math.min(start, this.items.length));
    const to = Math.min(this.items.length, from + Math.max(0, count));
    let offset = LP_HDR_SIZE;
    for (let i = 0; i < from; i++) offset += this.sizes[i]!;
    const entries: ListpackEntryLayout[] = [];
    for (let i = from; i < to; i++) {
      const v = this.items[i]!;
      const e = encodingOf(v);
      const l = e.headerBytes + e.dataBytes;
      entries.push({
        index: i,
        offset,
        value: entryText(v),
        encoding: e.encoding,
        headerBytes: e.headerBytes,
        dataBytes: e.dataBytes,
        backlenBytes: backlenSize(l),
      });
      offset += this.sizes[i]!;
    }
    return {
      totalBytes: this.total,
      allocBytes: this.allocSize(),
      numEntries: this.items.length,
      headerBytes: LP_HDR_SIZE,
      eofBytes: LP_EOF_SIZE,
      entries,
    };
  }
}
