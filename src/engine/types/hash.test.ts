import { describe, expect, it } from 'vitest';
import { Prng } from '../time/prng.js';
import { RedisHash } from './hash.js';

const env = { hashSeed: 99 };
const limits = { maxListpackEntries: 4, maxListpackValue: 8 };

function hashOf(n: number): RedisHash {
  const h = new RedisHash(env);
  for (let i = 0; i < n; i++) h.set(`f${i}`, `v${i}`, limits);
  return h;
}

function pairs(h: RedisHash): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  h.forEach((f, v) => out.push([f, v]));
  return out;
}

describe('RedisHash', () => {
  it('keeps a listpack in insertion order, updating in place', () => {
    const h = hashOf(3);
    expect(h.set('f1', 'new', limits)).toBe(true);
    expect(h.set('f9', 'x', limits)).toBe(false);
    expect(pairs(h)).toEqual([['f0', 'v0'], ['f1', 'new'], ['f2', 'v2'], ['f9', 'x']]);
    expect(h.get('f1')).toBe('new');
    expect(h.get('nope')).toBeUndefined();
    expect(h.encoding()).toBe('listpack');
  });

  it('converts past hash-max-listpack-entries', () => {
    const h = hashOf(4);
    expect(h.encoding()).toBe('listpack');
    h.set('f0', 'again', limits);
    expect(h.encoding()).toBe('listpack');
    h.set('f4', 'v4', limits);
    expect(h.encoding()).toBe('hashtable');
    expect(h.length).toBe(5);
    expect(h.get('f0')).toBe('again');
    expect(h.dictShape()!.sizes[0]).toBe(8);
  });

  it('converts on a field or value longer than hash-max-listpack-value, never back', () => {
    const a = hashOf(1);
    a.set('f', '12345678', limits);
    expect(a.encoding()).toBe('listpack');
    a.set('f', '123456789', limits);
    expect(a.encoding()).toBe('hashtable');
    a.delete('f');
    a.delete('f0');
    a.set('x', 'y', limits);
    expect(a.encoding()).toBe('hashtable');
    const b = hashOf(1);
    b.set('123456789', 'v', limits);
    expect(b.encoding()).toBe('hashtable');
  });

  it('tryConversion looks at every argument before the writes', () => {
    const h = hashOf(1);
    const argv = ['HSET', 'k', 'a', '1', 'b', 'toolongvalue'];
    h.tryConversion(argv, 2, 5, limits);
    expect(h.encoding()).toBe('hashtable');
    const g = hashOf(1);
    g.tryConversion(['HSET', 'k', 'a', '1'], 2, 3, limits);
    expect(g.encoding()).toBe('listpack');
  });

  it('deletes fields in both encodings', () => {
    const h = hashOf(3);
    expect(h.delete('f1')).toBe(true);
    expect(h.delete('f1')).toBe(false);
    expect(pairs(h)).toEqual([['f0', 'v0'], ['f2', 'v2']]);
    const big = hashOf(10);
    expect(big.delete('f5')).toBe(true);
    expect(big.has('f5')).toBe(false);
    expect(big.length).toBe(9);
  });

  it('picks unique listpack pairs in listpack order (lpRandomPairsUnique)', () => {
    const h = new RedisHash(env);
    const wide = { maxListpackEntries: 128, maxListpackValue: 64 };
    for (let i = 0; i < 100; i++) h.set(`f${i}`, `v${i}`, wide);
    const prng = new Prng(3);
    for (let round = 0; round < 20; round++) {
      const picked = h.randomPairsUnique(10, () => prng.next());
      expect(picked).toHaveLength(10);
      const idx = picked.map(([f, v]) => {
        expect(v).toBe(`v${f.slice(1)}`);
        return Number(f.slice(1));
      });
      expect([...idx].sort((a, b) => a - b)).toEqual(idx);
      expect(new Set(idx).size).toBe(10);
    }
    expect(h.randomPairsUnique(500, () => 0.5)).toHaveLength(100);
  });

  it('picks random pairs that belong to the hash', () => {
    const prng = new Prng(5);
    const rand = (n: number): number => prng.int(n);
    for (const h of [hashOf(3), hashOf(10)]) {
      for (let i = 0; i < 100; i++) {
        const [f, v] = h.random(rand);
        expect(h.get(f)).toBe(v);
      }
    }
  });

  it('copies keep the encoding and are independent (hashTypeDup)', () => {
    const lp = hashOf(2);
    const c1 = lp.copy();
    c1.set('z', 'z', limits);
    expect(lp.length).toBe(2);
    expect(c1.encoding()).toBe('listpack');
    const ht = hashOf(6);
    const c2 = ht.copy();
    c2.delete('f0');
    expect(c2.encoding()).toBe('hashtable');
    expect(ht.get('f0')).toBe('v0');
  });

  it('scans a listpack whole and a hashtable by cursor', () => {
    const seen: string[] = [];
    expect(hashOf(3).scan(0, (f) => seen.push(f))).toBe(0);
    expect(seen).toEqual(['f0', 'f1', 'f2']);
    const h = hashOf(40);
    const all = new Map<string, string>();
    let cursor = 0;
    do cursor = h.scan(cursor, (f, v) => all.set(f, v));
    while (cursor !== 0);
    expect(all.size).toBe(40);
    expect(all.get('f39')).toBe('v39');
  });

  it('sizes itself as objectComputeSize does', () => {
    // robj + listpack: header 6, "a" 3 bytes, "1" 2 bytes, EOF 1 = 12 -> 16
    const h = new RedisHash(env);
    h.set('a', '1', limits);
    expect(h.memoryUsage()).toBe(16 + 16);
    expect(h.listpackLayout(0, 2)!.totalBytes).toBe(12);
    const t = new RedisHash(env, 'hashtable');
    t.set('a', '1', limits);
    // robj + dict + 4 buckets + dictEntry + two 8-byte sds
    expect(t.memoryUsage()).toBe(16 + 56 + 32 + 24 + 8 + 8);
  });

  it('lists its first pairs for the views', () => {
    expect(hashOf(3).elements(2)).toEqual({ type: 'hash', entries: [['f0', 'v0'], ['f1', 'v1']] });
    expect((hashOf(8).elements(3) as { entries: unknown[] }).entries).toHaveLength(3);
  });
});
