/** lz-string's URI-safe alphabet: 6 bits per character. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((ch, i) => [ch, i]));

/**
 * lz-string's `decompressFromEncodedURIComponent`, with a limit on what it may produce. A link
 * is untrusted input, and LZ decompression is a bomb: n input codes can expand to about n²/2
 * characters, gigabytes from a link of a few kilobytes. This decoder follows lz-string's
 * algorithm step for step (so every link lz-string writes reads back the same) but stops as
 * soon as the output passes `maxChars`. Returns null for input lz-string would not have written
 * and for output over the limit.
 */
export function decompressFromUriBounded(input: string, maxChars: number): string | null {
  const values: number[] = [];
  // A `+` that went through a form encoding comes back as a space, as lz-string allows for.
  for (const ch of input.replace(/ /g, '+')) {
    const v = VALUE.get(ch);
    if (v === undefined) return null;
    values.push(v);
  }
  if (values.length === 0) return null;

  let val = values[0]!;
  let position = 32;
  let index = 1;
  const read = (n: number): number => {
    let bits = 0;
    for (let i = 0; i < n; i++) {
      if (val & position) bits |= 1 << i;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = values[index++] ?? 0;
      }
    }
    return bits;
  };

  const dictionary: string[] = [];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const grow = (): void => {
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  };

  const first = read(2);
  if (first === 2) return '';
  if (first > 2) return null;
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result = [w];
  let length = w.length;

  for (;;) {
    if (index > values.length) return null;
    let c = read(numBits);
    if (c === 2) return result.join('');
    if (c < 2) {
      dictionary[dictSize++] = String.fromCharCode(read(c === 0 ? 8 : 16));
      c = dictSize - 1;
      grow();
    }
    const entry = c < dictSize && dictionary[c] !== undefined ? dictionary[c]! : c === dictSize ? w + w.charAt(0) : null;
    if (entry === null) return null;
    length += entry.length;
    if (length > maxChars) return null;
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    grow();
    w = entry;
  }
}
