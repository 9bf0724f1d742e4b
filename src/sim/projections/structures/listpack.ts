import type { ListpackSnapshot } from '../../../protocol/snapshots.js';
import type { ListpackLayout } from '../../../engine/types/listpack.js';
import { clip } from './text.js';

/** A listpack layout as protocol data: entry values clipped, everything else as counted. */
export function listpackSnapshot(layout: ListpackLayout): ListpackSnapshot {
  return {
    totalBytes: layout.totalBytes,
    allocBytes: layout.allocBytes,
    numEntries: layout.numEntries,
    headerBytes: layout.headerBytes,
    eofBytes: layout.eofBytes,
    entries: layout.entries.map((e) => ({
      index: e.index,
      offset: e.offset,
      value: clip(e.value),
      encoding: e.encoding,
      headerBytes: e.headerBytes,
      dataBytes: e.dataBytes,
      backlenBytes: e.backlenBytes,
    })),
  };
}

/**
 * The first entry of a window of `count` entries that shows element `focus` (counted in
 * elements of `stride` entries) with some context before it, aligned on an element.
 */
export function windowAround(focus: number, count: number, stride: 1 | 2, numEntries: number): number {
  const entry = focus * stride;
  const before = Math.floor(count / 3);
  const start = Math.max(0, Math.min(entry - before, numEntries - count));
  return start - (start % stride);
}
