import { describe, expect, it } from 'vitest';
import type { EngineEventBatch } from '../../../protocol/events.js';
import { testEngine } from '../../../sim/testkit.js';
import { KeyspaceModel, type KeyspaceEngine } from './keyspaceModel.js';

function setup(keys: number) {
  const e = testEngine();
  const batches: EngineEventBatch[] = [];
  e.api.subscribe((b) => batches.push(b));
  const calls: string[] = [];
  const engine: KeyspaceEngine = {
    scanKeys: async (req) => (calls.push('scan'), e.api.scanKeys(req)),
    keyRows: async (req) => (calls.push(`rows:${req.keys.length}`), e.api.keyRows(req)),
    keyDetail: async (req) => (calls.push('detail'), e.api.keyDetail(req)),
  };
  const c = e.api.openClient();
  const run = (...argv: string[]) => e.api.execute(c.id, argv);
  for (let i = 0; i < keys; i++) run('SET', `k${i}`, 'v');
  e.host.frame();
  batches.length = 0;
  const model = new KeyspaceModel(engine, () => 0);
  model.pageSize = 100;
  const nextBatch = (): EngineEventBatch => {
    e.host.frame();
    return batches.shift()!;
  };
  return { e, model, run, calls, nextBatch, state: () => model.store.getState() };
}

describe('KeyspaceModel', () => {
  it('loads SCAN pages as the list asks, not the whole keyspace', async () => {
    const { model, state } = setup(300);
    model.pageSize = 40;
    await model.restart();
    expect(state().rows.length).toBeGreaterThanOrEqual(40);
    expect(state().rows.length).toBeLessThan(300);
    expect(state().dbSize).toBe(300);
    while (!state().done) await model.loadMore();
    expect(new Set(state().rows.map((r) => r.key)).size).toBe(300);
  });

  it('re-reads only the rows a batch names: updates, removals, new keys on top', async () => {
    const { model, run, calls, nextBatch, state } = setup(50);
    await model.restart();
    calls.length = 0;
    run('SET', 'k1', 'a much longer value');
    run('DEL', 'k2');
    run('SET', 'brand-new', '1');
    await model.applyBatch(nextBatch());
    expect(calls).toEqual(['rows:3']);
    expect(state().rows[0]).toMatchObject({ key: 'brand-new', encoding: 'int' });
    expect(state().rows.find((r) => r.key === 'k1')).toMatchObject({ size: 19 });
    expect(state().rows.some((r) => r.key === 'k2')).toBe(false);
    expect(state().fresh.has('brand-new')).toBe(true);
    expect(state().dbSize).toBe(50);
  });

  it('keeps new keys out when they do not match the filter', async () => {
    const { model, run, nextBatch, state } = setup(5);
    await model.restart({ pattern: 'k*' });
    run('SET', 'other', '1');
    await model.applyBatch(nextBatch());
    expect(state().rows.some((r) => r.key === 'other')).toBe(false);
  });

  it('starts over when the db is replaced or too much changed at once', async () => {
    const { e, model, run, calls, nextBatch, state } = setup(5);
    await model.restart();
    calls.length = 0;
    for (let i = 0; i < 600; i++) run('SET', `n${i}`, 'v');
    await model.applyBatch(nextBatch());
    expect(calls).toEqual(['scan']);
    expect(state().dbSize).toBe(605);
    e.sim.node()!.server.dbs[0]!.clear();
    e.sim.feed.checkReplacedDbs();
    await model.applyBatch(nextBatch());
    expect(state().rows).toEqual([]);
    expect(state().done).toBe(true);
  });

  it('starts over instead of adding a burst of new keys row by row', async () => {
    const { model, run, calls, nextBatch, state } = setup(5);
    model.pageSize = 20;
    await model.restart();
    calls.length = 0;
    for (let i = 0; i < 30; i++) run('SET', `burst:${i}`, 'v');
    await model.applyBatch(nextBatch());
    expect(calls).toEqual(['rows:30', 'scan']);
    expect(state().fresh.size).toBe(0);
    expect(state().dbSize).toBe(35);
  });

  it('ignores other dbs', async () => {
    const { model, run, calls, nextBatch } = setup(1);
    await model.restart();
    calls.length = 0;
    run('SELECT', '3');
    run('SET', 'elsewhere', '1');
    await model.applyBatch(nextBatch());
    expect(calls).toEqual([]);
  });

  it('follows the selected key', async () => {
    const { model, run, nextBatch, state } = setup(1);
    await model.restart();
    await model.select('k0');
    expect(state().detail?.value).toEqual({ type: 'string', value: 'v' });
    run('SET', 'k0', 'changed');
    await model.applyBatch(nextBatch());
    expect(state().detail?.value).toEqual({ type: 'string', value: 'changed' });
    run('DEL', 'k0');
    await model.applyBatch(nextBatch());
    expect(state().detail).toBeNull();
  });

  it('switching db drops the selection and drops late pages of the old scan', async () => {
    const { model, state } = setup(20);
    await model.select('k0');
    model.pageSize = 5;
    const stale = model.restart();
    await model.restart({ db: 2 });
    await stale;
    expect(state()).toMatchObject({ db: 2, rows: [], selected: null, done: true });
  });
});
