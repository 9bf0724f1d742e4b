import type { RedisTypeName } from '../../../protocol/api.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A byte string as something a person can read, and that can never be mistaken for markup or
 * a terminal command: valid UTF-8 is shown as text with control characters (ANSI escapes
 * included) spelled out as `\xNN`; anything else is shown the way redis-cli quotes bytes.
 * `singleLine` also spells out newlines and tabs (key names, list rows).
 */
export function displayBytes(s: string, singleLine: boolean): { text: string; binary: boolean } {
  const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return { text: escapeBinary(s), binary: true };
  }
  let out = '';
  for (const ch of decoded) {
    const cp = ch.codePointAt(0)!;
    if (!singleLine && (ch === '\n' || ch === '\t')) out += ch;
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) out += controlEscape(cp);
    else if (ch === '\\' && singleLine) out += '\\\\';
    else out += ch;
  }
  return { text: out, binary: false };
}

function controlEscape(cp: number): string {
  switch (cp) {
    case 10: return '\\n';
    case 13: return '\\r';
    case 9: return '\\t';
    default: return '\\x' + cp.toString(16).padStart(2, '0');
  }
}

/** sdscatrepr without the quotes: printable ASCII as is, the rest escaped. */
function escapeBinary(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) out += '\\\\';
    else if (c >= 32 && c <= 126) out += s[i];
    else out += controlEscape(c);
  }
  return out;
}

/** What PTTL would answer: Redis compares expiry times with mstime(), whole milliseconds. */
export function remainingMs(expireAt: number, virtualNow: number): number {
  return expireAt - Math.floor(virtualNow);
}

/** Remaining time to live, precise enough to watch it tick; a key lives until now > expireAt. */
export function formatTtl(ms: number): string {
  if (ms < 0) return 'expired';
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${String(h % 24).padStart(2, '0')}h`;
}

export function formatSize(type: RedisTypeName, size: number): string {
  if (type !== 'string') return `${size.toLocaleString('en-US')} ${size === 1 ? 'item' : 'items'}`;
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}
