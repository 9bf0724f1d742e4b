import { describe, expect, it } from 'vitest';
import { as, structureNode } from '../../../../sim/projections/structures/testing.js';
import { DT, dictCapacity, layoutDict } from './dictLayout.js';
import { IS, intsetCapacity, layoutIntset } from './intsetLayout.js';
import { entryBytes, layoutListpack, listpackCapacity, LP } from './listpackLayout.js';
import { layoutQuicklist, quicklistCapacity } from './quicklistLayout.js';
import { layoutSkiplist, skiplistCapacity, SL, traceSegments } from './skiplistLayout.js';

const WIDTH = 600;

function zset(n: number) {
  const s = structureNode();
  s.call('CONFIG', 'SET', 'zset-max-listpack-entries', '0');
  for (let i = 0; i < n; i++) s.call('ZADD', 'z', String(i), `m${i}`);
  return s;
}

describe('skiplist layout', () => {
  it('fits the window it asks for, header first, towers left to right', () => {
    const count = skiplistCapacity(WIDTH);
    const { snap } = zset(50);
    const l = layoutSkiplist(as(snap({ key: 'z', from: 20, count }), 'skiplist'), WIDTH, 300);
    expect(l.columns[0]!.node.rank).toBe(0);
    expect(l.columns).toHaveLength(count + 1);
    expect(l.columns.at(-1)!.x + SL.boxW + SL.right).toBeLessThanOrEqual(WIDTH);
    for (let i = 1; i < l.columns.length; i++) expect(l.columns[i]!.x).toBeGreaterThan(l.columns[i - 1]!.x);
    expect(l.hiddenBefore).toBe(19);
    expect(l.hiddenAfter).toBe(50 - 19 - count);
  });

  it('ends each pointer on its target, in the gap, or past the window', () => {
    const { snap } = zset(50);
    const s = as(snap({ key: 'z', from: 20, count: 5 }), 'skiplist');
    const l = layoutSkiplist(s, WIDTH, 300);
    const x = new Map(l.columns.map((c) => [c.node.rank, c.x]));
    for (const p of l.pointers) {
      if (p.end === 'node') expect(p.x2).toBe(x.get(p.to!));
      if (p.end === 'beyond') expect(p.to!).toBeGreaterThan(24);
      if (p.end === 'hidden') expect(p.to!).toBeLessThan(20);
      if (p.fromGap) expect(p.x1).toBe(l.gapX + SL.gapW / 2);
    }
    // Every level of every tower in the window has one pointer arriving.
    for (const c of l.columns.slice(1)) {
      for (let level = 0; level < c.levels; level++) {
        expect(l.pointers.filter((p) => p.to === c.node.rank && p.level === level && p.end === 'node')).toHaveLength(1);
      }
    }
  });

  it('draws a search as segments, counting the moves made among hidden nodes', () => {
    const { snap } = zset(200);
    const s = as(snap({ key: 'z', count: 5, trace: { member: 'x', score: '150.5', kind: 'insert' } }), 'skiplist');
    const l = layoutSkiplist(s, WIDTH, 300);
    const { segments, hops } = traceSegments(s.trace!, l);
    const forward = s.trace!.steps.filter((st) => st.action === 'forward').length;
    const drawnForward = segments.filter((g) => g.kind === 'forward').length;
    const hidden = hops.reduce((n, h) => n + h.count, 0);
    expect(hidden).toBeGreaterThan(0);
    expect(drawnForward).toBeLessThanOrEqual(forward);
    expect(segments.filter((g) => g.kind === 'down')).toHaveLength(s.level - 1);
    expect(segments.every((g, i) => i === 0 || g.step >= segments[i - 1]!.step)).toBe(true);
  });

  it('uses the height it is given for the levels, within limits', () => {
    const { snap } = zset(50);
    const s = as(snap({ key: 'z', count: 5 }), 'skiplist');
    const short = layoutSkiplist(s, WIDTH, 10);
    const tall = layoutSkiplist(s, WIDTH, 2000);
    expect(short.y(0) - short.y(1)).toBe(SL.minLevelGap);
    expect(tall.y(0) - tall.y(1)).toBe(SL.maxLevelGap);
  });
});

