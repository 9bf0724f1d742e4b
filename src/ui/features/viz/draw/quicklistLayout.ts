import type { QuicklistNodeSnapshot, QuicklistStructure } from '../../../../protocol/snapshots.js';

/** Geometry of the quicklist drawing, in px. */
export const QL = {
  pad: 8,
  top: 22,
  nodeW: 92,
  nodeH: 52,
  gap: 26,
  moreW: 44,
  /** Space between the node row and the opened node's listpack. */
  below: 34,
} as const;

export interface QuicklistBox {
  node: QuicklistNodeSnapshot;
  x: number;
}

export interface QuicklistLayout {
  boxes: QuicklistBox[];
  /** Nodes left out before and after the window, and where their markers go. */
  before: { count: number; x: number } | null;
  after: { count: number; x: number } | null;
  /** Top of the opened node's listpack. */
  listpackY: number;
}

/** Nodes that fit in one row, leaving room for the "more" markers at both ends. */
export function quicklistCapacity(width: number): number {
  return Math.max(2, Math.floor((width - 2 * QL.pad - 2 * QL.moreW + QL.gap) / (QL.nodeW + QL.gap)));
}

/** Height left for the opened node's listpack. */
export function quicklistListpackHeight(height: number): number {
  return Math.max(QL.nodeH, height - (QL.top + QL.nodeH + QL.below));
}

export function layoutQuicklist(s: QuicklistStructure): QuicklistLayout {
  const first = s.nodes[0]?.index ?? 0;
  const last = s.nodes.at(-1)?.index ?? -1;
  let x = QL.pad;
  const before = first > 0 ? { count: first, x } : null;
  if (before !== null) x += QL.moreW;
  const boxes = s.nodes.map((node, i) => ({ node, x: x + i * (QL.nodeW + QL.gap) }));
  x += s.nodes.length * (QL.nodeW + QL.gap) - QL.gap;
  const after = last < s.nodeCount - 1 ? { count: s.nodeCount - 1 - last, x: x + 8 } : null;
  return { boxes, before, after, listpackY: QL.top + QL.nodeH + QL.below };
}
