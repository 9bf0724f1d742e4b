/** Small helpers shared by the benchmark sections: Markdown tables and summary numbers. */

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |\n`;
  return line(header) + line(header.map(() => '---')) + rows.map(line).join('');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** "0.93x", or n/a when either side did not run. */
export function ratio(ours: number, theirs: number): string {
  return ours > 0 && theirs > 0 ? `${(ours / theirs).toFixed(2)}x` : 'n/a';
}
