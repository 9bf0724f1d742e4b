import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../time/prng.js';
import { Skiplist, ZSKIPLIST_MAXLEVEL } from './skiplist.js';
import { LEX_MAX, LEX_MIN, type LexRange, type ScoreRange } from './zrangespec.js';

type Entry = [score: number, ele: string];

function compare(a: Entry, b: Entry): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** Every structural invariant of a zskiplist, checked against the sorted model. */
function checkInvariants(zsl: Skiplist, model: Entry[]): void {
  expect(zsl.length).toBe(model.length);
  const all = zsl.window(1, model.length);
  const nodes = all.nodes;
  expect(nodes.map((n) => [n.score, n.ele])).toEqual(model);
  // Backward links: each node points at its level-0 predecessor, the first at nothing.
  nodes.forEach((n, i) => expect(n.backward).toBe(i === 0 ? null : n.rank - 1));
  expect(zsl.last() === 0 ? 0 : zsl.getRank(zsl.scoreOf(zsl.last()), zsl.eleOf(zsl.last()))).toBe(model.length);
  // Forward pointers at level i lead to the next node that has level i, spans count the ranks
  // crossed, and a pointer to nothing spans the rest of the list.
  const header = { ...all.header, rank: 0 };
  for (const n of [header, ...nodes]) {
    const levels = n === header ? zsl.level : n.level;
    for (let i = 0; i < levels; i++) {
      const next = nodes.find((m) => m.rank > n.rank && m.level > i);
      expect(n.forward[i]).toBe(next === undefined ? null : next.rank);
      expect(n.span[i]).toBe(next === undefined ? model.length - n.rank : next.rank - n.rank);
    }
  }
  // zsl->level is the highest level in use (at least 1).
  expect(zsl.level).toBe(Math.max(1, ...nodes.map((n) => n.level)));
  nodes.forEach((n) => {
    expect(zsl.getRank(n.score, n.ele)).toBe(n.rank);
    const byRank = zsl.getElementByRank(n.rank);
    expect([zsl.scoreOf(byRank), zsl.eleOf(byRank)]).toEqual([n.score, n.ele]);
  });
  expect(zsl.getElementByRank(model.length + 1)).toBe(0);
}

const ele = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'aa', '', '\xff', 'B');
const score = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -Infinity, Infinity));
const scoreRange: fc.Arbitrary<ScoreRange> = fc.record({ min: score, max: score, minex: fc.boolean(), maxex: fc.boolean() });
const lexBound = fc.oneof(ele, fc.constantFrom(LEX_MIN, LEX_MAX));
const lexRange: fc.Arbitrary<LexRange> = fc.record({ min: lexBound, max: lexBound, minex: fc.boolean(), maxex: fc.boolean() });

type Op =
  | { op: 'insert'; score: number; ele: string }
  | { op: 'delete'; ele: string }
  | { op: 'update'; ele: string; score: number }
  | { op: 'delScore'; range: ScoreRange }
  | { op: 'delLex'; range: LexRange }
  | { op: 'delRank'; start: number; end: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), score, ele }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), ele }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('update' as const), ele, score }) },
  fc.record({ op: fc.constant('delScore' as const), range: scoreRange }),
  fc.record({ op: fc.constant('delLex' as const), range: lexRange }),
  fc.record({ op: fc.constant('delRank' as const), start: fc.integer({ min: 1, max: 12 }), end: fc.integer({ min: 1, max: 12 }) }),
);

