import { describe, expect, it } from 'vitest';
import { OK, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import { encodeReply } from '../resp/encode.js';
import { testNode, type TestNode } from '../testkit.js';
import { RedisCollection, encodingOf, type Encoding } from '../types/object.js';

/**
 * Unit tests for what a differential test cannot see from a client: encodings, keyspace
 * events, dirty counts, propagation, statistics. Expectations were taken from redis-server
 * 7.0.15 (OBJECT ENCODING, a KEA keyspace-event subscriber, the AOF it wrote).
 */

const T0 = 1_700_000_000_000;

/** Stands in for a list so the wrong-type paths can be exercised. */
class OtherType extends RedisCollection {
  readonly type = 'list' as const;
  encoding(): Encoding {
    return 'listpack';
  }
  get length(): number {
    return 1;
  }
  copy(): RedisCollection {
    return new OtherType();
  }
  elements(): never {
    throw new Error('not drawn in these tests');
  }
  memoryUsage(): number {
    return 0;
  }
}

function setup(): TestNode & { call: (...argv: string[]) => Reply | undefined; enc: (key: string) => Encoding | null } {
  const node = testNode();
  node.clock.set(T0);
  const cl = node.client();
  return {
    ...node,
    call: cl.call,
    enc: (key) => {
      const v = node.server.dbs[0]!.peek(key);
      return v === undefined ? null : encodingOf(v);
    },
  };
}

describe('string encodings (OBJECT ENCODING as redis-server reports it)', () => {
  it('SET, MSET, SETNX, SETEX, GETSET: int for canonical int64, embstr up to 44 bytes, raw beyond', () => {
    const { call, enc } = setup();
    const cases: [string, Encoding][] = [
      ['1', 'int'], ['0', 'int'], ['-9223372036854775808', 'int'], ['9223372036854775807', 'int'],
      ['9223372036854775808', 'embstr'], ['12345678901234567890', 'embstr'], ['01', 'embstr'],
      [' 1', 'embstr'], ['-0', 'embstr'], ['+1', 'embstr'], ['x'.repeat(44), 'embstr'],
      ['x'.repeat(45), 'raw'], ['1'.repeat(44), 'embstr'],
    ];
    for (const [value, encoding] of cases) {
      call('SET', 'k', value);
      expect(enc('k'), value).toBe(encoding);
    }
    call('MSET', 'a', '1', 'b', '01', 'c', 'z'.repeat(45));
    expect([enc('a'), enc('b'), enc('c')]).toEqual(['int', 'embstr', 'raw']);
    call('SETNX', 'd', '99');
    call('SETEX', 'e', '100', '10');
    call('PSETEX', 'f', '100000', 'ten');
    call('SET', 'g', 'x');
    call('GETSET', 'g', '7');
    expect([enc('d'), enc('e'), enc('f'), enc('g')]).toEqual(['int', 'int', 'embstr', 'int']);
  });

  it('APPEND and SETRANGE leave a raw string, except APPEND creating the key', () => {
    const { call, enc } = setup();
    call('APPEND', 'a', 'hello');
    call('APPEND', 'n', '123');
    expect([enc('a'), enc('n')]).toEqual(['embstr', 'int']);
    call('APPEND', 'a', 'x');
    call('APPEND', 'n', '');
    expect([enc('a'), enc('n')]).toEqual(['raw', 'raw']);
    expect(call('GET', 'n')).toBe('123');
    call('SETRANGE', 'r', '0', '12');
    expect(enc('r')).toBe('raw');
    call('SET', 's', '5');
    call('SETRANGE', 's', '0', '');
    expect(enc('s')).toBe('int');
    call('SETRANGE', 's', '0', '6');
    expect(enc('s')).toBe('raw');
  });

  it('INCR makes an int; INCRBYFLOAT makes a string even when the result is integral', () => {
    const { call, enc } = setup();
    call('SET', 'k', '5');
    call('APPEND', 'k', '');
    expect(enc('k')).toBe('raw');
    call('INCR', 'k');
    expect(enc('k')).toBe('int');
    call('INCRBYFLOAT', 'f', '3');
    expect(enc('f')).toBe('embstr');
    expect(call('GET', 'f')).toBe('3');
    call('INCRBYFLOAT', 'big', '1e50');
    expect(enc('big')).toBe('raw');
  });
});

describe('keyspace events', () => {
  it('are the ones Redis sends for each command', () => {
    const { call, server } = setup();
    const events: string[] = [];
    server.onKeyspaceEvent((e) => {
      if (e.cls !== 'n' && e.cls !== 'm') events.push(`${e.event} ${e.key}`);
    });
    call('SET', 'a', '1');
    call('SET', 'a', '2', 'EX', '100');
    call('SET', 'a', '3', 'KEEPTTL', 'GET');
    call('SET', 'a', '4', 'NX');
    call('SETEX', 'b', '10', 'x');
    call('GETEX', 'b', 'EX', '10');
    call('GETEX', 'b', 'PERSIST');
    call('GETEX', 'b', 'PERSIST');
    call('GETEX', 'b', 'EXAT', '1');
    call('INCR', 'c');
    call('DECRBY', 'c', '5');
    call('INCRBYFLOAT', 'c', '1.5');
    call('APPEND', 'c', 'x');
    call('APPEND', 'd', 'x');
    call('SETRANGE', 'd', '0', 'y');
    call('SETRANGE', 'e', '2', 'y');
    call('SETRANGE', 'e', '2', '');
    call('GETDEL', 'e');
    call('GETSET', 'd', 'z');
    call('MSET', 'f', '1', 'f', '2');
    call('MSETNX', 'g', '1', 'h', '2');
    call('SETNX', 'g', '1');
    call('PSETEX', 'i', '1000', 'x');
    expect(events).toEqual([
      'set a', 'set a', 'expire a', 'set a', 'set b', 'expire b', 'expire b', 'persist b', 'del b',
      'incrby c', 'incrby c', 'incrbyfloat c', 'append c', 'append d', 'setrange d', 'setrange e',
      'del e', 'set d', 'set f', 'set f', 'set g', 'set h', 'set i', 'expire i',
    ]);
  });

  it('report new keys from the commands that create them', () => {
    const { call, server } = setup();
    const created: string[] = [];
    server.onKeyspaceEvent((e) => {
      if (e.event === 'new') created.push(e.key);
    });
    call('SET', 'a', '1');
    call('SET', 'a', '2');
    call('INCR', 'b');
    call('APPEND', 'c', 'x');
    call('SETRANGE', 'd', '1', 'x');
    call('SETRANGE', 'e', '1', '');
    call('INCRBYFLOAT', 'f', '1');
    expect(created).toEqual(['a', 'b', 'c', 'd', 'f']);
  });
});

describe('propagation (what AOF and replicas receive)', () => {
  function capture(): { node: ReturnType<typeof setup>; out: string[] } {
    const node = setup();
    const out: string[] = [];
    node.server.onPropagate((_db, argv) => out.push(argv.join(' ')));
    return { node, out };
  }

  it('rewrites relative expiry to absolute and non-deterministic results to SET', () => {
    const { node: { call }, out } = capture();
    call('set', 'a', '1', 'ex', '100');
    call('SET', 'b', '2', 'px', '100000', 'get');
    call('set', 'c', '3', 'get');
    call('set', 'c', '4', 'GET', 'get', 'nx');
    call('set', 'c', '5', 'xx', 'keepttl', 'get');
    call('setex', 'd', '100', 'x');
    call('psetex', 'e', '100000', 'y');
    call('getex', 'a', 'ex', '100');
    call('getex', 'a', 'persist');
    call('getex', 'a', 'persist');
    call('getex', 'b', 'exat', '1');
    call('getex', 'c');
    call('getdel', 'c');
    call('getdel', 'zz');
    call('incrbyfloat', 'f', '1.5');
    call('getset', 'f', '3');
    call('setnx', 'f', '1');
    call('setnx', 'g', '1');
    call('set', 'h', '1', 'exat', '1');
    call('mset', 'm', '1', 'n', '2');
    call('msetnx', 'm', '1', 'o', '2');
    call('setrange', 's', '0', '');
    call('setrange', 'f', '0', '');
    call('append', 'f', '');
    call('incr', 'f');
    call('set', 'z', '9', 'exat', '99999999999');
    call('getex', 'z', 'pxat', '99999999999999');
    call('incrbyfloat', 'z', '1');
    expect(out).toEqual([
      `SET a 1 PXAT ${T0 + 100_000}`,
      `SET b 2 PXAT ${T0 + 100_000}`,
      'set c 3',
      'set c 5 xx keepttl',
      `SET d x PXAT ${T0 + 100_000}`,
      `SET e y PXAT ${T0 + 100_000}`,
      `PEXPIREAT a ${T0 + 100_000}`,
      'PERSIST a',
      'DEL b',
      'DEL c',
      'SET f 1.5 KEEPTTL',
      'SET f 3',
      'setnx g 1',
      'SET h 1 PXAT 1000',
      'mset m 1 n 2',
      'append f ',
      'incr f',
      'SET z 9 PXAT 99999999999000',
      'PEXPIREAT z 99999999999999',
      'SET z 10 KEEPTTL',
    ]);
  });

  it('keeps int64 expiry times exact and whole milliseconds on a fractional clock', () => {
    const { node: { call, clock }, out } = capture();
    call('SET', 'a', 'v', 'PXAT', '9223372036854775807');
    clock.set(T0 + 0.75);
    call('SET', 'b', 'v', 'EX', '10');
    call('SET', 'c', 'v', 'EX', '9223372036854775');
    expect(out).toEqual(['SET a v PXAT 9223372036854775807', `SET b v PXAT ${T0 + 10_000}`]);
  });

  it('uses UNLINK when lazy freeing is configured', () => {
    const node = testNode({ config: { 'lazyfree-lazy-user-del': 'yes', 'lazyfree-lazy-expire': 'yes' } });
    const out: string[] = [];
    node.server.onPropagate((_db, argv) => out.push(argv.join(' ')));
    const { call } = node.client();
    call('SET', 'a', '1');
    call('GETDEL', 'a');
    call('SET', 'b', '1');
    call('GETEX', 'b', 'PXAT', '1');
    expect(out).toEqual(['SET a 1', 'UNLINK a', 'SET b 1', 'UNLINK b']);
  });
});

describe('dirty counter', () => {
  it('counts what Redis counts', () => {
    const { call, server } = setup();
    const dirtyAfter = (...argv: string[]): number => {
      const before = server.dirty;
      call(...argv);
      return server.dirty - before;
    };
    expect(dirtyAfter('MSET', 'a', '1', 'b', '2', 'a', '3')).toBe(3);
    expect(dirtyAfter('MSETNX', 'a', '1', 'x', '2')).toBe(0);
    expect(dirtyAfter('SET', 'a', '1', 'NX')).toBe(0);
    expect(dirtyAfter('SET', 'a', '1', 'XX', 'EX', '10')).toBe(1);
    expect(dirtyAfter('APPEND', 'a', '')).toBe(1);
    expect(dirtyAfter('SETRANGE', 'a', '0', '')).toBe(0);
    expect(dirtyAfter('SETRANGE', 'new', '5', '')).toBe(0);
    expect(dirtyAfter('GETEX', 'a')).toBe(0);
    expect(dirtyAfter('GETEX', 'b', 'PERSIST')).toBe(0);
    expect(dirtyAfter('GETDEL', 'missing')).toBe(0);
    expect(dirtyAfter('INCRBY', 'a', 'x')).toBe(0);
    expect(dirtyAfter('INCRBYFLOAT', 'n', 'inf')).toBe(0);
    expect(dirtyAfter('GET', 'a')).toBe(0);
  });
});

describe('keyspace hit and miss statistics', () => {
  it('count read lookups only, like lookupKeyRead', () => {
    const { call, server } = setup();
    call('SET', 'a', '1');
    const stats = (): [number, number] => [server.stats.keyspaceHits, server.stats.keyspaceMisses];
    call('GET', 'a');
    call('GET', 'missing');
    expect(stats()).toEqual([1, 1]);
    call('MGET', 'a', 'missing', 'a');
    expect(stats()).toEqual([3, 2]);
    call('SET', 'a', '2', 'GET');
    call('GETEX', 'missing');
    call('GETDEL', 'missing');
    call('LCS', 'a', 'missing');
    expect(stats()).toEqual([5, 5]);
    call('INCR', 'a');
    call('APPEND', 'a', 'x');
    call('SET', 'a', '1');
    expect(stats()).toEqual([5, 5]);
  });
});

describe('TTL interplay', () => {
  it('modifications keep the TTL; SET and GETSET drop it unless KEEPTTL', () => {
    const { call, server } = setup();
    const db = server.dbs[0]!;
    const when = T0 + 100_000;
    for (const argv of [['INCR', 'k'], ['INCRBYFLOAT', 'k', '1.5'], ['APPEND', 'k', 'x'], ['SETRANGE', 'k', '0', 'y'], ['SET', 'k', 'v', 'KEEPTTL']]) {
      call('SET', 'k', '1', 'PX', '100000');
      call(...argv);
      expect(db.getExpire('k'), argv.join(' ')).toBe(when);
    }
    call('GETSET', 'k', 'v');
    expect(db.getExpire('k')).toBe(-1);
    call('SET', 'k', '1', 'PX', '100000');
    call('SET', 'k', '2');
    expect(db.getExpire('k')).toBe(-1);
  });

  it('a key expires on the virtual clock', () => {
    const { call, clock } = setup();
    call('SET', 'k', 'v', 'PX', '100');
    clock.advance(99);
    expect(call('GET', 'k')).toBe('v');
    clock.advance(2);
    expect(call('GET', 'k')).toBeNull();
  });

  it('GETEX with a past EXAT/PXAT deletes on a master, only sets the TTL on a replica', () => {
    const { call, server } = setup();
    call('SET', 'k', 'v');
    server.isReplica = true;
    expect(call('GETEX', 'k', 'PXAT', '1')).toBe('v');
    expect(server.dbs[0]!.getExpire('k')).toBe(1);
    server.isReplica = false;
    call('SET', 'k', 'v');
    expect(call('GETEX', 'k', 'PXAT', '1')).toBe('v');
    expect(server.dbs[0]!.dict.has('k')).toBe(false);
  });
});

describe('wrong types', () => {
  it('every string command refuses a non-string key, except SET which replaces it and MGET which answers nil', () => {
    const { call, server } = setup();
    const db = server.dbs[0]!;
    const reset = (): void => {
      db.delete('l');
      db.add('l', new OtherType());
    };
    const refused = [
      ['GET', 'l'], ['GETSET', 'l', 'x'], ['GETDEL', 'l'], ['GETEX', 'l'], ['GETEX', 'l', 'EX', '0'],
      ['STRLEN', 'l'], ['APPEND', 'l', 'x'], ['SETRANGE', 'l', '0', 'x'], ['SETRANGE', 'l', '0', ''],
      ['GETRANGE', 'l', '0', '-1'], ['SUBSTR', 'l', '0', '-1'], ['INCR', 'l'], ['DECR', 'l'],
      ['INCRBY', 'l', '1'], ['DECRBY', 'l', '1'], ['INCRBYFLOAT', 'l', 'x'], ['SET', 'l', 'v', 'GET'],
      ['SET', 'l', 'v', 'NX', 'GET'],
    ];
    for (const argv of refused) {
      reset();
      expect(call(...argv), argv.join(' ')).toBe(E.WRONGTYPE);
    }
    reset();
    expect(call('LCS', 'l', 'x')).toBe(E.LCS_NOT_STRINGS);
    expect(call('LCS', 'x', 'l', 'LEN', 'IDX')).toBe(E.LCS_NOT_STRINGS);
    expect(call('MGET', 'l', 'x')).toEqual([null, null]);
    expect(call('SETNX', 'l', 'v')).toBe(0);
    expect(call('INCRBY', 'l', 'x')).toBe(E.NOT_INTEGER);
    expect(call('SET', 'l', 'v')).toBe(OK);
    expect(call('GET', 'l')).toBe('v');
  });
});

describe('limits', () => {
  it('refuses strings past what a JS string can hold instead of throwing', () => {
    const { call, server } = setup();
    expect(call('SETRANGE', 'k', '536870888', 'x')).toBe(E.STRING_EXCEEDS_MAX);
    expect(call('SETRANGE', 'k', '9223372036854775807', 'x')).toBe(E.STRING_EXCEEDS_MAX);
    expect(server.dbs[0]!.dict.has('k')).toBe(false);
    expect(server.engineBugs).toEqual([]);
  });

  it('LCS refuses a table larger than proto-max-bulk-len', () => {
    const node = testNode({ config: { 'proto-max-bulk-len': '1mb' } });
    const { call } = node.client();
    call('SET', 'a', 'a'.repeat(511));
    call('SET', 'b', 'a'.repeat(512));
    expect(call('LCS', 'a', 'a', 'LEN')).toBe(511);
    expect(call('LCS', 'a', 'b', 'LEN')).toBe(E.LCS_EXCEEDS_MAX);
  });
});

describe('WATCH', () => {
  it('is invalidated by every string write, not by no-op ones', () => {
    const node = setup();
    const other = node.client();
    const cases: [string[], boolean][] = [
      [['APPEND', 'w', 'x'], true], [['SETRANGE', 'w', '0', 'y'], true], [['INCR', 'n'], true],
      [['INCRBYFLOAT', 'n', '1'], true], [['GETEX', 'w', 'EX', '100'], true], [['GETEX', 'w', 'PERSIST'], true],
      [['GETEX', 'w', 'PERSIST'], false], [['SETRANGE', 'w', '0', ''], false], [['GETDEL', 'w'], true],
      [['SET', 'w', 'v', 'NX'], true], [['SET', 'w', 'v', 'NX'], false], [['MSETNX', 'w', 'v'], false],
    ];
    for (const [argv, touches] of cases) {
      node.call('WATCH', argv[1]!);
      other.call(...argv);
      node.call('MULTI');
      const r = node.call('EXEC');
      expect(r === null || (typeof r === 'object' && !Array.isArray(r) && r.t === 'nilarray'), argv.join(' ')).toBe(touches);
    }
  });
});

describe('RESP3', () => {
  it('LCS IDX is a map', () => {
    const { call } = setup();
    call('SET', 'ka', 'ohmytext');
    call('SET', 'kb', 'mynewtext');
    const r = call('LCS', 'ka', 'kb', 'IDX', 'MINMATCHLEN', '4', 'WITHMATCHLEN')!;
    expect(encodeReply(r, 3)).toBe('%2\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n');
    expect(encodeReply(r, 2)).toBe('*4\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n');
  });
});
