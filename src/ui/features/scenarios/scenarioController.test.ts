import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineApi } from '../../../protocol/api.js';
import type { EngineEventBatch } from '../../../protocol/events.js';
import { testEngine } from '../../../sim/testkit.js';
import type { EngineClient } from '../../client/engineClient.js';
import { useSettingsStore } from '../../stores/settingsStore.js';
import { ScenarioController } from './scenarioController.js';
import { shownStep, useScenarioStore } from './scenarioStore.js';

/** The real engine API behind promises, as comlink presents it, with the batch fan-out. */
function setup() {
  const e = testEngine();
  const listeners = new Set<(b: EngineEventBatch) => void>();
  e.api.subscribe((b) => listeners.forEach((fn) => fn(b)));
  const api = new Proxy(e.api, {
    get: (target, name: keyof EngineApi) => (...args: unknown[]) => Promise.resolve((target[name] as (...a: unknown[]) => unknown)(...args)),
  });
  const client = { api, onBatch: (fn: (b: EngineEventBatch) => void) => (listeners.add(fn), () => listeners.delete(fn)) };
  return { ...e, controller: new ScenarioController(client as unknown as EngineClient) };
}

const state = () => useScenarioStore.getState();

beforeEach(() => {
  useScenarioStore.setState(useScenarioStore.getInitialState());
  useSettingsStore.getState().update({ view: 'keyspace' });
});

describe('ScenarioController', () => {
  it('loads a built-in and brings the charts to the front', async () => {
    const { controller } = setup();
    await controller.loadCatalog();
    expect(state().catalog!.map((c) => c.id)).toEqual(['cache-stampede', 'cache-avalanche']);
    const r = await controller.load({ builtin: 'cache-stampede' });
    expect(r.ok).toBe(true);
    expect(state().loaded!.outline).toHaveLength(3);
    expect(state().snapshot!.status).toBe('ready');
    expect(shownStep(state())).toBe(0);
    expect(useSettingsStore.getState().view).toBe('metrics');
    expect(state().busy).toBe(false);
  });

  it('keeps nothing of an invalid scenario and hands its errors back', async () => {
    const { controller } = setup();
    const r = await controller.load({ text: '---\ntitle: x\n---\n' });
    expect(r.ok).toBe(false);
    expect(state().loaded).toBeNull();
    expect(useSettingsStore.getState().view).toBe('keyspace');
  });

  it('folds the batches in: samples, where the run stands, step starts, what the step ran', async () => {
    const { controller, api, host } = setup();
    await controller.load({ builtin: 'cache-stampede' });
    const before = state().samplesVersion;
    api.advance(10_000);
    host.frame();
    expect(controller.samples).toHaveLength(100);
    expect(controller.samples.map((s) => s.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(state().samplesVersion).toBeGreaterThan(before);
    expect(state().snapshot).toMatchObject({ status: 'waiting', step: 0 });
    expect(state().stepStarts).toEqual([0]);
    expect(state().log.map((e) => (e.type === 'redis' ? e.command : e.message))).toEqual([
      `SET product:42 '{"name":"Desk lamp","price":39}' EX 20`,
      'TTL product:42',
    ]);
    expect(shownStep(state())).toBe(1);
  });

  it('ignores batches of another run, and starts over on a reset', async () => {
    const { controller, api, host } = setup();
    await controller.load({ builtin: 'cache-stampede' });
    api.advance(5000);
    host.frame();
    expect(controller.samples).toHaveLength(50);
    // A reset the controller did not make: what follows belongs to a run it does not show.
    api.scenarioReset();
    api.advance(1000);
    host.frame();
    expect(controller.samples).toHaveLength(50);
    await controller.reset();
    expect(controller.samples).toHaveLength(0);
    expect(state().snapshot!.status).toBe('ready');
  });

  it('applies a fix: the replayed run replaces the samples, and the panel says which fix', async () => {
    const { controller } = setup();
    await controller.load({ builtin: 'cache-stampede' });
    for (let i = 0; i < 3; i++) await controller.step();
    expect(state().snapshot!.outcome).toBe('failed');
    const r = await controller.applyFix(0, 'mutex rebuild');
    expect(r.ok).toBe(true);
    expect(state().appliedFix).toBe('mutex rebuild');
    expect(controller.samples).toHaveLength(250);
    expect(state().stepStarts).toEqual([0, 10_000]);
    expect(shownStep(state())).toBe(2);
  });

  it('goes back to the list when the worker leaves the scenario (the header’s Reset)', async () => {
    const { controller, api, host } = setup();
    await controller.load({ builtin: 'cache-avalanche' });
    api.reset();
    host.frame();
    expect(state().loaded).toBeNull();
    expect(controller.samples).toHaveLength(0);
  });

  it('follows the scenario unless the student picked a step to read', () => {
    const snapshot = { status: 'playing', step: 1, steps: 3 } as never;
    expect(shownStep({ snapshot, viewStep: null })).toBe(1);
    expect(shownStep({ snapshot, viewStep: 0 })).toBe(0);
    expect(shownStep({ snapshot, viewStep: 9 })).toBe(2);
    expect(shownStep({ snapshot: { status: 'finished', step: 2, steps: 3 } as never, viewStep: null })).toBe(2);
  });
});
