/**
 * The console's edges between text and bytes (DESIGN.md invariant 2): what the user types is
 * UTF-8 encoded into a byte string before redis-cli's splitting, like a UTF-8 terminal sends it,
 * so `SET k 你好` stores 6 bytes.
 */
const encoder = new TextEncoder();

/** UTF-16 text → byte string of its UTF-8 encoding. */
export function utf8Bytes(text: string): string {
  if (isAscii(text)) return text;
  const bytes = encoder.encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return out;
}

/** Byte string of UTF-8 → text (for history entries and search), invalid bytes as U+FFFD. */
export function utf8Text(bytes: string): string {
  if (isAscii(bytes)) return bytes;
  const buf = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
  return new TextDecoder().decode(buf);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
