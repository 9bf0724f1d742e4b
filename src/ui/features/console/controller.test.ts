import { describe, expect, it, vi } from 'vitest';
import type { CommandDoc } from '../../../protocol/api.js';
import { push, type Reply } from '../../../protocol/reply.js';
import type { ConsoleBackend, ConsoleConnection, ConsoleOutput } from './backend.js';
import { ConsoleController } from './controller.js';
import type { HistoryStore } from './history.js';
import { ECHO_HOLD_MS } from './terminalOutput.js';
import { EngineBackend } from './testing/engineBackend.js';
import { FakeTerminal } from './testing/fakeTerminal.js';

const PROMPT = '127.0.0.1:6379> ';
/** A prompt with nothing typed, as a screen line (trailing space trimmed). */
const IDLE = PROMPT.trimEnd();
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

async function engineConsole(opts: { history?: HistoryStore; onQuit?: () => void; cols?: number } = {}) {
  const term = new FakeTerminal(opts.cols ?? 100);
  const backend = new EngineBackend();
  const controller = new ConsoleController({ terminal: term, backend, history: opts.history, onQuit: opts.onQuit });
  await controller.start();
  await settle();
  return { term, backend, controller };
}

/** Type and wait until the console is idle again. */
async function typeAndSettle(term: FakeTerminal, data: string): Promise<void> {
  term.type(data);
  await settle();
  await settle();
}

const lines = (term: FakeTerminal): string[] => term.screen().lines;

/** A backend whose replies a test decides: by a function, or later with `emit`. */
class ScriptedBackend implements ConsoleBackend {
  executed: string[][] = [];
  resets = 0;
  private listeners = new Set<(o: ConsoleOutput) => void>();
  constructor(private readonly reply: (argv: string[]) => Reply | undefined) {}

