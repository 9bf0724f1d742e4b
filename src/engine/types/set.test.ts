import { describe, expect, it } from 'vitest';
import { Prng } from '../time/prng.js';
import { RedisSet, intsetLimit } from './set.js';

const env = { hashSeed: 1234 };
const LIMIT = 512;

function intsetOf(n: number): RedisSet {
  const s = new RedisSet(env);
  for (let i = 0; i < n; i++) s.add(String(i), LIMIT);
  return s;
}

describe('RedisSet', () => {
  it('starts as an intset for an integer, a hashtable otherwise (setTypeCreate)', () => {
    expect(RedisSet.createFor(env, '12').encoding()).toBe('intset');
    expect(RedisSet.createFor(env, '-9223372036854775808').encoding()).toBe('intset');
    expect(RedisSet.createFor(env, '9223372036854775808').encoding()).toBe('hashtable');
    expect(RedisSet.createFor(env, '012').encoding()).toBe('hashtable');
    expect(RedisSet.createFor(env, 'a').encoding()).toBe('hashtable');
  });

  it('stays an intset up to the limit and converts past it', () => {
    const s = intsetOf(LIMIT);
    expect(s.encoding()).toBe('intset');
    expect(s.add('5', LIMIT)).toBe(false);
    expect(s.encoding()).toBe('intset');
    expect(s.add(String(LIMIT), LIMIT)).toBe(true);
    expect(s.encoding()).toBe('hashtable');
    expect(s.length).toBe(LIMIT + 1);
    expect(s.dictShape()!.sizes[0]).toBe(1024);
  });

  it('converts when a non-integer arrives, and never goes back', () => {
    const s = intsetOf(3);
    expect(s.add('x', LIMIT)).toBe(true);
    expect(s.encoding()).toBe('hashtable');
    expect(s.remove('x')).toBe(true);
    expect(s.encoding()).toBe('hashtable');
    expect(s.members().sort()).toEqual(['0', '1', '2']);
    expect(s.has('1')).toBe(true);
    expect(s.has('01')).toBe(false);
  });

  it('treats non-canonical integers as strings', () => {
    const s = intsetOf(2);
    expect(s.has('+1')).toBe(false);
    expect(s.remove(' 1')).toBe(false);
    s.add('-0', LIMIT);
    expect(s.encoding()).toBe('hashtable');
    expect(s.has('-0')).toBe(true);
    expect(s.has('0')).toBe(true);
  });

  it('iterates an intset in ascending order and stops when asked', () => {
    const s = new RedisSet(env);
    for (const m of ['30', '-4', '7']) s.add(m, LIMIT);
    expect(s.members()).toEqual(['-4', '7', '30']);
    const seen: string[] = [];
    s.forEachWhile((m) => {
      seen.push(m);
      return m !== '7';
    });
    expect(seen).toEqual(['-4', '7']);
  });

  it('caps the configured intset limit at 1G entries', () => {
    expect(intsetLimit(512)).toBe(512);
    expect(intsetLimit(2 ** 40)).toBe(2 ** 30);
  });

  it('shrinks its hashtable when it empties out (htNeedsResize)', () => {
    const s = new RedisSet(env, 'hashtable');
    for (let i = 0; i < 100; i++) s.add(`m${i}`, LIMIT);
    expect(Math.max(...s.dictShape()!.sizes)).toBe(128);
    for (let i = 0; i < 95; i++) s.remove(`m${i}`);
    expect(Math.min(...s.dictShape()!.sizes.filter((n) => n > 0))).toBeLessThanOrEqual(16);
    expect(s.length).toBe(5);
  });

  it('picks random members that belong to the set', () => {
    const prng = new Prng(7);
    const rand = (n: number): number => prng.int(n);
    for (const s of [intsetOf(20), (() => {
      const h = intsetOf(20);
      h.add('x', LIMIT);
      return h;
    })()]) {
      const all = new Set(s.members());
      for (let i = 0; i < 200; i++) expect(all.has(s.random(rand))).toBe(true);
    }
  });

  it('copies keep the encoding and are independent (setTypeDup)', () => {
    const is = intsetOf(3);
    const c1 = is.copy();
    c1.add('9', LIMIT);
    expect(is.length).toBe(3);
    expect(c1.encoding()).toBe('intset');
    const ht = new RedisSet(env, 'hashtable');
    ht.add('a', LIMIT);
    const c2 = ht.copy();
    c2.add('b', LIMIT);
    expect(c2.encoding()).toBe('hashtable');
    expect(ht.length).toBe(1);
  });

  it('scans an intset whole and a hashtable by cursor', () => {
    expect(intsetOf(5).scan(0, () => {})).toBe(0);
    const s = new RedisSet(env, 'hashtable');
    for (let i = 0; i < 50; i++) s.add(`m${i}`, LIMIT);
    const seen = new Set<string>();
    let cursor = 0;
    do cursor = s.scan(cursor, (m) => seen.add(m));
    while (cursor !== 0);
    expect(seen.size).toBe(50);
  });

  it('sizes itself as objectComputeSize does', () => {
    expect(intsetOf(1).memoryUsage()).toBe(16 + 16);
    expect(intsetOf(10).memoryUsage()).toBe(16 + 32);
    const s = new RedisSet(env, 'hashtable');
    for (const m of ['a', 'b', 'c']) s.add(m, LIMIT);
    // robj + dict + 4 buckets + 3 * (dictEntry + 8-byte sds)
    expect(s.memoryUsage()).toBe(16 + 56 + 4 * 8 + 3 * (24 + 8));
    expect(s.memoryUsage(0)).toBe(s.memoryUsage(1));
  });

  it('lists its first elements for the views', () => {
    expect(intsetOf(5).elements(3)).toEqual({ type: 'set', members: ['0', '1', '2'] });
    expect(intsetOf(2).intsetLayout(0, 10)!.values).toEqual(['0', '1']);
    expect(intsetOf(2).dictShape()).toBeNull();
  });
});
