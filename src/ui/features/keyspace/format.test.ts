import { describe, expect, it } from 'vitest';
import { displayBytes, formatSize, formatTtl, remainingMs } from './format.js';

describe('displayBytes', () => {
  it('shows UTF-8 as text', () => {
    expect(displayBytes('\xe4\xbd\xa0\xe5\xa5\xbd', false)).toEqual({ text: '你好', binary: false });
  });
  it('spells out terminal escapes and control characters', () => {
    expect(displayBytes('\x1b[31mred\x1b[0m\x07', false).text).toBe('\\x1b[31mred\\x1b[0m\\x07');
  });
  it('keeps newlines in multi-line text and escapes them on one line', () => {
    expect(displayBytes('a\nb\tc', false).text).toBe('a\nb\tc');
    expect(displayBytes('a\nb\tc\\', true).text).toBe('a\\nb\\tc\\\\');
  });
  it('quotes invalid UTF-8 like redis-cli', () => {
    expect(displayBytes('ok\xff\x00', false)).toEqual({ text: 'ok\\xff\\x00', binary: true });
  });
  it('leaves markup as the characters it is made of', () => {
    expect(displayBytes('<img src=x onerror=alert(1)>', true).text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('formatTtl', () => {
  it('counts down with tenths under ten seconds', () => {
    expect(formatTtl(9_950)).toBe('9.9s');
    expect(formatTtl(59_999)).toBe('59s');
    expect(formatTtl(61_000)).toBe('1m 01s');
    expect(formatTtl(3_600_000 * 5 + 60_000)).toBe('5h 01m');
    expect(formatTtl(86_400_000 * 2 + 3_600_000)).toBe('2d 01h');
    expect(formatTtl(0)).toBe('0.0s');
    expect(formatTtl(-1)).toBe('expired');
    expect(formatTtl(remainingMs(1_000_010_000, 1_000_000_000.7))).toBe('10s');
  });
});

describe('formatSize', () => {
  it('uses bytes for strings and items for collections', () => {
    expect(formatSize('string', 5)).toBe('5 B');
    expect(formatSize('string', 2048)).toBe('2.0 KiB');
    expect(formatSize('list', 1)).toBe('1 item');
    expect(formatSize('hash', 1200)).toBe('1,200 items');
  });
});
