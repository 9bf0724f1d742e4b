/**
 * sds.c sdscatrepr: a byte string as a double-quoted, escaped literal. What redis-cli prints
 * for bulk strings and what MONITOR writes for each argument.
 */
export function repr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 92: out += '\\\\'; break;
      case 34: out += '\\"'; break;
      case 10: out += '\\n'; break;
      case 13: out += '\\r'; break;
      case 9: out += '\\t'; break;
      case 7: out += '\\a'; break;
      case 8: out += '\\b'; break;
      default:
        // isprint() in the C locale: 0x20..0x7e.
        if (c >= 32 && c <= 126) out += s[i];
        else out += '\\x' + (c < 16 ? '0' : '') + c.toString(16);
    }
  }
  return out + '"';
}
