import type { Quicklist } from './quicklist.js';
import type { QuicklistNode } from './quicklistNode.js';

/**
 * Where quicklist.c compresses and decompresses nodes (list-compress-depth): the `compress`
 * nodes at each end stay plain, interior nodes are LZF-compressed when that pays. No
 * compressed bytes are kept — the node stays readable — only their length (lzf.ts), and every
 * place Redis compresses, decompresses for use and recompresses is followed, so the flags are
 * Redis's.
 */

/** MIN_COMPRESS_BYTES: smaller listpacks are not worth compressing. */
const MIN_COMPRESS_BYTES = 48;
/** MIN_COMPRESS_IMPROVE: compression must save at least this much to be kept. */
const MIN_COMPRESS_IMPROVE = 8;

/** __quicklistCompressNode, for a node that is not compressed yet. */
export function compressNode(node: QuicklistNode | null): void {
  if (node === null || node.compressed || node.dontCompress) return;
  node.recompress = false;
  if (node.sz < MIN_COMPRESS_BYTES) return;
  const size = node.compressedLength();
  if (size === 0 || size + MIN_COMPRESS_IMPROVE >= node.sz) return;
  node.compressed = true;
  node.compressedSize = size;
}

/** quicklistDecompressNode */
export function decompressNode(node: QuicklistNode): void {
  if (!node.compressed) return;
  node.compressed = false;
  node.recompress = false;
}

/** quicklistDecompressNodeForUse: decompressed now, compressed again when done with. */
export function decompressForUse(node: QuicklistNode): void {
  if (!node.compressed) return;
  node.compressed = false;
  node.recompress = true;
}

/**
 * __quicklistCompress: the `compress` nodes at each end are kept plain, `node` and the first
 * node past the depth on each side are compressed. Nothing happens while the list is shorter
 * than both depths together.
 */
export function compressAround(ql: Quicklist, node: QuicklistNode | null): void {
  if (ql.compress === 0 || ql.len < ql.compress * 2) return;
  let forward = ql.head!;
  let reverse = ql.tail!;
  let inDepth = false;
  for (let depth = 0; depth < ql.compress; depth++) {
    decompressNode(forward);
    decompressNode(reverse);
    if (forward === node || reverse === node) inDepth = true;
    if (forward === reverse || forward.next === reverse) return;
    forward = forward.next!;
    reverse = reverse.prev!;
  }
  if (!inDepth) compressNode(node);
  compressNode(forward);
  compressNode(reverse);
}

/** quicklistCompress: a node used and due to be recompressed is; anything else is placed. */
export function compressTouched(ql: Quicklist, node: QuicklistNode): void {
  if (node.recompress) compressNode(node);
  else compressAround(ql, node);
}

/** quicklistRecompressOnly */
export function recompressOnly(node: QuicklistNode): void {
  if (node.recompress) compressNode(node);
}

/**
 * What reading a node through an iterator leaves behind (quicklistNext decompresses it for
 * use, moving on or releasing the iterator compresses it again).
 */
export function visited(ql: Quicklist, node: QuicklistNode): void {
  if (ql.compress === 0) return;
  decompressForUse(node);
  compressTouched(ql, node);
}
