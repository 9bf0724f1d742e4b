import { describe, expect, it } from 'vitest';
import type { EncodingChange } from '../server/server.js';
import { testNode } from '../testkit.js';
import { Prng } from '../time/prng.js';
import { ROBJ_SIZE, mallocSize } from './zmalloc.js';
import { ZADD_IN_GT, ZADD_IN_INCR, ZADD_IN_NX, ZADD_OUT_ADDED, ZADD_OUT_NOP, ZADD_OUT_UPDATED, Zset, type ZaddResult, type ZsetLimits } from './zset.js';

const env = { prng: new Prng(9), hashSeed: 1234 };
const LIMITS: ZsetLimits = { maxListpackEntries: 128, maxListpackValue: 64 };

function zsetOf(encoding: 'listpack' | 'skiplist', entries: Array<[number, string]>): Zset {
  const z = new Zset(env, encoding);
  const out: ZaddResult = { flags: 0, score: 0 };
  for (const [s, m] of entries) z.add(s, m, 0, LIMITS, out);
  return z;
}

function contents(z: Zset): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  z.rangeByRank(0, z.length - 1, false, { emit: (e, s) => out.push([e, s]) });
  return out;
}

describe('Zset encodings and conversions', () => {
  it('converts to a skiplist when the 129th member arrives, not before', () => {
    const z = zsetOf('listpack', Array.from({ length: 128 }, (_, i): [number, string] => [i, `m${i}`]));
    expect(z.encoding()).toBe('listpack');
    const out: ZaddResult = { flags: 0, score: 0 };
    z.add(5, 'm0', 0, LIMITS, out);
    expect(out.flags & ZADD_OUT_UPDATED).toBeTruthy();
    expect(z.encoding()).toBe('listpack');
    z.add(1000, 'm128', 0, LIMITS, out);
    expect(z.encoding()).toBe('skiplist');
    expect(z.length).toBe(129);
    expect(contents(z)[0]).toEqual(['m1', 1]);
    expect(z.rank('m0', false)).toBe(4);
    expect(z.rank('m0', true)).toBe(124);
  });

  it('converts for a member longer than zset-max-listpack-value, even as the first one', () => {
    const z = zsetOf('listpack', [[1, 'a']]);
    const out: ZaddResult = { flags: 0, score: 0 };
    z.add(2, 'x'.repeat(64), 0, LIMITS, out);
    expect(z.encoding()).toBe('listpack');
    z.add(3, 'y'.repeat(65), 0, LIMITS, out);
    expect(z.encoding()).toBe('skiplist');
    z.del('y'.repeat(65));
    expect(z.encoding()).toBe('skiplist');
  });

  it('goes back to a listpack only through convertToListpackIfNeeded', () => {
    const z = zsetOf('skiplist', [[1, 'a'], [2, 'b']]);
    expect(z.convertToListpackIfNeeded(1, 2, { maxListpackEntries: 1, maxListpackValue: 64 })).toBe(false);
    expect(z.convertToListpackIfNeeded(65, 65, LIMITS)).toBe(false);
    expect(z.encoding()).toBe('skiplist');
    expect(z.convertToListpackIfNeeded(1, 2, LIMITS)).toBe(true);
    expect(z.encoding()).toBe('listpack');
    expect(contents(z)).toEqual([['a', 1], ['b', 2]]);
    expect(z.convertToListpackIfNeeded(1, 2, LIMITS)).toBe(false);
  });

  it('applies NX, GT and INCR the same way in both encodings', () => {
    for (const encoding of ['listpack', 'skiplist'] as const) {
      const z = zsetOf(encoding, [[1, 'a']]);
      const out: ZaddResult = { flags: 0, score: 0 };
      expect(z.add(9, 'a', ZADD_IN_NX, LIMITS, out)).toBe(true);
      expect(out.flags).toBe(ZADD_OUT_NOP);
      z.add(0, 'a', ZADD_IN_GT, LIMITS, out);
      expect(out.flags).toBe(ZADD_OUT_NOP);
      z.add(2, 'a', ZADD_IN_INCR, LIMITS, out);
      expect([out.flags, out.score]).toEqual([ZADD_OUT_UPDATED, 3]);
      z.add(Infinity, 'b', 0, LIMITS, out);
      expect(out.flags).toBe(ZADD_OUT_ADDED);
      expect(z.add(-Infinity, 'b', ZADD_IN_INCR, LIMITS, out)).toBe(false);
      expect(z.add(NaN, 'c', 0, LIMITS, out)).toBe(false);
      expect(contents(z)).toEqual([['a', 3], ['b', Infinity]]);
    }
  });

  it('orders equal scores by member bytes', () => {
    for (const encoding of ['listpack', 'skiplist'] as const) {
      const z = zsetOf(encoding, [[0, 'b'], [0, 'a\xff'], [0, 'a'], [0, ''], [-1, 'z'], [0, '10'], [0, '9']]);
      expect(contents(z).map(([e]) => e)).toEqual(['z', '', '10', '9', 'a', 'a\xff', 'b']);
    }
  });

  it('copies deeply, keeping the encoding', () => {
    for (const encoding of ['listpack', 'skiplist'] as const) {
      const z = zsetOf(encoding, [[1, 'a'], [2, 'b']]);
      const copy = z.copy();
      expect(copy.encoding()).toBe(encoding);
      copy.add(3, 'c', 0, LIMITS, { flags: 0, score: 0 });
      copy.del('a');
      expect(contents(z)).toEqual([['a', 1], ['b', 2]]);
      expect(contents(copy)).toEqual([['b', 2], ['c', 3]]);
    }
  });

  it('lists its first elements with scores as text', () => {
    const z = zsetOf('listpack', [[1.5, 'a'], [Infinity, 'b'], [0.1, 'c']]);
    expect(z.elements(2)).toEqual({ type: 'zset', entries: [['c', '0.10000000000000001'], ['a', '1.5']] });
    expect(z.elements(0)).toEqual({ type: 'zset', entries: [] });
  });

  it('reports listpack memory as robj + the allocation of lpBytes', () => {
    const z = zsetOf('listpack', [[1, 'a']]);
    // header 6 + "a" (3) + 1 (2) + EOF 1 = 12 bytes -> the 16-byte class.
    expect(z.listpackLayout(0, 10)!.totalBytes).toBe(12);
    expect(z.memoryUsage()).toBe(ROBJ_SIZE + mallocSize(12));
    expect(z.skiplistWindow(1, 1)).toBeNull();
    const s = zsetOf('skiplist', [[1, 'a']]);
    expect(s.listpackLayout(0, 10)).toBeNull();
    expect(s.skiplistWindow(1, 1)!.nodes[0]!.ele).toBe('a');
    expect(s.skiplistTrace(1, 'a', 'rank')!.rank).toBe(1);
    expect(s.dictShape()!.used).toEqual([1, 0]);
    expect(s.memoryUsage()).toBeGreaterThan(z.memoryUsage());
  });
});

