import { string2ll } from '../util/numbers.js';
import { entrySize, LP_EOF_SIZE, LP_HDR_SIZE } from './listpack.js';
import { lzfCompressedSize } from './lzf.js';
import { mallocSize } from './zmalloc.js';

/**
 * One quicklist node (quicklistNode): a listpack's entries as byte strings with the listpack's
 * exact byte count beside them (entrySize from listpack.ts applies the encoding rules), or one
 * plain element. Entries live in items[lo ..]: the slots before lo are room for pushes at the
 * front, so both ends take and give elements in O(1), as LPUSH/LPOP need.
 */

/** lpBytes of an empty listpack: header and EOF byte. */
export const EMPTY_LISTPACK_BYTES = LP_HDR_SIZE + LP_EOF_SIZE;
/** LP_HDR_NUMELE_UNKNOWN: the header's element count saturates here. */
const LP_HDR_NUMELE_UNKNOWN = 65535;
/** sizeof(quicklistLZF): the compressed length before the compressed bytes. */
const LZF_HEADER_SIZE = 8;
/** Keep a node's front gap from growing without bound when it is used as a queue. */
const MAX_FRONT_GAP = 64;

export class QuicklistNode {
  prev: QuicklistNode | null = null;
  next: QuicklistNode | null = null;
  items: string[] = [];
  lo = 0;
  /** lpBytes of the listpack, or the element's length for a plain node. */
  sz = EMPTY_LISTPACK_BYTES;
  /** QUICKLIST_NODE_CONTAINER_PLAIN: one element stored as is, outside any listpack. */
  plain = false;
  /** QUICKLIST_NODE_ENCODING_LZF */
  compressed = false;
  /** lzf->sz, the (estimated) compressed length, while compressed. */
  compressedSize = 0;
  /** The node was decompressed to be used and goes back to compressed afterwards. */
  recompress = false;
  /** Kept uncompressed while quicklistReplaceEntry works around it. */
  dontCompress = false;
  /** lzf_compress's output length for the current entries; -1 until asked after a change. */
  private lzfLength = -1;

  get count(): number {
    return this.items.length - this.lo;
  }

  at(i: number): string {
    return this.items[this.lo + i]!;
  }

  /** lpAppend */
  append(v: string): void {
    this.lzfLength = -1;
    this.items.push(v);
    this.sz += entrySize(v);
  }

  /** lpPrepend: into the gap before the first entry, opening a new gap when there is none. */
  prepend(v: string): void {
    this.lzfLength = -1;
    if (this.lo === 0) this.openFrontGap();
    this.items[--this.lo] = v;
    this.sz += entrySize(v);
  }

  /** lpInsertString at entry index i (i = count appends). */
  insert(i: number, v: string): void {
    if (i === 0) this.prepend(v);
    else if (i === this.count) this.append(v);
    else {
      this.lzfLength = -1;
      this.items.splice(this.lo + i, 0, v);
      this.sz += entrySize(v);
    }
  }

  /** lpReplace */
  replace(i: number, v: string): void {
    this.lzfLength = -1;
    const j = this.lo + i;
    this.sz += entrySize(v) - entrySize(this.items[j]!);
    this.items[j] = v;
  }

  /** lpDelete of the first entry. */
  shift(): string {
    this.lzfLength = -1;
    const v = this.items[this.lo]!;
    this.items[this.lo++] = '';
    this.sz -= entrySize(v);
    if (this.lo === this.items.length) this.clearItems();
    else if (this.lo > MAX_FRONT_GAP && this.lo > this.count) this.closeFrontGap();
    return v;
  }

  /** lpDelete of the last entry. */
  pop(): string {
    this.lzfLength = -1;
    const v = this.items.pop()!;
    this.sz -= entrySize(v);
    if (this.lo === this.items.length) this.clearItems();
    return v;
  }

  /** lpDeleteRange: `n` entries from index `i`. */
  deleteRange(i: number, n: number): void {
    this.lzfLength = -1;
    if (i === 0 && n === this.count) {
      this.clearItems();
      this.sz = EMPTY_LISTPACK_BYTES;
      return;
    }
    const removed = this.items.splice(this.lo + i, n);
    for (const v of removed) this.sz -= entrySize(v);
  }

  /** The entries as a fresh array. */
  entries(): string[] {
    return this.items.slice(this.lo);
  }

  setEntries(entries: string[]): void {
    this.lzfLength = -1;
    this.items = entries;
    this.lo = 0;
    let sz = EMPTY_LISTPACK_BYTES;
    for (const v of entries) sz += entrySize(v);
    this.sz = sz;
  }

