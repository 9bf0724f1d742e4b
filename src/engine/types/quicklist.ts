import type { QuicklistNodeSnapshot } from '../../protocol/snapshots.js';
import { Listpack, type ListpackLayout } from './listpack.js';
import { compressAround, compressTouched, decompressForUse, decompressNode, recompressOnly, visited } from './quicklistCompress.js';
import { QuicklistNode } from './quicklistNode.js';

export { QuicklistNode } from './quicklistNode.js';

/**
 * Redis's quicklist (quicklist.c): a doubly linked list of listpack nodes, every list's
 * encoding in Redis 7.0. Node sizes, splits, merges, plain nodes for huge elements and the
 * compressed interior (list-compress-depth) follow quicklist.c decision for decision, so the
 * node structure — what DEBUG OBJECT's ql_nodes and MEMORY USAGE report — is Redis's.
 *
 * A node (quicklistNode.ts) keeps its entries as byte strings with the listpack's exact byte
 * count beside them (entrySize from listpack.ts, the same encoding rules), rather than in a
 * Listpack object: a list is pushed and popped at both ends, and a node must take an element at
 * its front in O(1) where an array splice would move every entry. The view of an opened node is
 * rebuilt as a real Listpack (nodeLayout).
 *
 * LZF compression is measured, not stored (quicklistCompress.ts, lzf.ts): a node beyond the
 * compress depth is flagged compressed, with the length lzf_compress would give it, wherever
 * quicklist.c would compress it; its entries stay readable as they are.
 */

/** optimization_level: the byte limits of fill -1 .. -5. */
const OPTIMIZATION_LEVEL = [4096, 8192, 16384, 32768, 65536];
/** SIZE_SAFETY_LIMIT: a count-limited node still never grows past 8 KB. */
const SIZE_SAFETY_LIMIT = 8192;
/** SIZE_ESTIMATE_OVERHEAD: what one more entry is assumed to add besides its bytes. */
const SIZE_ESTIMATE_OVERHEAD = 8;
/** What _quicklistNodeAllowMerge subtracts for the header and EOF the merge saves (ziplist's 11). */
const MERGE_SAVED_BYTES = 11;
/** FILL_MAX: fill is a 16-bit signed bitfield. */
export const FILL_MAX = (1 << 15) - 1;
/** COMPRESS_MAX: compress is a 16-bit bitfield. */
export const COMPRESS_MAX = (1 << 16) - 1;
/** packed_threshold's default: elements of 1 GB or more get a plain node of their own. */
export const DEFAULT_PACKED_THRESHOLD = 1 << 30;
/** sizeof(quicklist): head, tail, count, len and the fill/compress/bookmark bitfields. */
export const QUICKLIST_SIZE = 40;
/** sizeof(quicklistNode): prev, next, entry, sz and the count/encoding/... bitfields. */
export const QUICKLIST_NODE_SIZE = 40;

/** An element's place: its node and its offset in the node. */
export interface QuicklistPosition {
  node: QuicklistNode;
  offset: number;
}

export interface QuicklistOptions {
  /** list-max-listpack-size: negative = a byte limit (-2 = 8 KB), positive = entries per node. */
  fill: number;
  /** list-compress-depth: nodes kept uncompressed at each end, 0 = no compression. */
  compress: number;
  /** packed_threshold: elements this long or longer go into plain nodes. */
  packedThreshold?: number;
}

/** What DEBUG OBJECT reports about a quicklist. */
export interface QuicklistDebugInfo {
  nodes: number;
  count: number;
  fill: number;
  compress: number;
  uncompressedSize: number;
}

/** _quicklistNodeSizeMeetsOptimizationRequirement */
function sizeMeetsOptimizationRequirement(sz: number, fill: number): boolean {
  if (fill >= 0) return false;
  const limit = OPTIMIZATION_LEVEL[-fill - 1];
  return limit !== undefined && sz <= limit;
}

export class Quicklist {
  head: QuicklistNode | null = null;
  tail: QuicklistNode | null = null;
  /** Elements in all nodes. */
  count = 0;
  /** Nodes. */
  len = 0;
  fill = -2;
  compress = 0;
  readonly packedThreshold: number;

  /** quicklistNew + quicklistSetOptions: fill is clamped to -5 .. FILL_MAX, compress to 0 .. COMPRESS_MAX. */
  constructor(opts: QuicklistOptions) {
    this.fill = Math.max(-5, Math.min(FILL_MAX, opts.fill));
    this.compress = Math.max(0, Math.min(COMPRESS_MAX, opts.compress));
    this.packedThreshold = opts.packedThreshold ?? DEFAULT_PACKED_THRESHOLD;
  }

