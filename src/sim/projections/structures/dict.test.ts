import { describe, expect, it } from 'vitest';
import { OCCUPANCY_BINS } from '../../../protocol/snapshots.js';
import { as, structureNode } from './testing.js';

/** A hashtable-encoded hash from its first field (hash-max-listpack-entries 0). */
function dictHash() {
  const s = structureNode();
  s.call('CONFIG', 'SET', 'hash-max-listpack-entries', '0');
  return s;
}

describe('dict projection', () => {
  it('draws both tables of a hash that is rehashing, and never moves the rehash itself', () => {
    const { call, snap } = dictHash();
    for (let i = 0; i < 4; i++) call('HSET', 'h', `f${i}`, 'v');
    const full = as(snap({ key: 'h' }), 'hashtable');
    expect(full).toMatchObject({ owner: 'hash', encoding: 'hashtable', size: 4, rehashIdx: -1 });
    expect(full.tables[0]).toMatchObject({ size: 4, used: 4 });
    expect(full.tables[1]).toMatchObject({ size: 0, used: 0, buckets: [], occupancy: [] });

    // The fifth field finds the table full: a table twice as big, filled bucket by bucket.
    call('HSET', 'h', 'f4', 'v');
    const growing = as(snap({ key: 'h' }), 'hashtable');
    expect(growing.rehashIdx).toBe(0);
    expect(growing.tables[0]).toMatchObject({ size: 4, used: 4 });
    expect(growing.tables[1]).toMatchObject({ size: 8, used: 1 });
    expect(as(snap({ key: 'h' }), 'hashtable').rehashIdx).toBe(0);

    // Every lookup moves one bucket (_dictRehashStep).
    call('HGET', 'h', 'f0');
    const stepped = as(snap({ key: 'h' }), 'hashtable');
    expect(stepped.rehashIdx).toBeGreaterThan(0);
    expect(stepped.tables[1].used).toBeGreaterThan(1);
    for (let i = 0; i < 8; i++) call('HGET', 'h', 'f0');
    const done = as(snap({ key: 'h' }), 'hashtable');
    expect(done.rehashIdx).toBe(-1);
    expect(done.tables[0]).toMatchObject({ size: 8, used: 5 });
  });

  it('lists each bucket of the window with its chain, the lengths adding up to the entries', () => {
    const { call, snap } = dictHash();
    for (let i = 0; i < 40; i++) call('HSET', 'h', `field:${i}`, 'v');
    const d = as(snap({ key: 'h', from: 0, count: 256 }), 'hashtable');
    const t = d.tables[0];
    expect(t.buckets).toHaveLength(t.size);
    expect(t.buckets.map((b) => b.index)).toEqual([...Array(t.size).keys()]);
    expect(t.buckets.reduce((n, b) => n + b.length, 0) + d.tables[1].buckets.reduce((n, b) => n + b.length, 0)).toBe(40);
    for (const b of t.buckets) expect(b.keys.length).toBe(Math.min(4, b.length));
    const keys = new Set([...t.buckets, ...d.tables[1].buckets].flatMap((b) => b.keys));
    expect(keys.has('field:7') || t.buckets.some((b) => b.length > 4)).toBe(true);
    expect(t.occupancy.length).toBeLessThanOrEqual(OCCUPANCY_BINS);
    expect(t.occupancy.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  it('keeps the bucket window inside the table', () => {
    const { call, snap } = dictHash();
    for (let i = 0; i < 40; i++) call('HSET', 'h', `f${i}`, 'v');
    const d = as(snap({ key: 'h', from: 1_000_000, count: 8 }), 'hashtable');
    const biggest = d.tables[0].size >= d.tables[1].size ? d.tables[0] : d.tables[1];
    const last = biggest.size - 1;
    expect(biggest.buckets.map((b) => b.index)).toEqual([...Array(8).keys()].map((i) => last - 7 + i));
  });

  it('draws the keyspace dict of a db, whose rehash the clock finishes (serverCron)', () => {
    const { node, call, snap } = structureNode();
    for (let i = 0; i < 5; i++) call('SET', `k${i}`, 'v');
    const ks = snap({ key: null });
    expect(ks).toMatchObject({ kind: 'hashtable', owner: 'keyspace', key: null, size: 5, rehashIdx: 0 });
    // Looking keys up for the view is not a dictFind: it makes no rehash step.
    for (let i = 0; i < 5; i++) snap({ key: `k${i}` });
    expect(snap({ key: null })).toMatchObject({ rehashIdx: 0 });
    node.clock.advance(100);
    node.server.tick();
    expect(snap({ key: null })).toMatchObject({ size: 5, rehashIdx: -1 });
  });

  it('shows a big set as its dict', () => {
    const { call, snap } = structureNode();
    call('SADD', 's', 'a', 'b', 'c');
    expect(as(snap({ key: 's' }), 'hashtable')).toMatchObject({ owner: 'set', type: 'set', size: 3 });
  });
});
