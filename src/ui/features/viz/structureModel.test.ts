import { describe, expect, it } from 'vitest';
import type { EngineEventBatch } from '../../../protocol/events.js';
import { testEngine } from '../../../sim/testkit.js';
import { StructureModel } from './structureModel.js';

/** A model over a real engine, the batches the worker would send, and a console client. */
function setup() {
  const { api, host } = testEngine();
  const c = api.openClient();
  let calls = 0;
  const waits: number[] = [];
  let now = 0;
  const model = new StructureModel(
    {
      structure: async (req) => {
        calls++;
        return api.structure(req);
      },
    },
    {
      now: () => now,
      wait: async (ms) => {
        waits.push(ms);
        now += ms;
      },
      minMs: 100,
    },
  );
  const batches: EngineEventBatch[] = [];
  api.subscribe((b) => batches.push(b));
  const run = (...argv: string[]) => api.execute(c.id, argv);
  /** Deliver the next batch to the model, as the shell does once per frame. */
  const frame = async () => {
    host.frame();
    for (const b of batches.splice(0)) await model.applyBatch(b);
  };
  return { model, run, frame, calls: () => calls, waits, pass: (ms: number) => (now += ms) };
}

describe('StructureModel', () => {
  it('re-reads the shown key when a batch names it, and only then', async () => {
    const { model, run, frame, calls } = setup();
    run('ZADD', 'z', '1', 'a');
    run('SET', 'other', 'x');
    await model.show({ kind: 'key', key: 'z' });
    await frame();
    expect(model.store.getState().snapshot).toMatchObject({ kind: 'listpack', length: 1 });
    const before = calls();
    run('SET', 'other', 'y');
    await frame();
    expect(calls()).toBe(before);
    run('ZADD', 'z', '2', 'b');
    await frame();
    expect(model.store.getState().snapshot).toMatchObject({ kind: 'listpack', length: 2 });
  });

  it('follows the member a ZADD placed: the window moves to it and the insert search is traced', async () => {
    const { model, run, frame } = setup();
    for (let i = 0; i < 300; i++) run('ZADD', 'board', String(i), `m${i}`);
    await model.setCount(9);
    await model.show({ kind: 'key', key: 'board' });
    await frame();
    expect(model.store.getState().snapshot).toMatchObject({ kind: 'skiplist', trace: null });
    run('ZADD', 'board', '250.5', 'newcomer');
    await frame();
    const s = model.store.getState();
    expect(s.focusMember).toBe('newcomer');
    if (s.snapshot?.kind !== 'skiplist') throw new Error('expected a skiplist');
    expect(s.snapshot.nodes.map((n) => n.member)).toContain('newcomer');
    expect(s.snapshot.trace).toMatchObject({ kind: 'insert', member: 'newcomer', rank: 252 });
    run('ZREM', 'board', 'm3');
    await frame();
    expect(model.store.getState().trace).toBeNull();
  });

  it('says why the value converted, until another key is shown', async () => {
    const { model, run, frame } = setup();
    for (let i = 0; i < 128; i++) run('ZADD', 'z', String(i), `m${i}`);
    await model.show({ kind: 'key', key: 'z' });
    run('ZADD', 'z', '500', 'the-129th');
    await frame();
    const s = model.store.getState();
    expect(s.snapshot?.kind).toBe('skiplist');
    expect(s.conversion).toBe('Converted listpack → skiplist + dict: 129 members > zset-max-listpack-entries (128).');
    run('ZADD', 'z', '501', 'one-more');
    await frame();
    expect(model.store.getState().conversion).toMatch(/^Converted listpack/);
    await model.show({ kind: 'key', key: 'other' });
    expect(model.store.getState().conversion).toBeNull();
  });

  it('re-reads at most every 100 ms while changes stream in', async () => {
    const { model, run, waits, pass } = setup();
    run('SADD', 's', '1');
    await model.show({ kind: 'key', key: 's' });
    pass(500);
    await model.refresh();
    expect(waits).toEqual([]);
    pass(30);
    await model.refresh();
    expect(waits).toEqual([70]);
  });

  it('keeps the drawing when a re-read finds nothing changed', async () => {
    const { model, run } = setup();
    run('SADD', 's', '1');
    await model.show({ kind: 'key', key: 's' });
    const v = model.store.getState().version;
    await model.refresh();
    expect(model.store.getState().version).toBe(v);
    run('SADD', 's', '2');
    await model.refresh();
    expect(model.store.getState().version).toBe(v + 1);
  });

  it('remembers the window size each snapshot was asked with', async () => {
    const { model, run } = setup();
    run('SADD', 's', '1');
    await model.show({ kind: 'key', key: 's' });
    expect(model.store.getState().snapshotSize).toEqual({ count: 16, openCount: 16 });
    await model.setCount(7, 3);
    expect(model.store.getState().snapshotSize).toEqual({ count: 7, openCount: 3 });
  });

  it('opens the quicklist node asked for, and the window’s first after paging', async () => {
    const { model, run } = setup();
    run('CONFIG', 'SET', 'list-max-listpack-size', '2');
    for (let i = 0; i < 20; i++) run('RPUSH', 'l', String(i));
    await model.setCount(3, 4);
    await model.show({ kind: 'key', key: 'l' });
    await model.openNodeAt(2);
    const s = model.store.getState().snapshot;
    if (s?.kind !== 'quicklist') throw new Error('expected a quicklist');
    expect(s.open?.index).toBe(2);
    expect(s.open?.listpack.entries.map((e) => e.value)).toEqual(['4', '5']);
    await model.page(1);
    expect(model.store.getState().snapshot).toMatchObject({ open: { index: 3 } });
  });

  it('pages through the window and drops a focus when asked to move', async () => {
    const { model, run } = setup();
    for (let i = 0; i < 100; i++) run('SADD', 's', String(i));
    await model.setCount(10);
    await model.show({ kind: 'key', key: 's' });
    await model.page(1);
    expect(model.store.getState().snapshot).toMatchObject({ kind: 'intset', start: 10 });
    await model.page(-1);
    await model.page(-1);
    expect(model.store.getState().snapshot).toMatchObject({ start: 0 });
  });

  it('draws the keyspace dict, re-read on any change in its db, polled while it rehashes', async () => {
    const { model, run, frame } = setup();
    await model.show({ kind: 'keyspace' });
    expect(model.store.getState().snapshot).toMatchObject({ kind: 'hashtable', owner: 'keyspace', size: 0 });
    for (let i = 0; i < 5; i++) run('SET', `k${i}`, 'v');
    await frame();
    expect(model.store.getState().snapshot).toMatchObject({ size: 5, rehashIdx: 0 });
    expect(model.wantsPolling()).toBe(true);
  });

  it('keeps the rehash index in the window while it moves, until the user pages', async () => {
    const { model, run, frame } = setup();
    run('DEBUG', 'POPULATE', '64');
    await model.setCount(4);
    await model.show({ kind: 'keyspace' });
    run('SET', 'one-more', '1');
    await frame();
    for (let i = 0; i < 30; i++) run('EXISTS', 'nothing');
    await model.refresh();
    const s = model.store.getState().snapshot;
    if (s?.kind !== 'hashtable') throw new Error('expected a dict');
    expect(s.rehashIdx).toBeGreaterThan(4);
    expect(s.tables[0].buckets.map((b) => b.index)).toContain(s.rehashIdx);
    await model.page(-1);
    await model.refresh();
    const after = model.store.getState().snapshot;
    expect(after?.kind === 'hashtable' && after.tables[0].buckets[0]?.index).toBe(Math.max(0, s.tables[0].buckets[0]!.index - 4));
  });

  it('polls a rehashing dict, whose reads move it without any event', async () => {
    const { model, run, frame } = setup();
    run('CONFIG', 'SET', 'hash-max-listpack-entries', '0');
    run('HSET', 'h', 'a', '1', 'b', '2', 'c', '3', 'd', '4');
    await model.show({ kind: 'key', key: 'h' });
    expect(model.wantsPolling()).toBe(false);
    run('HSET', 'h', 'e', '5');
    await frame();
    expect(model.store.getState().snapshot).toMatchObject({ kind: 'hashtable', rehashIdx: 0 });
    expect(model.wantsPolling()).toBe(true);
    run('HGET', 'h', 'a');
    await frame();
    expect(model.store.getState().snapshot).toMatchObject({ rehashIdx: 0 });
    await model.refresh();
    const s = model.store.getState().snapshot;
    expect(s?.kind === 'hashtable' && s.rehashIdx).not.toBe(0);
  });

  it('drops answers about a key it no longer shows', async () => {
    const { model, run } = setup();
    run('SADD', 'a', '1');
    run('SADD', 'b', 'x');
    const first = model.show({ kind: 'key', key: 'a' });
    const second = model.show({ kind: 'key', key: 'b' });
    await Promise.all([first, second]);
    expect(model.store.getState().snapshot).toMatchObject({ key: 'b', kind: 'hashtable' });
  });
});