  /** isLargeElement */
  private isLarge(sz: number): boolean {
    return sz >= this.packedThreshold;
  }

  /** _quicklistNodeAllowInsert: `sz` is the element's length, not its encoded size. */
  private allowInsert(node: QuicklistNode | null, sz: number): boolean {
    if (node === null || node.plain || this.isLarge(sz)) return false;
    const newSz = node.sz + sz + SIZE_ESTIMATE_OVERHEAD;
    if (sizeMeetsOptimizationRequirement(newSz, this.fill)) return true;
    if (newSz > SIZE_SAFETY_LIMIT) return false;
    return node.count < this.fill;
  }

  /** _quicklistNodeAllowMerge */
  private allowMerge(a: QuicklistNode | null, b: QuicklistNode | null): boolean {
    if (a === null || b === null || a.plain || b.plain) return false;
    const mergeSz = a.sz + b.sz - MERGE_SAVED_BYTES;
    if (sizeMeetsOptimizationRequirement(mergeSz, this.fill)) return true;
    if (mergeSz > SIZE_SAFETY_LIMIT) return false;
    return a.count + b.count <= this.fill;
  }

  // Node list maintenance.

  /** __quicklistInsertNode: link `node` before or after `old` (null: the first node). */
  private insertNode(old: QuicklistNode | null, node: QuicklistNode, after: boolean): void {
    if (after) {
      node.prev = old;
      if (old !== null) {
        node.next = old.next;
        if (old.next !== null) old.next.prev = node;
        old.next = node;
      }
      if (this.tail === old) this.tail = node;
    } else {
      node.next = old;
      if (old !== null) {
        node.prev = old.prev;
        if (old.prev !== null) old.prev.next = node;
        old.prev = node;
      }
      if (this.head === old) this.head = node;
    }
    if (this.len === 0) this.head = this.tail = node;
    this.len++;
    if (old !== null) compressTouched(this, old);
    compressTouched(this, node);
  }

  /** __quicklistDelNode: unlink a node and everything in it. */
  private delNode(node: QuicklistNode): void {
    if (node.next !== null) node.next.prev = node.prev;
    if (node.prev !== null) node.prev.next = node.next;
    if (node === this.tail) this.tail = node.prev;
    if (node === this.head) this.head = node.next;
    this.len--;
    this.count -= node.count;
    compressAround(this, null);
  }

  /** __quicklistCreatePlainNode */
  private static plainNode(v: string): QuicklistNode {
    const node = new QuicklistNode();
    node.plain = true;
    node.items.push(v);
    node.sz = v.length;
    return node;
  }

  /** __quicklistInsertPlainNode */
  private insertPlainNode(old: QuicklistNode | null, v: string, after: boolean): void {
    this.insertNode(old, Quicklist.plainNode(v), after);
    this.count++;
  }

  // Pushes and pops.

  /** quicklistPushHead */
  pushHead(v: string): void {
    if (this.isLarge(v.length)) {
      this.insertPlainNode(this.head, v, false);
      return;
    }
    const head = this.head;
    if (this.allowInsert(head, v.length)) {
      head!.prepend(v);
    } else {
      const node = new QuicklistNode();
      node.append(v);
      this.insertNode(head, node, false);
    }
    this.count++;
  }

  /** quicklistPushTail */
  pushTail(v: string): void {
    if (this.isLarge(v.length)) {
      this.insertPlainNode(this.tail, v, true);
      return;
    }
    const tail = this.tail;
    if (this.allowInsert(tail, v.length)) {
      tail!.append(v);
    } else {
      const node = new QuicklistNode();
      node.append(v);
      this.insertNode(tail, node, true);
    }
    this.count++;
  }

  /** quicklistPopCustom: the first (head) or last element, removed; undefined when empty. */
  pop(fromHead: boolean): string | undefined {
    const node = fromHead ? this.head : this.tail;
    if (node === null) return undefined;
    if (node.plain) {
      const v = node.at(0);
      this.delNode(node);
      return v;
    }
    const v = fromHead ? node.shift() : node.pop();
    if (node.count === 0) this.delNode(node);
    this.count--;
    return v;
  }

  // Indexes.

