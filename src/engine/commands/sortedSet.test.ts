import { describe, expect, it } from 'vitest';
import { testNode } from '../testkit.js';
import { Zset } from '../types/zset.js';
import { genericZpop, parseZmpopArgs, zpopFromKey } from './sortedSetPop.js';

function setup() {
  const node = testNode();
  const c = node.client();
  const propagated: string[][] = [];
  node.server.onPropagate((_db, argv) => propagated.push(argv));
  return { node, c, propagated, server: node.server };
}

describe('sorted set writes: dirty, propagation', () => {
  it('counts one change per element added, updated or removed', () => {
    const { c, server } = setup();
    const dirty = (): number => server.dirty;
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    expect(dirty()).toBe(3);
    c.call('ZADD', 'z', '1', 'a', '5', 'b');
    expect(dirty()).toBe(4);
    c.call('ZREM', 'z', 'a', 'nosuch');
    expect(dirty()).toBe(5);
    c.call('ZPOPMIN', 'z', '5');
    expect(dirty()).toBe(7);
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    c.call('ZREMRANGEBYRANK', 'z', '0', '1');
    expect(dirty()).toBe(12);
    c.call('ZUNIONSTORE', 'd', '1', 'z');
    expect(dirty()).toBe(13);
    c.call('ZINTERSTORE', 'd', '1', 'nokey');
    expect(dirty()).toBe(14);
    c.call('ZINTERSTORE', 'd', '1', 'nokey');
    expect(dirty()).toBe(14);
    c.call('ZRANGE', 'z', '0', '-1');
    c.call('ZSCORE', 'z', 'c');
    expect(dirty()).toBe(14);
  });

  it('propagates writes as typed, ZMPOP as ZPOPMIN/ZPOPMAX with its count, and reads not at all', () => {
    const { c, propagated } = setup();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    c.call('ZSCORE', 'z', 'a');
    c.call('ZADD', 'z', 'NX', '9', 'a');
    c.call('ZMPOP', '2', 'nokey', 'z', 'MAX', 'COUNT', '2');
    c.call('ZMPOP', '1', 'z', 'min');
    c.call('ZMPOP', '1', 'nokey', 'MIN');
    c.call('ZRANDMEMBER', 'z');
    expect(propagated).toEqual([
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
      ['ZPOPMAX', 'z', '2'],
      ['ZPOPMIN', 'z', '1'],
    ]);
  });

  it('counts keyspace hits and misses for reads, STORE sources included, pops not', () => {
    const { c, server } = setup();
    c.call('ZADD', 'z', '1', 'a');
    c.call('ZSCORE', 'z', 'a');
    c.call('ZRANGE', 'nokey', '0', '-1');
    c.call('ZUNION', '2', 'z', 'nokey');
    c.call('ZUNIONSTORE', 'd', '2', 'z', 'nokey');
    c.call('ZRANGESTORE', 'd', 'nokey', '0', '-1');
    c.call('ZMPOP', '2', 'nokey', 'd', 'MIN');
    c.call('ZPOPMIN', 'nokey');
    expect([server.stats.keyspaceHits, server.stats.keyspaceMisses]).toEqual([3, 4]);
  });

  it('refuses a negative ZRANDMEMBER count that would build a reply of millions of elements', () => {
    const { c } = setup();
    c.call('ZADD', 'z', '1', 'a');
    expect((c.call('ZRANDMEMBER', 'z', '-1000000') as unknown[]).length).toBe(1_000_000);
    expect(c.call('ZRANDMEMBER', 'z', '-1000001')).toEqual({ t: 'error', s: 'ERR value is out of range' });
  });
});

describe('ZSCAN over a skiplist', () => {
  it('visits every member with its score across calls, a few per call', () => {
    const { c } = setup();
    c.call('ZADD', 'z', ...Array.from({ length: 1000 }, (_, i) => [String(i / 4), `m${i}`]).flat());
    const seen = new Map<string, string>();
    let cursor = '0';
    let calls = 0;
    do {
      const [next, items] = c.call('ZSCAN', 'z', cursor, 'COUNT', '20') as [string, string[]];
      expect(items.length).toBeLessThan(200);
      for (let i = 0; i < items.length; i += 2) seen.set(items[i]!, items[i + 1]!);
      cursor = next;
      calls++;
    } while (cursor !== '0');
    expect(calls).toBeGreaterThan(10);
    expect(seen.size).toBe(1000);
    expect(seen.get('m1')).toBe('0.25');
    expect(seen.get('m999')).toBe('249.75');
  });
});

describe('the pop API the blocking commands reuse', () => {
  it('pops with the BZPOPMIN shape (key first, flat pairs) from a known key', () => {
    const { node, c, propagated } = setup();
    c.call('ZADD', 'z', '1', 'a', '2', 'b');
    const z = node.server.dbs[0]!.dict.get('z') as Zset;
    expect(zpopFromKey(c.c, 'z', z, 'min', -1, { emitKey: true, nested: false }, true)).toEqual(['z', 'a', { t: 'double', v: 1 }]);
    expect(c.c.argv).toEqual(['ZPOPMIN', 'z', '1']);
    expect(zpopFromKey(c.c, 'z', z, 'max', 5, { emitKey: true, nested: true }, false)).toEqual(['z', [['b', { t: 'double', v: 2 }]]]);
    expect(node.server.dbs[0]!.dict.has('z')).toBe(false);
    expect(propagated).toEqual([['ZADD', 'z', '1', 'a', '2', 'b']]);
  });

  it('tells a caller that no key had elements, and parses BZMPOP-style arguments', () => {
    const { c } = setup();
    expect(genericZpop(c.c, ['x', 'y'], 'min', 1, { emitKey: true, nested: true }, true, false)).toEqual({ t: 'nilarray' });
    expect(parseZmpopArgs(['BZMPOP', '0', '2', 'a', 'b', 'max', 'COUNT', '3'], 2)).toEqual({ keys: ['a', 'b'], where: 'max', count: 3 });
    expect(parseZmpopArgs(['BZMPOP', '0', '0', 'a', 'MIN'], 2)).toEqual({ t: 'error', s: 'ERR numkeys should be greater than 0' });
  });
});
