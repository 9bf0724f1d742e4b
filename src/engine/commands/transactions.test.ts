import { describe, expect, it } from 'vitest';
import { NIL_ARRAY, OK, QUEUED, error, push, status, type Reply } from '../../protocol/reply.js';
import { encodeReply } from '../resp/encode.js';
import { testNode } from '../testkit.js';

// Expectations below were taken from redis-server 7.0.15 (see transactions.diff.test.ts for the
// byte-for-byte comparisons); these unit tests cover what needs the manual clock or engine hooks.

const EXECABORT = error('EXECABORT Transaction discarded because of previous errors.');

describe('MULTI / EXEC / DISCARD', () => {
  it('queues commands and replies with one array', () => {
    const { client } = testNode();
    const a = client();
    expect(a.call('MULTI')).toEqual(OK);
    expect(a.call('SET', 'k', 'v')).toEqual(QUEUED);
    expect(a.call('GET', 'k')).toEqual(QUEUED);
    expect(a.call('EXEC')).toEqual([OK, 'v']);
    expect(a.c.inMulti).toBe(false);
    expect(a.call('EXEC')).toEqual(error('ERR EXEC without MULTI'));
  });

  it('an empty transaction replies an empty array', () => {
    const { client } = testNode();
    const a = client();
    a.call('MULTI');
    expect(a.call('EXEC')).toEqual([]);
  });

  it('nested MULTI and WATCH inside MULTI are errors that do not abort the transaction', () => {
    const { client } = testNode();
    const a = client();
    a.call('MULTI');
    expect(a.call('MULTI')).toEqual(error('ERR MULTI calls can not be nested'));
    expect(a.call('WATCH', 'k')).toEqual(error('ERR WATCH inside MULTI is not allowed'));
    a.call('SET', 'k', '1');
    expect(a.call('EXEC')).toEqual([OK]);
  });

  it('DISCARD drops the queue and the watches', () => {
    const { server, client } = testNode();
    const a = client();
    expect(a.call('DISCARD')).toEqual(error('ERR DISCARD without MULTI'));
    a.call('WATCH', 'k');
    a.call('MULTI');
    a.call('SET', 'k', '1');
    expect(a.call('DISCARD')).toEqual(OK);
    expect(server.dbs[0]!.watchedKeys.size).toBe(0);
    expect(a.c.watched).toEqual([]);
    expect(a.call('GET', 'k')).toBeNull();
  });

  it('an error while queueing aborts EXEC with EXECABORT', () => {
    const { client } = testNode();
    const a = client();
    a.call('MULTI');
    a.call('SET', 'k', '1');
    expect(a.call('GET')).toEqual(error("ERR wrong number of arguments for 'get' command"));
    expect(a.call('NOSUCH', 'x')).toEqual(error("ERR unknown command 'NOSUCH', with args beginning with: 'x' "));
    expect(a.call('EXEC')).toEqual(EXECABORT);
    expect(a.c.inMulti).toBe(false);
    expect(a.call('GET', 'k')).toBeNull();
  });

  it('runtime errors are replies inside the array, the other commands still run', () => {
    const { client } = testNode();
    const a = client();
    a.call('MULTI');
    a.call('SET', 'k', 'v', 'BADOPTION');
    a.call('SET', 'k', 'v');
    expect(a.call('EXEC')).toEqual([error('ERR syntax error'), OK]);
  });

  it('EXEC after a touched watch is a nil array: *-1 in RESP2, _ in RESP3', () => {
    const { client } = testNode();
    const a = client();
    const b = client();
    a.call('WATCH', 'k');
    b.call('SET', 'k', 'x');
    a.call('MULTI');
    a.call('SET', 'k', 'y');
    const r = a.call('EXEC')!;
    expect(r).toEqual(NIL_ARRAY);
    expect(encodeReply(r, 2)).toBe('*-1\r\n');
    expect(encodeReply(r, 3)).toBe('_\r\n');
    expect(b.call('GET', 'k')).toBe('x');
  });

  it('SUBSCRIBE x y inside EXEC: the array counts one reply, the second push follows it', () => {
    const { client } = testNode();
    const a = client();
    a.call('MULTI');
    a.call('SUBSCRIBE', 'x', 'y');
    expect(a.call('EXEC')).toEqual([push(['subscribe', 'x', 1])]);
    expect(a.drain()).toEqual([push(['subscribe', 'y', 2])]);
  });

  it('a RESP3 keyspace notification to the client itself lands inside the EXEC array', () => {
    const { server, client } = testNode({ config: { 'notify-keyspace-events': 'KA' } });
    const a = client();
    a.c.resp = 3;
    a.call('SUBSCRIBE', '__keyspace@0__:k');
    a.drain();
    a.call('MULTI');
    a.call('SET', 'k', '1');
    a.call('SET', 'k', '2');
    const out = [a.call('EXEC')!, ...a.drain()];
    const note = push(['message', '__keyspace@0__:k', 'set']);
    // SET notifies before it replies, so the bytes are *2, >message, +OK, >message, +OK: the
    // array holds the first message and reply, the second pair follows it.
    expect(out).toEqual([[note, OK], note, OK]);
    expect(out.map((r) => encodeReply(r, 3)).join('')).toBe(
      '*2\r\n' + encodeReply(note, 3) + '+OK\r\n' + encodeReply(note, 3) + '+OK\r\n',
    );
    expect(server.engineBugs).toEqual([]);
  });
});