describe('encoding change events', () => {
  it('ZADD, ZRANGESTORE and the STORE commands report conversions to the views', () => {
    const node = testNode();
    const c = node.client();
    const events: EncodingChange[] = [];
    const off = node.server.onEncodingChange((e) => events.push(e));
    c.call('ZADD', 'z', ...Array.from({ length: 128 }, (_, i) => [String(i), `m${i}`]).flat());
    expect(events).toEqual([]);
    c.call('ZADD', 'z', '1', 'm128');
    expect(events).toEqual([{ db: 0, key: 'z', from: 'listpack', to: 'skiplist' }]);
    c.call('ZUNIONSTORE', 'small', '1', 'z');
    c.call('ZRANGESTORE', 'top', 'z', '0', '9');
    expect(events.slice(1)).toEqual([]);
    c.call('ZREMRANGEBYRANK', 'z', '0', '100');
    c.call('ZUNIONSTORE', 'small', '1', 'z');
    expect(events.slice(1)).toEqual([{ db: 0, key: 'small', from: 'skiplist', to: 'listpack' }]);
    c.call('ZRANGESTORE', 'r', 'z', '-inf', '+inf', 'BYSCORE');
    c.call('ZADD', 'long', '1', 'x'.repeat(65));
    expect(events.slice(2)).toEqual([]);
    c.call('ZADD', 'top', '1', 'y'.repeat(65));
    expect(events.slice(2)).toEqual([{ db: 0, key: 'top', from: 'listpack', to: 'skiplist' }]);
    off();
    c.call('ZADD', 'fresh', ...Array.from({ length: 130 }, (_, i) => [String(i), `m${i}`]).flat());
    expect(events.length).toBe(3);
  });
});
