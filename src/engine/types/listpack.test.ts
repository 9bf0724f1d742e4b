import { describe, expect, it } from 'vitest';
import { LP_EOF_SIZE, LP_HDR_SIZE, Listpack, backlenSize, entrySize, entryText, numberText } from './listpack.js';
import { mallocSize } from './zmalloc.js';

describe('listpack entry encodings (lpEncodeGetType, lpEncodeBacklen)', () => {
  it.each([
    // [value, encoding, header bytes, data bytes, total with backlen]
    ['0', 'uint7', 1, 0, 2],
    ['127', 'uint7', 1, 0, 2],
    ['128', 'int13', 1, 1, 3],
    ['-1', 'int13', 1, 1, 3],
    ['-4096', 'int13', 1, 1, 3],
    ['4095', 'int13', 1, 1, 3],
    ['4096', 'int16', 1, 2, 4],
    ['-4097', 'int16', 1, 2, 4],
    ['32767', 'int16', 1, 2, 4],
    ['-32768', 'int16', 1, 2, 4],
    ['32768', 'int24', 1, 3, 5],
    ['8388607', 'int24', 1, 3, 5],
    ['-8388608', 'int24', 1, 3, 5],
    ['8388608', 'int32', 1, 4, 6],
    ['2147483647', 'int32', 1, 4, 6],
    ['-2147483648', 'int32', 1, 4, 6],
    ['2147483648', 'int64', 1, 8, 10],
    ['9223372036854775807', 'int64', 1, 8, 10],
    ['-9223372036854775808', 'int64', 1, 8, 10],
    ['9223372036854775808', 'str6', 1, 19, 21],
    ['', 'str6', 1, 0, 2],
    ['a', 'str6', 1, 1, 3],
    ['-0', 'str6', 1, 2, 4],
    ['007', 'str6', 1, 3, 5],
    ['+1', 'str6', 1, 2, 4],
    ['1.5', 'str6', 1, 3, 5],
    ['x'.repeat(63), 'str6', 1, 63, 65],
    ['x'.repeat(64), 'str12', 2, 64, 67],
    ['x'.repeat(125), 'str12', 2, 125, 128],
    ['x'.repeat(126), 'str12', 2, 126, 130],
    ['x'.repeat(4095), 'str12', 2, 4095, 4099],
    ['x'.repeat(4096), 'str32', 5, 4096, 4103],
  ] as const)('%j is %s', (value, encoding, headerBytes, dataBytes, total) => {
    const lp = new Listpack();
    lp.append(value);
    const e = lp.layout().entries[0]!;
    expect(e.encoding).toBe(encoding);
    expect(e.headerBytes).toBe(headerBytes);
    expect(e.dataBytes).toBe(dataBytes);
    expect(entrySize(value)).toBe(total);
    expect(lp.bytes).toBe(LP_HDR_SIZE + total + LP_EOF_SIZE);
  });

  it('backlen grows at 127, 16383, 2097151 and 268435455 bytes', () => {
    expect([127, 128, 16382, 16383, 2097150, 2097151, 268435454, 268435455].map(backlenSize)).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
  });

  it('stores numbers the way zzlInsertAt stores scores (double2ll, else %.17g)', () => {
    expect(numberText(3)).toBe('3');
    expect(numberText(-0)).toBe('0');
    expect(numberText(1.1)).toBe('1.1000000000000001');
    expect(numberText(Infinity)).toBe('inf');
    expect(numberText(-Infinity)).toBe('-inf');
    expect(numberText(2 ** 62)).toBe('4611686018427387904');
    expect(numberText(-(2 ** 62))).toBe('-4611686018427387904');
    expect(numberText(2 ** 62 + 1024)).toBe('4.6116860184273889e+18');
    expect(numberText(123456789012345678)).toBe('123456789012345680');
    expect(entrySize(2 ** 62)).toBe(10);
    expect(entrySize(2 ** 62 + 1024)).toBe(24);
    expect(entrySize(1.1)).toBe(20);
    expect(entrySize(Infinity)).toBe(5);
    expect(entrySize(0.5)).toBe(5);
  });

  it('-0 reads back as the integer 0', () => {
    const lp = new Listpack();
    lp.append(-0);
    lp.insert(0, -0, 'a');
    lp.replace(2, -0);
    expect(lp.values.map((v) => Object.is(v, -0))).toEqual([false, false, false]);
    expect(lp.values.map(entryText)).toEqual(['0', 'a', '0']);
  });
});

describe('Listpack', () => {
  it('keeps lpBytes exact through inserts, replaces and deletes', () => {
    const lp = new Listpack();
    expect(lp.bytes).toBe(7);
    lp.append('hello');
    lp.append(1);
    lp.insert(0, 'x'.repeat(100), 70000);
    lp.insert(4, 'tail');
    expect(lp.values).toEqual(['x'.repeat(100), 70000, 'hello', 1, 'tail']);
    const sum = (): number => lp.values.reduce<number>((n, v) => n + entrySize(v), LP_HDR_SIZE + LP_EOF_SIZE);
    expect(lp.bytes).toBe(sum());
    lp.replace(1, 'short');
    expect(lp.bytes).toBe(sum());
    lp.delete(0, 2);
    expect(lp.values).toEqual(['hello', 1, 'tail']);
    expect(lp.bytes).toBe(sum());
    lp.delete(0, 3);
    expect(lp.length).toBe(0);
    expect(lp.bytes).toBe(7);
  });

  it('lays entries out at their byte offsets', () => {
    const lp = new Listpack();
    for (const v of ['a', '1000', 'x'.repeat(70), '-5']) lp.append(v);
    const layout = lp.layout();
    expect(layout.entries.map((e) => [e.offset, e.encoding, e.headerBytes + e.dataBytes + e.backlenBytes])).toEqual([
      [6, 'str6', 3],
      [9, 'int13', 3],
      [12, 'str12', 73],
      [85, 'int13', 3],
    ]);
    expect(layout.totalBytes).toBe(6 + 3 + 3 + 73 + 3 + 1);
    expect(layout.allocBytes).toBe(mallocSize(layout.totalBytes));
    const window = lp.layout(2, 1);
    expect(window.entries).toEqual([layout.entries[2]]);
    expect(window.numEntries).toBe(4);
  });

  it('copies are independent', () => {
    const lp = new Listpack();
    lp.append('a');
    const copy = lp.copy();
    copy.append('b');
    expect(lp.values).toEqual(['a']);
    expect(copy.values).toEqual(['a', 'b']);
    expect(copy.bytes).toBe(lp.bytes + entrySize('b'));
  });

  it('refuses additions past the 1 GiB safety limit', () => {
    const lp = new Listpack();
    expect(lp.safeToAdd(1000)).toBe(true);
    expect(lp.safeToAdd(2 ** 30)).toBe(false);
  });
});

describe('jemalloc size classes', () => {
  it('rounds requests up to the class jemalloc serves', () => {
    expect([0, 1, 8, 9, 16, 17, 48, 49, 128, 129, 160, 161, 256, 257, 536, 1025, 4097, 16385, 20481].map(mallocSize)).toEqual([
      8, 8, 8, 16, 16, 32, 48, 64, 128, 160, 160, 192, 256, 320, 640, 1280, 5120, 20480, 24576,
    ]);
  });
});
