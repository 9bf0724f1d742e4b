import { describe, expect, it } from 'vitest';
import { KeyQueue, parseKeys, type Key } from './keys.js';

const key = (name: string): Key => ({ kind: 'key', name } as Key);

describe('parseKeys', () => {
  it('keeps runs of text together and splits pasted lines on any line end', () => {
    expect(parseKeys('SET a 1\rGET a\nPING\r\nx')).toEqual([
      { kind: 'text', text: 'SET a 1' }, key('enter'),
      { kind: 'text', text: 'GET a' }, key('enter'),
      { kind: 'text', text: 'PING' }, key('enter'),
      { kind: 'text', text: 'x' },
    ]);
  });

  it('reads the escape sequences xterm sends for editing keys', () => {
    expect(parseKeys('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOH\x1b[F\x1b[3~\x1b[1;5D\x1b[1;3C\x1bb\x1bf\x1b')).toEqual(
      ['up', 'down', 'right', 'left', 'home', 'end', 'delete', 'wordLeft', 'wordRight', 'wordLeft', 'wordRight', 'escape'].map(key),
    );
    expect(parseKeys('\x01\x03\x04\x05\x0b\x0c\x12\x15\x17\x7f\x08\t')).toEqual(
      ['ctrlA', 'ctrlC', 'ctrlD', 'ctrlE', 'ctrlK', 'ctrlL', 'ctrlR', 'ctrlU', 'ctrlW', 'backspace', 'backspace', 'tab'].map(key),
    );
  });

  it('never lets a C1 control into the line', () => {
    expect(parseKeys('a\u009b31mb')).toEqual([{ kind: 'text', text: 'a' }, { kind: 'text', text: '31mb' }]);
    expect(parseKeys('\x1b[99Zok')).toEqual([{ kind: 'text', text: 'ok' }]);
  });
});

describe('KeyQueue', () => {
  it('is first in, first out across compactions', () => {
    const q = new KeyQueue();
    const keys = Array.from({ length: 5000 }, (_, i): Key => ({ kind: 'text', text: String(i) }));
    q.push(keys);
    for (let i = 0; i < 3000; i++) expect(q.shift()).toEqual(keys[i]);
    expect(q.length).toBe(2000);
    expect(q.peek(1)).toEqual(keys[3001]);
    expect(q.indexOf((k) => k.kind === 'text' && k.text === '3005')).toBe(5);
    q.clear();
    expect(q.shift()).toBeUndefined();
  });
});
