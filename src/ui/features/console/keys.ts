/**
 * Splits what xterm sends (onData: typed keys, escape sequences, pasted text) into the key
 * events linenoise reacts to. Runs of ordinary characters stay together so a paste of
 * thousands of lines is a handful of events, not one per character.
 */
export type KeyName =
  | 'enter' | 'tab' | 'backspace' | 'delete' | 'escape'
  | 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'wordLeft' | 'wordRight'
  | 'ctrlA' | 'ctrlB' | 'ctrlC' | 'ctrlD' | 'ctrlE' | 'ctrlF' | 'ctrlG' | 'ctrlK' | 'ctrlL'
  | 'ctrlN' | 'ctrlP' | 'ctrlR' | 'ctrlS' | 'ctrlT' | 'ctrlU' | 'ctrlW';

export type Key = { kind: 'text'; text: string } | { kind: 'key'; name: KeyName };

const CONTROL: Record<number, KeyName> = {
  1: 'ctrlA', 2: 'ctrlB', 3: 'ctrlC', 4: 'ctrlD', 5: 'ctrlE', 6: 'ctrlF', 7: 'ctrlG', 8: 'backspace',
  9: 'tab', 11: 'ctrlK', 12: 'ctrlL', 13: 'enter', 14: 'ctrlN', 16: 'ctrlP', 18: 'ctrlR', 19: 'ctrlS',
  20: 'ctrlT', 21: 'ctrlU', 23: 'ctrlW', 127: 'backspace',
};

const CSI_FINAL: Record<string, KeyName> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const CSI_TILDE: Record<string, KeyName> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete' };

export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  const n = data.length;
  while (i < n) {
    const c = data.charCodeAt(i);
    if (!isControl(c)) {
      let j = i + 1;
      while (j < n && !isControl(data.charCodeAt(j))) j++;
      keys.push({ kind: 'text', text: data.slice(i, j) });
      i = j;
    } else if (c === 27) {
      i = parseEscape(data, i, keys);
    } else {
      const name = CONTROL[c];
      // A pasted "\n" (or a CR LF pair) is one Enter, as xterm's paste normalisation makes it.
      if (c === 10) keys.push({ kind: 'key', name: 'enter' });
      else if (name !== undefined && !(c === 13 && data.charCodeAt(i + 1) === 10)) keys.push({ kind: 'key', name });
      i++;
    }
  }
  return keys;
}

/** C0, DEL and C1 controls: never inserted as text (C1 would drive xterm like ESC does). */
function isControl(c: number): boolean {
  return c < 32 || (c >= 127 && c <= 159);
}

/** One escape sequence starting at `i`; returns the index after it. */
function parseEscape(data: string, i: number, keys: Key[]): number {
  const next = data[i + 1];
  if (next === undefined) {
    keys.push({ kind: 'key', name: 'escape' });
    return i + 1;
  }
  if (next === 'b' || next === 'f') {
    keys.push({ kind: 'key', name: next === 'b' ? 'wordLeft' : 'wordRight' });
    return i + 2;
  }
  if (next === 'O') {
    const name = CSI_FINAL[data[i + 2] ?? ''];
    if (name !== undefined) keys.push({ kind: 'key', name });
    return Math.min(i + 3, data.length);
  }
  if (next !== '[') {
    keys.push({ kind: 'key', name: 'escape' });
    return i + 1;
  }
  // CSI: parameters then one final byte in @..~
  let j = i + 2;
  while (j < data.length && !(data.charCodeAt(j) >= 0x40 && data.charCodeAt(j) <= 0x7e)) j++;
  if (j >= data.length) return data.length;
  const params = data.slice(i + 2, j);
  const final = data[j]!;
  let name: KeyName | undefined;
  if (final === '~') name = CSI_TILDE[params];
  else if (params === '1;5' || params === '1;3') name = final === 'D' ? 'wordLeft' : final === 'C' ? 'wordRight' : undefined;
  else if (params === '') name = CSI_FINAL[final];
  if (name !== undefined) keys.push({ kind: 'key', name });
  return j + 1;
}

/** Keys waiting to be handled, first in first out; cheap to take from the front of a big paste. */
export class KeyQueue {
  private keys: Key[] = [];
  private head = 0;

  get length(): number {
    return this.keys.length - this.head;
  }

  push(keys: readonly Key[]): void {
    for (const k of keys) this.keys.push(k);
  }

  peek(i = 0): Key | undefined {
    return this.keys[this.head + i];
  }

  shift(): Key | undefined {
    const k = this.keys[this.head];
    if (k === undefined) return undefined;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.keys.length) {
      this.keys = this.keys.slice(this.head);
      this.head = 0;
    }
    return k;
  }

  /** Index (from the front) of the first key matching, or -1. */
  indexOf(pred: (k: Key) => boolean): number {
    for (let i = this.head; i < this.keys.length; i++) if (pred(this.keys[i]!)) return i - this.head;
    return -1;
  }

  clear(): void {
    this.keys = [];
    this.head = 0;
  }
}
