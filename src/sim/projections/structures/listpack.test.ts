import { describe, expect, it } from 'vitest';
import { as, structureNode } from './testing.js';

describe('listpack projection', () => {
  it('lays out a small hash byte by byte: header, entries (encoding, data, backlen), EOF', () => {
    const { call, snap } = structureNode();
    call('HSET', 'user:1', 'name', 'ada', 'age', '36', 'visits', '100000');
    const s = as(snap({ key: 'user:1' }), 'listpack');
    expect(s).toMatchObject({ type: 'hash', encoding: 'listpack', length: 3, stride: 2, longestElement: 6 });
    expect(s.maxEntries).toEqual({ name: 'hash-max-listpack-entries', value: 512 });
    expect(s.maxValue).toEqual({ name: 'hash-max-listpack-value', value: 64 });
    const lp = s.listpack;
    expect(lp.headerBytes).toBe(6);
    expect(lp.eofBytes).toBe(1);
    expect(lp.numEntries).toBe(6);
    expect(lp.entries.map((e) => [e.value, e.encoding, e.headerBytes, e.dataBytes, e.backlenBytes])).toEqual([
      ['name', 'str6', 1, 4, 1],
      ['ada', 'str6', 1, 3, 1],
      ['age', 'str6', 1, 3, 1],
      ['36', 'uint7', 1, 0, 1],
      ['visits', 'str6', 1, 6, 1],
      ['100000', 'int24', 1, 3, 1],
    ]);
    expect(lp.entries[0]!.offset).toBe(6);
    for (let i = 1; i < lp.entries.length; i++) {
      const p = lp.entries[i - 1]!;
      expect(lp.entries[i]!.offset).toBe(p.offset + p.headerBytes + p.dataBytes + p.backlenBytes);
    }
    const last = lp.entries.at(-1)!;
    expect(lp.totalBytes).toBe(last.offset + last.headerBytes + last.dataBytes + last.backlenBytes + 1);
    expect(lp.allocBytes).toBeGreaterThanOrEqual(lp.totalBytes);
  });

  it('holds a small zset as member, score pairs in score order, scores as integers when they are', () => {
    const { call, snap } = structureNode();
    call('ZADD', 'z', '2.5', 'b', '1', 'a');
    const s = as(snap({ key: 'z' }), 'listpack');
    expect(s.maxEntries.name).toBe('zset-max-listpack-entries');
    expect(s.listpack.entries.map((e) => [e.value, e.encoding])).toEqual([
      ['a', 'str6'],
      ['1', 'uint7'],
      ['b', 'str6'],
      ['2.5', 'str6'],
    ]);
  });

  it('windows a long listpack on element boundaries, around a focused member', () => {
    const { call, snap } = structureNode();
    for (let i = 0; i < 100; i++) call('ZADD', 'z', String(i), `m${i}`);
    const s = as(snap({ key: 'z', count: 10, focusMember: 'm50' }), 'listpack');
    expect(s.listpack.numEntries).toBe(200);
    expect(s.listpack.entries).toHaveLength(10);
    expect(s.listpack.entries[0]!.index % 2).toBe(0);
    expect(s.listpack.entries.map((e) => e.value)).toContain('m50');
    const end = as(snap({ key: 'z', from: 999, count: 9 }), 'listpack');
    expect(end.listpack.entries.map((e) => e.index)).toEqual([192, 193, 194, 195, 196, 197, 198, 199]);
    const field = as(snap({ key: 'z', count: 4, focusMember: 'nope', from: 7 }), 'listpack');
    expect(field.listpack.entries[0]!.index).toBe(6);
  });

  it('becomes a skiplist at the 129th member or a 65-byte member, as OBJECT ENCODING says', () => {
    const { call, snap } = structureNode();
    for (let i = 0; i < 128; i++) call('ZADD', 'z', String(i), `m${i}`);
    expect(snap({ key: 'z' }).kind).toBe('listpack');
    call('ZADD', 'z', '128', 'm128');
    expect(snap({ key: 'z' }).kind).toBe('skiplist');
    expect(call('OBJECT', 'ENCODING', 'z')).toBe('skiplist');

    call('ZADD', 'long', '1', 'x'.repeat(64));
    const before = as(snap({ key: 'long' }), 'listpack');
    expect(before.longestElement).toBe(64);
    call('ZADD', 'long', '2', 'y'.repeat(65));
    expect(snap({ key: 'long' }).kind).toBe('skiplist');
  });

  it('finds a hash field to focus on', () => {
    const { call, snap } = structureNode();
    for (let i = 0; i < 40; i++) call('HSET', 'h', `f${i}`, `v${i}`);
    const s = as(snap({ key: 'h', count: 6, focusMember: 'f30' }), 'listpack');
    expect(s.listpack.entries.map((e) => e.value)).toContain('f30');
  });
});
