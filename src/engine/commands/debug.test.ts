import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { OK, status } from '../../protocol/reply.js';
import { testNode } from '../testkit.js';

describe('DEBUG SLEEP', () => {
  it('replies when the virtual clock has moved by the delay; other clients wait, in order', () => {
    const { server, clock, client } = testNode();
    const a = client();
    const b = client();
    expect(a.call('DEBUG', 'SLEEP', '1.5')).toBeUndefined();
    expect(b.call('SET', 'k', 'v')).toBeUndefined();
    expect(b.call('GET', 'k')).toBeUndefined();
    expect(a.call('PING')).toBeUndefined();
    clock.advance(1499);
    server.tick();
    expect(a.drain()).toEqual([]);
    expect(b.drain()).toEqual([]);
    clock.advance(1);
    server.tick();
    expect(a.drain()).toEqual([OK, status('PONG')]);
    expect(b.drain()).toEqual([OK, 'v']);
    expect(server.busy).toBeNull();
  });

  it('a command that waited can put the node to sleep again', () => {
    const { server, clock, client } = testNode();
    const a = client();
    const b = client();
    a.call('DEBUG', 'SLEEP', '1');
    b.call('DEBUG', 'SLEEP', '1');
    a.call('PING');
    clock.advance(1000);
    server.tick();
    expect(a.drain()).toEqual([OK]);
    expect(b.drain()).toEqual([]);
    clock.advance(1000);
    server.tick();
    expect(b.drain()).toEqual([OK]);
    expect(a.drain()).toEqual([status('PONG')]);
  });

  it('zero, negative and unparsable delays reply at once', () => {
    const { client } = testNode();
    const a = client();
    for (const d of ['0', '-1', 'x', 'inf']) expect(a.call('DEBUG', 'SLEEP', d)).toEqual(OK);
  });

  it('inside EXEC the reply is part of the transaction, the node still sleeps', () => {
    const { server, clock, client } = testNode();
    const a = client();
    const b = client();
    a.call('MULTI');
    a.call('DEBUG', 'SLEEP', '2');
    expect(a.call('EXEC')).toEqual([OK]);
    expect(b.call('PING')).toBeUndefined();
    clock.advance(2000);
    server.tick();
    expect(b.drain()).toEqual([status('PONG')]);
    expect(a.drain()).toEqual([]);
  });
});

describe('DEBUG SET-ACTIVE-EXPIRE', () => {
  it('stops and restarts the active expire cycle', () => {
    const { server, clock, client } = testNode();
    const a = client();
    a.call('SET', 'k', 'v');
    a.c.db.setExpire('k', server.now + 100);
    expect(a.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0')).toEqual(OK);
    clock.advance(5000);
    server.tick();
    expect(a.c.db.dict.size).toBe(1);
    a.call('DEBUG', 'SET-ACTIVE-EXPIRE', '1');
    clock.advance(1000);
    server.tick();
    expect(a.c.db.dict.size).toBe(0);
  });
});

describe('DEBUG POPULATE', () => {
  it('is neither propagated nor counted as changes', () => {
    const { server, client } = testNode();
    const log: string[][] = [];
    server.onPropagate((_db, argv) => log.push(argv));
    const dirty = server.dirty;
    client().call('DEBUG', 'POPULATE', '100');
    expect(server.dirty).toBe(dirty);
    expect(log).toEqual([]);
  });

  it('keeps the keyspace lean: at most 150 bytes of heap per key', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const { client } = testNode();
    const a = client();
    gc();
    const before = process.memoryUsage().heapUsed;
    a.call('DEBUG', 'POPULATE', '200000');
    gc();
    const perKey = (process.memoryUsage().heapUsed - before) / 200000;
    expect(a.call('DBSIZE')).toBe(200000);
    expect(perKey).toBeLessThan(150);
  });
});

describe('DEBUG OBJECT', () => {
  it('reports encoding, refcount, serialized length and the LRU clock', () => {
    const { clock, client } = testNode();
    const a = client();
    a.call('SET', 'small', '5');
    a.call('SET', 'neg', '-5');
    a.call('SET', 'big', '123456789012');
    a.call('SET', 's', 'hello');
    a.call('SET', 'long', 'x'.repeat(100));
    clock.advance(7000);
    const fields = (key: string): string => (a.call('DEBUG', 'OBJECT', key) as { s: string }).s.replace(/^Value at:0x[0-9a-f]{12} /, '');
    const lru = Math.floor(clock.now() / 1000 - 7) & 0xffffff;
    expect(fields('neg')).toBe(`refcount:1 encoding:int serializedlength:2 lru:${lru} lru_seconds_idle:7`);
    expect(fields('big')).toBe(`refcount:1 encoding:int serializedlength:13 lru:${lru} lru_seconds_idle:7`);
    expect(fields('s')).toBe(`refcount:1 encoding:embstr serializedlength:6 lru:${lru} lru_seconds_idle:7`);
    expect(fields('long')).toBe(`refcount:1 encoding:raw serializedlength:102 lru:${lru} lru_seconds_idle:7`);
    expect(fields('small')).toMatch(/^refcount:2147483647 encoding:int serializedlength:2 /);
  });
});

describe('DEBUG HTSTATS', () => {
  it('shows the rehashing target while a rehash is under way', () => {
    const { server, client } = testNode();
    const a = client();
    for (let i = 0; i < 5; i++) a.call('SET', `k${i}`, 'v');
    const dict = server.dbs[0]!.dict;
    expect(dict.isRehashing()).toBe(true);
    const stats = (a.call('DEBUG', 'HTSTATS', '0') as { s: string }).s;
    const [used0, used1] = dict.shape().used;
    expect(stats).toContain(`Hash table 0 stats (main hash table):\n table size: 4\n number of elements: ${used0}\n`);
    expect(stats).toContain(`Hash table 1 stats (rehashing target):\n table size: 8\n number of elements: ${used1}\n`);
    expect(dict.isRehashing()).toBe(true);
  });
});

describe('DEBUG SLEEP and background work', () => {
  it('no active expiry while the node sleeps', () => {
    const { server, clock, client } = testNode();
    const a = client();
    a.call('SET', 'k', 'v');
    a.c.db.setExpire('k', server.now + 100);
    a.call('DEBUG', 'SLEEP', '5');
    clock.advance(4000);
    server.tick();
    expect(a.c.db.dict.size).toBe(1);
    clock.advance(2000);
    server.tick();
    expect(a.c.db.dict.size).toBe(0);
  });
});
