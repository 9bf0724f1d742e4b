import { map, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { isString, stringBytes } from '../types/object.js';
import { string2ll, type Int64 } from '../util/numbers.js';
import { optionName } from '../util/options.js';

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN] (t_string.c lcsCommand): the
 * classic dynamic-programming table, walked back from the end as Redis walks it so the match
 * ranges come out in the same order. Missing keys count as empty strings.
 */
export function lcs(c: Client, argv: string[]): Reply {
  const db = c.db;
  const va = db.lookupRead(argv[1]!);
  const vb = db.lookupRead(argv[2]!);
  if ((va !== undefined && !isString(va)) || (vb !== undefined && !isString(vb))) return E.LCS_NOT_STRINGS;
  let getLen = false;
  let getIdx = false;
  let withMatchLen = false;
  let minMatchLen: Int64 = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = optionName(argv[j]!);
    if (opt === 'IDX') getIdx = true;
    else if (opt === 'LEN') getLen = true;
    else if (opt === 'WITHMATCHLEN') withMatchLen = true;
    else if (opt === 'MINMATCHLEN' && j < argv.length - 1) {
      const n = string2ll(argv[++j]!);
      if (n === null) return E.NOT_INTEGER;
      minMatchLen = n < 0 ? 0 : n;
    } else return E.SYNTAX;
  }
  if (getLen && getIdx) return E.LCS_LEN_AND_IDX;
  const a = va === undefined ? '' : stringBytes(va);
  const b = vb === undefined ? '' : stringBytes(vb);
  // Redis sizes its table as uint32 cells and refuses it past proto-max-bulk-len.
  const cells = (a.length + 1) * (b.length + 1);
  if (cells * 4 > c.server.config.getInt('proto-max-bulk-len')) return E.LCS_EXCEEDS_MAX;
  const table = lcsTable(a, b, cells);
  if (table === null) return E.LCS_ALLOC_FAILED;
  const total = table[cells - 1]!;
  if (getLen) return total;
  return getIdx ? lcsMatches(a, b, table, total, minMatchLen, withMatchLen) : lcsString(a, b, table, total);
}

type LcsTable = Uint8Array | Uint16Array | Uint32Array;

/**
 * LCS(i, j) for every prefix pair, row-major with (b.length + 1) columns. Cells never exceed
 * the shorter length, so the narrowest array that holds it is used.
 */
function lcsTable(a: string, b: string, cells: number): LcsTable | null {
  const shorter = Math.min(a.length, b.length);
  let t: LcsTable;
  try {
    t = shorter < 0x100 ? new Uint8Array(cells) : shorter < 0x10000 ? new Uint16Array(cells) : new Uint32Array(cells);
  } catch {
    return null;
  }
  const w = b.length + 1;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const row = i * w;
    for (let j = 1; j <= b.length; j++) {
      if (ca === b.charCodeAt(j - 1)) t[row + j] = t[row - w + j - 1]! + 1;
      else {
        const up = t[row - w + j]!;
        const left = t[row + j - 1]!;
        t[row + j] = up > left ? up : left;
      }
    }
  }
  return t;
}

/** Walk back from (alen, blen) the way Redis does, collecting the common bytes. */
function lcsString(a: string, b: string, t: LcsTable, total: number): string {
  const w = b.length + 1;
  const out: string[] = new Array(total);
  let k = total;
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
      out[--k] = a[i - 1]!;
      i--;
      j--;
    } else if (t[(i - 1) * w + j]! > t[i * w + j - 1]!) i--;
    else j--;
  }
  return out.join('');
}

/**
 * IDX: the matching ranges, last first, as lcsCommand emits them. A range grows backwards
 * while the walk keeps matching and is emitted when it stops (or reaches either string's
 * first byte); ranges shorter than MINMATCHLEN are skipped.
 */
function lcsMatches(a: string, b: string, t: LcsTable, total: number, minMatchLen: Int64, withMatchLen: boolean): Reply {
  const w = b.length + 1;
  const matches: Reply[] = [];
  let inRange = false;
  let aStart = 0;
  let aEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
      if (!inRange) {
        inRange = true;
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else {
        // After a match both indexes step back together, so a range only ever extends.
        aStart--;
        bStart--;
      }
      if (aStart === 0 || bStart === 0) emit = true;
      i--;
      j--;
    } else {
      if (t[(i - 1) * w + j]! > t[i * w + j - 1]!) i--;
      else j--;
      if (inRange) emit = true;
    }
    if (emit) {
      const len = aEnd - aStart + 1;
      if (minMatchLen === 0 || len >= minMatchLen) {
        const m: Reply[] = [[aStart, aEnd], [bStart, bEnd]];
        if (withMatchLen) m.push(len);
        matches.push(m);
      }
      inRange = false;
    }
  }
  return map(['matches', matches, 'len', total]);
}
