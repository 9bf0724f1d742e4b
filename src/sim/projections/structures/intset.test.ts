import { describe, expect, it } from 'vitest';
import { as, structureNode } from './testing.js';

describe('intset projection', () => {
  it('shows the sorted integers, the width, and the blob size', () => {
    const { call, snap } = structureNode();
    call('SADD', 's', '3', '1', '2', '-7');
    const s = as(snap({ key: 's' }), 'intset');
    expect(s).toMatchObject({ encoding: 'intset', encodingBits: 16, blobBytes: 8 + 4 * 2, start: 0, values: ['-7', '1', '2', '3'] });
    expect(s.maxEntries).toEqual({ name: 'set-max-intset-entries', value: 512 });
    expect(s.memoryBytes).toBe(call('MEMORY', 'USAGE', 's'));
  });

  it('upgrades 16 -> 32 -> 64 bits when a value does not fit, and never back', () => {
    const { call, snap } = structureNode();
    call('SADD', 's', '1', '2');
    call('SADD', 's', '70000');
    expect(as(snap({ key: 's' }), 'intset')).toMatchObject({ encodingBits: 32, blobBytes: 8 + 3 * 4 });
    call('SADD', 's', '-5000000000');
    expect(as(snap({ key: 's' }), 'intset')).toMatchObject({ encodingBits: 64, blobBytes: 8 + 4 * 8, values: ['-5000000000', '1', '2', '70000'] });
    call('SREM', 's', '-5000000000', '70000');
    expect(as(snap({ key: 's' }), 'intset').encodingBits).toBe(64);
  });

  it('windows the values and becomes a hashtable for a non-integer member', () => {
    const { call, snap } = structureNode();
    for (let i = 0; i < 100; i++) call('SADD', 's', String(i * 3));
    const w = as(snap({ key: 's', from: 95, count: 10 }), 'intset');
    expect(w.start).toBe(90);
    expect(w.values).toHaveLength(10);
    expect(w.values[0]).toBe('270');
    call('SADD', 's', 'x');
    expect(as(snap({ key: 's' }), 'hashtable').owner).toBe('set');
  });
});