  /**
   * quicklistGetIteratorAtIdx: where element `index` is (negative counts from the tail), found
   * from whichever end is nearer; null when out of range.
   */
  position(index: number): QuicklistPosition | null {
    const abs = index < 0 ? this.count + index : index;
    if (abs < 0 || abs >= this.count) return null;
    if (abs <= (this.count - 1) / 2) {
      let accum = 0;
      let n = this.head!;
      while (accum + n.count <= abs) {
        accum += n.count;
        n = n.next!;
      }
      return { node: n, offset: abs - accum };
    }
    const fromTail = this.count - 1 - abs;
    let accum = 0;
    let n = this.tail!;
    while (accum + n.count <= fromTail) {
      accum += n.count;
      n = n.prev!;
    }
    return { node: n, offset: n.count - 1 - (fromTail - accum) };
  }

  /** quicklistGetIteratorEntryAtIdx + quicklistNext: the element at `index`, or undefined. */
  index(index: number): string | undefined {
    const p = this.position(index);
    if (p === null) return undefined;
    visited(this, p.node);
    return p.node.at(p.offset);
  }

  /**
   * `n` elements from index `start` (a valid, non-negative index) towards the tail, or towards
   * the head when `reverse`: LRANGE, and the pops with COUNT.
   */
  range(start: number, n: number, reverse: boolean): string[] {
    const out: string[] = [];
    if (n <= 0) return out;
    const p = this.position(start)!;
    let node: QuicklistNode | null = p.node;
    let i = p.offset;
    while (node !== null) {
      const items = node.items;
      const lo = node.lo;
      if (reverse) {
        for (; i >= 0; i--) {
          out.push(items[lo + i]!);
          if (out.length === n) break;
        }
      } else {
        const count = node.count;
        for (; i < count; i++) {
          out.push(items[lo + i]!);
          if (out.length === n) break;
        }
      }
      visited(this, node);
      if (out.length === n) break;
      node = reverse ? node.prev : node.next;
      if (node !== null) i = reverse ? node.count - 1 : 0;
    }
    return out;
  }

  /** Every element, head to tail. */
  toArray(): string[] {
    const out: string[] = [];
    for (let node = this.head; node !== null; node = node.next) {
      for (let i = node.lo; i < node.items.length; i++) out.push(node.items[i]!);
    }
    return out;
  }

  /**
   * Walk the elements from the head (or from the tail when `fromTail`), calling `visit` with
   * each element and its index from the walk's start, until it returns false.
   */
  walk(fromTail: boolean, visit: (v: string, i: number) => boolean): void {
    let i = 0;
    if (fromTail) {
      for (let node = this.tail; node !== null; node = node.prev) {
        for (let j = node.items.length - 1; j >= node.lo; j--) {
          if (!visit(node.items[j]!, i++)) {
            visited(this, node);
            return;
          }
        }
        visited(this, node);
      }
    } else {
      for (let node = this.head; node !== null; node = node.next) {
        for (let j = node.lo; j < node.items.length; j++) {
          if (!visit(node.items[j]!, i++)) {
            visited(this, node);
            return;
          }
        }
        visited(this, node);
      }
    }
  }

  // Inserts, replacements and deletions in the middle.

  /** quicklistInsertBefore / quicklistInsertAfter the element at `pos` (_quicklistInsert). */
  insert(pos: QuicklistPosition, v: string, after: boolean): void {
    const node = pos.node;
    const offset = pos.offset;
    const sz = v.length;
    const full = !this.allowInsert(node, sz);
    const atTail = after && offset === node.count - 1;
    const availNext = atTail && this.allowInsert(node.next, sz);
    const atHead = !after && offset === 0;
    const availPrev = atHead && this.allowInsert(node.prev, sz);

    if (this.isLarge(sz)) {
      if (node.plain || atTail || atHead) {
        this.insertPlainNode(node, v, after);
      } else {
        decompressForUse(node);
        const newNode = this.splitNode(node, offset, after);
        const entryNode = Quicklist.plainNode(v);
        this.insertNode(node, entryNode, after);
        this.insertNode(entryNode, newNode, after);
        this.count++;
      }
      return;
    }

    if (!full) {
      decompressForUse(node);
      node.insert(after ? offset + 1 : offset, v);
      recompressOnly(node);
    } else if (atTail && availNext) {
      const next = node.next!;
      decompressForUse(next);
      next.prepend(v);
      recompressOnly(next);
      recompressOnly(node);
    } else if (atHead && availPrev) {
      const prev = node.prev!;
      decompressForUse(prev);
      prev.append(v);
      recompressOnly(prev);
      recompressOnly(node);
    } else if (atTail || atHead) {
      const newNode = new QuicklistNode();
      newNode.append(v);
      this.insertNode(node, newNode, after);
    } else {
      decompressForUse(node);
      const newNode = this.splitNode(node, offset, after);
      if (after) newNode.prepend(v);
      else newNode.append(v);
      this.insertNode(node, newNode, after);
      this.mergeNodes(node);
    }
    this.count++;
  }