describe('WATCH', () => {
  function watchThenExec(setup: (n: ReturnType<typeof testNode>) => void): Reply | undefined {
    const n = testNode();
    const a = n.client();
    n.server.exec(a.c, ['WATCH', 'k']);
    a.drain();
    setup(n);
    a.call('MULTI');
    a.call('PING');
    return a.call('EXEC');
  }

  it('sees writes by other clients and by the same client', () => {
    expect(watchThenExec((n) => n.client().call('SET', 'k', 'v'))).toEqual(NIL_ARRAY);
    const n = testNode();
    const a = n.client();
    a.call('WATCH', 'k');
    a.call('SET', 'k', 'v');
    a.call('MULTI');
    a.call('PING');
    expect(a.call('EXEC')).toEqual(NIL_ARRAY);
  });

  it('ignores writes to other keys and other dbs', () => {
    expect(watchThenExec((n) => n.client().call('SET', 'other', 'v'))).toEqual([status('PONG')]);
    expect(
      watchThenExec((n) => {
        n.server.dbs[1]!.setKey('k', 'v');
      }),
    ).toEqual([status('PONG')]);
  });

  it('UNWATCH forgets a touched key; WATCH after the touch is a no-op until then', () => {
    const { client } = testNode();
    const a = client();
    const b = client();
    a.call('WATCH', 'k');
    b.call('SET', 'k', '1');
    expect(a.call('WATCH', 'j')).toEqual(OK);
    expect(a.c.watched).toEqual([]);
    expect(a.call('UNWATCH')).toEqual(OK);
    a.call('MULTI');
    a.call('PING');
    expect(a.call('EXEC')).toEqual([status('PONG')]);
  });

  it('watching the same key twice tracks it once', () => {
    const { server, client } = testNode();
    const a = client();
    a.call('WATCH', 'k', 'k');
    a.call('WATCH', 'k');
    expect(a.c.watched.length).toBe(1);
    expect(server.dbs[0]!.watchedKeys.get('k')!.length).toBe(1);
  });

  it('EXEC unwatches everything, and a closed client leaves no watch behind', () => {
    const { server, client } = testNode();
    const a = client();
    a.call('WATCH', 'k', 'j');
    a.call('MULTI');
    a.call('EXEC');
    expect(server.dbs[0]!.watchedKeys.size).toBe(0);
    const b = client();
    b.call('WATCH', 'k');
    server.freeClient(b.c);
    expect(server.dbs[0]!.watchedKeys.size).toBe(0);
  });

  describe('expiry (Redis 7.0)', () => {
    it('a key alive at WATCH that expires before EXEC fails the transaction', () => {
      const { server, clock, client } = testNode();
      const a = client();
      a.call('SET', 'k', 'v');
      server.dbs[0]!.setExpire('k', clock.now() + 100);
      a.call('WATCH', 'k');
      clock.advance(200);
      a.call('MULTI');
      a.call('PING');
      expect(a.call('EXEC')).toEqual(NIL_ARRAY);
    });

    it('a key already expired at WATCH time does not fail it, nor does its deletion', () => {
      for (const deleteIt of [false, true]) {
        const { server, clock, client } = testNode();
        const a = client();
        a.call('SET', 'k', 'v');
        server.dbs[0]!.setExpire('k', clock.now() + 50);
        clock.advance(100);
        a.call('WATCH', 'k');
        if (deleteIt) expect(client().call('GET', 'k')).toBeNull();
        a.call('MULTI');
        a.call('PING');
        expect(a.call('EXEC')).toEqual([status('PONG')]);
      }
    });

    it('a key expired at WATCH time that is then written fails it', () => {
      const { server, clock, client } = testNode();
      const a = client();
      a.call('SET', 'k', 'v');
      server.dbs[0]!.setExpire('k', clock.now() + 50);
      clock.advance(100);
      a.call('WATCH', 'k');
      client().call('SET', 'k', 'new');
      a.call('MULTI');
      a.call('PING');
      expect(a.call('EXEC')).toEqual(NIL_ARRAY);
    });

    it('replacing an expired watched key without deleting it first does not fail it (7.0.15)', () => {
      // RESTORE ... REPLACE deletes without signalling, adds, then signals once: Redis 7.0.15's
      // touchWatchedKey stops at a watcher whose key was expired at WATCH time and still exists.
      const { server, clock, client } = testNode();
      const db = server.dbs[0]!;
      const a = client();
      a.call('SET', 'k', 'v');
      db.setExpire('k', clock.now() + 50);
      clock.advance(100);
      a.call('WATCH', 'k');
      db.delete('k');
      db.add('k', 'new');
      db.signalModifiedKey('k');
      a.call('MULTI');
      a.call('GET', 'k');
      expect(a.call('EXEC')).toEqual(['new']);
    });

    it('active expiry of a watched key fails the transaction', () => {
      const { server, clock, client } = testNode();
      const a = client();
      a.call('SET', 'k', 'v');
      server.dbs[0]!.setExpire('k', clock.now() + 50);
      a.call('WATCH', 'k');
      clock.advance(2000);
      server.tick();
      expect(server.dbs[0]!.dict.has('k')).toBe(false);
      expect(a.c.dirtyCas).toBe(true);
    });
  });

  describe('FLUSHDB / FLUSHALL / SWAPDB (touchAllWatchedKeysInDb)', () => {
    it('a flush dirties watchers of existing keys only', () => {
      const { server, client } = testNode();
      const db = server.dbs[0]!;
      const a = client();
      const b = client();
      a.call('SET', 'k', 'v');
      a.call('WATCH', 'k');
      b.call('WATCH', 'missing');
      db.signalFlushed();
      db.clear();
      expect(a.c.dirtyCas).toBe(true);
      expect(b.c.dirtyCas).toBe(false);
    });

    it('a flush of an already expired watched key is no change', () => {
      const { server, clock, client } = testNode();
      const db = server.dbs[0]!;
      const a = client();
      a.call('SET', 'k', 'v');
      db.setExpire('k', clock.now() + 50);
      clock.advance(100);
      a.call('WATCH', 'k');
      db.signalFlushed();
      db.clear();
      expect(a.c.dirtyCas).toBe(false);
      expect(a.c.watched[0]!.expired).toBe(false);
    });

    it('a swap dirties watchers of keys present on either side', () => {
      const { server, client } = testNode();
      const [db0, db1] = [server.dbs[0]!, server.dbs[1]!];
      db1.setKey('there', 'v');
      const a = client();
      const b = client();
      a.call('WATCH', 'there');
      b.call('WATCH', 'nowhere');
      db0.signalFlushed(db1);
      db1.signalFlushed(db0);
      expect(a.c.dirtyCas).toBe(true);
      expect(b.c.dirtyCas).toBe(false);
    });

    it('a missing key swapped for an already expired one stays clean', () => {
      const { server, clock, client } = testNode();
      const [db0, db1] = [server.dbs[0]!, server.dbs[1]!];
      db1.setKey('k', 'v');
      db1.setExpire('k', clock.now() + 50);
      clock.advance(100);
      const a = client();
      a.call('WATCH', 'k');
      db0.signalFlushed(db1);
      expect(a.c.dirtyCas).toBe(false);
      expect(a.c.watched[0]!.expired).toBe(true);
    });
  });
});

