import { describe, expect, it } from 'vitest';
import { testNode } from '../testkit.js';
import { RawString } from '../types/object.js';
import { RedisSet } from '../types/set.js';
import { objectComputeSize } from './memory.js';

describe('objectComputeSize', () => {
  it('sizes strings by their encoding', () => {
    // int: the robj alone, however big the number
    expect(objectComputeSize(7, 5)).toBe(16);
    expect(objectComputeSize(-9223372036854775808n, 5)).toBe(16);
    // embstr: robj + sdshdr8 + bytes + NUL in one allocation
    expect(objectComputeSize('', 5)).toBe(32);
    expect(objectComputeSize('x'.repeat(12), 5)).toBe(32);
    expect(objectComputeSize('x'.repeat(13), 5)).toBe(48);
    expect(objectComputeSize('x'.repeat(44), 5)).toBe(64);
    // raw: robj + its own sds (sdshdr8 from 32 bytes on)
    expect(objectComputeSize('x'.repeat(45), 5)).toBe(16 + 64);
    expect(objectComputeSize(new RawString('abc'), 5)).toBe(16 + 8);
  });

  it('lets collections size themselves, passing the samples', () => {
    const s = new RedisSet({ hashSeed: 1 }, 'hashtable');
    s.add('a', 512);
    s.add('b'.repeat(40), 512);
    expect(objectComputeSize(s, 0)).toBe(s.memoryUsage(0));
    expect(objectComputeSize(s, 1)).toBe(s.memoryUsage(1));
    expect(s.memoryUsage(1)).not.toBe(s.memoryUsage(0));
  });
});

describe('MEMORY DOCTOR', () => {
  it('reports a past peak once the dataset is big enough to judge', () => {
    const node = testNode();
    const c = node.client();
    const doctor = (): string => (c.call('MEMORY', 'DOCTOR') as { s: string }).s;
    expect(doctor()).toMatch(/^Hi Sam, this instance is empty/);
    for (let i = 0; i < 200000; i += 1000) c.call('SADD', 's', ...Array.from({ length: 1000 }, (_, j) => `member:${i + j}`));
    expect(doctor()).toMatch(/^Hi Sam, I can't find any memory issue/);
    c.call('SPOP', 's', '100000');
    expect(doctor()).toMatch(/^Sam, I detected a few issues/);
  });
});
