import { describe, expect, it } from 'vitest';
import { error, NIL_ARRAY, OK, push, QUEUED } from '../../../protocol/reply.js';
import { HelpTable } from './help.js';
import { CliSession, INVALID_ARGUMENTS, INVALID_REPEAT, isSensitiveCommand, parseRepeat } from './session.js';

const session = (): CliSession => new CliSession(new HelpTable([]));

function run(s: CliSession, line: string, reply: Parameters<CliSession['receive']>[0]): void {
  const { action } = s.interpret(line);
  if (action.kind !== 'command') throw new Error(`not a command: ${line}`);
  s.send(action.argv);
  expect(s.receive(reply, 2).answered).toBe(true);
}

describe('CliSession.interpret', () => {
  it('splits with redis-cli quoting and rejects unbalanced quotes', () => {
    expect(session().interpret('SET "a b" \'c\\\'d\'').action).toEqual({ kind: 'command', argv: ['SET', 'a b', "c'd"], repeat: 1 });
    expect(session().interpret('SET "a b').action).toEqual({ kind: 'print', text: INVALID_ARGUMENTS });
    expect(session().interpret('   ').action).toEqual({ kind: 'nothing' });
  });

  it('reads a leading count as a repeat, as strtol does', () => {
    expect(session().interpret('3 PING').action).toEqual({ kind: 'command', argv: ['PING'], repeat: 3 });
    expect(session().interpret('+2 PING').action).toEqual({ kind: 'command', argv: ['PING'], repeat: 2 });
    expect(session().interpret('0 PING').action).toEqual({ kind: 'print', text: INVALID_REPEAT });
    expect(session().interpret('3').action).toEqual({ kind: 'command', argv: ['3'], repeat: 1 });
    expect(parseRepeat('" 3"'.slice(1, -1))).toBe(3);
    expect(parseRepeat('')).toBe('invalid');
    expect(parseRepeat('-1')).toBe('invalid');
    expect(parseRepeat('99999999999999999999')).toBe('invalid');
    expect(parseRepeat('3x')).toBeNull();
    expect(parseRepeat('+')).toBeNull();
  });

  it('handles the local commands', () => {
    expect(session().interpret('QUIT').action).toEqual({ kind: 'quit' });
    expect(session().interpret('exit now').action).toEqual({ kind: 'quit' });
    expect(session().interpret('clear').action).toEqual({ kind: 'clear' });
    expect(session().interpret('clear x').action.kind).toBe('command');
    expect(session().interpret('2 help get').action).toEqual({ kind: 'help', args: ['get'] });
    expect(session().interpret('restart').action).toEqual({ kind: 'print', text: "Use 'restart' only in Lua debugging mode.\n" });
    const s = session();
    expect(s.interpret(':set nohints').action).toEqual({ kind: 'print', text: '' });
    expect(s.hints).toBe(false);
    expect(s.interpret(':set hints').action).toEqual({ kind: 'print', text: '' });
    expect(s.hints).toBe(true);
  });

  it('keeps secrets out of the saved history', () => {
    expect(session().interpret('AUTH pw').history).toBe('memory');
    expect(session().interpret('2 auth pw').history).toBe('memory');
    expect(session().interpret('GET k').history).toBe('persist');
    expect(session().interpret('SET "a').history).toBe('persist');
    expect(session().interpret('0 PING').history).toBe('none');
    expect(isSensitiveCommand(['acl', 'SETUSER', 'u'])).toBe(true);
    expect(isSensitiveCommand(['CONFIG', 'SET', 'requirepass', 'x'])).toBe(true);
    expect(isSensitiveCommand(['CONFIG', 'SET', 'maxmemory', 'x'])).toBe(false);
    expect(isSensitiveCommand(['HELLO', '3', 'AUTH', 'u', 'p'])).toBe(true);
    expect(isSensitiveCommand(['HELLO', '3', 'SETNAME', 'n', 'AUTH', 'u', 'p'])).toBe(true);
    expect(isSensitiveCommand(['HELLO', '3', 'SETNAME', 'n', 'x'])).toBe(false);
    expect(isSensitiveCommand(['MIGRATE', 'h', 'p', '', '0', '10', 'AUTH', 'pw', 'KEYS', 'k'])).toBe(true);
    expect(isSensitiveCommand(['MIGRATE', 'h', 'p', '', '0', '10', 'KEYS', 'AUTH', 'pw'])).toBe(false);
  });
});

describe('CliSession prompt state', () => {
  it('tracks the db and MULTI from commands and replies, like redis-cli', () => {
    const s = session();
    run(s, 'SELECT 2', OK);
    expect([s.db, s.inMulti]).toEqual([2, false]);
    run(s, 'SELECT x', error('ERR value is not an integer or out of range'));
    expect(s.db).toBe(2);
    run(s, 'MULTI', OK);
    run(s, 'SELECT 5', QUEUED);
    expect([s.db, s.inMulti]).toEqual([5, true]);
    run(s, 'DISCARD', OK);
    expect([s.db, s.inMulti]).toEqual([2, false]);
    run(s, 'MULTI', OK);
    run(s, 'SELECT 5', QUEUED);
    run(s, 'EXEC', NIL_ARRAY);
    expect([s.db, s.inMulti]).toEqual([2, false]);
    run(s, 'RESET', { t: 'status', s: 'RESET' });
    expect(s.db).toBe(0);
  });

  it('prints RESP3 pushes without taking them as the reply', () => {
    const s = session();
    s.send(['GET', 'k']);
    expect(s.receive(push(['invalidate', ['k']]), 3)).toEqual({ text: "-> invalidate: 'k'\n", answered: false });
    expect(s.receive('v', 3)).toEqual({ text: '"v"\n', answered: true });
  });

  it('stays in subscribe mode until an error or a reconnect', () => {
    const s = session();
    expect(s.send(['SUBSCRIBE', 'ch'])).toBe('Reading messages... (press Ctrl-C to quit)\n');
    expect(s.receive(['subscribe', 'ch', 1], 2).answered).toBe(false);
    expect(s.mode).toBe('subscribed');
    s.reconnected();
    expect([s.mode, s.waiting]).toEqual(['normal', 0]);
    s.send(['SUBSCRIBE']);
    expect(s.receive(error("ERR wrong number of arguments for 'subscribe' command"), 2).answered).toBe(true);
    expect(s.mode).toBe('normal');
  });
});
