import { describe, expect, it } from 'vitest';
import { History, type HistoryStore } from './history.js';
import { LineEditor, SEARCH_PROMPT } from './lineEditor.js';

function editorWith(lines: string[]): { ed: LineEditor; history: History } {
  const history = new History();
  for (const l of lines) history.add(l, false);
  const ed = new LineEditor(history);
  ed.begin();
  return { ed, history };
}

describe('LineEditor', () => {
  it('edits by characters, surrogate pairs included', () => {
    const { ed } = editorWith([]);
    ed.insert('GET 😀x');
    ed.left();
    ed.left();
    expect(ed.pos).toBe(4);
    ed.deleteRight();
    expect(ed.buf).toBe('GET x');
    ed.insert('é');
    ed.home();
    ed.deleteRight();
    ed.end();
    ed.backspace();
    expect(ed.buf).toBe('ET é');
    ed.transpose();
    expect(ed.buf).toBe('ET é');
    ed.left();
    ed.transpose();
    expect(ed.buf).toBe('ETé ');
  });

  it('kills words and lines like linenoise', () => {
    const { ed } = editorWith([]);
    ed.insert('SET key  value  ');
    ed.deletePrevWord();
    expect(ed.buf).toBe('SET key  ');
    ed.home();
    ed.wordRight();
    expect(ed.pos).toBe(4);
    ed.killToEnd();
    expect(ed.buf).toBe('SET ');
    ed.wordLeft();
    expect(ed.pos).toBe(0);
    ed.killLine();
    expect(ed.buf).toBe('');
  });

  it('walks the history with up/down and keeps edits to recalled lines', () => {
    const { ed, history } = editorWith(['GET a', 'GET b']);
    ed.insert('draft');
    ed.historyMove(true);
    expect(ed.buf).toBe('GET b');
    ed.historyMove(true);
    expect(ed.buf).toBe('GET a');
    ed.historyMove(true);
    expect(ed.buf).toBe('GET a');
    ed.insert('!');
    ed.historyMove(false);
    ed.historyMove(false);
    expect(ed.buf).toBe('draft');
    ed.historyMove(true);
    ed.historyMove(true);
    expect(ed.buf).toBe('GET a!');
    expect(ed.finish()).toBe('GET a!');
    expect(history.length).toBe(2);
  });

  it('reverse-i-search finds the newest match, cycles older, accepts or cancels', () => {
    const { ed } = editorWith(['SET user:1 ada', 'GET user:1', 'PING', 'GET user:1', 'GET user:2']);
    ed.reverseSearch();
    expect(ed.display()).toMatchObject({ prompt: SEARCH_PROMPT, text: '' });
    ed.insert('user');
    expect(ed.display()).toMatchObject({ text: 'GET user:2', cursor: 8, bold: { start: 4, end: 8 } });
    ed.reverseSearch();
    expect(ed.display().text).toBe('GET user:1');
    ed.reverseSearch();
    expect(ed.display().text).toBe('SET user:1 ada');
    ed.reverseSearch();
    expect(ed.display().text).toBe('SET user:1 ada');
    ed.leaveSearch(true);
    expect([ed.buf, ed.searching]).toEqual(['SET user:1 ada', false]);
    expect(ed.display().hints).toBe(false);
    expect(ed.display().hints).toBe(true);
    ed.reverseSearch();
    ed.insert('nomatch');
    expect(ed.display()).toMatchObject({ text: 'nomatch', bold: null });
    ed.leaveSearch(false);
    expect(ed.buf).toBe('');
  });

  it('cycles completions, then shows the original again', () => {
    const { ed } = editorWith([]);
    ed.insert('ge');
    const list = (): string[] => ['GET', 'GETDEL'];
    expect(ed.complete(list)).toBe('shown');
    expect(ed.display().text).toBe('GET');
    expect(ed.complete(list)).toBe('shown');
    expect(ed.display().text).toBe('GETDEL');
    expect(ed.complete(list)).toBe('beep');
    expect(ed.display().text).toBe('ge');
    expect(ed.complete(list)).toBe('shown');
    ed.acceptCompletion();
    expect([ed.buf, ed.pos]).toEqual(['GET', 3]);
    ed.complete(list);
    ed.cancelCompletion();
    expect(ed.buf).toBe('GET');
    expect(ed.complete(() => [])).toBe('beep');
  });
});

describe('History', () => {
  it('saves through the store without secrets or repeats, at most 100 lines', async () => {
    const saved: string[][] = [];
    const store: HistoryStore = { load: () => ['old', 'x\x1b[31m'], save: (l) => saved.push([...l]) };
    const h = new History(store);
    await h.load();
    expect(h.at(1)).toBe('x\ufffd[31m');
    h.add('GET a', false);
    h.add('GET a', false);
    h.add('AUTH secret', true);
    h.save();
    expect(saved).toEqual([['old', 'x\ufffd[31m', 'GET a']]);
    h.add('AUTH other', true);
    h.save();
    expect(saved).toHaveLength(1);
    h.add('PING', false);
    h.save();
    expect(saved.at(-1)).toEqual(['old', 'x\ufffd[31m', 'GET a', 'PING']);
    expect(h.at(h.length - 2)).toBe('AUTH other');
    for (let i = 0; i < 150; i++) h.add(`L${i}`, false);
    h.save();
    expect(saved).toHaveLength(3);
    expect(h.length).toBe(100);
    expect(saved.at(-1)![0]).toBe('L50');
  });
});
