/**
 * Scenario text is Unicode; Redis arguments are bytes. Every character of a command or an
 * expected value is written as its UTF-8 bytes (what redis-cli sends for what is typed), and
 * the serializer turns bytes back into text when they are valid UTF-8.
 */

/** Text → byte string (char codes 0–255), always UTF-8, Latin-1 characters included. */
export function utf8Bytes(text: string): string {
  if (/^[\u0000-\u007f]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out += String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** A byte string's UTF-8 text, or null when the bytes are not valid UTF-8. */
export function utf8Text(bytes: string): string | null {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes.charCodeAt(i);
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length) return null;
    let cp = n === 0 ? b : b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes.charCodeAt(i + k);
      if ((c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff))) return null;
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}
