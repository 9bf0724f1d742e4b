import type { SkiplistNodeSnapshot, SkiplistStructure, SkiplistTraceSnapshot } from '../../../../protocol/snapshots.js';

/** Geometry of the skiplist drawing, in px. */
export const SL = {
  colW: 68,
  boxW: 52,
  boxH: 16,
  /** Vertical distance between levels: at least this, more when the view is tall. */
  minLevelGap: 24,
  maxLevelGap: 34,
  top: 14,
  bottom: 50,
  left: 8,
  gapW: 48,
  right: 44,
} as const;

export interface SkiplistColumn {
  /** Join key: the member, or '' for the header. */
  id: string;
  node: SkiplistNodeSnapshot;
  x: number;
  /** Levels drawn for this column (the header's live levels). */
  levels: number;
}

export type PointerEnd = 'node' | 'beyond' | 'hidden' | 'null';

export interface SkiplistPointer {
  id: string;
  level: number;
  x1: number;
  x2: number;
  y: number;
  span: number | null;
  /** Rank the pointer leads to (null: end of level). */
  to: number | null;
  /** node: a drawn node; beyond: right of the window; hidden: inside the gap; null: NULL. */
  end: PointerEnd;
  /** Drawn from the gap: the source node is left of the window. */
  fromGap: boolean;
}

export interface SkiplistLayout {
  width: number;
  height: number;
  levels: number;
  columns: SkiplistColumn[];
  pointers: SkiplistPointer[];
  /** Nodes hidden between the header and the window (left), and after it (right). */
  hiddenBefore: number;
  hiddenAfter: number;
  gapX: number;
  rightX: number;
  /** Top of the box for a level. */
  y(level: number): number;
  /** Where a rank is drawn: its column's left edge, the gap's middle, or the right edge. */
  xOf(rank: number): number;
  /** Where a pointer leaves a rank: its box's right edge, or the gap's middle. */
  xOut(rank: number): number;
}

/** Nodes that fit beside the header in `width` px. */
export function skiplistCapacity(width: number): number {
  return Math.max(3, Math.floor((width - SL.left - SL.colW - SL.gapW - SL.right) / SL.colW));
}

export function layoutSkiplist(s: SkiplistStructure, width: number, height: number): SkiplistLayout {
  const levels = Math.max(1, s.level);
  const levelGap = Math.max(SL.minLevelGap, Math.min(SL.maxLevelGap, Math.floor((height - SL.top - SL.bottom) / levels)));
  const y = (level: number) => SL.top + (levels - 1 - level) * levelGap;
  const first = s.nodes[0]?.rank ?? 1;
  const last = s.nodes.at(-1)?.rank ?? 0;
  const hiddenBefore = Math.max(0, first - 1);
  const hiddenAfter = Math.max(0, s.length - last);
  const gapX = SL.left + SL.colW;
  const firstX = gapX + (hiddenBefore > 0 ? SL.gapW : 0);
  const columns: SkiplistColumn[] = [{ id: '', node: s.header, x: SL.left, levels }];
  s.nodes.forEach((n, i) => columns.push({ id: n.member, node: n, x: firstX + i * SL.colW, levels: n.level }));
  const rightX = firstX + s.nodes.length * SL.colW;
  const byRank = new Map(columns.map((c) => [c.node.rank, c]));
  const xOf = (rank: number): number => {
    const c = byRank.get(rank);
    if (c !== undefined) return c.x;
    if (rank > 0 && rank < first) return gapX + SL.gapW / 2;
    return rightX;
  };
  const xOut = (rank: number): number => (byRank.has(rank) ? xOf(rank) + SL.boxW : xOf(rank));

  const pointers: SkiplistPointer[] = [];
  const landed = new Set<string>();
  for (const c of columns) {
    for (let level = 0; level < c.levels; level++) {
      const to = c.node.forward[level] ?? null;
      const x1 = c.x + SL.boxW;
      const yy = y(level) + SL.boxH / 2;
      const id = `${c.id}\u0000${level}`;
      if (to === null) {
        pointers.push({ id, level, x1, x2: x1 + 12, y: yy, span: null, to, end: 'null', fromGap: false });
        continue;
      }
      const target = byRank.get(to);
      const end: PointerEnd = target !== undefined ? 'node' : to < first ? 'hidden' : 'beyond';
      if (target !== undefined) landed.add(`${to}\u0000${level}`);
      pointers.push({ id, level, x1, x2: xOf(to), y: yy, span: c.node.span[level] ?? null, to, end, fromGap: false });
    }
  }
  // Nodes reached on some level from a node left of the window: the pointer comes out of the gap.
  if (hiddenBefore > 0) {
    for (const c of columns.slice(1)) {
      for (let level = 0; level < c.levels; level++) {
        if (landed.has(`${c.node.rank}\u0000${level}`)) continue;
        const yy = y(level) + SL.boxH / 2;
        pointers.push({ id: `gap\u0000${c.id}\u0000${level}`, level, x1: gapX + SL.gapW / 2, x2: c.x, y: yy, span: null, to: c.node.rank, end: 'node', fromGap: true });
      }
    }
  }
  return { width, height: SL.top + levels * levelGap + SL.bottom, levels, columns, pointers, hiddenBefore, hiddenAfter, gapX, rightX, y, xOf, xOut };
}

export interface TraceSegment {
  /** The step this segment belongs to (the order they are drawn in). */
  step: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** forward: moved along a pointer; look: compared with the next node and stopped; down: dropped a level. */
  kind: 'forward' | 'look' | 'down';
}

/** Moves the search made among the nodes left out of the window, per level. */
export interface TraceHops {
  level: number;
  count: number;
  x: number;
  y: number;
}

/**
 * The search as segments to highlight: each forward move along its pointer, each refusal as a
 * short look towards the node that sorted after the target, each drop to the level below.
 * Moves between nodes left out of the window happen inside the gap: they are counted per
 * level instead of drawn.
 */
export function traceSegments(t: SkiplistTraceSnapshot, l: SkiplistLayout): { segments: TraceSegment[]; hops: TraceHops[] } {
  const segments: TraceSegment[] = [];
  const hops = new Map<number, TraceHops>();
  const mid = (level: number) => l.y(level) + SL.boxH / 2;
  const gapMid = l.gapX + SL.gapW / 2;
  t.steps.forEach((s, i) => {
    const x = l.xOut(s.fromRank);
    const y = mid(s.level);
    if (s.action === 'forward' && s.to !== null) {
      const to = l.xOf(s.to.rank);
      if (to === gapMid) {
        const h = hops.get(s.level) ?? { level: s.level, count: 0, x: gapMid + 5, y: y - 4 };
        h.count++;
        hops.set(s.level, h);
      }
      if (to - x > 1) segments.push({ step: i, x1: x, y1: y, x2: to, y2: y, kind: 'forward' });
      return;
    }
    const next = s.to === null ? x + 12 : l.xOf(s.to.rank);
    segments.push({ step: i, x1: x, y1: y, x2: next > x ? Math.min(next, x + 14) : x + 10, y2: y, kind: 'look' });
    if (s.level > 0) {
      const cx = x === gapMid ? gapMid : l.xOf(s.fromRank) + SL.boxW / 2;
      segments.push({ step: i, x1: cx, y1: x === gapMid ? y : l.y(s.level) + SL.boxH, x2: cx, y2: x === gapMid ? mid(s.level - 1) : l.y(s.level - 1), kind: 'down' });
    }
  });
  return { segments, hops: [...hops.values()] };
}
