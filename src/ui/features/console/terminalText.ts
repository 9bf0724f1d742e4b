/**
 * What reaches the terminal. redis-cli writes its output bytes to a UTF-8 terminal as they are;
 * bulk strings are already escaped by repr, but status lines, errors, raw-printed replies (INFO,
 * CLIENT LIST...) and pushes can carry any byte a key or value holds, and an ESC there would
 * drive the terminal. So every byte that would act instead of print is shown the way repr
 * shows it (`\x1b`), valid UTF-8 becomes its characters, and line ends become CR LF for xterm.
 */
export function replyText(bytes: string): string {
  if (isPlain(bytes)) return bytes.replace(/\r?\n/g, '\r\n');
  let out = '';
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 10) {
      out += '\r\n';
    } else if (c === 13) {
      out += bytes.charCodeAt(i + 1) === 10 ? '' : '\\x0d';
    } else if (c === 9 || (c >= 32 && c < 127)) {
      out += bytes[i];
    } else if (c < 32 || c === 127) {
      out += hex(c);
    } else {
      const len = utf8SequenceLength(bytes, i);
      const cp = len === 0 ? -1 : decodeAt(bytes, i, len);
      // C1 controls (U+0080–U+009F) are control sequences to xterm too.
      if (cp < 0xa0) {
        out += hex(c);
      } else {
        out += String.fromCodePoint(cp);
        i += len - 1;
      }
    }
  }
  return out;
}

function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 127 || (c < 32 && c !== 10 && c !== 9 && !(c === 13 && s.charCodeAt(i + 1) === 10))) return false;
  }
  return true;
}

function hex(c: number): string {
  return '\\x' + (c < 16 ? '0' : '') + c.toString(16);
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0. */
function utf8SequenceLength(s: string, i: number): number {
  const b = s.charCodeAt(i);
  let need: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [need, min] = [2, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [need, min] = [3, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [need, min] = [4, 0x10000];
  else return 0;
  if (i + need > s.length) return 0;
  for (let k = 1; k < need; k++) if ((s.charCodeAt(i + k) & 0xc0) !== 0x80) return 0;
  const cp = decodeAt(s, i, need);
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need;
}

function decodeAt(s: string, i: number, len: number): number {
  let cp = s.charCodeAt(i) & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
  for (let k = 1; k < len; k++) cp = (cp << 6) | (s.charCodeAt(i + k) & 0x3f);
  return cp;
}
