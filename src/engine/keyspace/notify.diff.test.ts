import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

/**
 * Keyspace notifications as pub/sub messages, compared with redis-server 7.0.15: connection 2
 * subscribes to every channel; each step runs a command on connection 1, then reads exactly
 * the number of messages given and checks nothing else is waiting.
 */
function notifications(steps: Array<[command: string, messages: number]>): string {
  const lines = [':client 2', 'PSUBSCRIBE *', ':client 1'];
  for (const [command, messages] of steps) {
    lines.push(command, ':client 2');
    for (let i = 0; i < messages; i++) lines.push(':read');
    lines.push(':none', ':client 1');
  }
  return lines.join('\n');
}

describe('keyspace notifications vs redis-server (KEA)', () => {
  const script = differentialSuite({ 'notify-keyspace-events': 'KEA' });

  script('string commands', notifications([
    ['SET k v', 2],
    ['SET k v EX 100', 4],
    ['SET k v KEEPTTL', 2],
    ['SET k v GET', 2],
    ['SET k v NX', 0],
    ['SET k 1 XX', 2],
    ['SETNX k v', 0],
    ['SETNX k2 v', 2],
    ['SETEX k 100 v', 4],
    ['PSETEX k 100000 v', 4],
    ['SETEX k 0 v', 0],
    ['MSET a 1 b 2 a 3', 6],
    ['MSETNX c 1 d 2', 4],
    ['MSETNX c 1 e 2', 0],
    ['APPEND a x', 2],
    ['APPEND new x', 2],
    ['INCR i', 2],
    ['INCRBY i 5', 2],
    ['DECR i', 2],
    ['DECRBY i 2', 2],
    ['INCRBYFLOAT i 1.5', 2],
    ['INCR k2', 0],
    ['SETRANGE s 2 x', 2],
    ['SETRANGE s 0 ""', 0],
    ['SETRANGE missing 0 ""', 0],
    ['GETSET s y', 2],
    ['GETDEL s', 2],
    ['GETDEL s', 0],
    ['GETEX a EX 100', 2],
    ['GETEX a PERSIST', 2],
    ['GETEX a PERSIST', 0],
    ['GETEX a', 0],
    ['GETEX a PX 0', 0],
    ['GETEX a EXAT 1', 2],
    ['GET nothing', 0],
    ['SET "bin\\x00key" "v"', 2],
  ]));

  script('expiry', notifications([
    ['SET j v PX 50', 4],
    [':sleep 200', 2],
    ['SET j v PX 50', 4],
    ['DEBUG SET-ACTIVE-EXPIRE 0', 0],
    [':sleep 100', 0],
    ['GET j', 2],
    ['DEBUG SET-ACTIVE-EXPIRE 1', 0],
  ]));

  script('generic commands', notifications([
    ['SET a 1', 2],
    ['EXPIRE a 100', 2],
    ['PEXPIRE a 100000', 2],
    ['EXPIREAT a 4000000000', 2],
    ['PERSIST a', 2],
    ['PERSIST a', 0],
    ['RENAME a b', 4],
    ['RENAMENX b c', 4],
    ['SET d 1', 2],
    ['RENAMENX c d', 0],
    ['COPY c e', 2],
    ['MOVE e 1', 4],
    ['DEL c d nothing', 4],
    ['UNLINK e', 0],
    ['SET f 1', 2],
    ['EXPIRE f 0', 2],
    ['TOUCH f', 0],
    ['SELECT 1', 0],
    ['SET g 1', 2],
    ['SELECT 0', 0],
  ]));

  script('RESP3: notifications to the client itself interleave with the EXEC array', `
    ? HELLO 3
    SUBSCRIBE __keyspace@0__:t
    MULTI
    SET t 1
    SET t 2
    EXEC
    :read
    :read
    :none
  `);

  script('a transaction notifies as its commands run', notifications([
    ['MULTI', 0],
    ['SET t 1', 0],
    ['INCR t', 0],
    ['EXEC', 4],
  ]));
});

describe('keyspace notifications vs redis-server (keyevent, strings only)', () => {
  const script = differentialSuite({ 'notify-keyspace-events': 'E$' });

  script('only string events, only on __keyevent@', notifications([
    ['SET k v EX 100', 1],
    ['SET k 1', 1],
    ['INCR k', 1],
    ['GETEX k PERSIST', 0],
    ['GETDEL k', 0],
  ]));
});

describe('keyspace notifications vs redis-server (keymiss and new keys)', () => {
  const script = differentialSuite({ 'notify-keyspace-events': 'KEnm' });

  script('new and keymiss are not in A, and are only sent when asked for', notifications([
    ['GET missing', 2],
    ['SET k v', 2],
    ['SET k v2', 0],
    ['GET k', 0],
    ['MGET k missing other', 4],
    ['INCR counter', 2],
  ]));
});
