import type { ConsoleTerminal } from '../terminalOutput.js';

/**
 * A terminal for controller tests: records what the console writes and lets a test type.
 * `screen()` replays the writes through a small emulation of the control sequences the
 * console uses (cursor moves, erase, auto-wrap) and returns the visible lines, so tests can
 * assert what a user sees rather than escape sequences.
 */
export class FakeTerminal implements ConsoleTerminal {
  written = '';
  /** How many writes there were: the console writes once per reply or pasted batch. */
  writes = 0;
  private listener: ((data: string) => void) | null = null;

  constructor(public cols = 80) {}

  /** Writes are processed at once, as xterm does with the first write after a key press. */
  write(data: string, parsed?: () => void): void {
    this.written += data;
    this.writes++;
    parsed?.();
  }

  onData(listener: (data: string) => void): { dispose(): void } {
    this.listener = listener;
    return { dispose: () => (this.listener = null) };
  }

  type(data: string): void {
    this.listener?.(data);
  }

  /** The lines on screen, trailing spaces trimmed; the cursor as [row, col]. */
  screen(): { lines: string[]; cursor: [number, number] } {
    const rows: string[][] = [[]];
    let row = 0;
    let col = 0;
    let pending = false;
    const s = this.written;
    const put = (ch: string): void => {
      if (pending) {
        row++;
        col = 0;
        pending = false;
      }
      while (rows.length <= row) rows.push([]);
      const line = rows[row]!;
      while (line.length < col) line.push(' ');
      line[col] = ch;
      col++;
      if (col >= this.cols) {
        col = this.cols - 1;
        pending = true;
      }
    };
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === '\x1b' && s[i + 1] === '[') {
        let j = i + 2;
        while (j < s.length && !/[@-~]/.test(s[j]!)) j++;
        const params = s.slice(i + 2, j);
        const n = params === '' ? 1 : parseInt(params, 10) || 1;
        switch (s[j]) {
          case 'A':
            row = Math.max(0, row - n);
            pending = false;
            break;
          case 'C':
            col = Math.min(this.cols - 1, col + n);
            pending = false;
            break;
          case 'J':
            rows.length = row + 1;
            rows[row] = (rows[row] ?? []).slice(0, col);
            break;
          case 'K':
            rows[row] = params === '2' ? [] : (rows[row] ?? []).slice(0, col);
            break;
          case 'H':
            row = 0;
            col = 0;
            pending = false;
            break;
          default:
            break; // colours and other attributes do not change the text
        }
        if (params === '2' && s[j] === 'J') rows.length = 0;
        i = j;
      } else if (ch === '\r') {
        col = 0;
        pending = false;
      } else if (ch === '\n') {
        row++;
        pending = false;
        while (rows.length <= row) rows.push([]);
      } else if (ch === '\x07') {
        continue;
      } else {
        put(ch);
      }
    }
    const lines = rows.map((r) => r.join('').replace(/\s+$/, ''));
    while (lines.length > 0 && lines[lines.length - 1] === '' && lines.length - 1 > row) lines.pop();
    return { lines, cursor: [row, pending ? this.cols : col] };
  }
}
