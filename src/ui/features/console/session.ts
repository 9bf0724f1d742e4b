import type { Reply } from '../../../protocol/reply.js';
import { splitArgs } from '../../../protocol/splitargs.js';
import { formatInvalidate, formatReplyRaw, formatReplyTTY, isInvalidatePush, printsRaw, type Resp } from './formatReply.js';
import type { HelpTable } from './help.js';

/**
 * The part of redis-cli 7.0's repl() and cliSendCommand() that turns typed lines into commands
 * and replies into printed text, with no terminal and no connection: the controller drives it
 * live, transcript.test.ts drives it with replies recorded from a real redis-server and checks
 * the bytes against real redis-cli's stdout. Lines and output are byte strings.
 */

/** What one typed line asks for. */
export type LineAction =
  | { kind: 'nothing' }
  | { kind: 'print'; text: string }
  | { kind: 'quit' }
  | { kind: 'clear' }
  | { kind: 'help'; args: string[] }
  | { kind: 'command'; argv: string[]; repeat: number };

/** Where a line goes in the history: redis-cli keeps secrets (AUTH ...) out of the history file. */
export type HistoryUse = 'none' | 'memory' | 'persist';

export interface InterpretedLine {
  action: LineAction;
  history: HistoryUse;
}

export const INVALID_ARGUMENTS = 'Invalid argument(s)\n';
export const INVALID_REPEAT = 'Invalid redis-cli repeat command option value.\n';
export const READING_MESSAGES = 'Reading messages... (press Ctrl-C to quit)\n';

/** What receiving a reply did. */
export interface Received {
  /** Text to print (may be empty). */
  text: string;
  /** The reply answered the oldest pending command (pushes and messages do not). */
  answered: boolean;
}

export type SessionMode = 'normal' | 'subscribed' | 'monitor';

interface Pending {
  argv: string[];
  raw: boolean;
}

export class CliSession {
  /** The prompt's db and (TX), tracked from commands and replies like redis-cli does. */
  db = 0;
  inMulti = false;
  private preMultiDb = 0;
  hints = true;
  mode: SessionMode = 'normal';
  private readonly pending: Pending[] = [];

  constructor(public help: HelpTable) {}

  /** repl(): split, repeat count, history, local commands. `line` is a byte string. */
  interpret(line: string): InterpretedLine {
    if (line === '') return { action: { kind: 'nothing' }, history: 'none' };
    const argv = splitArgs(line);
    if (argv === null) return { action: { kind: 'print', text: INVALID_ARGUMENTS }, history: 'persist' };
    if (argv.length === 0) return { action: { kind: 'nothing' }, history: 'none' };
    let repeat = 1;
    let skip = 0;
    const count = parseRepeat(argv[0]!);
    if (argv.length > 1 && count !== null) {
      if (count === 'invalid') return { action: { kind: 'print', text: INVALID_REPEAT }, history: 'none' };
      repeat = count;
      skip = 1;
    }
    const history: HistoryUse = isSensitiveCommand(argv.slice(skip)) ? 'memory' : 'persist';
    const first = argv[0]!.toLowerCase();
    if (first === 'quit' || first === 'exit') return { action: { kind: 'quit' }, history };
    if (first.startsWith(':')) return { action: { kind: 'print', text: this.setPreference(argv) }, history };
    if (first === 'restart') {
      return { action: { kind: 'print', text: "Use 'restart' only in Lua debugging mode.\n" }, history };
    }
    if (argv.length === 1 && first === 'clear') return { action: { kind: 'clear' }, history };
    const cmd = argv.slice(skip);
    const name = cmd[0]!.toLowerCase();
    if (name === 'help' || name === '?') return { action: { kind: 'help', args: cmd.slice(1) }, history };
    return { action: { kind: 'command', argv: cmd, repeat }, history };
  }

  /** cliSetPreferences for an interactive `:set ...` line. */
  private setPreference(argv: string[]): string {
    if (argv[0]!.toLowerCase() === ':set' && argv.length >= 2) {
      const pref = argv[1]!.toLowerCase();
      if (pref === 'hints') this.hints = true;
      else if (pref === 'nohints') this.hints = false;
      else return `unknown redis-cli preference '${argv[1]}'\n`;
      return '';
    }
    return `unknown redis-cli internal command '${argv[0]}'\n`;
  }

  /**
   * cliSendCommand, before the reply: note what the command will be waiting for. Returns text
   * redis-cli prints right away (`Reading messages...` for SUBSCRIBE).
   */
  send(argv: string[]): string {
    const name = argv[0]!.toLowerCase();
    this.pending.push({ argv, raw: printsRaw(argv) });
    if (name === 'monitor') this.mode = 'monitor';
    if (name === 'subscribe' || name === 'psubscribe' || name === 'ssubscribe') {
      this.mode = 'subscribed';
      return READING_MESSAGES;
    }
    return '';
  }

  /** Commands sent whose reply has not arrived yet. */
  get waiting(): number {
    return this.pending.length;
  }

