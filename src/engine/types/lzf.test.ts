import { describe, expect, it } from 'vitest';
import { lzfCompressedSize } from './lzf.js';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const size = (input: Uint8Array): number => lzfCompressedSize(input, input.length);

/**
 * Expected sizes are what Redis's lzf_c.c (compiled with Redis's lzfP.h settings, a zeroed hash
 * table) returns for the same input and an output buffer as large as the input.
 */
describe('lzf_compress output length (lzf_c.c)', () => {
  it('matches Redis lzf_compress on repetitive input', () => {
    expect(size(bytes('a'.repeat(100)))).toBe(9);
    expect(size(bytes('abc'.repeat(100)))).toBe(14);
    expect(size(bytes('hello world '.repeat(50)))).toBe(26);
    expect(size(bytes('abcabcabcab'))).toBe(10);
    expect(size(Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 251))).toBe(269);
    expect(size(bytes(Array.from({ length: 200 }, (_, i) => `item:${i}`).join(' ')))).toBe(803);
  });

  it('gives 0 when the output would not fit in the input size, or the input is too small', () => {
    expect(size(Uint8Array.from({ length: 256 }, (_, i) => i))).toBe(0);
    expect(size(bytes('x'))).toBe(0);
    expect(size(bytes('abcd'))).toBe(0);
    expect(lzfCompressedSize(new Uint8Array(0), 10)).toBe(0);
  });

  it('counts a literal-only input as its bytes plus one control byte per run of 32', () => {
    const input = Uint8Array.from({ length: 100 }, (_, i) => i);
    expect(lzfCompressedSize(input, 200)).toBe(100 + 4);
  });
});
