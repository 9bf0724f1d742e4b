/**
 * C's `%.17g`: how Redis 7.0 writes a double on the wire (addReplyDouble), so the text redis-cli
 * prints after `(double) ` in RESP3 and inside the bulk string in RESP2. The UI keeps its own copy
 * because it must not import the engine (DESIGN.md §1: ui depends on protocol only).
 */
export function formatDouble17g(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  // toExponential rounds to 17 significant digits exactly; the exponent after rounding decides
  // between %e and %f style, as C does.
  const e = v.toExponential(16);
  const at = e.indexOf('e');
  const exp = Number(e.slice(at + 1));
  if (exp < -4 || exp >= 17) {
    const mantissa = stripZeros(e.slice(0, at));
    const abs = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return stripZeros(v.toFixed(16 - exp));
}

function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}
