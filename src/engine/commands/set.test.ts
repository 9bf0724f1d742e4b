import { describe, expect, it } from 'vitest';
import type { Reply, SetReply } from '../../protocol/reply.js';
import type { EncodingChange } from '../server/server.js';
import { testNode, type TestNode } from '../testkit.js';

/**
 * What the differential tests cannot compare byte for byte: the random commands' algorithms
 * (counts, uniqueness, membership, what stays behind), what each write propagates, counts
 * as dirty and reports to the views.
 */

function setup(seed = 1): TestNode & { call: (...argv: string[]) => Reply | undefined; propagated: string[][]; conversions: EncodingChange[] } {
  const node = testNode({ seed });
  const cl = node.client();
  const propagated: string[][] = [];
  node.server.onPropagate((_db, argv) => propagated.push(argv));
  const conversions: EncodingChange[] = [];
  node.server.onEncodingChange((e) => conversions.push(e));
  return { ...node, call: cl.call, propagated, conversions };
}

const members = (r: Reply | undefined): string[] => (Array.isArray(r) ? r : (r as SetReply).v) as string[];
const range = (from: number, n: number): string[] => Array.from({ length: n }, (_, i) => String(from + i));

describe('SPOP', () => {
  it('without a count removes one member and propagates SREM of it', () => {
    const t = setup();
    t.call('SADD', 's', 'a', 'b', 'c');
    const dirty = t.server.dirty;
    const ele = t.call('SPOP', 's') as string;
    expect(['a', 'b', 'c']).toContain(ele);
    expect(t.call('SISMEMBER', 's', ele)).toBe(0);
    expect(t.call('SCARD', 's')).toBe(2);
    expect(t.server.dirty).toBe(dirty + 1);
    expect(t.propagated.at(-1)).toEqual(['SREM', 's', ele]);
  });

  it('with a small count picks distinct members one by one (CASE 2)', () => {
    const t = setup();
    t.call('SADD', 's', ...range(0, 100));
    const dirty = t.server.dirty;
    const popped = members(t.call('SPOP', 's', '10'));
    expect(popped).toHaveLength(10);
    expect(new Set(popped).size).toBe(10);
    for (const m of popped) expect(Number(m)).toBeLessThan(100);
    expect(t.call('SCARD', 's')).toBe(90);
    expect(t.call('SMISMEMBER', 's', ...popped)).toEqual(popped.map(() => 0));
    expect(t.server.dirty).toBe(dirty + 10);
    expect(t.propagated.at(-1)).toEqual(['SREM', 's', ...popped]);
  });

  it('with a count close to the size keeps random survivors in a new set (CASE 3)', () => {
    const t = setup();
    t.call('SADD', 's', 'x', ...range(0, 20));
    t.call('SREM', 's', 'x');
    expect(t.call('OBJECT', 'ENCODING', 's')).toBe('hashtable');
    const popped = members(t.call('SPOP', 's', '18'));
    expect(new Set(popped).size).toBe(18);
    const left = members(t.call('SMEMBERS', 's'));
    expect(left).toHaveLength(2);
    expect([...popped, ...left].sort((a, b) => Number(a) - Number(b))).toEqual(range(0, 20));
    // The survivors were re-added to a fresh set: integers make it an intset again.
    expect(t.call('OBJECT', 'ENCODING', 's')).toBe('intset');
    expect(t.conversions.at(-1)).toEqual({ db: 0, key: 's', from: 'hashtable', to: 'intset' });
    expect(t.propagated.at(-1)).toEqual(['SREM', 's', ...popped]);
  });

  it('with a count covering the set returns it all, deletes it and propagates DEL (CASE 1)', () => {
    const t = setup();
    t.call('SADD', 's', '3', '1', '2');
    const events: string[] = [];
    t.server.onKeyspaceEvent((e) => events.push(e.event));
    const dirty = t.server.dirty;
    expect(t.call('SPOP', 's', '5')).toEqual({ t: 'set', v: ['1', '2', '3'] });
    expect(events).toEqual(['spop', 'del']);
    expect(t.call('EXISTS', 's')).toBe(0);
    expect(t.server.dirty).toBe(dirty + 3);
    expect(t.propagated.at(-1)).toEqual(['DEL', 's']);
  });

  it('is replayed exactly by the same seed', () => {
    const run = (): Reply[] => {
      const t = setup(42);
      t.call('SADD', 's', ...range(0, 50));
      return [t.call('SPOP', 's', '7')!, t.call('SPOP', 's')!, t.call('SRANDMEMBER', 's', '-5')!];
    };
    expect(run()).toEqual(run());
  });
});

