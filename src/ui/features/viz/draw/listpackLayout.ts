import type { ListpackEntrySnapshot, ListpackSnapshot } from '../../../../protocol/snapshots.js';

/** Geometry of the listpack drawing, in px. */
export const LP = {
  pad: 8,
  rulerH: 14,
  rulerGap: 30,
  cardW: 96,
  cardH: 62,
  gap: 6,
  headerW: 84,
  eofW: 48,
  moreW: 64,
} as const;

export type CardKind = 'header' | 'entry' | 'more' | 'eof';

export interface ListpackCard {
  id: string;
  kind: CardKind;
  x: number;
  y: number;
  w: number;
  entry: ListpackEntrySnapshot | null;
  /** For 'more' cards: entries and bytes left out. */
  hidden: { entries: number; bytes: number } | null;
  /** Byte segments of the card's bar: encoding header, data, backlen (or lpbytes, numele). */
  parts: Array<{ name: string; bytes: number; x: number; w: number }>;
}

export interface RulerPart {
  kind: 'header' | 'hidden' | 'entry' | 'eof';
  x: number;
  w: number;
  index: number;
}

export interface ListpackLayoutResult {
  height: number;
  cards: ListpackCard[];
  ruler: RulerPart[];
  rulerW: number;
}

/** Entries that fit: rows of cards under the byte ruler, less the header, EOF and gap cards. */
export function listpackCapacity(width: number, height: number, stride: 1 | 2): number {
  const perRow = Math.max(2, Math.floor((width - 2 * LP.pad + LP.gap) / (LP.cardW + LP.gap)));
  const rows = Math.max(1, Math.floor((height - LP.pad - LP.rulerH - LP.rulerGap) / (LP.cardH + LP.gap)));
  const n = Math.max(stride * 2, perRow * rows - 3);
  return n - (n % stride);
}

export function entryBytes(e: ListpackEntrySnapshot): number {
  return e.headerBytes + e.dataBytes + e.backlenBytes;
}

/** Split a bar of width w among byte counts, each part at least `min` px when it has bytes. */
function bar(parts: Array<[string, number]>, w: number, min = 12): ListpackCard['parts'] {
  const shown = parts.filter(([, b]) => b > 0);
  const total = shown.reduce((n, [, b]) => n + b, 0);
  const free = w - min * shown.length;
  let x = 0;
  return shown.map(([name, bytes]) => {
    const pw = min + (free * bytes) / total;
    const part = { name, bytes, x, w: pw };
    x += pw;
    return part;
  });
}

/**
 * Cards in reading order, wrapped into rows: the 6-byte header, the entries of the window (with
 * a "more" card for what is left out on either side), the EOF byte. Above them a ruler of the
 * whole buffer, proportional to bytes, locating the window in it.
 */
export function layoutListpack(lp: ListpackSnapshot, width: number): ListpackLayoutResult {
  const cards: ListpackCard[] = [];
  let x = LP.pad;
  let y = LP.pad + LP.rulerH + LP.rulerGap;
  const place = (card: Omit<ListpackCard, 'x' | 'y'>) => {
    if (x + card.w > width - LP.pad && x > LP.pad) {
      x = LP.pad;
      y += LP.cardH + LP.gap;
    }
    cards.push({ ...card, x, y });
    x += card.w + LP.gap;
  };
  const inner = (w: number) => w - 12;
  place({ id: 'header', kind: 'header', w: LP.headerW, entry: null, hidden: null, parts: bar([['total', 4], ['count', 2]], inner(LP.headerW)) });
  const first = lp.entries[0];
  const last = lp.entries.at(-1);
  if (first !== undefined && first.index > 0) {
    place({ id: 'more-before', kind: 'more', w: LP.moreW, entry: null, hidden: { entries: first.index, bytes: first.offset - lp.headerBytes }, parts: [] });
  }
  for (const e of lp.entries) {
    place({
      id: `e${e.index}`,
      kind: 'entry',
      w: LP.cardW,
      entry: e,
      hidden: null,
      parts: bar([['enc', e.headerBytes], ['data', e.dataBytes], ['back', e.backlenBytes]], inner(LP.cardW)),
    });
  }
  if (last !== undefined && last.index < lp.numEntries - 1) {
    const end = last.offset + entryBytes(last);
    place({ id: 'more-after', kind: 'more', w: LP.moreW, entry: null, hidden: { entries: lp.numEntries - 1 - last.index, bytes: lp.totalBytes - lp.eofBytes - end }, parts: [] });
  }
  place({ id: 'eof', kind: 'eof', w: LP.eofW, entry: null, hidden: null, parts: bar([['eof', 1]], inner(LP.eofW)) });

  const rulerW = width - 2 * LP.pad;
  const scale = rulerW / Math.max(1, lp.totalBytes);
  const ruler: RulerPart[] = [{ kind: 'header', x: LP.pad, w: lp.headerBytes * scale, index: -1 }];
  if (first !== undefined && first.index > 0) ruler.push({ kind: 'hidden', x: LP.pad + lp.headerBytes * scale, w: (first.offset - lp.headerBytes) * scale, index: -2 });
  for (const e of lp.entries) ruler.push({ kind: 'entry', x: LP.pad + e.offset * scale, w: entryBytes(e) * scale, index: e.index });
  if (last !== undefined) {
    const end = last.offset + entryBytes(last);
    const after = lp.totalBytes - lp.eofBytes - end;
    if (after > 0) ruler.push({ kind: 'hidden', x: LP.pad + end * scale, w: after * scale, index: -3 });
  }
  ruler.push({ kind: 'eof', x: LP.pad + (lp.totalBytes - lp.eofBytes) * scale, w: lp.eofBytes * scale, index: -4 });
  return { height: y + LP.cardH + LP.pad, cards, ruler, rulerW };
}