const gteMin = (v: number, r: ScoreRange): boolean => (r.minex ? v > r.min : v >= r.min);
const lteMax = (v: number, r: ScoreRange): boolean => (r.maxex ? v < r.max : v <= r.max);
const lexKey = (b: string | symbol): [number, string] => (b === LEX_MIN ? [-1, ''] : b === LEX_MAX ? [1, ''] : [0, b as string]);
function lexCmp(a: string | symbol, b: string | symbol): number {
  const [ka, sa] = lexKey(a);
  const [kb, sb] = lexKey(b);
  if (a === b) return 0;
  if (ka !== kb) return ka - kb;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
const inLex = (v: string, r: LexRange): boolean =>
  (r.minex ? lexCmp(v, r.min) > 0 : lexCmp(v, r.min) >= 0) && (r.maxex ? lexCmp(v, r.max) < 0 : lexCmp(v, r.max) <= 0);

describe('Skiplist (zskiplist)', () => {
  it('keeps order, spans, ranks and backward links through random operations', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer(), (ops, seed) => {
        const zsl = new Skiplist(new Prng(seed));
        let model: Entry[] = [];
        const find = (e: string): Entry | undefined => model.find((m) => m[1] === e);
        for (const o of ops) {
          switch (o.op) {
            case 'insert':
              if (find(o.ele) !== undefined) break;
              zsl.insert(o.score, o.ele);
              model.push([o.score, o.ele]);
              break;
            case 'delete': {
              const m = find(o.ele);
              expect(zsl.delete(m?.[0] ?? 0, o.ele)).toBe(m !== undefined);
              model = model.filter((x) => x[1] !== o.ele);
              break;
            }
            case 'update': {
              const m = find(o.ele);
              if (m === undefined) break;
              const n = zsl.updateScore(m[0], o.ele, o.score);
              expect([zsl.scoreOf(n), zsl.eleOf(n)]).toEqual([o.score, o.ele]);
              m[0] = o.score;
              break;
            }
            case 'delScore': {
              const gone: string[] = [];
              const expected = model.filter((m) => gteMin(m[0], o.range) && lteMax(m[0], o.range)).map((m) => m[1]);
              const removed = zsl.deleteRangeByScore(o.range, (e) => gone.push(e));
              expect(removed).toBe(gone.length);
              expect(new Set(gone)).toEqual(new Set(expected));
              model = model.filter((m) => !gone.includes(m[1]));
              break;
            }
            case 'delLex': {
              // Lex ranges are only meaningful when every score is equal.
              if (new Set(model.map((m) => m[0])).size > 1) break;
              const gone: string[] = [];
              const expected = model.filter((m) => inLex(m[1], o.range)).map((m) => m[1]);
              zsl.deleteRangeByLex(o.range, (e) => gone.push(e));
              expect(new Set(gone)).toEqual(new Set(expected));
              model = model.filter((m) => !gone.includes(m[1]));
              break;
            }
            case 'delRank': {
              const gone: string[] = [];
              zsl.deleteRangeByRank(o.start, o.end, (e) => gone.push(e));
              model.sort(compare);
              expect(gone).toEqual(model.slice(o.start - 1, o.end).map((m) => m[1]));
              model = model.filter((m) => !gone.includes(m[1]));
              break;
            }
          }
          model.sort(compare);
        }
        checkInvariants(zsl, model);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the first and last element of score and lex ranges', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(score, ele), { selector: (e) => e[1], maxLength: 10 }), scoreRange, fc.integer(), (entries, r, seed) => {
        const zsl = new Skiplist(new Prng(seed));
        for (const [s, e] of entries) zsl.insert(s, e);
        const model = [...entries].sort(compare).filter(([s]) => gteMin(s, r) && lteMax(s, r));
        const first = zsl.firstInRange(r);
        const last = zsl.lastInRange(r);
        expect(first === 0 ? null : zsl.eleOf(first)).toBe(model[0]?.[1] ?? null);
        expect(last === 0 ? null : zsl.eleOf(last)).toBe(model[model.length - 1]?.[1] ?? null);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uniqueArray(ele, { maxLength: 10 }), lexRange, fc.integer(), (eles, r, seed) => {
        const zsl = new Skiplist(new Prng(seed));
        for (const e of eles) zsl.insert(0, e);
        const model = [...eles].sort().filter((e) => inLex(e, r));
        const first = zsl.firstInLexRange(r);
        const last = zsl.lastInLexRange(r);
        expect(first === 0 ? null : zsl.eleOf(first)).toBe(model[0] ?? null);
        expect(last === 0 ? null : zsl.eleOf(last)).toBe(model[model.length - 1] ?? null);
      }),
      { numRuns: 300 },
    );
  });

  it('draws levels with p = 1/4, capped at 32', () => {
    const zsl = new Skiplist(new Prng(7));
    const counts = new Array<number>(ZSKIPLIST_MAXLEVEL + 1).fill(0);
    for (let i = 0; i < 100_000; i++) counts[zsl.randomLevel()]!++;
    expect(counts[1]! / 100_000).toBeCloseTo(0.75, 1);
    expect(counts[2]! / 100_000).toBeCloseTo(0.1875, 1);
    expect(counts.slice(ZSKIPLIST_MAXLEVEL + 1).every((c) => c === 0)).toBe(true);
    let draws = 0;
    const lucky = new Skiplist({ nextU32: () => (draws++ < 40 ? 0 : 0xffff) });
    expect(lucky.randomLevel()).toBe(ZSKIPLIST_MAXLEVEL);
  });

  it('reuses freed nodes and level slots', () => {
    const zsl = new Skiplist(new Prng(3));
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 500; i++) zsl.insert(i, `m${i}`);
      for (let i = 0; i < 500; i++) expect(zsl.delete(i, `m${i}`)).toBe(true);
    }
    expect(zsl.length).toBe(0);
    expect(zsl.first()).toBe(0);
    expect(zsl.last()).toBe(0);
    expect(zsl.level).toBe(1);
    for (let i = 0; i < 100; i++) zsl.insert(100 - i, `n${i}`);
    checkInvariants(zsl, Array.from({ length: 100 }, (_, i): Entry => [1 + i, `n${99 - i}`]));
  });
});

