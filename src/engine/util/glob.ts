/**
 * Redis's stringmatchlen (util.c, 7.0): glob-style matching used by KEYS, SCAN MATCH,
 * PSUBSCRIBE, CONFIG GET and friends. `*`, `?`, `[abc]`, `[^a-z]`, ranges in either order and
 * backslash escapes; an unterminated `[` matches as if closed at the end of the pattern.
 *
 * Quirks kept on purpose because Redis has them:
 * - trailing stars are only skipped after a character was consumed, so `*` does not match the
 *   empty string (KEYS and SCAN special-case the exact pattern `*` before calling this);
 * - in a class, an escape compares the raw bytes even when `nocase`, a reversed range is
 *   swapped before it is lower-cased, and range bounds compare as signed chars;
 * - a pattern nesting more than 1000 stars never matches (protection against abusive patterns).
 */
export function stringMatch(pattern: string, str: string, nocase = false): boolean {
  const state = { skipLongerMatches: false };
  return matchAt(pattern, 0, str, 0, nocase, state, 0);
}

const MAX_NESTING = 1000;

function lower(c: number, nocase: boolean): number {
  return nocase && c >= 65 && c <= 90 ? c + 32 : c;
}

/** Range bounds are C `char`s, signed on the platforms Redis ships for: 0x80-0xff sort below 0. */
function signedChar(b: number): number {
  return (b << 24) >> 24;
}

/**
 * stringmatchlen_impl. `state.skipLongerMatches` is set when the rest of the pattern after a
 * star failed at every position of the rest of the string: no earlier star can then succeed
 * by matching more, which keeps patterns like `a*a*a*a*b` linear instead of exponential.
 */
function matchAt(
  p: string,
  pi: number,
  s: string,
  si: number,
  nocase: boolean,
  state: { skipLongerMatches: boolean },
  nesting: number,
): boolean {
  if (nesting > MAX_NESTING) return false;
  const plen = p.length;
  const slen = s.length;
  while (pi < plen && si < slen) {
    switch (p.charCodeAt(pi)) {
      case 42: { // '*'
        while (pi + 1 < plen && p.charCodeAt(pi + 1) === 42) pi++;
        if (pi + 1 === plen) return true;
        for (; si < slen; si++) {
          if (matchAt(p, pi + 1, s, si, nocase, state, nesting + 1)) return true;
          if (state.skipLongerMatches) return false;
        }
        state.skipLongerMatches = true;
        return false;
      }
      case 63: // '?'
        si++;
        break;
      case 91: { // '['
        pi++;
        const not = pi < plen && p.charCodeAt(pi) === 94; // '^'
        if (not) pi++;
        let match = false;
        const sc = s.charCodeAt(si);
        for (;;) {
          const cc = pi < plen ? p.charCodeAt(pi) : -1;
          if (cc === 92 && plen - pi >= 2) { // '\\' escapes the next byte, compared as is
            pi++;
            if (p.charCodeAt(pi) === sc) match = true;
          } else if (cc === 93) { // ']'
            break;
          } else if (cc === -1) { // unterminated: step back so the loop tail ends the pattern
            pi--;
            break;
          } else if (plen - pi >= 3 && p.charCodeAt(pi + 1) === 45) { // range 'a-z'
            let start = signedChar(cc);
            let end = signedChar(p.charCodeAt(pi + 2));
            if (start > end) {
              const t = start;
              start = end;
              end = t;
            }
            start = lower(start, nocase);
            end = lower(end, nocase);
            const c = lower(signedChar(sc), nocase);
            pi += 2;
            if (c >= start && c <= end) match = true;
          } else if (lower(cc, nocase) === lower(sc, nocase)) {
            match = true;
          }
          pi++;
        }
        if (not) match = !match;
        if (!match) return false;
        si++;
        break;
      }
      case 92: // '\\'
        if (plen - pi >= 2) pi++;
      // falls through: the escaped byte is compared literally
      default:
        if (lower(p.charCodeAt(pi), nocase) !== lower(s.charCodeAt(si), nocase)) return false;
        si++;
    }
    pi++;
    if (si === slen) {
      while (pi < plen && p.charCodeAt(pi) === 42) pi++;
      break;
    }
  }
  return pi === plen && si === slen;
}
