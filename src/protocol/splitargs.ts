/**
 * Redis's sdssplitargs: how redis-cli splits a typed line and how the server splits an inline
 * command. Double quotes understand `\xHH`, `\n`, `\r`, `\t`, `\b`, `\a` and `\<char>`; single
 * quotes only `\'`. A quote may open in the middle of a word (`a"b c"` is `ab c`), and a closing
 * quote must be followed by a space or the end. Returns null for unbalanced quotes.
 * Input and output are byte strings (char codes 0–255).
 */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) return out;
    let inDouble = false;
    let inSingle = false;
    let done = false;
    let cur = '';
    while (!done) {
      if (inDouble) {
        if (i >= n) return null;
        const c = line[i]!;
        if (c === '\\' && line[i + 1] === 'x' && isHex(line[i + 2]) && isHex(line[i + 3])) {
          cur += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === '\\' && i + 1 < n) {
          i++;
          const e = line[i]!;
          cur += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === 'b' ? '\b' : e === 'a' ? '\x07' : e;
        } else if (c === '"') {
          if (i + 1 < n && !isSpace(line.charCodeAt(i + 1))) return null;
          done = true;
        } else {
          cur += c;
        }
      } else if (inSingle) {
        if (i >= n) return null;
        const c = line[i]!;
        if (c === '\\' && line[i + 1] === "'") {
          i++;
          cur += "'";
        } else if (c === "'") {
          if (i + 1 < n && !isSpace(line.charCodeAt(i + 1))) return null;
          done = true;
        } else {
          cur += c;
        }
      } else {
        if (i >= n) break;
        const c = line[i]!;
        if (isSpace(line.charCodeAt(i))) done = true;
        else if (c === '"') inDouble = true;
        else if (c === "'") inSingle = true;
        else cur += c;
      }
      if (i < n) i++;
    }
    out.push(cur);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 11 || c === 12;
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}
