/**
 * Redis's stringmatchlen (util.c): glob-style matching used by KEYS, SCAN MATCH, PSUBSCRIBE,
 * CONFIG GET and friends. Supports `*`, `?`, `[abc]`, `[^a-z]`, ranges in either order and
 * backslash escapes; an unterminated `[` matches as if closed at the end of the pattern.
 */
export function stringMatch(pattern: string, str: string, nocase = false): boolean {
  return matchAt(pattern, 0, str, 0, nocase, 0);
}

// Redis bounds recursion on `*` (stringmatchlen_impl's nesting counter) to avoid
// exponential patterns; a pattern beyond the bound simply does not match.
const MAX_NESTING = 1000;

function lower(c: number, nocase: boolean): number {
  return nocase && c >= 65 && c <= 90 ? c + 32 : c;
}

function matchAt(p: string, pi: number, s: string, si: number, nocase: boolean, nesting: number): boolean {
  if (nesting > MAX_NESTING) return false;
  const plen = p.length;
  const slen = s.length;
  while (pi < plen && si < slen) {
    const pc = p.charCodeAt(pi);
    switch (pc) {
      case 42: { // '*'
        while (pi + 1 < plen && p.charCodeAt(pi + 1) === 42) pi++;
        if (pi + 1 === plen) return true;
        for (let k = si; k < slen; k++) {
          if (matchAt(p, pi + 1, s, k, nocase, nesting + 1)) return true;
        }
        return false;
      }
      case 63: // '?'
        si++;
        pi++;
        continue;
      case 91: { // '['
        pi++;
        const not = pi < plen && p.charCodeAt(pi) === 94; // '^'
        if (not) pi++;
        let match = false;
        const c = lower(s.charCodeAt(si), nocase);
        for (;;) {
          if (pi >= plen) { pi--; break; } // unterminated: treat as closed at the end
          const cc = p.charCodeAt(pi);
          if (cc === 92 && pi + 1 < plen) { // '\\' escape inside a class
            pi++;
            if (p.charCodeAt(pi) === c) match = true;
          } else if (cc === 93) { // ']'
            break;
          } else if (pi + 2 < plen && p.charCodeAt(pi + 1) === 45) { // range a-z
            let start = lower(cc, nocase);
            let end = lower(p.charCodeAt(pi + 2), nocase);
            if (start > end) { const t = start; start = end; end = t; }
            pi += 2;
            if (c >= start && c <= end) match = true;
          } else if (lower(cc, nocase) === c) {
            match = true;
          }
          pi++;
        }
        if (not) match = !match;
        if (!match) return false;
        si++;
        pi++;
        continue;
      }
      case 92: // '\\'
        if (pi + 1 < plen) pi++;
      // falls through: compare the escaped character literally
      default:
        if (lower(p.charCodeAt(pi), nocase) !== lower(s.charCodeAt(si), nocase)) return false;
        si++;
        pi++;
    }
  }
  // The string is consumed: only trailing stars may remain in the pattern.
  while (pi < plen && p.charCodeAt(pi) === 42) pi++;
  return pi === plen && si === slen;
}
