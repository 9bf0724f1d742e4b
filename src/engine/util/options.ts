/**
 * An option word as Redis's strcasecmp (or its char-by-char checks) sees it: upper-cased and
 * cut at the first NUL byte, because Redis compares NUL-terminated buffers ("nx\0junk" is NX).
 * Byte strings only: no byte above 0x7f upper-cases into ASCII, so equality with an ASCII
 * option name is exactly C's case-insensitive comparison.
 */
export function optionName(arg: string): string {
  const nul = arg.indexOf('\0');
  return (nul === -1 ? arg : arg.slice(0, nul)).toUpperCase();
}