describe('SRANDMEMBER', () => {
  it('with a negative count repeats members, never modifying the set', () => {
    const t = setup();
    t.call('SADD', 's', 'a', 'b');
    const picks = members(t.call('SRANDMEMBER', 's', '-50'));
    expect(picks).toHaveLength(50);
    expect(new Set(picks)).toEqual(new Set(['a', 'b']));
    expect(t.call('SCARD', 's')).toBe(2);
    expect(t.propagated).toHaveLength(1);
  });

  it('with a positive count returns distinct members, whichever strategy is used', () => {
    const t = setup();
    t.call('SADD', 'i', ...range(0, 30));
    t.call('SADD', 'h', ...range(0, 30).map((n) => `m${n}`));
    for (const key of ['i', 'h']) {
      const all = new Set(members(t.call('SMEMBERS', key)));
      for (const count of [2, 9, 11, 29]) {
        const picks = members(t.call('SRANDMEMBER', key, String(count)));
        expect(picks).toHaveLength(count);
        expect(new Set(picks).size).toBe(count);
        for (const p of picks) expect(all.has(p)).toBe(true);
      }
      expect(members(t.call('SRANDMEMBER', key, '30'))).toEqual([...all]);
    }
  });

  it('refuses a repetition count it could not serve in reasonable time', () => {
    const t = setup();
    t.call('SADD', 's', 'a');
    expect(t.call('SRANDMEMBER', 's', '-1000001')).toEqual({ t: 'error', s: 'ERR value is out of range' });
  });
});

describe('set writes', () => {
  it('report conversions to the views', () => {
    const t = setup();
    t.call('CONFIG', 'SET', 'set-max-intset-entries', '3');
    t.call('SADD', 's', '1', '2', '3');
    expect(t.conversions).toEqual([]);
    t.call('SADD', 's', '4');
    expect(t.conversions).toEqual([{ db: 0, key: 's', from: 'intset', to: 'hashtable' }]);
    t.call('SADD', 'd', '1');
    t.call('SADD', 'src', 'x');
    t.call('SMOVE', 'src', 'd', 'x');
    expect(t.conversions.at(-1)).toEqual({ db: 0, key: 'd', from: 'intset', to: 'hashtable' });
  });

  it('SMOVE signals both keys and sends srem, del, sadd in order', () => {
    const t = setup();
    t.call('SADD', 'a', 'x');
    t.call('SADD', 'b', 'y');
    const events: string[] = [];
    t.server.onKeyspaceEvent((e) => events.push(`${e.event}:${e.key}`));
    const dirty = t.server.dirty;
    expect(t.call('SMOVE', 'a', 'b', 'x')).toBe(1);
    expect(events).toEqual(['srem:a', 'del:a', 'sadd:b']);
    expect(t.server.dirty).toBe(dirty + 2);
  });

  it('the STORE forms replace the destination and drop its TTL', () => {
    const t = setup();
    t.call('SADD', 'a', '1', '2');
    t.call('SET', 'dst', 'x', 'EX', '100');
    expect(t.call('SUNIONSTORE', 'dst', 'a')).toBe(2);
    expect(t.call('TTL', 'dst')).toBe(-1);
    expect(t.call('TYPE', 'dst')).toEqual({ t: 'status', s: 'set' });
    expect(t.propagated.at(-1)).toEqual(['SUNIONSTORE', 'dst', 'a']);
  });

  it('inside MULTI, SPOP is propagated as SREM within the transaction', () => {
    const t = setup();
    t.call('SADD', 's', 'only', 'two');
    t.propagated.length = 0;
    t.call('MULTI');
    t.call('SPOP', 's');
    t.call('SPOP', 's', '1');
    t.call('EXEC');
    expect(t.propagated).toHaveLength(4);
    expect(t.propagated[0]).toEqual(['MULTI']);
    expect(t.propagated[1]![0]).toBe('SREM');
    expect(t.propagated[2]![0]).toBe('DEL');
    expect(t.propagated[3]).toEqual(['EXEC']);
  });

  it('record no engine bug over a mixed workload', () => {
    const t = setup();
    t.call('SADD', 'a', ...range(0, 600));
    t.call('SADD', 'b', 'x', ...range(300, 100));
    t.call('SINTERSTORE', 'c', 'a', 'b');
    t.call('SDIFFSTORE', 'd', 'a', 'b', 'c');
    t.call('SPOP', 'd', '550');
    t.call('SRANDMEMBER', 'a', '-3');
    t.call('SSCAN', 'a', '0', 'COUNT', '5');
    expect(t.call('SCARD', 'c')).toBe(100);
    expect(t.server.engineBugs).toEqual([]);
  });
});
