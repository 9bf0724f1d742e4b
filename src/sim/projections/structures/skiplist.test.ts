import { describe, expect, it } from 'vitest';
import type { SkiplistNodeSnapshot } from '../../../protocol/snapshots.js';
import { as, structureNode } from './testing.js';

/** A zset of `n` members m000.. with score i*10, past the listpack limit when n > 128. */
function board(n: number) {
  const s = structureNode();
  for (let i = 0; i < n; i++) s.call('ZADD', 'board', String(i * 10), `m${String(i).padStart(3, '0')}`);
  return s;
}

describe('skiplist projection', () => {
  it('gives the header and a window of consecutive nodes, never the whole set', () => {
    const { snap } = board(300);
    const s = as(snap({ key: 'board', from: 150, count: 8 }), 'skiplist');
    expect(s.encoding).toBe('skiplist');
    expect(s.length).toBe(300);
    expect(s.nodes.map((n) => n.rank)).toEqual([150, 151, 152, 153, 154, 155, 156, 157]);
    expect(s.nodes[0]).toMatchObject({ member: 'm149', score: '1490' });
    expect(s.header.rank).toBe(0);
    expect(s.header.level).toBe(32);
    expect(s.header.forward).toHaveLength(s.level);
    expect(s.level).toBeGreaterThan(1);
    expect(s.dict.used[0] + s.dict.used[1]).toBe(300);
  });

  it('draws pointers a student can check: each forward pointer lands span nodes ahead on the next node that tall', () => {
    const { snap } = board(200);
    const s = as(snap({ key: 'board', from: 1, count: 64 }), 'skiplist');
    const all: SkiplistNodeSnapshot[] = [s.header, ...s.nodes];
    for (const n of all) {
      for (let lvl = 0; lvl < n.forward.length; lvl++) {
        const to = n.forward[lvl] ?? null;
        if (to === null) continue;
        expect(to).toBe(n.rank + n.span[lvl]!);
        const between = s.nodes.filter((m) => m.rank > n.rank && m.rank < to);
        expect(between.every((m) => m.level <= lvl)).toBe(true);
        const target = s.nodes.find((m) => m.rank === to);
        if (target !== undefined) expect(target.level).toBeGreaterThan(lvl);
      }
    }
    expect(s.nodes[0]!.backward).toBeNull();
    expect(s.nodes[1]!.backward).toBe(1);
  });

  it('keeps the window inside the set at both ends', () => {
    const { snap } = board(200);
    expect(as(snap({ key: 'board', from: 0, count: 4 }), 'skiplist').nodes.map((n) => n.rank)).toEqual([1, 2, 3, 4]);
    expect(as(snap({ key: 'board', from: 10_000, count: 5 }), 'skiplist').nodes.map((n) => n.rank)).toEqual([196, 197, 198, 199, 200]);
  });

  it('centres the window on a focused member', () => {
    const { snap } = board(200);
    const s = as(snap({ key: 'board', from: 1, count: 7, focusMember: 'm120' }), 'skiplist');
    expect(s.nodes.map((n) => n.member)).toEqual(['m117', 'm118', 'm119', 'm120', 'm121', 'm122', 'm123']);
    const even = as(snap({ key: 'board', from: 1, count: 6, focusMember: 'm120' }), 'skiplist');
    expect(even.nodes.map((n) => n.member)).toEqual(['m118', 'm119', 'm120', 'm121', 'm122', 'm123']);
  });

  it('traces the search ZADD makes: forward while the next node sorts before, down otherwise', () => {
    const { snap } = board(200);
    const s = as(snap({ key: 'board', from: 1, count: 5, trace: { member: 'new', score: '1005', kind: 'insert' } }), 'skiplist');
    const t = s.trace!;
    expect(t).toMatchObject({ kind: 'insert', member: 'new', score: '1005', rank: 102 });
    expect(t.steps[0]!.fromRank).toBe(0);
    expect(t.steps[0]!.level).toBe(s.level - 1);
    for (const step of t.steps) {
      if (step.action === 'forward') expect(Number(step.to!.score)).toBeLessThan(1005);
      else if (step.to !== null) expect(Number(step.to.score)).toBeGreaterThan(1005);
    }
    const last = t.steps.at(-1)!;
    expect(last).toMatchObject({ level: 0, fromRank: 101, action: 'down' });
    expect(last.to).toEqual({ rank: 102, member: 'm101', score: '1010' });
    // Express lanes: far fewer comparisons than walking 101 nodes on level 0.
    expect(t.steps.length).toBeLessThan(60);
    expect(s.nodes.map((n) => n.rank)).toContain(102);
  });

  it('traces ZRANK for an existing member at its current score, and reports absence', () => {
    const { snap } = board(200);
    const found = as(snap({ key: 'board', from: 1, count: 5, trace: { member: 'm050', kind: 'rank' } }), 'skiplist').trace!;
    expect(found.rank).toBe(51);
    expect(found.score).toBe('500');
    // The search stops as soon as it stands on the member, on whatever level that happens.
    expect(found.steps.filter((st) => st.action === 'forward').at(-1)!.to).toMatchObject({ rank: 51, member: 'm050' });
    expect(found.steps.at(-1)!.fromRank).toBe(51);
    const absent = as(snap({ key: 'board', from: 1, count: 5, trace: { member: 'zzz', score: '-inf', kind: 'rank' } }), 'skiplist').trace!;
    expect(absent.rank).toBe(0);
    expect(as(snap({ key: 'board', from: 1, count: 5, trace: { member: 'zzz', kind: 'rank' } }), 'skiplist').trace).toBeNull();
    expect(as(snap({ key: 'board', from: 1, count: 5, trace: { member: 'x', score: 'abc', kind: 'insert' } }), 'skiplist').trace).toBeNull();
  });

  it('clips long members and keeps their real size', () => {
    const { call, snap } = board(0);
    call('ZADD', 'big', '1', 'x'.repeat(100));
    const s = as(snap({ key: 'big' }), 'skiplist');
    expect(s.nodes[0]!.member).toHaveLength(64);
    expect(s.nodes[0]!.memberBytes).toBe(100);
    expect(s.maxValue).toEqual({ name: 'zset-max-listpack-value', value: 64 });
  });

  it('formats scores as ZSCORE does', () => {
    const { call, snap } = board(0);
    call('CONFIG', 'SET', 'zset-max-listpack-entries', '0');
    call('ZADD', 'z2', '0.1', 'a', '-inf', 'b', '1e20', 'c');
    const s = as(snap({ key: 'z2' }), 'skiplist');
    expect(s.nodes.map((n) => n.score)).toEqual(['-inf', '0.10000000000000001', '1e+20']);
  });
});