  /**
   * _quicklistSplitNode: after = true leaves [0, offset] in `node` and returns a new node with
   * the rest; after = false returns [0, offset) and leaves [offset, end] in `node`.
   */
  private splitNode(node: QuicklistNode, offset: number, after: boolean): QuicklistNode {
    const entries = node.entries();
    const cut = after ? offset + 1 : offset;
    const newNode = new QuicklistNode();
    if (after) {
      node.setEntries(entries.slice(0, cut));
      newNode.setEntries(entries.slice(cut));
    } else {
      newNode.setEntries(entries.slice(0, cut));
      node.setEntries(entries.slice(cut));
    }
    return newNode;
  }

  /**
   * _quicklistListpackMerge: lpMerge keeps the larger listpack (the left one on a tie) and
   * frees the other node. Returns the node kept.
   */
  private listpackMerge(a: QuicklistNode, b: QuicklistNode): QuicklistNode {
    decompressNode(a);
    decompressNode(b);
    const merged = a.entries().concat(b.entries());
    const keepLeft = a.sz >= b.sz;
    const keep = keepLeft ? a : b;
    const drop = keepLeft ? b : a;
    keep.setEntries(merged);
    // The dropped node's elements now live in `keep`: unlinking it must not uncount them.
    drop.items = [];
    drop.lo = 0;
    this.delNode(drop);
    compressTouched(this, keep);
    return keep;
  }

  /**
   * _quicklistMergeNodes: after a split, try merging (prev_prev, prev), (next, next_next),
   * (prev, center) and (center, next), in that order.
   */
  private mergeNodes(center: QuicklistNode): void {
    const prev = center.prev;
    const prevPrev = prev?.prev ?? null;
    const next = center.next;
    const nextNext = next?.next ?? null;
    if (this.allowMerge(prev, prevPrev)) this.listpackMerge(prevPrev!, prev!);
    if (this.allowMerge(next, nextNext)) this.listpackMerge(next!, nextNext!);
    let target = center;
    if (this.allowMerge(center, center.prev)) target = this.listpackMerge(center.prev!, center);
    if (this.allowMerge(target, target.next)) this.listpackMerge(target, target.next!);
  }

  /** quicklistReplaceAtIndex (quicklistReplaceEntry): false when the index is out of range. */
  replace(index: number, v: string): boolean {
    const pos = this.position(index);
    if (pos === null) return false;
    const node = pos.node;
    decompressForUse(node);
    if (!node.plain && !this.isLarge(v.length)) {
      node.replace(pos.offset, v);
      compressTouched(this, node);
    } else if (node.plain) {
      if (this.isLarge(v.length)) {
        node.setPlain(v);
        compressTouched(this, node);
      } else {
        this.insert(pos, v, true);
        this.delNode(node);
      }
    } else {
      node.dontCompress = true;
      this.insert(pos, v, true);
      if (node.count === 1) {
        this.delNode(node);
      } else {
        // The replaced element is now the node's last one (the new one went after it).
        this.deleteAt({ node, offset: node.count - 1 });
        node.dontCompress = false;
        compressTouched(this, node);
        if (node.next !== null) compressTouched(this, node.next);
      }
    }
    return true;
  }

  /** quicklistDelIndex: returns whether the node went away with its last element. */
  deleteAt(pos: QuicklistPosition): boolean {
    const node = pos.node;
    if (node.plain) {
      this.delNode(node);
      return true;
    }
    node.deleteRange(pos.offset, 1);
    this.count--;
    if (node.count === 0) {
      this.delNode(node);
      return true;
    }
    return false;
  }

  /**
   * quicklistDelRange: `count` elements from index `start` (negative counts from the tail),
   * limited to the end of the list. No merging: Redis merges only after a split.
   */
  deleteRange(start: number, count: number): void {
    if (count <= 0) return;
    let extent = count;
    if (start >= 0 && extent > this.count - start) extent = this.count - start;
    else if (start < 0 && extent > -start) extent = -start;
    const pos = this.position(start);
    if (pos === null) return;
    let node: QuicklistNode | null = pos.node;
    let offset = pos.offset;
    while (extent > 0 && node !== null) {
      const next: QuicklistNode | null = node.next;
      const entire = offset === 0 && extent >= node.count;
      const del = entire ? node.count : Math.min(node.count - offset, extent);
      if (entire || node.plain) {
        this.delNode(node);
      } else {
        decompressForUse(node);
        node.deleteRange(offset, del);
        this.count -= del;
        if (node.count === 0) this.delNode(node);
        else recompressOnly(node);
      }
      extent -= del;
      node = next;
      offset = 0;
    }
  }

