import { describe, expect, it } from 'vitest';
import { as, structureNode } from './testing.js';

describe('quicklist projection', () => {
  it('draws a list as its nodes, and one node as its listpack', () => {
    const { call, snap } = structureNode();
    call('CONFIG', 'SET', 'list-max-listpack-size', '4');
    call('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j');
    const q = as(snap({ key: 'l', count: 8 }), 'quicklist');
    expect(q).toMatchObject({ type: 'list', encoding: 'quicklist', length: 10, nodeCount: 3 });
    expect(q.fill).toEqual({ name: 'list-max-listpack-size', value: 4 });
    expect(q.nodes.map((n) => [n.index, n.count, n.compressed])).toEqual([
      [0, 4, false],
      [1, 4, false],
      [2, 2, false],
    ]);
    expect(q.open!.index).toBe(0);
    expect(q.open!.listpack.entries.map((e) => e.value)).toEqual(['a', 'b', 'c', 'd']);
    expect(q.nodes[0]!.bytes).toBe(q.open!.listpack.totalBytes);
    const second = as(snap({ key: 'l', count: 8, openNode: 2, openCount: 1 }), 'quicklist');
    expect(second.open!.index).toBe(2);
    expect(second.open!.listpack.entries.map((e) => e.value)).toEqual(['i']);
    expect(second.open!.listpack.numEntries).toBe(2);
  });

  it('shows the interior compressed past list-compress-depth, the ends plain', () => {
    const { call, snap } = structureNode();
    call('CONFIG', 'SET', 'list-max-listpack-size', '8');
    call('CONFIG', 'SET', 'list-compress-depth', '1');
    // Repeated elements: what LZF (as modelled) compresses well.
    for (let i = 0; i < 5; i++) call('RPUSH', 'l', ...Array.from({ length: 8 }, () => `a-repeated-element-${i}`));
    const q = as(snap({ key: 'l', count: 16 }), 'quicklist');
    expect(q.compressDepth).toEqual({ name: 'list-compress-depth', value: 1 });
    expect(q.nodes.map((n) => n.compressed)).toEqual([false, true, true, true, false]);
    for (const n of q.nodes.filter((x) => x.compressed)) expect(n.compressedBytes).toBeLessThan(n.bytes);
  });

  it('windows long lists by node', () => {
    const { call, snap } = structureNode();
    call('CONFIG', 'SET', 'list-max-listpack-size', '2');
    for (let i = 0; i < 40; i++) call('RPUSH', 'l', String(i));
    const q = as(snap({ key: 'l', from: 100, count: 4 }), 'quicklist');
    expect(q.nodeCount).toBe(20);
    expect(q.nodes.map((n) => n.index)).toEqual([16, 17, 18, 19]);
    expect(q.open!.index).toBe(16);
  });
});
