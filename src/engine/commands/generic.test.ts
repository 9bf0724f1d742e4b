import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueData } from '../../protocol/api.js';
import type { Reply } from '../../protocol/reply.js';
import { testNode, type TestClient } from '../testkit.js';
import { RawString, RedisCollection, type Encoding } from '../types/object.js';

/** A stand-in collection until lists land: what TYPE, OBJECT ENCODING, COPY and SCAN TYPE see. */
class FakeList extends RedisCollection {
  readonly type = 'list' as const;
  constructor(readonly items: string[]) {
    super();
  }
  encoding(): Encoding {
    return this.items.length > 2 ? 'quicklist' : 'listpack';
  }
  get length(): number {
    return this.items.length;
  }
  copy(): FakeList {
    return new FakeList([...this.items]);
  }
  elements(limit: number): ValueData {
    return { type: 'list', items: this.items.slice(0, limit) };
  }
  memoryUsage(): number {
    return 16 * this.items.length;
  }
}

function node() {
  const n = testNode();
  const c = n.client();
  const propagated: string[][] = [];
  n.server.onPropagate((_db, argv) => propagated.push(argv));
  const events: string[] = [];
  n.server.onKeyspaceEvent((e) => events.push(`${e.db}:${e.event}:${e.key}`));
  return { ...n, c, propagated, events, db: n.server.dbs[0]! };
}

/** Every key of a complete SCAN iteration with the given options. */
function scanAll(c: TestClient, ...opts: string[]): string[] {
  const keys: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    const r = c.call('SCAN', cursor, ...opts) as [string, string[]];
    cursor = r[0];
    keys.push(...r[1]);
    if (++calls > 100_000) throw new Error('SCAN does not terminate');
  } while (cursor !== '0');
  return keys;
}

describe('keyspace hits and misses (checked on redis-server 7.0.15 with INFO stats)', () => {
  const cases: Array<[string[], number, number]> = [
    [['TYPE', 'k'], 1, 0],
    [['TYPE', 'nokey'], 0, 1],
    [['EXISTS', 'k', 'nokey', 'k'], 2, 1],
    [['TTL', 'k'], 1, 0],
    [['PTTL', 'nokey'], 0, 1],
    [['EXPIRETIME', 'k'], 1, 0],
    [['PEXPIRETIME', 'nokey'], 0, 1],
    [['OBJECT', 'ENCODING', 'k'], 1, 0],
    [['OBJECT', 'IDLETIME', 'nokey'], 0, 1],
    [['OBJECT', 'REFCOUNT', 'k'], 1, 0],
    [['KEYS', '*'], 0, 0],
    [['SCAN', '0'], 0, 0],
    [['SCAN', '0', 'TYPE', 'string'], 1, 0],
    [['RANDOMKEY'], 0, 0],
    [['TOUCH', 'k', 'nokey'], 1, 1],
    [['COPY', 'k', 'k2'], 1, 0],
    [['COPY', 'nokey', 'k3'], 0, 1],
    [['RENAME', 'k', 'k4'], 0, 0],
    [['MOVE', 'k', '1'], 0, 0],
    [['PERSIST', 'k'], 0, 0],
    [['EXPIRE', 'k', '100'], 0, 0],
    [['DEL', 'nokey'], 0, 0],
  ];
  it.each(cases)('%j counts %i hits and %i misses', (argv, hits, misses) => {
    const { server, c } = node();
    c.call('SET', 'k', 'v');
    server.stats.keyspaceHits = 0;
    server.stats.keyspaceMisses = 0;
    c.call(...argv);
    expect([server.stats.keyspaceHits, server.stats.keyspaceMisses]).toEqual([hits, misses]);
  });

  it('OBJECT does not send keymiss events, TYPE/EXISTS/TTL/TOUCH/COPY do', () => {
    const { c, events } = node();
    for (const argv of [['OBJECT', 'ENCODING', 'x'], ['TYPE', 'x'], ['EXISTS', 'x'], ['TTL', 'x'], ['TOUCH', 'x'], ['COPY', 'x', 'y']]) {
      c.call(...argv);
    }
    expect(events).toEqual(['0:keymiss:x', '0:keymiss:x', '0:keymiss:x', '0:keymiss:x', '0:keymiss:x']);
  });
});