  /** A plain node's element, replaced by another element too large for a listpack. */
  setPlain(v: string): void {
    this.lzfLength = -1;
    this.items = [v];
    this.lo = 0;
    this.sz = v.length;
  }

  /** What lzf_compress makes of the node's bytes (0: no gain that fits), computed once per content. */
  compressedLength(): number {
    if (this.lzfLength === -1) this.lzfLength = lzfCompressedSize(this.bytes(), this.sz);
    return this.lzfLength;
  }

  /** The node's bytes as Redis holds them: the listpack buffer, or the plain element. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.sz);
    if (this.plain) {
      const v = this.at(0);
      for (let i = 0; i < v.length; i++) out[i] = v.charCodeAt(i);
      return out;
    }
    writeUint(out, 0, this.sz, 4);
    writeUint(out, 4, Math.min(this.count, LP_HDR_NUMELE_UNKNOWN), 2);
    let p = LP_HDR_SIZE;
    for (let i = this.lo; i < this.items.length; i++) p = encodeEntry(out, p, this.items[i]!);
    out[p] = 0xff;
    return out;
  }

  /** zmalloc_size(node->entry): the listpack, the LZF block or the plain element. */
  entryAllocSize(): number {
    if (this.compressed) return mallocSize(LZF_HEADER_SIZE + this.compressedSize);
    return mallocSize(this.sz);
  }

  private openFrontGap(): void {
    const count = this.count;
    const gap = count < 8 ? 8 : count;
    const items: string[] = [];
    for (let i = 0; i < gap; i++) items.push('');
    for (let i = 0; i < count; i++) items.push(this.items[this.lo + i]!);
    this.items = items;
    this.lo = gap;
  }

  private closeFrontGap(): void {
    this.items = this.items.slice(this.lo);
    this.lo = 0;
  }

  private clearItems(): void {
    this.items = [];
    this.lo = 0;
  }
}

/** Little-endian unsigned integer of `bytes` bytes at `at`. */
function writeUint(out: Uint8Array, at: number, v: number, bytes: number): void {
  for (let i = 0; i < bytes; i++) out[at + i] = Math.floor(v / 2 ** (8 * i)) & 0xff;
}

/** lpStringToInt64: a canonical int64 of at most 20 bytes is stored as an integer. */
function integerValue(v: string): bigint | null {
  if (v.length === 0 || v.length > 20) return null;
  const c = v.charCodeAt(0);
  if ((c < 48 || c > 57) && c !== 45) return null;
  const n = string2ll(v);
  return n === null ? null : BigInt(n);
}

/** lpEncodeIntegerGetType / lpEncodeString + lpEncodeBacklen: one entry written at `p`; returns the next offset. */
function encodeEntry(out: Uint8Array, p: number, v: string): number {
  const start = p;
  const n = integerValue(v);
  if (n !== null) {
    if (n >= 0n && n <= 127n) {
      out[p++] = Number(n);
    } else if (n >= -4096n && n <= 4095n) {
      const u = Number(n < 0n ? (1n << 13n) + n : n);
      out[p++] = (u >> 8) | 0xc0;
      out[p++] = u & 0xff;
    } else {
      const width = n >= -32768n && n <= 32767n ? 2 : n >= -8388608n && n <= 8388607n ? 3 : n >= -2147483648n && n <= 2147483647n ? 4 : 8;
      out[p++] = width === 2 ? 0xf1 : width === 3 ? 0xf2 : width === 4 ? 0xf3 : 0xf4;
      let u = BigInt.asUintN(8 * width, n);
      for (let i = 0; i < width; i++, u >>= 8n) out[p++] = Number(u & 0xffn);
    }
  } else {
    const len = v.length;
    if (len < 64) {
      out[p++] = 0x80 | len;
    } else if (len < 4096) {
      out[p++] = 0xe0 | (len >> 8);
      out[p++] = len & 0xff;
    } else {
      out[p++] = 0xf0;
      writeUint(out, p, len, 4);
      p += 4;
    }
    for (let i = 0; i < len; i++) out[p++] = v.charCodeAt(i);
  }
  return writeBacklen(out, p, p - start);
}

/** lpEncodeBacklen: the entry's length, 7 bits per byte, readable from its last byte backwards. */
function writeBacklen(out: Uint8Array, p: number, l: number): number {
  const groups = l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
  for (let i = groups - 1; i >= 0; i--) {
    const bits = Math.floor(l / 2 ** (7 * i)) & 127;
    out[p++] = i === groups - 1 ? bits : bits | 128;
  }
  return p;
}
