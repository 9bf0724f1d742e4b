import type { IntsetStructure } from '../../../../protocol/snapshots.js';

/** Geometry of the intset drawing: an element's width is proportional to its bytes. */
export const IS = {
  pad: 8,
  top: 40,
  pxPerByte: 20,
  cellH: 44,
  gap: 4,
  headerW: 112,
} as const;

export interface IntsetCell {
  /** Join key: the value (an intset holds each once). */
  id: string;
  kind: 'encoding' | 'length' | 'value';
  index: number;
  x: number;
  y: number;
  w: number;
  bytes: number;
  text: string;
}

/** Values that fit in the view at the set's current width. */
export function intsetCapacity(width: number, height: number, bits: 16 | 32 | 64): number {
  const w = (bits / 8) * IS.pxPerByte + IS.gap;
  const perRow = Math.max(1, Math.floor((width - 2 * IS.pad + IS.gap) / w));
  const rows = Math.max(1, Math.floor((height - IS.top - IS.pad) / (IS.cellH + IS.gap)));
  return Math.max(1, perRow * rows - 4);
}

/** The 8-byte header (encoding, length: 4 bytes each), then the values, wrapped into rows. */
export function layoutIntset(s: IntsetStructure, width: number): { cells: IntsetCell[]; height: number } {
  const bytes = s.encodingBits / 8;
  const cells: IntsetCell[] = [];
  let x = IS.pad;
  let y = IS.top;
  const place = (c: Omit<IntsetCell, 'x' | 'y'>) => {
    if (x + c.w > width - IS.pad && x > IS.pad) {
      x = IS.pad;
      y += IS.cellH + IS.gap;
    }
    cells.push({ ...c, x, y });
    x += c.w + IS.gap;
  };
  place({ id: '\u0000encoding', kind: 'encoding', index: -2, w: IS.headerW, bytes: 4, text: `int${s.encodingBits}` });
  place({ id: '\u0000length', kind: 'length', index: -1, w: IS.headerW * 0.75, bytes: 4, text: String(s.length) });
  s.values.forEach((v, i) => place({ id: v, kind: 'value', index: s.start + i, w: bytes * IS.pxPerByte, bytes, text: v }));
  return { cells, height: y + IS.cellH + IS.pad };
}
