import { describe, expect, it } from 'vitest';
import type { RedisServer } from '../server/server.js';
import { testNode } from '../testkit.js';
import type { KeyspaceEvent } from './notify.js';
import { activeExpireCycle as runCycle, type ExpireCycleResult } from './expire.js';

/** One cycle at the clock's present (serverCron runs with time frozen at its own start). */
function activeExpireCycle(server: RedisServer): ExpireCycleResult {
  server.now = server.clock.now();
  return runCycle(server);
}

/** A node with `n` keys in db `dbid` expiring at `at` (absolute ms), set directly. */
function withVolatileKeys(n: number, at: number, dbid = 0, prefix = 'k') {
  const node = testNode();
  const db = node.server.dbs[dbid]!;
  for (let i = 0; i < n; i++) {
    db.setKey(`${prefix}${i}`, 'v');
    db.setExpire(`${prefix}${i}`, at);
  }
  return node;
}

describe('activeExpireCycle', () => {
  it('reaps expired keys nobody touches once the clock moves and the node ticks', () => {
    const { server, clock } = testNode();
    const db = server.dbs[0]!;
    for (let i = 0; i < 50; i++) {
      db.setKey(`k${i}`, 'v');
      db.setExpire(`k${i}`, clock.now() + 1000);
    }
    db.setKey('forever', 'v');
    const expired: KeyspaceEvent[] = [];
    server.onKeyspaceEvent((e) => e.event === 'expired' && expired.push(e));
    const propagated: string[][] = [];
    server.onPropagate((_db, argv) => propagated.push(argv));
    server.tick();
    expect(db.size).toBe(51);
    // serverCron runs every 100 ms (hz 10): the cron at +1000 still sees the keys alive.
    clock.advance(1000);
    server.tick();
    expect(db.size).toBe(51);
    clock.advance(100);
    server.tick();
    expect(db.size).toBe(1);
    expect(db.expires.size).toBe(0);
    expect(server.stats.expiredKeys).toBe(50);
    expect(expired.length).toBe(50);
    expect(propagated.length).toBe(50);
    expect(propagated.every((argv) => argv[0] === 'DEL' && argv.length === 2)).toBe(true);
  });

  it('keeps a key alive through its exact expiry millisecond', () => {
    const { server, clock, client } = testNode();
    const c = client();
    c.call('SET', 'k', 'v');
    c.call('PEXPIREAT', 'k', String(clock.now() + 500));
    clock.advance(500);
    server.tick();
    expect(c.call('EXISTS', 'k')).toBe(1);
    expect(c.call('PTTL', 'k')).toBe(0);
    clock.advance(0.9);
    expect(c.call('EXISTS', 'k')).toBe(1);
    clock.advance(0.1);
    expect(c.call('EXISTS', 'k')).toBe(0);
    expect(server.stats.expiredKeys).toBe(1);
  });

  it('propagates UNLINK with lazyfree-lazy-expire', () => {
    const { server, clock } = withVolatileKeys(3, 1_700_000_000_100);
    server.config.set('lazyfree-lazy-expire', 'yes');
    const propagated: string[][] = [];
    server.onPropagate((_db, argv) => propagated.push(argv));
    clock.advance(200);
    server.tick();
    expect(propagated.map((a) => a[0])).toEqual(['UNLINK', 'UNLINK', 'UNLINK']);
  });

  it('repeats a db while more than 10% of a sample was stale', () => {
    const { server, clock } = withVolatileKeys(2000, 1_700_000_000_100);
    clock.advance(200);
    const r = activeExpireCycle(server);
    // One round samples 20 keys: everything sampled was stale, so the cycle went on until the
    // table was under 1% full (the cron shrinks it before the next cycle).
    const db = server.dbs[0]!;
    expect(r.expired).toBeGreaterThan(1979);
    expect(r.timedOut).toBe(false);
    expect(db.expires.size * 100).toBeLessThan(db.expires.slots());
    clock.advance(100);
    server.tick();
    expect(db.size).toBe(0);
  });

  it('does one round per db when few sampled keys are stale', () => {
    const { server, clock } = withVolatileKeys(2000, 1_700_000_100_000);
    const db = server.dbs[0]!;
    for (let i = 0; i < 20; i++) db.setExpire(`k${i * 100}`, clock.now() + 50);
    clock.advance(100);
    const r = activeExpireCycle(server);
    expect(r.sampled).toBeGreaterThanOrEqual(20);
    expect(r.sampled).toBeLessThan(60);
    expect(r.expired).toBeLessThan(20);
    expect(db.size).toBeGreaterThan(1980);
  });

  it('is bounded per cycle, counts the time cap, and then visits every db', () => {
    const node = testNode();
    const { server, clock } = node;
    const when = clock.now() + 100;
    for (const dbid of [0, 3]) {
      const db = server.dbs[dbid]!;
      for (let i = 0; i < 30_000; i++) {
        db.setKey(`k${i}`, 'v');
        db.setExpire(`k${i}`, when);
      }
    }
    clock.advance(200);
    const first = activeExpireCycle(server);
    expect(first.timedOut).toBe(true);
    expect(server.stats.expiredTimeCapReachedCount).toBe(1);
    expect(first.expired).toBeGreaterThan(10_000);
    expect(first.expired).toBeLessThan(30_000);
    // 25% of a 100 ms cron period at hz 10, checked every 16 rounds; a round costs at most
    // 20 keys sampled and expired (1.2 us each) and 400 buckets (0.05 us each).
    expect(first.elapsedUs).toBeGreaterThan(25_000);
    expect(first.elapsedUs).toBeLessThan(25_000 + 16 * (20 * 1.2 + 400 * 0.05));
    expect(server.expireCycleTimelimitExit).toBe(true);
    // db 3 got nothing yet: the budget went to db 0. The next cycle starts from db 1 and,
    // after a time cap, goes over every db, reaching db 3.
    expect(server.dbs[3]!.size).toBe(30_000);
    const second = activeExpireCycle(server);
    expect(server.dbs[3]!.size).toBeLessThan(30_000);
    expect(second.expired).toBeGreaterThan(10_000);
    let cycles = 2;
    while (server.dbs[0]!.size + server.dbs[3]!.size > 0) {
      clock.advance(100);
      server.tick();
      if (++cycles > 40) throw new Error('expiry never finishes');
    }
    expect(server.stats.expiredKeys).toBe(60_000);
  });

  it('spends more with a higher active-expire-effort', () => {
    const run = (effort: string): number => {
      const { server, clock } = withVolatileKeys(40_000, 1_700_000_000_100);
      server.config.set('active-expire-effort', effort);
      clock.advance(200);
      return activeExpireCycle(server).expired;
    };
    expect(run('10')).toBeGreaterThan(run('1'));
  });

  it('resumes from the next db after a cycle, and walks the expires table with a cursor', () => {
    const { server, clock } = withVolatileKeys(1000, 1_700_000_100_000);
    clock.advance(10);
    const db = server.dbs[0]!;
    const startDb = server.expireCycleDb;
    activeExpireCycle(server);
    expect(server.expireCycleDb).toBe(startDb);
    expect(db.expiresCursor).not.toBe(0);
    const cursor = db.expiresCursor;
    activeExpireCycle(server);
    expect(db.expiresCursor).not.toBe(cursor);
  });

  it('tracks the average TTL of sampled keys and the stale share', () => {
    const { server, clock } = withVolatileKeys(100, 1_700_000_010_000);
    activeExpireCycle(server);
    const db = server.dbs[0]!;
    expect(db.avgTtl).toBeGreaterThan(9000);
    expect(db.avgTtl).toBeLessThanOrEqual(10_000);
    expect(server.stats.expiredStalePerc).toBe(0);
    clock.advance(20_000);
    activeExpireCycle(server);
    // A fully stale cycle weighs 5% in the running estimate.
    expect(server.stats.expiredStalePerc).toBeCloseTo(5, 10);
    expect(db.avgTtl).toBe(0);
  });

  it('skips a table with less than 1% of its buckets filled', () => {
    const { server, clock } = withVolatileKeys(1000, 1_700_000_000_100);
    const db = server.dbs[0]!;
    while (db.expires.rehash(100));
    for (let i = 9; i < 1000; i++) db.delete(`k${i}`);
    expect(db.expires.size).toBe(9);
    expect(db.expires.slots()).toBe(1024);
    clock.advance(200);
    expect(activeExpireCycle(server).sampled).toBe(0);
    expect(db.size).toBe(9);
  });

  it('does not run on replicas nor when DEBUG SET-ACTIVE-EXPIRE 0 turned it off', () => {
    const { server, clock } = withVolatileKeys(10, 1_700_000_000_100);
    server.isReplica = true;
    clock.advance(1000);
    server.tick();
    expect(server.dbs[0]!.size).toBe(10);
    server.isReplica = false;
    server.activeExpireEnabled = false;
    clock.advance(1000);
    server.tick();
    expect(server.dbs[0]!.size).toBe(10);
    server.activeExpireEnabled = true;
    clock.advance(1000);
    server.tick();
    expect(server.dbs[0]!.size).toBe(0);
  });

  it('keeps exact int64 expiry times far in the future', () => {
    const { server, clock } = testNode();
    const db = server.dbs[0]!;
    db.setKey('k', 'v');
    db.setExpire('k', 9223372036854775807n);
    clock.advance(10_000);
    server.tick();
    expect(db.getExpireInt64('k')).toBe(9223372036854775807n);
    expect(db.size).toBe(1);
  });
});
