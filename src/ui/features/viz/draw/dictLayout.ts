import type { DictBucketSnapshot, DictStructureBase } from '../../../../protocol/snapshots.js';

/** Geometry of the dict drawing, in px. */
export const DT = {
  pad: 8,
  cellW: 60,
  cellH: 18,
  titleH: 16,
  overviewH: 10,
  chainH: 15,
  chainGap: 3,
  /** Keys drawn per chain, as the snapshot carries them. */
  chainKeys: 4,
  sectionGap: 14,
} as const;

export interface DictBucketCell {
  table: 0 | 1;
  bucket: DictBucketSnapshot;
  x: number;
  /** Already moved to the new table by the rehash (table 0, index < rehashidx). */
  moved: boolean;
}

export interface DictSection {
  table: 0 | 1;
  y: number;
  /** Top of the bucket row. */
  rowY: number;
  /** The window's extent on the overview bar, in px. */
  windowX: number;
  windowW: number;
  /** The rehash index on the overview bar (table 0 while rehashing). */
  rehashX: number | null;
  cells: DictBucketCell[];
  height: number;
}

export interface DictLayout {
  overviewW: number;
  sections: DictSection[];
  height: number;
}

/** Buckets that fit across the view. */
export function dictCapacity(width: number): number {
  return Math.max(4, Math.floor((width - 2 * DT.pad) / DT.cellW));
}

/** Height of a section: title, overview, bucket row, the longest chain drawn and its "+n". */
function sectionHeight(buckets: DictBucketSnapshot[]): number {
  const longest = Math.min(DT.chainKeys, Math.max(0, ...buckets.map((b) => b.keys.length)));
  const more = buckets.some((b) => b.length > b.keys.length) ? 14 : 0;
  return DT.titleH + DT.overviewH + 18 + DT.cellH + 14 + longest * (DT.chainH + DT.chainGap) + more;
}

/**
 * Table 0 above table 1 (only while it exists): each with an overview of the whole table and
 * the window of buckets, chains hanging from them.
 */
export function layoutDict(d: DictStructureBase, width: number): DictLayout {
  const overviewW = width - 2 * DT.pad;
  const sections: DictSection[] = [];
  let y = DT.pad;
  for (const table of [0, 1] as const) {
    const t = d.tables[table];
    if (table === 1 && t.size === 0) break;
    const size = Math.max(1, t.size);
    const first = t.buckets[0]?.index ?? 0;
    const rowY = y + DT.titleH + DT.overviewH + 18;
    const rehashing = table === 0 && d.rehashIdx >= 0;
    sections.push({
      table,
      y,
      rowY,
      windowX: DT.pad + (first / size) * overviewW,
      windowW: Math.max(2, (t.buckets.length / size) * overviewW),
      rehashX: rehashing ? DT.pad + (d.rehashIdx / size) * overviewW : null,
      cells: t.buckets.map((b, i) => ({ table, bucket: b, x: DT.pad + i * DT.cellW, moved: rehashing && b.index < d.rehashIdx })),
      height: sectionHeight(t.buckets),
    });
    y += sectionHeight(t.buckets) + DT.sectionGap;
  }
  return { overviewW, sections, height: y };
}
