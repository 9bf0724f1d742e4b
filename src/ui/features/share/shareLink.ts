import { compressToEncodedURIComponent } from 'lz-string';
import { decompressFromUriBounded } from './boundedDecompress.js';

/** The hash parameter a shared scenario travels in: `#scenario=<lz-string, URI-safe>`. */
export const SHARE_PARAM = 'scenario';
/**
 * The scenario format's own size limit (the worker's LIMITS.chars, which checks it again):
 * a link never expands to more than this.
 */
export const MAX_SCENARIO_CHARS = 32 * 1024;
/**
 * The longest compressed text a link may carry. Every scenario within the format's limit
 * compresses to less in practice (Markdown compresses to about a third); browsers take far
 * longer URLs, but a link this long is already past what mail and chat keep intact.
 */
export const MAX_LINK_CHARS = 24_000;

export type ShareLink = { ok: true; url: string; chars: number } | { ok: false; error: string };

/** A link to `base` (the app's own address) that opens this scenario text. */
export function shareLink(text: string, base: string): ShareLink {
  if (text.length > MAX_SCENARIO_CHARS) {
    return { ok: false, error: `the scenario is ${text.length.toLocaleString('en-US')} characters; a shared scenario holds at most ${MAX_SCENARIO_CHARS.toLocaleString('en-US')}` };
  }
  const packed = compressToEncodedURIComponent(text);
  if (packed.length > MAX_LINK_CHARS) {
    return { ok: false, error: `the scenario compresses to ${packed.length.toLocaleString('en-US')} characters, too long for a link (at most ${MAX_LINK_CHARS.toLocaleString('en-US')})` };
  }
  const url = new URL(base);
  url.hash = `${SHARE_PARAM}=${packed}`;
  return { ok: true, url: url.toString(), chars: packed.length };
}

export type SharedScenario = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'invalid'; error: string };

/**
 * The scenario text in a location hash. Untrusted: the compressed part is size-checked before
 * it is decompressed, and the decompression stops past the format's limit. The text is only
 * text: the worker validates it against the scenario schema before anything loads.
 */
export function readSharedScenario(hash: string): SharedScenario {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(SHARE_PARAM);
  if (packed === null) return { kind: 'none' };
  if (packed.length > MAX_LINK_CHARS) return { kind: 'invalid', error: `the link is too long (${packed.length.toLocaleString('en-US')} characters; at most ${MAX_LINK_CHARS.toLocaleString('en-US')})` };
  const text = decompressFromUriBounded(packed, MAX_SCENARIO_CHARS);
  if (text === null) return { kind: 'invalid', error: 'the link is damaged or holds more than a scenario may (it may have been cut short when it was copied)' };
  if (text === '') return { kind: 'invalid', error: 'the link holds an empty scenario' };
  return { kind: 'text', text };
}
