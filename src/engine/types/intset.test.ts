import { describe, expect, it } from 'vitest';
import { Intset, valueEncoding } from './intset.js';

describe('Intset', () => {
  it('keeps its elements sorted and unique', () => {
    const is = new Intset();
    for (const v of [5, 1, 3, 1, 4, 5, -2]) is.add(v);
    expect(is.values).toEqual([-2, 1, 3, 4, 5]);
    expect(is.add(3)).toBe(false);
    expect(is.length).toBe(5);
  });

  it('picks the narrowest width for a value (_intsetValueEncoding)', () => {
    expect(valueEncoding(0)).toBe(2);
    expect(valueEncoding(32767)).toBe(2);
    expect(valueEncoding(-32768)).toBe(2);
    expect(valueEncoding(32768)).toBe(4);
    expect(valueEncoding(-32769)).toBe(4);
    expect(valueEncoding(2147483647)).toBe(4);
    expect(valueEncoding(-2147483648)).toBe(4);
    expect(valueEncoding(2147483648)).toBe(8);
    expect(valueEncoding(-2147483649)).toBe(8);
    expect(valueEncoding(9223372036854775807n)).toBe(8);
  });

  it('upgrades 16 -> 32 -> 64 bits, placing the wider value at the right end', () => {
    const is = new Intset();
    is.add(10);
    is.add(-10);
    expect(is.encoding).toBe(2);
    expect(is.blobBytes).toBe(8 + 2 * 2);
    is.add(-100000);
    expect(is.encoding).toBe(4);
    expect(is.values).toEqual([-100000, -10, 10]);
    expect(is.blobBytes).toBe(8 + 3 * 4);
    is.add(5000000000);
    expect(is.encoding).toBe(8);
    expect(is.values).toEqual([-100000, -10, 10, 5000000000]);
    is.add(-9223372036854775808n);
    expect(is.values[0]).toBe(-9223372036854775808n);
    expect(is.blobBytes).toBe(8 + 5 * 8);
  });

  it('never downgrades when the wide values go', () => {
    const is = new Intset();
    is.add(1);
    is.add(70000);
    expect(is.remove(70000)).toBe(true);
    expect(is.encoding).toBe(4);
    expect(is.values).toEqual([1]);
  });

  it('finds by binary search, and never finds a value wider than the encoding', () => {
    const is = new Intset();
    for (let i = 0; i < 1000; i += 3) is.add(i);
    expect(is.has(999)).toBe(true);
    expect(is.has(998)).toBe(false);
    expect(is.has(0)).toBe(true);
    expect(is.has(-1)).toBe(false);
    expect(is.has(100000)).toBe(false);
    expect(is.has(9223372036854775807n)).toBe(false);
    expect(is.remove(100000)).toBe(false);
    expect(is.remove(4)).toBe(false);
    expect(is.remove(3)).toBe(true);
    expect(is.has(3)).toBe(false);
  });

  it('orders bigints and numbers together', () => {
    const is = new Intset();
    is.add(9223372036854775807n);
    is.add(0);
    is.add(-9223372036854775808n);
    is.add(9007199254740993n);
    is.add(-5);
    expect(is.values).toEqual([-9223372036854775808n, -5, 0, 9007199254740993n, 9223372036854775807n]);
    expect(is.has(9007199254740993n)).toBe(true);
    expect(is.has(9007199254740992)).toBe(false);
  });

  it('reports the allocation through jemalloc size classes', () => {
    const is = new Intset();
    expect(is.allocSize()).toBe(8);
    for (let i = 1; i <= 5; i++) is.add(i);
    expect(is.blobBytes).toBe(18);
    expect(is.allocSize()).toBe(32);
  });

  it('picks random elements with the given source', () => {
    const is = new Intset();
    for (const v of [7, 8, 9]) is.add(v);
    expect(is.random(() => 0)).toBe(7);
    expect(is.random((n) => n - 1)).toBe(9);
  });

  it('copies independently and lays itself out for the view', () => {
    const is = new Intset();
    for (const v of [3, 1, 40000]) is.add(v);
    const copy = is.copy();
    copy.add(2);
    expect(is.length).toBe(3);
    expect(copy.encoding).toBe(4);
    expect(is.layout(1, 5)).toEqual({ encodingBits: 32, length: 3, blobBytes: 20, allocBytes: 32, start: 1, values: ['3', '40000'] });
  });
});
