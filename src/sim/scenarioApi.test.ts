import { describe, expect, it } from 'vitest';
import type { EngineEventBatch } from '../protocol/events.js';
import type { MetricPoint, ScenarioState } from '../protocol/scenario.js';
import { testEngine } from './testkit.js';

type Api = ReturnType<typeof testEngine>['api'];

function collect(api: Api): EngineEventBatch[] {
  const batches: EngineEventBatch[] = [];
  api.subscribe((b) => batches.push(b));
  return batches;
}

function load(api: Api, builtin: string): ScenarioState {
  const r = api.scenarioLoad({ builtin });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
  return r.state;
}

const qps = (s: MetricPoint): number => (s.backendQueries * 1000) / s.ms;

describe('scenario API', () => {
  it('lists the built-in scenarios with their text and the fixes they offer', () => {
    const { api } = testEngine();
    const catalog = api.scenarioCatalog();
    expect(catalog.map((c) => [c.id, c.title, c.level])).toEqual([
      ['cache-stampede', 'Cache stampede', 'intermediate'],
      ['cache-avalanche', 'Cache avalanche', 'beginner'],
    ]);
    expect(catalog[0]!.text).toMatch(/^---\ntitle: Cache stampede/);
    expect(catalog[0]!.fixes.map((f) => [f.name, f.step])).toEqual([
      ['mutex rebuild', 2],
      ['probabilistic early refresh', 2],
    ]);
    expect(catalog[1]!.fixes.map((f) => [f.name, f.step])).toEqual([['TTL jitter', 2]]);
  });

  it('validates text with every error on its line and loads nothing that is invalid', () => {
    const { api } = testEngine();
    const text = '---\ntitle: Broken\ndescription: x\nlevel: beginner\n---\n\n```sim\nbackend:\n  latency: fast\n```\n';
    const check = api.scenarioValidate(text);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors[0]!.line).toBe(9);
    expect(api.scenarioLoad({ text })).toEqual(check);
    expect(api.scenarioState()).toBeNull();
    expect(api.hello().clock.paused).toBe(false);
    expect(api.scenarioValidate(api.scenarioCatalog()[0]!.text)).toEqual({ ok: true, title: 'Cache stampede', steps: 3 });
  });

  it('refuses sources that are not a known built-in or text', () => {
    const { api } = testEngine();
    expect(api.scenarioLoad({ builtin: 'nope' })).toEqual({ ok: false, errors: [{ line: 1, message: 'there is no built-in scenario "nope"' }] });
    expect(api.scenarioLoad(42 as never).ok).toBe(false);
    expect(api.scenarioLoad({ text: 42 } as never).ok).toBe(false);
    expect(api.scenarioApplyFix(0).ok).toBe(false);
  });

  it('loads a scenario ready to run, with its steps outlined ahead of time', () => {
    const { api } = testEngine();
    const state = load(api, 'cache-stampede');
    expect(state.builtin).toBe('cache-stampede');
    expect(state.snapshot).toMatchObject({ title: 'Cache stampede', status: 'ready', step: -1, steps: 3, time: 0 });
    expect(state.outline.map((s) => [s.title, s.goals])).toEqual([
      ['A hot product page', 2],
      ['The key expires', 0],
      ['Your turn: rebuild it once', 3],
    ]);
    expect(state.outline[1]!.hints).toHaveLength(1);
    expect(state.samples).toEqual([]);
  });

  it('takes over the clock: advance plays the scenario and it waits at the end of a step', () => {
    const { api, host } = testEngine();
    const batches = collect(api);
    load(api, 'cache-stampede');
    const clock = api.advance(60_000);
    expect(clock.paused).toBe(true);
    const snap = api.scenarioState()!.snapshot;
    expect(snap).toMatchObject({ status: 'waiting', step: 0, time: 10_000 });
    expect(snap.goals.slice(0, 2).map((g) => g.status)).toEqual(['passed', 'passed']);
    expect(snap.traffic).toEqual([expect.objectContaining({ name: 'shoppers', rate: 5000, strategy: 'naive' })]);
    host.frame();
    expect(batches.at(-1)!.clock).toMatchObject({ paused: true, now: 1_704_067_210_000 });
  });

  it('sends samples and events in the event batches, once per frame, without gaps', () => {
    const { api, host } = testEngine();
    const batches = collect(api);
    load(api, 'cache-stampede');
    host.frame();
    api.advance(3000);
    api.advance(2000);
    expect(batches.filter((b) => b.scenario?.samples.length)).toHaveLength(0);
    host.frame();
    const first = batches.at(-1)!.scenario!;
    expect(first.samples.map((s) => s.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(first.events.map((e) => e.type)).toContain('step-started');
    expect(first.snapshot).toMatchObject({ status: 'paused', time: 5000 });
    api.advance(5000);
    host.frame();
    const second = batches.at(-1)!.scenario!;
    expect(second.samples[0]!.seq).toBe(51);
    expect(second.samples.at(-1)!.t).toBe(10_000);
    host.frame();
    expect(batches.at(-1)!.scenario).toBe(second);
  });

  it('plays in real time while running, at the clock speed; pausing freezes it and sends the clock', () => {
    const { api, host } = testEngine();
    const batches = collect(api);
    load(api, 'cache-stampede');
    api.setSpeed(2);
    expect(api.resume().paused).toBe(false);
    expect(api.scenarioState()!.snapshot.status).toBe('playing');
    host.frame();
    expect(batches.at(-1)!.clock).toMatchObject({ paused: false, speed: 2 });
    host.pass(1000);
    host.frame();
    expect(batches.at(-1)!.scenario!.snapshot!.time).toBeGreaterThanOrEqual(1900);
    // While it plays the UI extrapolates the running clock: the batches need not carry it.
    expect(batches.at(-1)!.clock).toBeUndefined();
    api.pause();
    host.frame();
    expect(batches.at(-1)!.clock).toMatchObject({ paused: true });
    const frozen = api.scenarioState()!.snapshot.time;
    host.pass(1000);
    expect(api.scenarioState()!.snapshot.time).toBe(frozen);
    expect(host.pendingTimers()).toBe(0);
  });

  it('keeps the student speed across a load and a reset', () => {
    const { api } = testEngine();
    api.setSpeed(10);
    load(api, 'cache-stampede');
    expect(api.scenarioReset()!.snapshot.status).toBe('ready');
    expect(api.hello().clock.speed).toBe(10);
  });

  it('shows the stampede: the database spikes past its capacity and the last goals fail', () => {
    const { api } = testEngine();
    const state = load(api, 'cache-stampede');
    for (let i = 0; i < 3; i++) api.scenarioStep();
    const after = api.scenarioState()!;
    expect(after.run).toBe(state.run);
    expect(after.snapshot.status).toBe('finished');
    expect(after.snapshot.outcome).toBe('failed');
    const peak = Math.max(...after.samples.map(qps));
    expect(peak).toBeGreaterThan(after.snapshot.backend.capacityQps);
    const failed = after.snapshot.goals.filter((g) => g.status === 'failed');
    expect(failed.map((g) => g.check)).toEqual(['peak backend.qps < 500', 'total errors == 0', 'peak latency.p99 < 500ms']);
    expect(failed[0]!.reason).toMatch(/^peak backend.qps over the step is \d+\/s; the goal is < 500\/s\. When product:42 expired/);
  });

  it('applies a fix: replays up to the step it changes, then the goals pass', () => {
    const { api } = testEngine();
    const before = load(api, 'cache-stampede');
    for (let i = 0; i < 3; i++) api.scenarioStep();
    const fixed = api.scenarioApplyFix(0);
    if (!fixed.ok) throw new Error('fix refused');
    const s = fixed.state;
    expect(s.run).toBeGreaterThan(before.run);
    expect(s.text).toContain('strategy: mutex');
    expect(s.fixes).toEqual([]);
    expect(s.snapshot).toMatchObject({ status: 'waiting', step: 1, time: 25_000 });
    expect(s.samples).toHaveLength(250);
    expect(s.events.filter((e) => e.type === 'step-finished')).toHaveLength(2);
    api.scenarioStep();
    const done = api.scenarioState()!;
    expect(done.snapshot.outcome).toBe('passed');
    const lastStep = done.samples.filter((p) => p.t > 25_000);
    expect(Math.max(...lastStep.map(qps))).toBeLessThan(done.snapshot.backend.capacityQps);
  });

  it('leaves the scenario on Reset: the sandbox is back with its clock running', () => {
    const { api, host } = testEngine();
    const batches = collect(api);
    load(api, 'cache-avalanche');
    api.reset();
    host.frame();
    expect(batches.at(-1)!.scenario).toMatchObject({ snapshot: null });
    expect(batches.at(-1)!.clock).toMatchObject({ paused: false, speed: 1 });
    expect(api.scenarioState()).toBeNull();
    const clock = api.advance(1000);
    expect(clock.paused).toBe(false);
    const c = api.openClient();
    expect(api.execute(c.id, ['DBSIZE'])!.replies).toEqual([0]);
  });

  it('without a scenario, batches carry no scenario data and the clock is the sandbox one', () => {
    const { api, host } = testEngine();
    const batches = collect(api);
    const c = api.openClient();
    api.execute(c.id, ['SET', 'a', '1']);
    host.frame();
    expect(batches[0]).not.toHaveProperty('scenario');
    expect(api.step().now).toBe(api.hello().clock.now);
  });
});
