/**
 * Redis strings are byte strings here (char codes 0–255). Text that arrives from outside with
 * wider characters (a hand-edited session file, an API caller that forgot to encode) is taken
 * as Unicode and stored as its UTF-8 bytes, as redis-cli would send it.
 */
export function toByteString(s: string): string {
  if (!/[^\u0000-\u00ff]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out += String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}