  /** cliReadReply plus the bookkeeping cliSendCommand does after it. */
  receive(reply: Reply, resp: Resp): Received {
    const isError = reply !== null && typeof reply === 'object' && !Array.isArray(reply) && reply.t === 'error';
    if (this.mode !== 'normal') {
      // Subscribed and MONITOR clients print everything until an error (or Ctrl-C) ends the mode.
      if (isError) {
        this.mode = 'normal';
        this.pending.shift();
      }
      return { text: formatReplyTTY(reply, resp), answered: isError };
    }
    if (resp === 3 && reply !== null && typeof reply === 'object' && !Array.isArray(reply) && reply.t === 'push') {
      return { text: isInvalidatePush(reply, resp) ? formatInvalidate(reply) : formatReplyTTY(reply, resp), answered: false };
    }
    const cmd = this.pending.shift();
    if (cmd === undefined) return { text: formatReplyTTY(reply, resp), answered: false };
    this.track(cmd.argv, reply, isError);
    return { text: cmd.raw ? formatReplyRaw(reply, resp) : formatReplyTTY(reply, resp), answered: true };
  }

  /** What redis-cli updates for its prompt after SELECT, MULTI, EXEC, DISCARD and RESET. */
  private track(argv: string[], reply: Reply, isError: boolean): void {
    const name = argv[0]!.toLowerCase();
    const alone = argv.length === 1;
    if (name === 'select' && argv.length === 2 && !isError) {
      this.db = atoi(argv[1]!);
    } else if (name === 'multi' && alone && !isError) {
      this.inMulti = true;
      this.preMultiDb = this.db;
    } else if (name === 'exec' && alone && this.inMulti) {
      this.inMulti = false;
      const isNil = reply === null || (typeof reply === 'object' && !Array.isArray(reply) && reply.t === 'nilarray');
      if (isError || isNil) this.db = this.preMultiDb;
    } else if (name === 'discard' && alone && !isError) {
      this.inMulti = false;
      this.db = this.preMultiDb;
    } else if (name === 'reset' && alone && !isError) {
      this.inMulti = false;
      this.db = 0;
    }
  }

  /**
   * A new connection (redis-cli's cliConnect(CC_FORCE) after Ctrl-C): db 0, no transaction,
   * nothing pending, back to the prompt.
   */
  reconnected(state: { db: number; inMulti: boolean } = { db: 0, inMulti: false }): void {
    this.db = state.db;
    this.preMultiDb = state.db;
    this.inMulti = state.inMulti;
    this.mode = 'normal';
    this.pending.length = 0;
  }
}

/**
 * repl()'s `N command`: strtol(argv[0]) consuming the whole word. Returns the count, 'invalid'
 * for a number redis-cli rejects (≤ 0 or out of range), or null when the word is not a number.
 */
export function parseRepeat(word: string): number | 'invalid' | null {
  let i = 0;
  while (i < word.length && isCSpace(word.charCodeAt(i))) i++;
  const signAt = i;
  if (word[i] === '+' || word[i] === '-') i++;
  const digitsAt = i;
  while (i < word.length && word.charCodeAt(i) >= 48 && word.charCodeAt(i) <= 57) i++;
  // With no digits strtol leaves endptr at the start: only an empty word then ends there.
  if (i === digitsAt) return word.length === 0 ? 'invalid' : null;
  if (i !== word.length) return null;
  const value = BigInt(word.slice(signAt, i));
  if (value <= 0n || value > 9223372036854775807n) return 'invalid';
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** isSensitiveCommand (redis-cli 7.0): lines that never reach the history file. */
export function isSensitiveCommand(argv: readonly string[]): boolean {
  const n = argv.length;
  const a = (i: number): string => argv[i]!.toLowerCase();
  if (n === 0) return false;
  if (a(0) === 'auth') return true;
  if (n > 1 && a(0) === 'acl' && a(1) === 'setuser') return true;
  if (n > 2 && a(0) === 'config' && a(1) === 'set' && ['masterauth', 'masteruser', 'requirepass'].includes(a(2))) {
    return true;
  }
  if (n > 4 && a(0) === 'hello') {
    for (let j = 2; j < n; j++) {
      const more = n - 1 - j;
      if (a(j) === 'auth' && more >= 2) return true;
      if (a(j) === 'setname' && more > 0) j++;
      else return false;
    }
  }
  if (n > 7 && a(0) === 'migrate') {
    for (let j = 6; j < n; j++) {
      const more = n - 1 - j;
      if (a(j) === 'auth' && more > 0) return true;
      if (a(j) === 'auth2' && more >= 2) return true;
      if (a(j) === 'keys' && more > 0) return false;
    }
  }
  return false;
}

/** C's atoi (what redis-cli stores as the db after SELECT). */
function atoi(s: string): number {
  const m = /^[\t\n\v\f\r ]*([+-]?\d+)/.exec(s);
  return m === null ? 0 : Number(m[1]) | 0;
}

function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