describe('LRU and LFU fields', () => {
  it('TYPE, EXISTS, TTL and OBJECT leave the idle time alone; GET and TOUCH reset it', () => {
    const { c, clock } = node();
    c.call('SET', 'k', 'v');
    clock.advance(10_000);
    for (const argv of [['TYPE', 'k'], ['EXISTS', 'k'], ['TTL', 'k'], ['OBJECT', 'ENCODING', 'k'], ['SCAN', '0', 'TYPE', 'string']]) c.call(...argv);
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toBe(10);
    c.call('TOUCH', 'k');
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toBe(0);
    clock.advance(3000);
    c.call('GET', 'k');
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toBe(0);
  });

  it('RENAME and MOVE carry the object (its LFU counter too), COPY creates a fresh one', () => {
    const { c, clock } = node();
    c.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu');
    c.call('SET', 'k', 'v');
    for (let i = 0; i < 500; i++) c.call('GET', 'k');
    const hot = c.call('OBJECT', 'FREQ', 'k') as number;
    expect(hot).toBeGreaterThan(8);
    // Their own lookups are write lookups, which count as an access.
    c.call('RENAME', 'k', 'r');
    c.call('MOVE', 'r', '1');
    c.call('SELECT', '1');
    expect(c.call('OBJECT', 'FREQ', 'r')).toBeGreaterThanOrEqual(hot);
    c.call('COPY', 'r', 'cp');
    expect(c.call('OBJECT', 'FREQ', 'cp')).toBe(5);
    c.call('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    clock.advance(7000);
    c.call('COPY', 'r', 'cp2');
    expect(c.call('OBJECT', 'IDLETIME', 'cp2')).toBe(0);
  });

  it('OBJECT FREQ under LFU: new keys start at 5, accesses count logarithmically, idle minutes decay it', () => {
    const { c, clock, server } = node();
    c.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu');
    c.call('SET', 'k', 'v');
    expect(c.call('OBJECT', 'FREQ', 'k')).toBe(5);
    c.call('GET', 'k');
    expect(c.call('OBJECT', 'FREQ', 'k')).toBe(6);
    for (let i = 0; i < 1000; i++) c.call('GET', 'k');
    const hot = c.call('OBJECT', 'FREQ', 'k') as number;
    // p = 1 / ((counter - 5) * 10 + 1): a thousand hits are worth about a dozen increments.
    expect(hot).toBeGreaterThan(10);
    expect(hot).toBeLessThan(25);
    c.call('SET', 'k', 'w');
    expect(c.call('OBJECT', 'FREQ', 'k')).toBe(hot);
    clock.advance(3 * 60_000);
    expect(c.call('OBJECT', 'FREQ', 'k')).toBe(hot - 3);
    server.config.set('lfu-decay-time', '0');
    expect(c.call('OBJECT', 'FREQ', 'k')).toBe(hot);
    clock.advance(10_000 * 60_000);
    server.config.set('lfu-decay-time', '1');
    expect(c.call('OBJECT', 'FREQ', 'k')).toBe(0);
  });

  it('OBJECT FREQ and IDLETIME refuse the policy they do not track', () => {
    const { c } = node();
    c.call('SET', 'k', 'v');
    expect(c.call('OBJECT', 'FREQ', 'k')).toMatchObject({ t: 'error', s: expect.stringContaining('LFU maxmemory policy is not selected') });
    c.call('CONFIG', 'SET', 'maxmemory-policy', 'volatile-lfu');
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toMatchObject({ t: 'error', s: expect.stringContaining('LFU maxmemory policy is selected') });
    expect(c.call('OBJECT', 'IDLETIME', 'nokey')).toBeNull();
  });

  it('OBJECT REFCOUNT: shared integers unless maxmemory runs an LRU/LFU policy', () => {
    const { c } = node();
    c.call('SET', 'n', '42');
    expect(c.call('OBJECT', 'REFCOUNT', 'n')).toBe(2147483647);
    c.call('CONFIG', 'SET', 'maxmemory', '1gb');
    expect(c.call('OBJECT', 'REFCOUNT', 'n')).toBe(2147483647);
    c.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
    expect(c.call('OBJECT', 'REFCOUNT', 'n')).toBe(1);
    c.call('SET', 's', 'str');
    expect(c.call('OBJECT', 'REFCOUNT', 's')).toBe(1);
  });
});

describe('expiry commands', () => {
  it('propagate EXPIRE, PEXPIRE and EXPIREAT as PEXPIREAT with absolute ms, options kept', () => {
    const { c, clock, propagated } = node();
    c.call('SET', 'k', 'v');
    propagated.length = 0;
    const now = clock.now();
    c.call('EXPIRE', 'k', '100', 'gt');
    c.call('EXPIRE', 'k', '100', 'XX');
    c.call('EXPIRE', 'k', '100');
    c.call('EXPIRE', 'k', '200', 'XX');
    c.call('PEXPIRE', 'k', '5000');
    c.call('EXPIREAT', 'k', '4102444800', 'GT');
    c.call('pexpireat', 'k', '4102444700000');
    expect(propagated).toEqual([
      ['PEXPIREAT', 'k', String(now + 100_000)],
      ['PEXPIREAT', 'k', String(now + 200_000), 'XX'],
      ['PEXPIREAT', 'k', String(now + 5000)],
      ['PEXPIREAT', 'k', '4102444800000', 'GT'],
      ['pexpireat', 'k', '4102444700000'],
    ]);
  });

  it('uses whole milliseconds when the clock has a fraction', () => {
    const { c, clock, propagated } = node();
    clock.advance(0.75);
    c.call('SET', 'k', 'v');
    c.call('PEXPIRE', 'k', '10');
    expect(propagated.at(-1)).toEqual(['PEXPIREAT', 'k', String(Math.floor(clock.now()) + 10)]);
    expect(c.call('PTTL', 'k')).toBe(10);
  });

  it('a time in the past deletes the key: event del, propagated as DEL (UNLINK with lazyfree-lazy-expire)', () => {
    const { c, server, propagated, events } = node();
    c.call('SET', 'k', 'v');
    events.length = 0;
    propagated.length = 0;
    const dirty = server.dirty;
    expect(c.call('EXPIRE', 'k', '-10')).toBe(1);
    expect(server.dirty).toBe(dirty + 1);
    expect(events).toEqual(['0:del:k']);
    expect(propagated).toEqual([['DEL', 'k']]);
    server.config.set('lazyfree-lazy-expire', 'yes');
    c.call('SET', 'k', 'v');
    c.call('PEXPIREAT', 'k', '1');
    expect(propagated.at(-1)).toEqual(['UNLINK', 'k']);
  });

  it('on a replica a past time is kept as an expiry for the master to enforce', () => {
    const { c, server, db } = node();
    c.call('SET', 'k', 'v');
    server.isReplica = true;
    expect(c.call('EXPIRE', 'k', '-10')).toBe(1);
    expect(db.dict.has('k')).toBe(true);
    expect(c.call('EXISTS', 'k')).toBe(0);
  });

  it('counts dirty once per change and not for refused ones', () => {
    const { c, server } = node();
    c.call('SET', 'k', 'v');
    const d0 = server.dirty;
    c.call('EXPIRE', 'k', '100');
    c.call('EXPIRE', 'k', '100', 'NX');
    c.call('PERSIST', 'k');
    c.call('PERSIST', 'k');
    c.call('EXPIRE', 'nokey', '1');
    expect(server.dirty).toBe(d0 + 2);
  });

  it('expiry changes invalidate WATCH', () => {
    for (const argv of [['EXPIRE', 'k', '100'], ['PEXPIREAT', 'k', '1'], ['PERSIST', 'k']]) {
      const { c, server } = node();
      const other = testNode === undefined ? c : { call: (...a: string[]) => server.exec(otherClient, a) };
      const otherClient = server.createClient();
      c.call('SET', 'k', 'v');
      if (argv[0] === 'PERSIST') c.call('EXPIRE', 'k', '100');
      c.call('WATCH', 'k');
      other.call(...argv);
      c.call('MULTI');
      c.call('GET', 'k');
      expect(c.call('EXEC'), argv.join(' ')).toEqual({ t: 'nilarray' });
    }
  });

  it('TTL rounds to the nearest second and never goes below 0 before the key is reaped', () => {
    const { c, clock } = node();
    c.call('SET', 'k', 'v');
    c.call('PEXPIRE', 'k', '1499');
    expect(c.call('TTL', 'k')).toBe(1);
    c.call('PEXPIRE', 'k', '1500');
    expect(c.call('TTL', 'k')).toBe(2);
    c.call('PEXPIRE', 'k', '499');
    expect(c.call('TTL', 'k')).toBe(0);
    clock.advance(499);
    expect(c.call('PTTL', 'k')).toBe(0);
    expect(c.call('TTL', 'k')).toBe(0);
    clock.advance(1);
    expect(c.call('TTL', 'k')).toBe(-2);
  });
});

describe('keyspace commands', () => {
  it('DEL counts, notifies and dirties per deleted key; an expired key is reaped, not deleted', () => {
    const { c, server, clock, events, propagated } = node();
    c.call('MSET', 'a', '1', 'b', '2');
    c.call('SET', 'old', 'v', 'PX', '10');
    clock.advance(20);
    events.length = 0;
    propagated.length = 0;
    const d0 = server.dirty;
    expect(c.call('DEL', 'a', 'a', 'old', 'b', 'nokey')).toBe(2);
    expect(server.dirty - d0).toBe(2);
    expect(events).toEqual(['0:del:a', '0:expired:old', '0:del:b']);
    expect(propagated).toEqual([['DEL', 'old'], ['DEL', 'a', 'a', 'old', 'b', 'nokey']]);
    expect(server.stats.expiredKeys).toBe(1);
    expect(c.call('UNLINK', 'nokey')).toBe(0);
    expect(propagated.length).toBe(2);
  });

  it('KEYS skips logically expired keys without reaping them', () => {
    const { c, clock, db, server } = node();
    c.call('SET', 'a', '1', 'PX', '10');
    c.call('SET', 'b', '1');
    clock.advance(20);
    expect(c.call('KEYS', '*')).toEqual(['b']);
    expect(db.size).toBe(2);
    expect(server.stats.expiredKeys).toBe(0);
  });

  it('RANDOMKEY draws from the seeded PRNG, reproducibly, and reaches every key', () => {
    const draws = (seed: number): Reply[] => {
      const n = testNode({ seed });
      const c = n.client();
      for (let i = 0; i < 50; i++) c.call('SET', `k${i}`, 'v');
      return Array.from({ length: 500 }, () => c.call('RANDOMKEY')!);
    };
    const a = draws(1);
    expect(draws(1)).toEqual(a);
    expect(draws(2)).not.toEqual(a);
    expect(new Set(a).size).toBe(50);
  });

  it('RANDOMKEY reaps the expired keys it lands on and returns nil when all are gone', () => {
    const { c, clock, server, db } = node();
    for (let i = 0; i < 20; i++) c.call('SET', `k${i}`, 'v', 'PX', '10');
    c.call('SET', 'live', 'v');
    clock.advance(20);
    expect(c.call('RANDOMKEY')).toBe('live');
    expect(server.stats.expiredKeys).toBeGreaterThan(0);
    c.call('DEL', 'live');
    expect(c.call('RANDOMKEY')).toBeNull();
    expect(db.size).toBe(0);
  });

  it('RANDOMKEY on a replica whose keys are all stale gives up after 100 tries with a stale key', () => {
    const { c, clock, server, db } = node();
    for (let i = 0; i < 5; i++) c.call('SET', `k${i}`, 'v', 'PX', '10');
    server.isReplica = true;
    clock.advance(20);
    expect(c.call('RANDOMKEY')).toMatch(/^k\d$/);
    expect(db.size).toBe(5);
  });

  it('SCAN with any COUNT returns every key present for the whole iteration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 1000 }), (n, count, seed) => {
        const t = testNode({ seed });
        const c = t.client();
        for (let i = 0; i < n; i++) c.call('SET', `k${i}`, 'v');
        const keys = scanAll(c, 'COUNT', String(count));
        expect(new Set(keys).size).toBe(n);
      }),
      { numRuns: 60 },
    );
  });

  it('SCAN keeps its guarantee while the keyspace grows and shrinks between calls', () => {
    let grewDuringScan = 0;
    let shrankDuringScan = 0;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -400, max: 300 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (changes, count) => {
        const t = testNode();
        const c = t.client();
        const dict = (): { sizes: [number, number] } => t.server.dbs[0]!.dict.shape();
        for (let i = 0; i < 50; i++) c.call('SET', `stable${i}`, 'v');
        const churn: string[] = [];
        let next = 0;
        const addChurn = (): void => {
          const key = `churn${next++}`;
          churn.push(key);
          c.call('SET', key, 'v');
        };
        for (let i = 0; i < 200; i++) addChurn();
        const seen = new Set<string>();
        let cursor = '0';
        let step = 0;
        let grew = false;
        let shrank = false;
        do {
          const r = c.call('SCAN', cursor, 'COUNT', String(count)) as [string, string[]];
          cursor = r[0];
          for (const k of r[1]) seen.add(k);
          const [before] = dict().sizes;
          const delta = changes[step++ % changes.length]!;
          // Bounded so growth alternates with shrinking instead of outrunning the cursor.
          if (delta > 0) for (let i = 0; i < delta && churn.length < 2000; i++) addChurn();
          else for (let i = 0; i < -delta && churn.length > 0; i++) c.call('DEL', churn.pop()!);
          t.clock.advance(100);
          t.server.tick();
          const [s0, s1] = dict().sizes;
          if (s1 > s0 || s0 > before) grew = true;
          if ((s1 > 0 && s1 < s0) || s0 < before) shrank = true;
          if (step > 20_000) throw new Error('SCAN does not terminate');
        } while (cursor !== '0');
        if (grew) grewDuringScan++;
        if (shrank) shrankDuringScan++;
        for (let i = 0; i < 50; i++) expect(seen.has(`stable${i}`)).toBe(true);
      }),
      { numRuns: 40 },
    );
    expect(grewDuringScan).toBeGreaterThan(5);
    expect(shrankDuringScan).toBeGreaterThan(5);
  });

  it('SCAN bounds the buckets one call visits to COUNT * 10 on a sparse table', () => {
    const { c, db } = node();
    for (let i = 0; i < 5000; i++) c.call('SET', `k${i}`, 'v');
    while (db.dict.rehash(100));
    for (let i = 0; i < 4990; i++) c.call('DEL', `k${i}`);
    // The cron would shrink the table; without it 8192 buckets hold 10 keys.
    expect(db.dict.slots()).toBe(8192);
    let visitedBuckets = 0;
    const scan = db.dict.scan.bind(db.dict);
    db.dict.scan = (cursor, visit) => {
      visitedBuckets++;
      return scan(cursor, visit);
    };
    const r = c.call('SCAN', '0', 'COUNT', '1') as [string, string[]];
    expect(visitedBuckets).toBeLessThanOrEqual(11);
    expect(r[0]).not.toBe('0');
  });

  it('SCAN MATCH and TYPE filter after collecting, and skip expired keys', () => {
    const { c, clock, db } = node();
    c.call('MSET', 'a1', 'v', 'a2', 'v', 'b1', 'v');
    db.add('list1', new FakeList(['x']));
    c.call('SET', 'a3', 'v', 'PX', '10');
    clock.advance(20);
    expect(scanAll(c, 'MATCH', 'a*', 'COUNT', '1').sort()).toEqual(['a1', 'a2']);
    expect(scanAll(c, 'TYPE', 'list').sort()).toEqual(['list1']);
    expect(scanAll(c, 'TYPE', 'LIST', 'MATCH', 'a*')).toEqual([]);
    expect(scanAll(c, 'TYPE', 'string').sort()).toEqual(['a1', 'a2', 'b1']);
  });

  it('TYPE, OBJECT ENCODING and COPY work through RedisCollection', () => {
    const { c, db } = node();
    const list = new FakeList(['a', 'b', 'c']);
    db.add('l', list);
    expect(c.call('TYPE', 'l')).toEqual({ t: 'status', s: 'list' });
    expect(c.call('OBJECT', 'ENCODING', 'l')).toBe('quicklist');
    expect(c.call('COPY', 'l', 'l2')).toBe(1);
    const copy = db.dict.get('l2');
    expect(copy).toBeInstanceOf(FakeList);
    expect(copy).not.toBe(list);
    expect((copy as FakeList).items).toEqual(['a', 'b', 'c']);
    expect(c.call('OBJECT', 'REFCOUNT', 'l')).toBe(1);
  });

  it('COPY of a string edited in place gives an independent value', () => {
    const { c, db } = node();
    c.call('SET', 's', 'abc');
    c.call('APPEND', 's', 'd');
    expect(db.dict.get('s')).toBeInstanceOf(RawString);
    c.call('COPY', 's', 't');
    expect(db.dict.get('t')).not.toBe(db.dict.get('s'));
    c.call('APPEND', 's', 'e');
    expect(c.call('GET', 't')).toBe('abcd');
    expect(c.call('GET', 's')).toBe('abcde');
  });

  it('RENAME, MOVE and COPY: events, dirty, TTL, WATCH and propagation', () => {
    const { c, server, events, propagated } = node();
    const other = server.createClient();
    const run = (...a: string[]): void => server.exec(other, a);
    c.call('SET', 'a', '1');
    c.call('PEXPIREAT', 'a', '4102444800000');
    events.length = 0;
    propagated.length = 0;
    c.call('WATCH', 'b');
    run('RENAME', 'a', 'b');
    c.call('MULTI');
    expect(c.call('EXEC')).toEqual({ t: 'nilarray' });
    expect(c.call('PEXPIRETIME', 'b')).toBe(4102444800000);
    c.call('WATCH', 'b');
    run('MOVE', 'b', '3');
    c.call('MULTI');
    expect(c.call('EXEC')).toEqual({ t: 'nilarray' });
    c.call('SELECT', '4');
    c.call('WATCH', 'c');
    run('SELECT', '3');
    run('COPY', 'b', 'c', 'DB', '4');
    c.call('MULTI');
    expect(c.call('EXEC')).toEqual({ t: 'nilarray' });
    expect(c.call('PEXPIRETIME', 'c')).toBe(4102444800000);
    expect(events).toEqual(['0:new:b', '0:rename_from:a', '0:rename_to:b', '3:new:b', '0:move_from:b', '3:move_to:b', '4:new:c', '4:copy_to:c']);
    expect(propagated).toEqual([['RENAME', 'a', 'b'], ['MOVE', 'b', '3'], ['COPY', 'b', 'c', 'DB', '4']]);
  });

  it('nothing user-typed throws', () => {
    const { c, server } = node();
    c.call('SET', 'k', 'v');
    const words = ['0', '-1', '', 'k', 'nokey', 'NX', 'XX', 'GT', 'LT', 'COUNT', 'MATCH', 'TYPE', 'DB', 'REPLACE', '99999999999999999999', '\x00', '*', '[', '1.5', 'string'];
    const commands = ['DEL', 'EXISTS', 'TYPE', 'TOUCH', 'KEYS', 'SCAN', 'RANDOMKEY', 'RENAME', 'RENAMENX', 'MOVE', 'COPY', 'EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT', 'TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME', 'PERSIST', 'OBJECT', 'UNLINK'];
    fc.assert(
      fc.property(fc.constantFrom(...commands), fc.array(fc.constantFrom(...words), { maxLength: 6 }), (cmd, args) => {
        c.call(cmd, ...args);
        c.call('SET', 'k', 'v');
      }),
      { numRuns: 2000 },
    );
    expect(server.engineBugs).toEqual([]);
  });
});
