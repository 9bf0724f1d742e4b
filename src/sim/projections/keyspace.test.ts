import { describe, expect, it } from 'vitest';
import { testEngine } from '../testkit.js';

function filled(n: number) {
  const e = testEngine();
  const c = e.api.openClient();
  for (let i = 0; i < n; i++) e.api.execute(c.id, ['SET', `user:${i}`, String(i)]);
  e.api.execute(c.id, ['SET', 'greeting', 'hello']);
  e.api.execute(c.id, ['SET', 'long', 'x'.repeat(100)]);
  return { ...e, c };
}

describe('keyspace projections', () => {
  it('describes each key as TYPE / OBJECT ENCODING / TTL / size would', () => {
    const { api, sim } = filled(1);
    sim.node()!.server.dbs[0]!.setExpire('greeting', 1_800_000_000_000);
    const r = api.keyRows({ db: 0, keys: ['user:0', 'greeting', 'long', 'missing'] });
    expect(r.rows).toEqual([
      { key: 'user:0', type: 'string', encoding: 'int', expireAt: null, size: 1 },
      { key: 'greeting', type: 'string', encoding: 'embstr', expireAt: 1_800_000_000_000, size: 5 },
      { key: 'long', type: 'string', encoding: 'raw', expireAt: null, size: 100 },
    ]);
    expect(r.missing).toEqual(['missing']);
    expect(r.dbSize).toBe(3);
    expect(api.keyRows({ db: 0, keys: ['user:0', 'greeting'], pattern: 'user:*' }).missing).toEqual(['greeting']);
  });

  it('pages through the keyspace with a cursor, each key once, never more than asked', () => {
    const { api } = filled(500);
    const seen = new Set<string>();
    let cursor = 0;
    let pages = 0;
    do {
      const page = api.scanKeys({ db: 0, cursor, pattern: '*', count: 50 });
      expect(page.rows.length).toBeLessThan(50 + 8);
      for (const r of page.rows) seen.add(r.key);
      cursor = page.cursor;
      pages++;
    } while (cursor !== 0);
    expect(seen.size).toBe(502);
    expect(pages).toBeGreaterThanOrEqual(9);
  });

  it('filters with a glob and bounds the work when matches are rare', () => {
    const { api } = filled(2000);
    const page = api.scanKeys({ db: 0, cursor: 0, pattern: 'greet*', count: 10 });
    // 10 rows * 16 buckets of work at most: the scan may stop before finding the one match.
    expect(page.rows.length).toBeLessThanOrEqual(1);
    let cursor = page.cursor;
    const found = page.rows.map((r) => r.key);
    while (cursor !== 0) {
      const next = api.scanKeys({ db: 0, cursor, pattern: 'greet*', count: 10 });
      found.push(...next.rows.map((r) => r.key));
      cursor = next.cursor;
    }
    expect(found).toEqual(['greeting']);
  });

  it('is an observer: no hits, no LRU touch, no lazy expiry', () => {
    const { api, sim } = filled(3);
    const server = sim.node()!.server;
    const db = server.dbs[0]!;
    db.setExpire('greeting', sim.clock.now() - 1);
    const hits = server.stats.keyspaceHits;
    api.scanKeys({ db: 0, cursor: 0, pattern: '*', count: 100 });
    api.keyRows({ db: 0, keys: ['greeting'] });
    api.keyDetail({ db: 0, key: 'greeting', maxBytes: 10, maxElements: 10 });
    expect(server.stats.keyspaceHits).toBe(hits);
    expect(db.dict.has('greeting')).toBe(true);
  });

  it('shows a value cut to the limit', () => {
    const { api } = filled(0);
    expect(api.keyDetail({ db: 0, key: 'long', maxBytes: 10, maxElements: 10 })).toEqual({
      row: { key: 'long', type: 'string', encoding: 'raw', expireAt: null, size: 100 },
      value: { type: 'string', value: 'xxxxxxxxxx' },
      truncated: true,
    });
    expect(api.keyDetail({ db: 0, key: 'greeting', maxBytes: 1000, maxElements: 10 })!.truncated).toBe(false);
    expect(api.keyDetail({ db: 0, key: 'nope', maxBytes: 10, maxElements: 10 })).toBeNull();
  });

  it('survives nonsense paging arguments', () => {
    const { api } = filled(10);
    const page = api.scanKeys({ db: 0, cursor: -3.5, pattern: '[', count: Number.NaN });
    expect(page.rows.length).toBeLessThanOrEqual(1);
    expect(api.keyDetail({ db: 0, key: 'long', maxBytes: -1, maxElements: 10 })!.value).toEqual({ type: 'string', value: 'x' });
  });
});
