import { describe, expect, it } from 'vitest';
import { error, OK, verbatim } from '../../protocol/reply.js';
import { testNode } from '../testkit.js';

// Replies are checked byte for byte against redis-server 7.0.15 in server.diff.test.ts; these
// tests cover the virtual clock, propagation and what other clients observe.

function propagated(server: ReturnType<typeof testNode>['server']): string[][] {
  const out: string[][] = [];
  server.onPropagate((_db, argv) => out.push(argv));
  return out;
}

describe('FLUSHDB / FLUSHALL', () => {
  it('count removed keys as changes and are propagated even when nothing was there', () => {
    const { server, client } = testNode();
    const log = propagated(server);
    const a = client();
    a.call('SET', 'a', '1');
    a.call('SET', 'b', '2');
    const dirty = server.dirty;
    expect(a.call('FLUSHDB')).toEqual(OK);
    expect(server.dirty - dirty).toBe(2);
    expect(a.call('FLUSHDB', 'ASYNC')).toEqual(OK);
    expect(a.call('FLUSHALL')).toEqual(OK);
    expect(log.slice(-3)).toEqual([['FLUSHDB'], ['FLUSHDB', 'ASYNC'], ['FLUSHALL']]);
  });

  it('FLUSHALL empties every db, keys and expires', () => {
    const { server, client } = testNode();
    const a = client();
    a.call('SET', 'a', '1');
    a.c.db.setExpire('a', server.now + 10_000);
    a.call('SELECT', '9');
    a.call('SET', 'b', '1');
    a.call('FLUSHALL');
    expect(server.dbs.every((db) => db.dict.size === 0 && db.expires.size === 0)).toBe(true);
  });
});

describe('SWAPDB', () => {
  it('exchanges contents and TTLs; connections stay on their db number', () => {
    const { server, client } = testNode();
    const log = propagated(server);
    const a = client();
    const b = client();
    a.call('SET', 'k', 'zero');
    a.c.db.setExpire('k', server.now + 5000);
    b.call('SELECT', '1');
    b.call('SET', 'k', 'one');
    expect(a.call('SWAPDB', '0', '1')).toEqual(OK);
    expect(a.call('GET', 'k')).toBe('one');
    expect(b.call('GET', 'k')).toBe('zero');
    expect(server.dbs[1]!.getExpire('k')).toBe(server.now + 5000);
    expect(server.dbs[0]!.getExpire('k')).toBe(-1);
    expect(log).toContainEqual(['SWAPDB', '0', '1']);
  });
});

describe('TIME', () => {
  it('reads the virtual clock, in seconds and microseconds', () => {
    const { clock, client } = testNode();
    clock.set(1_700_000_123_456.789);
    expect(client().call('TIME')).toEqual(['1700000123', '456789']);
  });
});

describe('MONITOR', () => {
  it('writes one line per command: time, db, address, quoted arguments', () => {
    const { clock, client } = testNode();
    clock.set(1_700_000_000_250.5);
    const m = client();
    expect(m.call('MONITOR')).toEqual(OK);
    const a = client();
    a.call('SELECT', '2');
    a.call('SET', 'k', 'a b"\n\x00');
    a.call('CONFIG', 'GET', 'hz');
    expect(m.drain()).toEqual([
      { t: 'status', s: `1700000000.250500 [2 ${a.c.addr}] "SELECT" "2"` },
      { t: 'status', s: `1700000000.250500 [2 ${a.c.addr}] "SET" "k" "a b\\"\\n\\x00"` },
    ]);
  });

  it('a second MONITOR gets no reply; a closed monitor is dropped', () => {
    const { server, client } = testNode();
    const m = client();
    m.call('MONITOR');
    expect(m.call('MONITOR')).toBeUndefined();
    server.freeClient(m.c);
    expect(server.monitors.size).toBe(0);
  });

  it('is refused inside EXEC', () => {
    const { client } = testNode();
    const a = client();
    a.call('MULTI');
    a.call('MONITOR');
    expect(a.call('EXEC')).toEqual([error("ERR MONITOR isn't allowed for DENY BLOCKING client")]);
    expect(a.c.monitor).toBe(false);
  });
});

describe('INFO', () => {
  it('counts from the engine: uptime on the virtual clock, hits, misses, commands, keyspace', () => {
    const { server, clock, client } = testNode();
    const a = client();
    a.call('SET', 'a', '1');
    a.call('GET', 'a');
    a.call('GET', 'nope');
    a.c.db.setExpire('a', server.now + 60_000);
    clock.advance(90_061_000);
    const info = (a.call('INFO') as { s: string }).s;
    expect(info).toContain('\r\nuptime_in_seconds:90061\r\n');
    expect(info).toContain('\r\nuptime_in_days:1\r\n');
    expect(info).toContain(`\r\nrun_id:${server.runId}\r\n`);
    expect(info).toContain('\r\nkeyspace_hits:1\r\nkeyspace_misses:1\r\n');
    expect(info).toContain('\r\ntotal_commands_processed:3\r\n');
    expect(info).toContain('\r\nconnected_clients:1\r\n');
    expect(info).toContain('\r\ndb0:keys=1,expires=1,avg_ttl=0\r\n');
    expect(info).not.toContain('# Commandstats');
  });

  it('expired keys, avg_ttl and commandstats follow the engine', () => {
    const { server, clock, client } = testNode();
    const a = client();
    for (let i = 0; i < 5; i++) a.call('SET', `k${i}`, 'v');
    for (let i = 0; i < 5; i++) a.c.db.setExpire(`k${i}`, server.now + (i < 2 ? 50 : 100_000));
    clock.advance(1000);
    server.tick();
    const info = (a.call('INFO', 'stats', 'keyspace', 'commandstats') as { s: string }).s;
    expect(info).toContain('\r\nexpired_keys:2\r\n');
    const avgTtl = Math.floor(server.dbs[0]!.avgTtl);
    expect(avgTtl).toBeGreaterThan(0);
    expect(info).toContain(`\r\ndb0:keys=3,expires=3,avg_ttl=${avgTtl}\r\n`);
    expect(info).toMatch(/\r\ncmdstat_set:calls=5,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=0\r\n/);
  });

  it('used_memory grows with the dataset and the peak is kept', () => {
    const { client } = testNode();
    const a = client();
    const used = (): number => Number(/used_memory:(\d+)/.exec((a.call('INFO', 'memory') as { s: string }).s)![1]);
    const empty = used();
    a.call('DEBUG', 'POPULATE', '10000', 'key', '100');
    const full = used();
    expect(full - empty).toBeGreaterThan(10000 * 100);
    expect(full - empty).toBeLessThan(10000 * 300);
    a.call('FLUSHALL');
    const after = (a.call('INFO', 'memory') as { s: string }).s;
    expect(Number(/used_memory:(\d+)/.exec(after)![1])).toBeLessThan(full);
    expect(after).toContain(`used_memory_peak:${full}\r\n`);
  });

  it('is a verbatim string in RESP3', () => {
    const { client } = testNode();
    const a = client();
    a.call('HELLO', '3');
    expect(a.call('INFO', 'nosuch')).toEqual(verbatim(''));
  });
});