describe('Skiplist views', () => {
  function build(n: number): Skiplist {
    const zsl = new Skiplist(new Prng(42));
    for (let i = 1; i <= n; i++) zsl.insert(i * 10, `m${i}`);
    return zsl;
  }

  it('a window shows the nodes around a rank with their links as ranks', () => {
    const zsl = build(1000);
    const w = zsl.window(500, 3);
    expect(w.length).toBe(1000);
    expect(w.nodes.map((n) => n.rank)).toEqual([497, 498, 499, 500, 501, 502, 503]);
    expect(w.nodes.map((n) => n.ele)).toEqual(['m497', 'm498', 'm499', 'm500', 'm501', 'm502', 'm503']);
    for (const n of w.nodes) {
      expect(n.forward.length).toBe(n.level);
      expect(n.forward[0]).toBe(n.rank + 1);
      n.forward.forEach((f, i) => expect(f ?? w.length).toBe(n.rank + n.span[i]!));
    }
    expect(w.header.forward.length).toBe(zsl.level);
    expect(zsl.window(1, 2).nodes.map((n) => n.rank)).toEqual([1, 2, 3]);
    expect(zsl.window(5000, 1).nodes.map((n) => n.rank)).toEqual([999, 1000]);
    expect(new Skiplist(new Prng(1)).window(1, 5).nodes).toEqual([]);
  });

  it('traces the search a ZADD and a ZRANK make, level by level', () => {
    const zsl = build(1000);
    const insert = zsl.trace(5005, 'new', 'insert');
    expect(insert.rank).toBe(501);
    const rank = zsl.trace(5000, 'm500', 'rank');
    expect(rank.rank).toBe(500);
    const missing = zsl.trace(5000, 'zzz', 'rank');
    expect(missing.rank).toBe(0);
    for (const t of [insert, rank]) {
      // The search starts at the header on the top level and only ever moves right or down.
      expect(t.steps[0]!.fromRank).toBe(0);
      expect(t.steps[0]!.level).toBe(zsl.level - 1);
      for (let i = 1; i < t.steps.length; i++) {
        const prev = t.steps[i - 1]!;
        const step = t.steps[i]!;
        if (prev.action === 'forward') {
          expect(step.fromRank).toBe(prev.to!.rank);
          expect(step.level).toBe(prev.level);
        } else {
          expect(step.fromRank).toBe(prev.fromRank);
          expect(step.level).toBe(prev.level - 1);
        }
      }
      // O(log N): far fewer steps than nodes.
      expect(t.steps.length).toBeLessThan(80);
    }
    expect(insert.steps[insert.steps.length - 1]).toMatchObject({ level: 0, fromRank: 500, action: 'down', to: { rank: 501, ele: 'm501' } });
  });
});
