import type { LineDisplay } from './lineEditor.js';
import { charWidth } from './width.js';

/** linenoise's hint colour: grey (90), not bold. */
const HINT_ON = '\x1b[0;90;49m';
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

/**
 * Draws the line being edited, wrapped over as many rows as it needs (linenoise's multi-line
 * mode, which redis-cli turns on): each refresh climbs back to the prompt's row, clears to the
 * end of the screen and rewrites prompt, line and hint, then puts the cursor where the editor
 * says. Widths are counted in terminal cells so wide characters keep the cursor in place.
 */
export class LineView {
  /** Rows between the prompt's first row and the cursor after the last refresh. */
  private cursorRow = 0;

  /** The escape sequence that redraws the line. */
  refresh(prompt: string, d: LineDisplay, hint: string | null, cols: number): string {
    const width = Math.max(1, cols);
    let out = this.clear();
    const promptText = d.prompt ?? prompt;
    out += promptText;
    if (d.bold === null) {
      out += d.text;
    } else {
      out += RESET + d.text.slice(0, d.bold.start) + BOLD + d.text.slice(d.bold.start, d.bold.end) + RESET + d.text.slice(d.bold.end);
    }
    const layout = new Layout(width);
    layout.add(promptText);
    const cursorAt = layout.clone();
    cursorAt.add(d.text.slice(0, d.cursor));
    layout.add(d.text);
    // linenoise shows a hint only while prompt and line fit on the first row, cut to the rest.
    if (hint !== null && hint !== '' && layout.row === 0 && layout.col < width) {
      const shown = cutToWidth(hint, width - layout.col);
      out += HINT_ON + shown + RESET;
      layout.add(shown);
    }
    let endRow = layout.row;
    const target = cursorAt.position();
    if (target.row > endRow) {
      // The cursor sits past a full last row: open the next row as linenoise does.
      out += '\r\n';
      endRow = target.row;
    }
    if (endRow > target.row) out += `\x1b[${endRow - target.row}A`;
    out += target.col > 0 ? `\r\x1b[${target.col}C` : '\r';
    this.cursorRow = target.row;
    return out;
  }

  /**
   * Leave the line as drawn and move below it (Enter): the next output starts on a fresh row.
   * Returns the sequence to write.
   */
  finish(prompt: string, d: LineDisplay, cols: number): string {
    const out = this.refresh(prompt, { ...d, cursor: d.text.length, hints: false }, null, cols);
    this.cursorRow = 0;
    return out + '\r\n';
  }

  /** Erase the line (back to the prompt's first row); the next refresh starts there. */
  clear(): string {
    const out = this.cursorRow > 0 ? `\x1b[${this.cursorRow}A\r\x1b[J` : '\r\x1b[J';
    this.cursorRow = 0;
    return out;
  }

  /** The next refresh starts on the current row (after output was printed). */
  reset(): void {
    this.cursorRow = 0;
  }
}

/** Where text lands in a terminal of `cols` columns (row, column, auto-wrap pending). */
class Layout {
  row = 0;
  col = 0;
  pendingWrap = false;

  constructor(private readonly cols: number) {}

  clone(): Layout {
    const l = new Layout(this.cols);
    l.row = this.row;
    l.col = this.col;
    l.pendingWrap = this.pendingWrap;
    return l;
  }

  add(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const w = charWidth(cp);
      if (w === 0) continue;
      if (this.pendingWrap || this.col + w > this.cols) {
        this.row++;
        this.col = 0;
        this.pendingWrap = false;
      }
      this.col += w;
      if (this.col >= this.cols) {
        this.col = this.cols;
        this.pendingWrap = true;
      }
    }
  }

  /** Where the cursor is drawn: after a full row it is the start of the next one. */
  position(): { row: number; col: number } {
    return this.pendingWrap ? { row: this.row + 1, col: 0 } : { row: this.row, col: this.col };
  }
}

function cutToWidth(s: string, cells: number): string {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    const cw = charWidth(cp);
    if (w + cw > cells) return s.slice(0, i);
    w += cw;
    if (cp > 0xffff) i++;
  }
  return s;
}
