import { describe, expect, it } from 'vitest';
import { SESSION_FORMAT, type SessionSnapshot } from '../../protocol/api.js';
import { testEngine } from '../testkit.js';

describe('session export and import', () => {
  it('round-trips strings, encodings, dbs and remaining TTLs', () => {
    const a = testEngine();
    const c = a.api.openClient();
    a.api.execute(c.id, ['SET', 'n', '42']);
    a.api.execute(c.id, ['SET', 'bin', '\x00\xff\r\n']);
    a.api.execute(c.id, ['SET', 'ttl', 'v']);
    const server = a.sim.node()!.server;
    server.dbs[0]!.setExpire('ttl', a.sim.clock.now() + 60_000);
    server.dbs[5]!.add('other', 'db5');
    const snap = JSON.parse(JSON.stringify(a.api.exportSession())) as SessionSnapshot;
    expect(snap.format).toBe(SESSION_FORMAT);
    expect(snap.dbs.map((d) => d.db)).toEqual([0, 5]);

    const b = testEngine();
    b.host.pass(3_600_000);
    expect(b.api.importSession(snap)).toEqual({ ok: true, keys: 4 });
    const rows = b.api.keyRows({ db: 0, keys: ['n', 'bin', 'ttl'] }).rows;
    expect(rows.map((r) => [r.key, r.encoding])).toEqual([['n', 'int'], ['bin', 'embstr'], ['ttl', 'embstr']]);
    expect(rows[2]!.expireAt! - b.sim.clock.now()).toBe(60_000);
    expect(b.api.keyDetail({ db: 0, key: 'bin', maxBytes: 10, maxElements: 10 })!.value).toEqual({ type: 'string', value: '\x00\xff\r\n' });
    expect(b.api.keyRows({ db: 5, keys: ['other'] }).rows).toHaveLength(1);
  });

  it('rebuilds collections with their own commands, keeping encodings and TTLs', () => {
    const a = testEngine();
    const c = a.api.openClient();
    a.api.execute(c.id, ['SADD', 'tags', 'redis', 'cache']);
    a.api.execute(c.id, ['SADD', 'ids', '3', '1', '2']);
    a.api.execute(c.id, ['ZADD', 'board', '1.5', 'ada', 'inf', 'bob', '-2', 'cy']);
    a.api.execute(c.id, ['HSET', 'user:1', 'name', 'Ada', 'lang', 'en']);
    a.api.execute(c.id, ['EXPIRE', 'user:1', '60']);
    const snap = JSON.parse(JSON.stringify(a.api.exportSession())) as SessionSnapshot;
    const b = testEngine();
    expect(b.api.importSession(snap)).toEqual({ ok: true, keys: 4 });
    const detail = (key: string) => b.api.keyDetail({ db: 0, key, maxBytes: 100, maxElements: 100 })!;
    expect(detail('tags').row.encoding).toBe('hashtable');
    expect(detail('ids')).toMatchObject({ row: { encoding: 'intset' }, value: { type: 'set', members: ['1', '2', '3'] } });
    expect(detail('board').value).toEqual({ type: 'zset', entries: [['cy', '-2'], ['ada', '1.5'], ['bob', 'inf']] });
    expect(detail('user:1').value).toEqual({ type: 'hash', entries: [['name', 'Ada'], ['lang', 'en']] });
    expect(detail('user:1').row.expireAt! - b.sim.clock.now()).toBeCloseTo(60_000, -1);
  });

  it('travels as JSON text made in the worker', () => {
    const a = testEngine();
    const c = a.api.openClient();
    a.api.execute(c.id, ['SET', 'k', '\x00\xff']);
    const { text, keys } = a.api.exportSessionText();
    expect(keys).toBe(1);
    const b = testEngine();
    expect(b.api.importSession(text)).toEqual({ ok: true, keys: 1 });
    expect(b.api.keyDetail({ db: 0, key: 'k', maxBytes: 10, maxElements: 10 })!.value).toEqual({ type: 'string', value: '\x00\xff' });
    expect(b.api.importSession('{"format":')).toMatchObject({ ok: false, error: expect.stringMatching(/^not JSON: /) });
  });

  it('moves a later clock forward and restores speed and pause', () => {
    const a = testEngine();
    a.api.advance(86_400_000);
    a.api.setSpeed(5);
    a.api.pause();
    const snap = a.api.exportSession();
    const b = testEngine();
    b.api.importSession(snap);
    expect(b.sim.clockState()).toMatchObject({ now: snap.clock.now, speed: 5, paused: true });
  });

  it('leaves out keys whose TTL passed', () => {
    const a = testEngine();
    a.sim.pause();
    a.sim.node()!.server.dbs[0]!.add('gone', 'v');
    a.sim.node()!.server.dbs[0]!.setExpire('gone', a.sim.clock.now());
    expect(a.api.exportSession().dbs).toEqual([]);
  });

  it('replaces the previous dataset and tells views to start over', () => {
    const e = testEngine();
    const batches: number[] = [];
    e.api.subscribe((b) => batches.push(b.resync.length));
    const c = e.api.openClient();
    e.api.execute(c.id, ['SET', 'old', 'v']);
    const snap: SessionSnapshot = {
      format: 'redsim-session',
      version: 1,
      clock: { now: 0, speed: 1, paused: false },
      dbs: [{ db: 0, keys: [{ key: 'new', expireAt: null, value: { type: 'string', value: 'v' } }] }],
    };
    expect(e.api.importSession(snap)).toEqual({ ok: true, keys: 1 });
    expect(e.api.keyRows({ db: 0, keys: ['old', 'new'] }).missing).toEqual(['old']);
    e.host.frame();
    expect(batches).toEqual([16]);
  });

  it('rejects malformed files without touching the data', () => {
    const e = testEngine();
    const c = e.api.openClient();
    e.api.execute(c.id, ['SET', 'keep', 'v']);
    for (const bad of [null, 42, 'x', {}, { format: 'redsim-session', version: 2 }]) {
      expect(e.api.importSession(bad)).toMatchObject({ ok: false });
    }
    const r = e.api.importSession({
      format: 'redsim-session',
      version: 1,
      clock: { now: 0, speed: 1, paused: false },
      dbs: [{ db: 0, keys: [{ key: 'k', expireAt: null, value: { type: 'string', value: 7 } }] }],
    });
    expect(r).toEqual({ ok: false, error: 'not a redsim session: dbs.0.keys.0.value.value: Invalid input: expected string, received number' });
    expect(
      e.api.importSession({ format: 'redsim-session', version: 1, clock: { now: 0, speed: 1, paused: false }, dbs: [{ db: 16, keys: [] }] }),
    ).toEqual({ ok: false, error: 'db 16 is out of range (databases 16)' });
    expect(e.api.keyRows({ db: 0, keys: ['keep'] }).rows).toHaveLength(1);
  });

  it('takes characters up to U+00FF as bytes and wider text as UTF-8', () => {
    const e = testEngine();
    e.api.importSession({
      format: 'redsim-session',
      version: 1,
      clock: { now: 0, speed: 1, paused: false },
      dbs: [{ db: 0, keys: [{ key: 'é', expireAt: null, value: { type: 'string', value: '你好' } }] }],
    });
    expect(e.api.keyRows({ db: 0, keys: ['\xe9'] }).rows[0]).toMatchObject({ size: 6 });
  });
});
