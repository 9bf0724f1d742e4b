import { describe, expect, it } from 'vitest';
import type { EngineEventBatch } from '../protocol/events.js';
import { testEngine } from './testkit.js';

function collect(api: ReturnType<typeof testEngine>['api']): EngineEventBatch[] {
  const batches: EngineEventBatch[] = [];
  api.subscribe((b) => batches.push(b));
  return batches;
}

describe('engine API', () => {
  it('describes the node and the clock', () => {
    const { api } = testEngine();
    const info = api.hello();
    expect(info.nodes).toEqual([{ id: 'node-1', host: '127.0.0.1', port: 6379, databases: 16, version: '7.0.15' }]);
    expect(info.clock).toMatchObject({ speed: 1, paused: false, stepMs: 100 });
  });

  it('delivers events in one batch per animation frame, coalesced per key', () => {
    const { api, host } = testEngine();
    const batches = collect(api);
    const c = api.openClient();
    for (let i = 0; i < 5; i++) api.execute(c.id, ['SET', 'a', String(i)]);
    api.execute(c.id, ['SET', 'b', 'x']);
    expect(batches).toHaveLength(0);
    host.frame();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.keys).toEqual([
      { node: 'node-1', db: 0, key: 'a', event: 'set' },
      { node: 'node-1', db: 0, key: 'b', event: 'set' },
    ]);
    expect(batches[0]!.eventCount).toBe(8);
    expect(batches[0]!.dbSizes['node-1']![0]).toBe(2);
    host.frame();
    expect(batches).toHaveLength(1);
  });

  it('caps the keys listed per batch and flags the overflow', () => {
    const { api, host } = testEngine();
    const batches = collect(api);
    const c = api.openClient();
    for (let i = 0; i < 600; i++) api.execute(c.id, ['SET', `k${i}`, 'v']);
    host.frame();
    expect(batches[0]!.keys).toHaveLength(512);
    expect(batches[0]!.keysOverflow).toBe(true);
  });

  it('returns a client its own replies and sends what others caused through events', () => {
    const { api, sim, host } = testEngine();
    const batches = collect(api);
    const a = api.openClient();
    // A push written outside of a's own command, as a PUBLISH from another client would.
    sim.client(a.id)!.conn.write({ t: 'push', v: ['message', 'ch', 'hi'] });
    host.frame();
    expect(batches[0]!.outputs).toEqual([{ clientId: a.id, replies: [{ t: 'push', v: ['message', 'ch', 'hi'] }] }]);
  });

  it('hands undelivered output to the next execute, keeping the order', () => {
    const { api, sim } = testEngine();
    collect(api);
    const a = api.openClient();
    sim.client(a.id)!.conn.write({ t: 'push', v: ['message', 'ch', 'first'] });
    const r = api.execute(a.id, ['PING'])!;
    expect(r.replies).toEqual([{ t: 'push', v: ['message', 'ch', 'first'] }, { t: 'status', s: 'PONG' }]);
  });

  it('treats argv as untrusted: wide characters become UTF-8, non-strings an error', () => {
    const { api } = testEngine();
    const c = api.openClient();
    api.execute(c.id, ['SET', 'k', '你好']);
    expect(api.execute(c.id, ['GET', 'k'])!.replies).toEqual(['\xe4\xbd\xa0\xe5\xa5\xbd']);
    const bad = api.execute(c.id, [1, null] as unknown as string[])!;
    expect(bad.replies).toEqual([{ t: 'error', s: 'ERR redsim: a command is a list of strings' }]);
    expect(api.execute(c.id, [])!.replies).toEqual([]);
    expect(api.execute(999, ['PING'])).toBeNull();
  });

  it('runs a pipeline in one call, one result per command, stopping at QUIT', () => {
    const { api } = testEngine();
    const c = api.openClient();
    const results = api.executeMany(c.id, [['SET', 'a', '1'], ['GET', 'a'], ['QUIT'], ['GET', 'a']])!;
    expect(results.map((r) => r.replies)).toEqual([[{ t: 'status', s: 'OK' }], ['1'], [{ t: 'status', s: 'OK' }]]);
    expect(results[2]!.client.closed).toBe(true);
    expect(api.executeMany(c.id, [['PING']])).toBeNull();
  });

  it('reports clients the server closed', () => {
    const { api, sim, host } = testEngine();
    const batches = collect(api);
    const c = api.openClient();
    sim.node()!.server.freeClient(sim.client(c.id)!.conn);
    host.frame();
    expect(batches[0]!.closed).toEqual([c.id]);
    expect(api.execute(c.id, ['PING'])).toBeNull();
  });

  it('sends clock changes and keeps ticking in real time through host timers', () => {
    const { api, host, sim } = testEngine();
    const batches = collect(api);
    api.setSpeed(100);
    host.frame();
    expect(batches[0]!.clock).toMatchObject({ speed: 100, paused: false, hostTime: host.time });
    const loops = sim.node()!.server.cronLoops;
    host.pass(100);
    // 100 ms of host time at x100 is 10 s of virtual time: 100 cron periods at hz 10.
    expect(sim.node()!.server.cronLoops - loops).toBeGreaterThanOrEqual(99);
    api.pause();
    expect(host.pendingTimers()).toBe(0);
    api.resume();
    expect(host.pendingTimers()).toBe(1);
  });

  it('rejects unknown nodes and dbs out of range', () => {
    const { api } = testEngine();
    expect(() => api.openClient({ node: 'nope' })).toThrow('unknown node nope');
    expect(() => api.scanKeys({ db: 16, cursor: 0, pattern: '*', count: 10 })).toThrow('db 16 is out of range');
    expect(() => api.keyRows({ db: -1, keys: [] })).toThrow('db -1 is out of range');
  });

  it('reports a db emptied wholesale as a resync', () => {
    const { api, sim, host } = testEngine();
    const batches = collect(api);
    const c = api.openClient();
    api.execute(c.id, ['SET', 'k', 'v']);
    host.frame();
    sim.node()!.server.dbs[3]!.clear();
    sim.feed.checkReplacedDbs();
    host.frame();
    expect(batches[1]!.resync).toEqual([{ node: 'node-1', db: 3 }]);
  });

  it('lists command docs from the command table', () => {
    const { api } = testEngine();
    const get = api.commandDocs().find((d) => d.name === 'GET')!;
    expect(get).toMatchObject({ summary: 'Get the value of a key', group: 'string', since: '1.0.0', arity: 2 });
    expect(get.arguments).toEqual([{ name: 'key', type: 'key', optional: false, multiple: false, multipleToken: false }]);
  });
});
