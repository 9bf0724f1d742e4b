import { describe, expect, it } from 'vitest';
import { MAX_WRITE_ARGS } from '../../../protocol/snapshots.js';
import { structureNode } from './testing.js';

describe('write log', () => {
  it('starts with the first request, so keeping it costs nothing until a view is open', () => {
    const { call, snap } = structureNode();
    call('SET', 'early', '1');
    expect(snap({ key: 'early' }).lastWrite).toBeNull();
    call('SET', 'early', '2');
    expect(snap({ key: 'early' }).lastWrite!.argv).toEqual(['SET', 'early', '2']);
  });

  it('remembers the last write of every key it touched, as replicated', () => {
    const { call, snap } = structureNode();
    expect(snap({ key: 'a' }).lastWrite).toBeNull();
    call('ZADD', 'a', '1', 'x');
    call('MSET', 'b', '1', 'c', '2');
    call('EXPIRE', 'b', '100');
    call('GET', 'c');
    expect(snap({ key: 'a' }).lastWrite).toMatchObject({ argv: ['ZADD', 'a', '1', 'x'], argc: 4 });
    const b = snap({ key: 'b' }).lastWrite!;
    const c = snap({ key: 'c' }).lastWrite!;
    expect(b.argv[0]).toBe('PEXPIREAT');
    expect(c.argv).toEqual(['MSET', 'b', '1', 'c', '2']);
    expect(b.seq).toBeGreaterThan(c.seq);
  });

  it('is kept short: long commands and long arguments are clipped', () => {
    const { call, snap } = structureNode();
    snap({ key: 'z' });
    const args = Array.from({ length: 40 }, (_, i) => [String(i), 'm' + 'x'.repeat(100) + i]).flat();
    call('ZADD', 'z', ...args);
    const w = snap({ key: 'z' }).lastWrite!;
    expect(w.argc).toBe(82);
    expect(w.argv).toHaveLength(MAX_WRITE_ARGS);
    expect(Math.max(...w.argv.map((a) => a.length))).toBe(64);
  });

  it('skips transactions markers and records what ran inside', () => {
    const { call, snap } = structureNode();
    snap({ key: 'k' });
    call('MULTI');
    call('HSET', 'k', 'f', 'v');
    call('EXEC');
    expect(snap({ key: 'k' }).lastWrite!.argv).toEqual(['HSET', 'k', 'f', 'v']);
  });
});
