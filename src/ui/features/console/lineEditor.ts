import type { History } from './history.js';

/**
 * linenoise's line editing state (the library redis-cli uses), as pure logic: the buffer and
 * cursor, ↑/↓ history, Ctrl-R reverse-i-search (redis-cli 7.4's) and TAB completion cycling.
 * It knows nothing of terminals; the controller draws `display()`.
 */

export const SEARCH_PROMPT = '(reverse-i-search): ';

/** What the line looks like now. */
export interface LineDisplay {
  /** Replaces the prompt (reverse-i-search). */
  prompt: string | null;
  /** Plain text of the line. */
  text: string;
  /** Cursor index in `text` (UTF-16 units). */
  cursor: number;
  /** A span of `text` drawn bold (the reverse-i-search match). */
  bold: { start: number; end: number } | null;
  /** The inline hint may be shown. */
  hints: boolean;
}

interface Search {
  /** The search term (the line buffer while searching). */
  term: string;
  /** Index in the history of the current match, and the match. */
  index: number;
  result: string;
  at: number;
}

interface Completion {
  original: string;
  candidates: string[];
  /** candidates.length means "the original line". */
  index: number;
}

export type CompletionStep = 'shown' | 'beep';

export class LineEditor {
  buf = '';
  pos = 0;
  private historyIndex = 0;
  private search: Search | null = null;
  private completion: Completion | null = null;
  /** linenoise's ignore_once_hint: no hint on the first draw after leaving a search. */
  private hideHintOnce = false;

  constructor(private readonly history: History) {}

  /** A new line at a new prompt. */
  begin(): void {
    this.buf = '';
    this.pos = 0;
    this.historyIndex = 0;
    this.search = null;
    this.completion = null;
    this.history.beginEdit();
  }

  /** Enter: the line to run (a completion shown or a search match is taken). */
  finish(): string {
    this.acceptCompletion();
    if (this.search !== null) this.leaveSearch(true);
    this.history.endEdit();
    const line = this.buf;
    this.buf = '';
    this.pos = 0;
    return line;
  }

  get searching(): boolean {
    return this.search !== null;
  }

  get completing(): boolean {
    return this.completion !== null;
  }

  /** What to draw. Reading it uses up the one-draw hint suppression, as linenoise's refresh does. */
  display(): LineDisplay {
    if (this.completion !== null && this.completion.index < this.completion.candidates.length) {
      const text = this.completion.candidates[this.completion.index]!;
      return { prompt: null, text, cursor: text.length, bold: null, hints: true };
    }
    if (this.search !== null) {
      const s = this.search;
      if (s.result === '') return { prompt: SEARCH_PROMPT, text: s.term, cursor: this.pos, bold: null, hints: false };
      return {
        prompt: SEARCH_PROMPT,
        text: s.result,
        cursor: s.at + this.pos,
        bold: { start: s.at, end: s.at + s.term.length },
        hints: false,
      };
    }
    const hints = !this.hideHintOnce;
    this.hideHintOnce = false;
    return { prompt: null, text: this.buf, cursor: this.pos, bold: null, hints };
  }

  insert(text: string): void {
    this.buf = this.buf.slice(0, this.pos) + text + this.buf.slice(this.pos);
    this.pos += text.length;
    this.searchChanged();
  }

  backspace(): void {
    if (this.pos === 0) return;
    const prev = prevIndex(this.buf, this.pos);
    this.buf = this.buf.slice(0, prev) + this.buf.slice(this.pos);
    this.pos = prev;
    this.searchChanged();
  }

  /** Delete key / Ctrl-D on a non-empty line. */
  deleteRight(): void {
    if (this.pos >= this.buf.length) return;
    this.buf = this.buf.slice(0, this.pos) + this.buf.slice(nextIndex(this.buf, this.pos));
    this.searchChanged();
  }

  left(): void {
    if (this.pos > 0) this.pos = prevIndex(this.buf, this.pos);
  }

  right(): void {
    if (this.pos < this.buf.length) this.pos = nextIndex(this.buf, this.pos);
  }

  home(): void {
    this.pos = 0;
  }

  end(): void {
    this.pos = this.buf.length;
  }

  /** Alt-b / Ctrl-←: to the start of the previous word (letters, digits, `_`, non-ASCII). */
  wordLeft(): void {
    while (this.pos > 0 && !isWordChar(this.buf, prevIndex(this.buf, this.pos))) this.pos = prevIndex(this.buf, this.pos);
    while (this.pos > 0 && isWordChar(this.buf, prevIndex(this.buf, this.pos))) this.pos = prevIndex(this.buf, this.pos);
  }

