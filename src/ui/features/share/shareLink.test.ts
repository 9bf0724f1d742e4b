import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressFromUriBounded } from './boundedDecompress.js';
import { MAX_LINK_CHARS, MAX_SCENARIO_CHARS, readSharedScenario, shareLink } from './shareLink.js';

const BASE = 'https://example.org/course/redis/index.html?lang=en#old';

describe('bounded decompression', () => {
  it('reads back whatever lz-string wrote, as lz-string does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        const packed = compressToEncodedURIComponent(s);
        const expected = decompressFromEncodedURIComponent(packed);
        expect(decompressFromUriBounded(packed, 10_000)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('reads repetitive text (long dictionary entries) and a space that replaced a plus', () => {
    const text = 'GET product:42\n'.repeat(500) + 'ü€😀';
    const packed = compressToEncodedURIComponent(text);
    expect(decompressFromUriBounded(packed, 100_000)).toBe(text);
    expect(packed).toContain('+');
    expect(decompressFromUriBounded(packed.replace(/\+/g, ' '), 100_000)).toBe(text);
  });

  it('stops a decompression bomb at the limit', () => {
    // Half a million characters from under two thousand: a link of any length could hold gigabytes.
    const bomb = compressToEncodedURIComponent('a'.repeat(500_000));
    expect(bomb.length).toBeLessThan(2000);
    expect(decompressFromUriBounded(bomb, MAX_SCENARIO_CHARS)).toBeNull();
    expect(decompressFromUriBounded(compressToEncodedURIComponent('a'.repeat(MAX_SCENARIO_CHARS)), MAX_SCENARIO_CHARS)).toHaveLength(MAX_SCENARIO_CHARS);
  });

  it('refuses input lz-string never writes', () => {
    expect(decompressFromUriBounded('', 100)).toBeNull();
    expect(decompressFromUriBounded('<script>', 100)).toBeNull();
    const packed = compressToEncodedURIComponent('a scenario cut short when it was copied');
    expect(decompressFromUriBounded(packed.slice(0, packed.length - 6), 1000)).toBeNull();
  });
});

describe('share links', () => {
  it('round-trips a scenario through the hash, keeping the rest of the address', () => {
    const text = '---\ntitle: Mine — with ünïcode\n---\n\n# Step\n\n```redis\nSET k "<b>v</b>"\n```\n';
    const link = shareLink(text, BASE);
    if (!link.ok) throw new Error(link.error);
    const url = new URL(link.url);
    expect(url.origin + url.pathname + url.search).toBe('https://example.org/course/redis/index.html?lang=en');
    expect(readSharedScenario(url.hash)).toEqual({ kind: 'text', text });
  });

  it('ignores a hash without a scenario', () => {
    expect(readSharedScenario('')).toEqual({ kind: 'none' });
    expect(readSharedScenario('#other=1')).toEqual({ kind: 'none' });
  });

  it('refuses to write a scenario over the size limits', () => {
    expect(shareLink('x'.repeat(MAX_SCENARIO_CHARS + 1), BASE)).toMatchObject({ ok: false, error: expect.stringMatching(/at most 32,768/) });
    let seed = 1;
    const noise = Array.from({ length: MAX_SCENARIO_CHARS }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 20000))).join('');
    expect(shareLink(noise, BASE)).toMatchObject({ ok: false, error: expect.stringMatching(/too long for a link/) });
  });

  it('refuses links that are too long, damaged or expand past the limit, before anything loads', () => {
    expect(readSharedScenario(`#scenario=${'A'.repeat(MAX_LINK_CHARS + 1)}`)).toMatchObject({ kind: 'invalid', error: expect.stringMatching(/too long/) });
    expect(readSharedScenario('#scenario=%3Cscript%3E')).toMatchObject({ kind: 'invalid' });
    const bomb = compressToEncodedURIComponent('---\n' + 'a'.repeat(MAX_SCENARIO_CHARS));
    expect(readSharedScenario(`#scenario=${bomb}`)).toMatchObject({ kind: 'invalid', error: expect.stringMatching(/damaged or holds more/) });
  });
});