  /**
   * LREM's walk (listTypeNext + listTypeDelete): delete elements equal to `v`, from the head or
   * from the tail, at most `limit` of them (0: all). Returns how many went.
   */
  removeMatching(v: string, limit: number, fromTail: boolean): number {
    let removed = 0;
    let node = fromTail ? this.tail : this.head;
    let i = node === null ? 0 : fromTail ? node.count - 1 : 0;
    while (node !== null) {
      if (i < 0 || i >= node.count) {
        visited(this, node);
        node = fromTail ? node.prev : node.next;
        if (node !== null) i = fromTail ? node.count - 1 : 0;
        continue;
      }
      if (node.at(i) !== v) {
        i += fromTail ? -1 : 1;
        continue;
      }
      const prev: QuicklistNode | null = node.prev;
      const next: QuicklistNode | null = node.next;
      decompressForUse(node);
      const gone = this.deleteAt({ node, offset: i });
      removed++;
      if (gone) {
        node = fromTail ? prev : next;
        if (node !== null) i = fromTail ? node.count - 1 : 0;
      } else if (fromTail) {
        i--;
      }
      if (limit !== 0 && removed === limit) break;
    }
    if (node !== null) compressTouched(this, node);
    return removed;
  }

  /** quicklistDup: the same nodes, compressed or not as they are here. */
  dup(): Quicklist {
    const copy = new Quicklist({ fill: this.fill, compress: this.compress, packedThreshold: this.packedThreshold });
    for (let n = this.head; n !== null; n = n.next) {
      const node = new QuicklistNode();
      node.items = n.entries();
      node.sz = n.sz;
      node.plain = n.plain;
      node.compressed = n.compressed;
      node.compressedSize = n.compressedSize;
      copy.count += node.count;
      copy.insertNode(copy.tail, node, true);
    }
    return copy;
  }

  /**
   * objectComputeSize for a quicklist (robj excluded): the quicklist struct plus the average
   * node (struct and listpack allocation) of the first `samples` nodes times the node count.
   */
  memoryUsage(samples: number): number {
    let asize = QUICKLIST_SIZE;
    if (this.head === null) return asize;
    const max = samples <= 0 ? Infinity : samples;
    let elesize = 0;
    let seen = 0;
    for (let n: QuicklistNode | null = this.head; n !== null && seen < max; n = n.next) {
      elesize += QUICKLIST_NODE_SIZE + n.entryAllocSize();
      seen++;
    }
    asize += (elesize / seen) * this.len;
    return Math.floor(asize);
  }

  /** DEBUG OBJECT's ql_* fields. */
  debugInfo(): QuicklistDebugInfo {
    let uncompressedSize = 0;
    for (let n = this.head; n !== null; n = n.next) uncompressedSize += n.sz;
    return { nodes: this.len, count: this.count, fill: this.fill, compress: this.compress, uncompressedSize };
  }

  /** The node at `index` (0 = head), or null. */
  nodeAt(index: number): QuicklistNode | null {
    if (index < 0 || index >= this.len) return null;
    let n = this.head;
    for (let i = 0; i < index; i++) n = n!.next;
    return n;
  }

  /** The window of nodes the quicklist view draws: `count` nodes from node `from`. */
  nodeWindow(from: number, count: number): QuicklistNodeSnapshot[] {
    const out: QuicklistNodeSnapshot[] = [];
    let index = Math.max(0, from);
    for (let n = this.nodeAt(index); n !== null && out.length < count; n = n.next, index++) {
      out.push({ index, count: n.count, bytes: n.sz, compressed: n.compressed, compressedBytes: n.compressed ? n.compressedSize : 0 });
    }
    return out;
  }

  /**
   * The byte layout of `count` entries from `start` of one node's listpack (null for a plain
   * node or an index out of range): the node's entries rebuilt as a real Listpack.
   */
  nodeLayout(index: number, start: number, count: number): ListpackLayout | null {
    const n = this.nodeAt(index);
    if (n === null || n.plain) return null;
    const lp = new Listpack();
    for (let i = n.lo; i < n.items.length; i++) lp.append(n.items[i]!);
    return lp.layout(start, count);
  }
}
