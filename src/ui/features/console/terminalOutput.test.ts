import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ECHO_HOLD_MS, TerminalOutput } from './terminalOutput.js';
import { FakeTerminal } from './testing/fakeTerminal.js';

describe('TerminalOutput', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const term = new FakeTerminal(80);
    const parsed: string[] = [];
    const out = new TerminalOutput(term, (d) => parsed.push(d));
    return { term, parsed, out };
  }

  it('writes what was added in one write and reports it once the terminal has processed it', () => {
    const { term, parsed, out } = setup();
    out.add('a\r\n');
    out.add('b');
    out.flush();
    out.flush();
    expect(term.writes).toBe(1);
    expect(parsed).toEqual(['a\r\nb']);
  });

  it('holds output until released, then writes it with what followed', () => {
    const { term, out } = setup();
    out.add('GET k\r\n');
    out.hold();
    out.flush();
    expect(term.writes).toBe(0);
    out.release();
    out.add('OK\r\n');
    out.flush();
    expect(term.written).toBe('GET k\r\nOK\r\n');
    expect(term.writes).toBe(1);
  });

  it('writes held output by itself after ECHO_HOLD_MS', () => {
    const { term, out } = setup();
    out.add('BLPOP q 0\r\n');
    out.hold();
    vi.advanceTimersByTime(ECHO_HOLD_MS - 1);
    expect(term.writes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(term.written).toBe('BLPOP q 0\r\n');
  });

  it('writes nothing after dispose', () => {
    const { term, out } = setup();
    out.add('x');
    out.hold();
    out.dispose();
    vi.advanceTimersByTime(ECHO_HOLD_MS);
    out.flush();
    expect(term.writes).toBe(0);
  });
});
