import { describe, expect, it } from 'vitest';
import { stringMatch } from './glob.js';

/**
 * Expectations below were produced by real redis-server 7.0.15 (KEYS <pattern> over the key set
 * SUBJECTS, and CONFIG GET <pattern> for nocase, which matches config names case-insensitively).
 */
const SUBJECTS = ['', 'a', 'b', 'ab', 'abc', 'hello', 'hallo', 'hxllo', 'hllo', 'heeeello', '*', '?', '[', ']', '^', '-', '\\', 'a*b', 'a?b', 'A', '\xc3', '\x01', 'aaaa'];

const KEYS_RESULTS: Array<[string, string[]]> = [
  ['**', ['\x01', '*', '-', '?', 'A', '[', '\\', ']', '^', 'a', 'a*b', 'a?b', 'aaaa', 'ab', 'abc', 'b', 'hallo', 'heeeello', 'hello', 'hllo', 'hxllo', '\xc3']],
  ['?', ['\x01', '*', '-', '?', 'A', '[', '\\', ']', '^', 'a', 'b', '\xc3']],
  ['??', ['ab']],
  ['h?llo', ['hallo', 'hello', 'hxllo']],
  ['h*llo', ['hallo', 'heeeello', 'hello', 'hllo', 'hxllo']],
  ['h[ae]llo', ['hallo', 'hello']],
  ['h[^e]llo', ['hallo', 'hxllo']],
  ['h[a-b]llo', ['hallo']],
  ['h[b-a]llo', ['hallo']],
  ['[', []],
  ['[a', ['a']],
  ['[^a', ['\x01', '*', '-', '?', 'A', '[', '\\', ']', '^', 'b', '\xc3']],
  ['[]', []],
  ['[^]', ['\x01', '*', '-', '?', 'A', '[', '\\', ']', '^', 'a', 'b', '\xc3']],
  ['[]a]', []],
  ['[a-]', [']', '^', 'a']],
  ['[-a]', ['-', 'a']],
  ['[\\', ['\\']],
  ['[\\]]', [']']],
  ['\\*', ['*']],
  ['a\\*b', ['a*b']],
  ['a\\?b', ['a?b']],
  ['\\', ['\\']],
  ['a\\', []],
  ['\\a', ['a']],
  ['[\\a]', ['a']],
  ['[a-\xff]', ['\x01', '*', '-', '?', 'A', '[', '\\', ']', '^', 'a']],
  ['[\x80-\xff]', ['\xc3']],
  ['a*', ['a', 'a*b', 'a?b', 'aaaa', 'ab', 'abc']],
  ['*b', ['a*b', 'a?b', 'ab', 'b']],
  ['*a*', ['a', 'a*b', 'a?b', 'aaaa', 'ab', 'abc', 'hallo']],
  ['a**', ['a', 'a*b', 'a?b', 'aaaa', 'ab', 'abc']],
  ['a***?', ['a*b', 'a?b', 'aaaa', 'ab', 'abc']],
  ['*?*', ['\x01', '*', '-', '?', 'A', '[', '\\', ']', '^', 'a', 'a*b', 'a?b', 'aaaa', 'ab', 'abc', 'b', 'hallo', 'heeeello', 'hello', 'hllo', 'hxllo', '\xc3']],
  ['[a-c]*', ['a', 'a*b', 'a?b', 'aaaa', 'ab', 'abc', 'b']],
  ['a[', []],
  ['[^-]', ['\x01', '*', '?', 'A', '[', '\\', ']', '^', 'a', 'b', '\xc3']],
  ['[!a]', ['a']],
  ['a*a*a*a*b', []],
  ['*[\\]]*', [']']],
];

describe('stringMatch (stringmatchlen)', () => {
  it.each(KEYS_RESULTS)('pattern %j selects what KEYS selects', (pattern, matched) => {
    const ours = SUBJECTS.filter((s) => stringMatch(pattern, s)).sort();
    expect(ours).toEqual([...matched].sort());
  });

  it('does not match the empty string with stars alone (KEYS special-cases the exact "*")', () => {
    expect(stringMatch('*', '')).toBe(false);
    expect(stringMatch('**', '')).toBe(false);
    expect(stringMatch('', '')).toBe(true);
    expect(stringMatch('', 'a')).toBe(false);
    expect(stringMatch('a*', 'a')).toBe(true);
  });

  it('nocase lowers literals and ranges, swapping a reversed range first, but not escapes', () => {
    const name = 'maxmemory-policy';
    expect(stringMatch('MAXMEMORY-POLIC[X-Z]', name, true)).toBe(true);
    expect(stringMatch('maxmemory-polic[Z-a]', name, true)).toBe(false);
    expect(stringMatch('maxmemory-polic[a-Z]', name, true)).toBe(false);
    expect(stringMatch('MAXMEMORY-POLIC[\\Y]', name, true)).toBe(false);
    expect(stringMatch('MAXMEMORY-POLIC[\\y]', name, true)).toBe(true);
    expect(stringMatch('MAXMEMORY-POLIC[Y]', name, true)).toBe(true);
    expect(stringMatch('maxmemory-polic[^Y]', name, true)).toBe(false);
    expect(stringMatch('maxmemory-polic[_-z]', name, true)).toBe(true);
    expect(stringMatch('MAXMEMORY-*', name, true)).toBe(true);
    expect(stringMatch('MAXMEMORY-*', name, false)).toBe(false);
  });

  it('gives up beyond 1000 nested stars, as Redis does', () => {
    const key = 'a'.repeat(2000);
    expect(stringMatch('*a'.repeat(1000), key)).toBe(true);
    expect(stringMatch('*a'.repeat(1001), key)).toBe(false);
  });

  it('stays fast on patterns with many stars that cannot match', () => {
    const key = 'a'.repeat(5000);
    const pattern = 'a*'.repeat(60) + 'b';
    const t0 = process.hrtime.bigint();
    expect(stringMatch(pattern, key)).toBe(false);
    expect(stringMatch('*a*a*a*a*a*a*a*a*a*a*a*a*b', key)).toBe(false);
    expect(Number(process.hrtime.bigint() - t0) / 1e6).toBeLessThan(500);
  });
});