  wordRight(): void {
    while (this.pos < this.buf.length && isWordChar(this.buf, this.pos)) this.pos = nextIndex(this.buf, this.pos);
    while (this.pos < this.buf.length && !isWordChar(this.buf, this.pos)) this.pos = nextIndex(this.buf, this.pos);
  }

  /** Ctrl-U */
  killLine(): void {
    this.buf = '';
    this.pos = 0;
    this.searchChanged();
  }

  /** Ctrl-K */
  killToEnd(): void {
    this.buf = this.buf.slice(0, this.pos);
    this.searchChanged();
  }

  /** Ctrl-W: the spaces before the cursor, then the word before them. */
  deletePrevWord(): void {
    const old = this.pos;
    while (this.pos > 0 && this.buf[this.pos - 1] === ' ') this.pos--;
    while (this.pos > 0 && this.buf[this.pos - 1] !== ' ') this.pos = prevIndex(this.buf, this.pos);
    this.buf = this.buf.slice(0, this.pos) + this.buf.slice(old);
    this.searchChanged();
  }

  /** Ctrl-T: swap the characters around the cursor. */
  transpose(): void {
    if (this.pos === 0 || this.pos >= this.buf.length) return;
    const prev = prevIndex(this.buf, this.pos);
    const next = nextIndex(this.buf, this.pos);
    this.buf = this.buf.slice(0, prev) + this.buf.slice(this.pos, next) + this.buf.slice(prev, this.pos) + this.buf.slice(next);
    this.pos = next < this.buf.length ? next : this.buf.length;
  }

  /** linenoiseEditHistoryNext: ↑ (older) when `older`, ↓ otherwise. */
  historyMove(older: boolean): void {
    const h = this.history;
    if (h.length <= 1) return;
    h.set(h.length - 1 - this.historyIndex, this.buf);
    const index = this.historyIndex + (older ? 1 : -1);
    if (index < 0 || index >= h.length) return;
    this.historyIndex = index;
    this.buf = h.at(h.length - 1 - index);
    this.pos = this.buf.length;
  }

  /** Ctrl-R: start a reverse-i-search, or find the next older match. */
  reverseSearch(): void {
    if (this.search !== null) {
      this.find(this.search.result !== '');
      return;
    }
    this.buf = '';
    this.pos = 0;
    this.search = { term: '', index: 0, result: '', at: 0 };
  }

  /**
   * Leave the search. Accepting keeps the match (or the term when nothing matched) for editing;
   * cancelling (Ctrl-C, Ctrl-G, arrows) empties the line.
   */
  leaveSearch(accept: boolean): void {
    const s = this.search;
    if (s === null) return;
    this.search = null;
    if (!accept) {
      this.buf = '';
      this.pos = 0;
      return;
    }
    this.hideHintOnce = true;
    if (s.result !== '') {
      this.buf = s.result;
      this.pos = s.result.length;
    }
  }

  private searchChanged(): void {
    if (this.search === null) return;
    this.search.term = this.buf;
    this.find(false);
  }

  /** searchInHistory: newest first; when cycling, skip lines equal to the current match. */
  private find(cycle: boolean): void {
    const s = this.search!;
    const h = this.history;
    if (h.length === 0 || s.term === '') {
      s.result = '';
      return;
    }
    let i = cycle ? s.index : h.length - 1;
    const current = cycle ? h.at(s.index) : null;
    for (;;) {
      const line = h.at(i);
      const at = line.indexOf(s.term);
      if (at !== -1 && line !== current) {
        s.index = i;
        s.result = line;
        s.at = at;
        return;
      }
      if (i <= 0) break;
      i--;
    }
    // A failed new search shows the bare term; a failed cycle keeps the last match.
    if (!cycle) s.result = '';
  }

  /**
   * TAB (completeLine): the first candidate, then the next on each TAB, then the original line
   * again (with a beep) before starting over.
   */
  complete(candidates: () => string[]): CompletionStep {
    if (this.completion === null) {
      const list = candidates();
      if (list.length === 0) return 'beep';
      this.completion = { original: this.buf, candidates: list, index: 0 };
      return 'shown';
    }
    const c = this.completion;
    c.index = (c.index + 1) % (c.candidates.length + 1);
    return c.index === c.candidates.length ? 'beep' : 'shown';
  }

  /** ESC while completing: back to the original line. */
  cancelCompletion(): void {
    this.completion = null;
  }

  /** Any other key while completing: the candidate shown becomes the line. */
  acceptCompletion(): void {
    const c = this.completion;
    if (c === null) return;
    this.completion = null;
    if (c.index < c.candidates.length) {
      this.buf = c.candidates[c.index]!;
      this.pos = this.buf.length;
    }
  }
}

function prevIndex(s: string, i: number): number {
  if (i <= 0) return 0;
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
}

function nextIndex(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? i + 2 : i + 1;
}

function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x80 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
