import { describe, expect, it } from 'vitest';
import type { LineDisplay } from './lineEditor.js';
import { LineView } from './lineView.js';
import { FakeTerminal } from './testing/fakeTerminal.js';
import { textWidth } from './width.js';

const line = (text: string, cursor = text.length): LineDisplay => ({ prompt: null, text, cursor, bold: null, hints: true });

describe('LineView', () => {
  it('redraws a line wrapped over several rows and puts the cursor back', () => {
    const term = new FakeTerminal(10);
    const view = new LineView();
    term.write(view.refresh('> ', line('0123456789abcdefghij', 5), null, 10));
    expect(term.screen()).toEqual({ lines: ['> 01234567', '89abcdefgh', 'ij'], cursor: [0, 7] });
    term.write(view.refresh('> ', line('short', 2), null, 10));
    expect(term.screen()).toEqual({ lines: ['> short'], cursor: [0, 4] });
  });

  it('opens a new row when the cursor is after a full last row', () => {
    const term = new FakeTerminal(10);
    const view = new LineView();
    term.write(view.refresh('> ', line('01234567'), null, 10));
    expect(term.screen().cursor).toEqual([1, 0]);
    term.write(view.refresh('> ', line('0123456'), null, 10));
    expect(term.screen()).toEqual({ lines: ['> 0123456'], cursor: [0, 9] });
  });

  it('shows the hint in grey only while the line fits on its first row, cut to fit', () => {
    const view = new LineView();
    expect(view.refresh('> ', line('GET'), ' key', 20)).toContain('GET\x1b[0;90;49m key\x1b[0m');
    expect(view.refresh('> ', line('GET'), ' key value more', 10)).toContain('\x1b[0;90;49m key \x1b[0m');
    expect(view.refresh('> ', line('GETGETGET'), ' key', 10)).not.toContain('key');
  });

  it('counts wide characters as two cells', () => {
    expect(textWidth('你好a')).toBe(5);
    expect(textWidth('e\u0301')).toBe(1);
    expect(new LineView().refresh('> ', line('你好', 1), null, 80)).toMatch(/\r\x1b\[4C$/);
  });

  it('bolds the search match', () => {
    const d: LineDisplay = { prompt: '(reverse-i-search): ', text: 'GET user', cursor: 8, bold: { start: 4, end: 8 }, hints: false };
    expect(new LineView().refresh('> ', d, null, 80)).toContain('(reverse-i-search): \x1b[0mGET \x1b[1muser\x1b[0m');
  });
});