describe('listpack layout', () => {
  it('wraps cards inside the width and draws the ruler to scale', () => {
    const { call, snap } = structureNode();
    for (let i = 0; i < 30; i++) call('HSET', 'h', `field-${i}`, `value-${i}`);
    const count = listpackCapacity(WIDTH, 260, 2);
    expect(count % 2).toBe(0);
    const lp = as(snap({ key: 'h', count }), 'listpack').listpack;
    const l = layoutListpack(lp, WIDTH);
    expect(l.cards.every((c) => c.x + c.w <= WIDTH - LP.pad)).toBe(true);
    expect(l.height).toBeLessThanOrEqual(260);
    expect(l.cards[0]!.kind).toBe('header');
    expect(l.cards.at(-1)!.kind).toBe('eof');
    expect(l.cards.filter((c) => c.kind === 'more')).toHaveLength(1);
    const entry = l.ruler.find((r) => r.kind === 'entry')!;
    expect(entry.w).toBeCloseTo((entryBytes(lp.entries[0]!) / lp.totalBytes) * l.rulerW);
    const last = l.ruler.at(-1)!;
    expect(last.x + last.w).toBeCloseTo(LP.pad + l.rulerW);
  });
});

describe('intset layout', () => {
  it('makes every value as wide as the encoding', () => {
    const { call, snap } = structureNode();
    call('SADD', 's', '1', '2', '3');
    const narrow = layoutIntset(as(snap({ key: 's' }), 'intset'), WIDTH);
    call('SADD', 's', '5000000000');
    const wide = layoutIntset(as(snap({ key: 's' }), 'intset'), WIDTH);
    const w = (l: typeof narrow) => l.cells.find((c) => c.kind === 'value')!.w;
    expect(w(narrow)).toBe(2 * IS.pxPerByte);
    expect(w(wide)).toBe(8 * IS.pxPerByte);
    expect(intsetCapacity(WIDTH, 200, 16)).toBeGreaterThan(intsetCapacity(WIDTH, 200, 64));
  });
});

describe('dict layout', () => {
  it('marks the buckets a rehash already emptied and draws the second table only while it exists', () => {
    const { call, snap } = structureNode();
    call('CONFIG', 'SET', 'hash-max-listpack-entries', '0');
    call('HSET', 'h', 'a', '1', 'b', '2', 'c', '3', 'd', '4');
    expect(layoutDict(as(snap({ key: 'h' }), 'hashtable'), WIDTH).sections).toHaveLength(1);
    call('HSET', 'h', 'e', '5');
    for (let i = 0; i < 2; i++) call('HGET', 'h', 'zz');
    const d = as(snap({ key: 'h', count: dictCapacity(WIDTH) }), 'hashtable');
    const l = layoutDict(d, WIDTH);
    expect(l.sections.map((s) => s.table)).toEqual([0, 1]);
    for (const c of l.sections[0]!.cells) expect(c.moved).toBe(c.bucket.index < d.rehashIdx);
    expect(l.sections[0]!.rehashX).toBeCloseTo(DT.pad + (d.rehashIdx / 4) * l.overviewW);
    expect(l.sections[1]!.rehashX).toBeNull();
  });
});

describe('quicklist layout', () => {
  it('marks the nodes left out on either side', () => {
    const { call, snap } = structureNode();
    call('CONFIG', 'SET', 'list-max-listpack-size', '1');
    call('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e', 'f', 'g');
    const count = quicklistCapacity(WIDTH);
    const l = layoutQuicklist(as(snap({ key: 'l', from: 1, count: 3 }), 'quicklist'));
    expect(count).toBeGreaterThanOrEqual(3);
    expect(l.before).toMatchObject({ count: 1 });
    expect(l.after).toMatchObject({ count: 3 });
    expect(l.boxes.map((b) => b.node.index)).toEqual([1, 2, 3]);
  });
});