  emit(replies: Reply[], resp: 2 | 3 = 2, closed?: boolean): void {
    for (const l of this.listeners) l({ replies, resp, closed });
  }
  async execute(commands: string[][]): Promise<void> {
    for (const argv of commands) {
      this.executed.push(argv);
      const r = this.reply(argv);
      if (r !== undefined) this.emit([r]);
    }
  }
  onOutput(listener: (o: ConsoleOutput) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async clientState(): Promise<ConsoleConnection> {
    return { host: '10.0.0.7', port: 7000, db: 3, resp: 2, inMulti: false, subscriptions: 0, monitor: false, closed: false };
  }
  async reset(): Promise<ConsoleConnection> {
    this.resets++;
    return { ...(await this.clientState()), db: 0 };
  }
  async commandDocs(): Promise<CommandDoc[]> {
    const blpop: CommandDoc = {
      name: 'BLPOP', summary: '', since: '2.0.0', group: 'list', complexity: '', arity: -3, flags: ['write', 'blocking'],
      arguments: [], subcommands: [],
    };
    return [blpop];
  }
}

async function scriptedConsole(reply: (argv: string[]) => Reply | undefined, now?: () => number) {
  const term = new FakeTerminal(80);
  const backend = new ScriptedBackend(reply);
  const controller = new ConsoleController({ terminal: term, backend, now });
  await controller.start();
  return { term, backend, controller };
}

describe('ConsoleController with the engine', () => {
  it('runs typed lines, encodes input as UTF-8 and draws redis-cli output', async () => {
    const { term } = await engineConsole();
    expect(lines(term)).toEqual([IDLE]);
    await typeAndSettle(term, 'SET k 你好\r');
    await typeAndSettle(term, 'STRLEN k\rGET k\r');
    expect(lines(term)).toEqual([
      PROMPT + 'SET k 你好',
      'OK',
      PROMPT + 'STRLEN k',
      '(integer) 6',
      PROMPT + 'GET k',
      '"\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd"',
      IDLE,
    ]);
  });

  it('shows the db and the transaction in the prompt', async () => {
    const { term } = await engineConsole();
    await typeAndSettle(term, 'SELECT 2\rMULTI\rSET a 1\rEXEC\rSELECT 0\r');
    expect(lines(term)).toEqual([
      PROMPT + 'SELECT 2',
      'OK',
      '127.0.0.1:6379[2]> MULTI',
      'OK',
      '127.0.0.1:6379[2](TX)> SET a 1',
      'QUEUED',
      '127.0.0.1:6379[2](TX)> EXEC',
      '1) OK',
      '127.0.0.1:6379[2]> SELECT 0',
      'OK',
      IDLE,
    ]);
  });

  it('prints RESP3 replies after HELLO 3', async () => {
    const { term } = await engineConsole();
    await typeAndSettle(term, 'HELLO 3\r');
    const screen = lines(term);
    expect(screen[1]).toBe('1# "server" => "redis"');
    expect(screen).toContain('3# "proto" => (integer) 3');
  });

  it('handles the local lines: bad quotes, repeat counts, help, clear', async () => {
    const { term } = await engineConsole();
    await typeAndSettle(term, 'SET "a\r3 PING\r0 PING\r');
    expect(lines(term)).toEqual([
      PROMPT + 'SET "a',
      'Invalid argument(s)',
      PROMPT + '3 PING',
      'PONG',
      'PONG',
      'PONG',
      PROMPT + '0 PING',
      'Invalid redis-cli repeat command option value.',
      IDLE,
    ]);
    await typeAndSettle(term, 'help get\r');
    expect(term.written).toContain('\r\n  \x1b[1mGET\x1b[0m \x1b[90mkey\x1b[0m\r\n  \x1b[33msummary:\x1b[0m Get the value of a key\r\n');
    await typeAndSettle(term, 'clear\r');
    expect(lines(term)).toEqual([IDLE]);
    await typeAndSettle(term, 'PING\x0c');
    expect(lines(term)).toEqual([PROMPT + 'PING [message]']);
  });

  it('keeps keys and values inert: markup stays text, control bytes are shown escaped', async () => {
    const { term } = await engineConsole();
    await typeAndSettle(term, 'SET "<img src=x onerror=alert(1)>" "\\x1b[31mred\\x1b[0m"\r');
    await typeAndSettle(term, 'GET "<img src=x onerror=alert(1)>"\r');
    await typeAndSettle(term, 'NOSUCH "\\x1b[2J\\x9b31m"\r');
    expect(lines(term).slice(-4)).toEqual([
      '"\\x1b[31mred\\x1b[0m"',
      PROMPT + 'NOSUCH "\\x1b[2J\\x9b31m"',
      "(error) ERR unknown command 'NOSUCH', with args beginning with: '\\x1b[2J\\x9b31m'",
      IDLE,
    ]);
    expect(term.written).toContain(PROMPT + 'SET "<img src=x onerror=alert(1)>"');
    expect(term.written).not.toContain('\x1b[31m');
    expect(term.written).not.toContain('\x1b[2J');
    expect(term.written).not.toContain('\x9b');
  });

  it('recalls history with ↑ and Ctrl-R, and keeps AUTH out of the saved file', async () => {
    const saved: string[][] = [];
    const { term } = await engineConsole({ history: { load: () => ['ECHO old'], save: (l) => saved.push([...l]) } });
    await typeAndSettle(term, 'ECHO one\rAUTH secret\r');
    expect(saved.at(-1)).toEqual(['ECHO old', 'ECHO one']);
    await typeAndSettle(term, '\x1b[A');
    // The recalled line gets its hint, as in redis-cli.
    expect(lines(term).at(-1)).toBe(PROMPT + 'AUTH secret [username] password');
    await typeAndSettle(term, '\x1b[A\x1b[A\r');
    expect(lines(term).slice(-3)).toEqual([PROMPT + 'ECHO old', '"old"', IDLE]);
    await typeAndSettle(term, '\x12one');
    expect(lines(term).at(-1)).toBe('(reverse-i-search): ECHO one');
    await typeAndSettle(term, '\r');
    expect(lines(term).slice(-3)).toEqual([PROMPT + 'ECHO one', '"one"', IDLE]);
  });

  it('cancels the line on Ctrl-C at the prompt', async () => {
    const { term, backend } = await engineConsole();
    await typeAndSettle(term, 'SET x 1\x03');
    expect(lines(term)).toEqual([PROMPT + 'SET x 1^C', IDLE]);
    expect(backend.server.dbs[0]!.dict.size).toBe(0);
  });

  it('completes command names with TAB, cycling back to what was typed', async () => {
    const { term } = await engineConsole();
    await typeAndSettle(term, 'ech\t');
    expect(lines(term)).toEqual([PROMPT + 'ECHO message']);
    await typeAndSettle(term, '\t');
    expect(lines(term)).toEqual([PROMPT + 'ech']);
    await typeAndSettle(term, '\t hi\r');
    expect(lines(term).slice(-2)).toEqual(['"hi"', IDLE]);
  });

  it('streams pub/sub messages until Ctrl-C reconnects', async () => {
    const { term, backend } = await engineConsole();
    const before = backend.connection;
    await typeAndSettle(term, 'SUBSCRIBE news\r');
    const other = backend.server.createClient();
    backend.server.exec(other, ['PUBLISH', 'news', 'hello']);
    await typeAndSettle(term, 'typed while subscribed');
    expect(lines(term)).toEqual([
      PROMPT + 'SUBSCRIBE news',
      'Reading messages... (press Ctrl-C to quit)',
      '1) "subscribe"',
      '2) "news"',
      '3) (integer) 1',
      '1) "message"',
      '2) "news"',
      '3) "hello"',
      '',
    ]);
    await typeAndSettle(term, '\x03');
    expect(lines(term).slice(-3)).toEqual(['3) "hello"', '^C', IDLE]);
    expect(backend.connection).not.toBe(before);
    expect(before.closed).toBe(true);
    await typeAndSettle(term, 'PING\r');
    expect(lines(term).slice(-2)).toEqual(['PONG', IDLE]);
  });

  it('runs pasted lines in order, pipelined, with one prompt per line', async () => {
    const { term } = await engineConsole();
    await typeAndSettle(term, 'SET a 1\rhelp nosuch\rGET a\r\rGET b');
    expect(lines(term)).toEqual([
      PROMPT + 'SET a 1',
      'OK',
      PROMPT + 'help nosuch',
      '',
      PROMPT + 'GET a',
      '"1"',
      IDLE,
      PROMPT + 'GET b',
    ]);
  });

  it('quit resets the connection and tells the app', async () => {
    let quits = 0;
    const { term, backend } = await engineConsole({ onQuit: () => quits++ });
    const before = backend.connection;
    // Lines pasted after quit are dropped, as redis-cli would have exited.
    await typeAndSettle(term, 'SELECT 1\rquit\rPING\r');
    expect(quits).toBe(1);
    expect(backend.connection).not.toBe(before);
    expect(lines(term).slice(-2)).toEqual(['127.0.0.1:6379[1]> quit', IDLE]);
    await typeAndSettle(term, 'PING\r');
    expect(lines(term).slice(-3)).toEqual([PROMPT + 'PING', 'PONG', IDLE]);
  });
});

describe('ConsoleController waiting and pushes', () => {
  it('shows that a command is blocked, then its late reply', async () => {
    const { term, backend } = await scriptedConsole((argv) => (argv[0] === 'BLPOP' ? undefined : { t: 'status', s: 'OK' }));
    expect(lines(term)).toEqual(['10.0.0.7:7000[3]>']);
    await typeAndSettle(term, 'BLPOP q 0\rSET after 1\r');
    expect(lines(term)).toEqual(['10.0.0.7:7000[3]> BLPOP q 0', 'Waiting for the reply... (press Ctrl-C to cancel)']);
    expect(backend.executed).toEqual([['BLPOP', 'q', '0']]);
    backend.emit([['q', 'x']]);
    await settle();
    await settle();
    expect(lines(term)).toEqual([
      '10.0.0.7:7000[3]> BLPOP q 0',
      '1) "q"',
      '2) "x"',
      '10.0.0.7:7000[3]> SET after 1',
      'OK',
      '10.0.0.7:7000[3]>',
    ]);
  });

  it('Ctrl-C stops a blocked command by reconnecting, and drops what was typed ahead', async () => {
    let t = 0;
    const { term, backend } = await scriptedConsole(() => undefined, () => t);
    await typeAndSettle(term, 'BLPOP q 0\rPING\r');
    t = 1520;
    await typeAndSettle(term, '\x03');
    expect(backend.resets).toBe(1);
    expect(backend.executed).toEqual([['BLPOP', 'q', '0']]);
    expect(lines(term)).toEqual(['10.0.0.7:7000[3]> BLPOP q 0', '^C(1.52s)', '10.0.0.7:7000>']);
  });

  it('prints a push that arrives at the prompt above the line being typed', async () => {
    const { term, backend } = await scriptedConsole(() => 'v');
    await typeAndSettle(term, 'GET k');
    backend.emit([push(['invalidate', ['k']])], 3);
    expect(lines(term)).toEqual(["-> invalidate: 'k'", '10.0.0.7:7000[3]> GET k']);
  });

  it('shows "not connected" after the server closed the connection, and reconnects to run', async () => {
    const { term, backend } = await scriptedConsole(() => ({ t: 'status', s: 'PONG' }));
    backend.emit([], 2, true);
    await typeAndSettle(term, 'PING\r');
    expect(backend.resets).toBe(1);
    expect(lines(term)).toEqual(['not connected> PING', 'PONG', '10.0.0.7:7000>']);
  });
});

describe('ConsoleController output', () => {
  it('writes a typed command together with its reply, in one write', async () => {
    const { term, backend } = await deferredConsole();
    await typeAndSettle(term, 'GET k');
    const writes = term.writes;
    await typeAndSettle(term, '\r');
    expect(term.writes).toBe(writes);
    backend.answer({ t: 'status', s: 'OK' });
    await settle();
    expect(term.writes).toBe(writes + 1);
    expect(lines(term)).toEqual(['10.0.0.7:7000[3]> GET k', 'OK', '10.0.0.7:7000[3]>']);
  });

  it('shows the line of a command whose reply is late', async () => {
    vi.useFakeTimers();
    try {
      const { term, backend } = await deferredConsole();
      term.type('GET k');
      term.type('\r');
      await vi.advanceTimersByTimeAsync(ECHO_HOLD_MS - 1);
      // Drawn as typed, but Enter is not: the cursor is still on the prompt's row.
      expect(term.screen()).toEqual({ lines: ['10.0.0.7:7000[3]> GET k'], cursor: [0, 23] });
      await vi.advanceTimersByTimeAsync(1);
      expect(term.screen()).toEqual({ lines: ['10.0.0.7:7000[3]> GET k', ''], cursor: [1, 0] });
      backend.answer('v');
      await vi.advanceTimersByTimeAsync(0);
      expect(lines(term)).toEqual(['10.0.0.7:7000[3]> GET k', '"v"', '10.0.0.7:7000[3]>']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs a long paste in order, writing once per pipeline', async () => {
    const { term } = await engineConsole();
    const writes = term.writes;
    term.type(Array.from({ length: 1200 }, (_, i) => `SET key:${i} ${i}`).join('\r') + '\r');
    for (let i = 0; i < 100 && lines(term).length < 2401; i++) await settle();
    const screen = lines(term);
    expect(screen).toHaveLength(2401);
    expect(screen.slice(-3)).toEqual([PROMPT + 'SET key:1199 1199', 'OK', IDLE]);
    expect(screen.filter((l) => l === 'OK')).toHaveLength(1200);
    // 1,200 lines are three pipelines (512 + 512 + 176).
    expect(term.writes - writes).toBe(3);
  });
});

/** A backend that answers only when the test says so: the worker's round trip, stretched. */
class DeferredBackend extends ScriptedBackend {
  private pending: (() => void) | null = null;
  constructor() {
    super(() => undefined);
  }
  override execute(commands: string[][]): Promise<void> {
    this.executed.push(...commands);
    return new Promise((resolve) => (this.pending = resolve));
  }
  answer(reply: Reply): void {
    this.emit([reply]);
    this.pending?.();
  }
}

async function deferredConsole() {
  const term = new FakeTerminal(80);
  const backend = new DeferredBackend();
  const controller = new ConsoleController({ terminal: term, backend });
  await controller.start();
  return { term, backend, controller };
}