describe('EXEC and the rest of the server', () => {
  it('propagates one write alone, several wrapped in MULTI/EXEC, reads not at all', () => {
    const { server, client } = testNode();
    const out: Array<[number, string[]]> = [];
    server.onPropagate((db, argv) => out.push([db, argv]));
    const a = client();
    for (const script of [[['SET', 'a', '1']], [['SET', 'a', '2'], ['GET', 'a'], ['SET', 'b', '3']], [['GET', 'a']]]) {
      a.call('MULTI');
      for (const argv of script) a.call(...argv);
      a.call('EXEC');
    }
    expect(out).toEqual([
      [0, ['SET', 'a', '1']],
      [0, ['MULTI']],
      [0, ['SET', 'a', '2']],
      [0, ['SET', 'b', '3']],
      [0, ['EXEC']],
    ]);
  });

  it('MULTI takes the first command\'s db and EXEC the last one\'s', () => {
    const { server, client } = testNode();
    const out: Array<[number, string[]]> = [];
    server.onPropagate((db, argv) => out.push([db, argv]));
    const a = client();
    a.call('MULTI');
    a.call('SELECT', '2');
    a.call('SET', 'c', '1');
    a.call('SELECT', '0');
    a.call('INCR', 'a');
    a.call('EXEC');
    expect(out).toEqual([
      [2, ['MULTI']],
      [2, ['SET', 'c', '1']],
      [0, ['INCR', 'a']],
      [0, ['EXEC']],
    ]);
  });

  it('a lazy-expiry DEL inside EXEC goes out at once, outside the transaction', () => {
    const { server, clock, client } = testNode();
    const a = client();
    a.call('SET', 'j', 'v');
    server.dbs[0]!.setExpire('j', clock.now() + 50);
    clock.advance(100);
    const out: string[][] = [];
    server.onPropagate((_db, argv) => out.push(argv));
    a.call('MULTI');
    a.call('GET', 'j');
    a.call('SET', 'z', '1');
    a.call('EXEC');
    expect(out).toEqual([['DEL', 'j'], ['SET', 'z', '1']]);
  });

  it('MONITOR shows MULTI, then each executed command, then EXEC; never the queued ones', () => {
    const { server, client } = testNode();
    const m = client();
    server.monitors.add(m.c);
    const a = client();
    a.call('MULTI');
    a.call('SET', 'a', '1');
    expect(m.drain()).toHaveLength(1);
    a.call('GET', 'a');
    a.call('EXEC');
    a.call('MULTI');
    a.call('GET');
    a.call('EXEC');
    const lines = m.drain().map((r) => (r as { s: string }).s.replace(/^\S+ \[\d+ \S+\] /, ''));
    expect(lines).toEqual(['"SET" "a" "1"', '"GET" "a"', '"EXEC"', '"MULTI"', '"EXEC"']);
  });

  it('counts calls as Redis does: EXEC and every executed command, never the queueing', () => {
    const { server, client } = testNode();
    const a = client();
    a.call('SET', 's', 'str');
    server.resetStats();
    const dirty = server.dirty;
    a.call('MULTI');
    a.call('SET', 'a', '1');
    a.call('SET', 'a', 'x', 'BAD');
    a.call('GET', 'a');
    a.call('EXEC');
    a.call('MULTI');
    a.call('GET', 'a', 'b');
    a.call('NOSUCH');
    a.call('EXEC');
    a.call('EXEC');
    a.call('DISCARD');
    const stats = server.allCommandStats();
    expect(stats.get('multi')).toMatchObject({ calls: 2, failedCalls: 0 });
    expect(stats.get('exec')).toMatchObject({ calls: 3, failedCalls: 2, rejectedCalls: 0 });
    expect(stats.get('set')).toMatchObject({ calls: 2, failedCalls: 1 });
    expect(stats.get('get')).toMatchObject({ calls: 1, rejectedCalls: 1 });
    expect(stats.get('discard')).toMatchObject({ calls: 1, failedCalls: 1 });
    expect(server.stats.totalCommandsProcessed).toBe(9);
    expect(server.stats.totalErrorReplies).toBe(6);
    expect(server.errorStats.get('EXECABORT')).toBe(1);
    expect(server.dirty - dirty).toBe(1);
  });

  it('blocking is denied while EXEC runs and restored after', () => {
    const { client } = testNode();
    const a = client();
    a.call('MULTI');
    a.call('SSUBSCRIBE', 'x');
    expect(a.call('EXEC')).toEqual([error("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client")]);
    expect(a.c.denyBlocking).toBe(false);
  });
});
