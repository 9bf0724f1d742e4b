import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.js';
import type { Scenario } from './format.js';
import { headlessRunner } from './headless.js';
import { parseScenario } from './parse.js';
import { ScenarioRunner } from './runner.js';
import type { ScenarioEvent } from './runnerTypes.js';
import { SCENARIO_EPOCH } from './world.js';

function scenario(body: string, seed = 5): Scenario {
  const r = parseScenario(`---\ntitle: Test\ndescription: A runner test.\nlevel: beginner\nseed: ${seed}\n---\n\n${body}`);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const TWO_STEPS = scenario(`# One

\`\`\`redis
SET k v
\`\`\`

\`\`\`sim
backend:
  latency: 10ms
  concurrency: 100
traffic web:
  rate: 1000/s
  keys: page:{1..10}
  ttl: 5s
advance: 2s
\`\`\`

\`\`\`expect
mean cache.hit_ratio >= 90%
  Most pages should be cached by now.
redis GET k == v
\`\`\`

\`\`\`hint
Look at the hit ratio.
\`\`\`

---

# Two

\`\`\`sim
advance: 1s
\`\`\`

\`\`\`redis
DBSIZE
\`\`\`
`);

const byType = <T extends ScenarioEvent['type']>(events: ScenarioEvent[], type: T) =>
  events.filter((e): e is Extract<ScenarioEvent, { type: T }> => e.type === type);

describe('ScenarioRunner', () => {
  it('plays steps on the virtual clock: run, advance, pause, step end, next step, finish', () => {
    const r = headlessRunner(TWO_STEPS);
    expect(r.status).toBe('ready');
    r.advance(500);
    expect(r.time).toBe(0);
    r.run();
    expect(r.status).toBe('playing');
    r.advance(500);
    expect([r.status, r.time]).toEqual(['playing', 500]);
    r.pause();
    r.advance(500);
    expect([r.status, r.time]).toEqual(['paused', 500]);
    r.run();
    r.advance(10_000);
    // A step ends where its advances end, however much time the host offered.
    expect([r.status, r.time, r.snapshot().step]).toEqual(['waiting', 2000, 0]);
    r.step();
    expect([r.status, r.time]).toEqual(['finished', 3000]);
    expect(r.snapshot().outcome).toBe('passed');
  });

  it('keeps the engine clock at the scenario time and runs redis blocks on the real engine', () => {
    const sim = new Simulation({ timeSource: () => 0 });
    const r = new ScenarioRunner(sim, TWO_STEPS);
    r.run();
    r.advance(1234);
    expect(sim.clock.now()).toBe(SCENARIO_EPOCH + 1234);
    expect(sim.clock.isPaused).toBe(true);
    r.runToEnd();
    const redis = byType(r.takeEvents(), 'redis');
    expect(redis.map((e) => [e.at, e.line, e.command, e.replies])).toEqual([
      [0, 11, 'SET k v', [{ t: 'status', s: 'OK' }]],
      [3000, 44, 'DBSIZE', [11]],
    ]);
    // The traffic's commands went through the same node.
    expect(sim.node()!.server.allCommandStats().get('get')!.calls).toBeGreaterThan(2500);
  });

  it('tells the story in events: steps with narration and hints, goals, the end', () => {
    const r = headlessRunner(TWO_STEPS);
    r.runToEnd();
    const events = r.takeEvents();
    expect(byType(events, 'step-started').map((e) => [e.step, e.title, e.hints])).toEqual([
      [0, 'One', ['Look at the hit ratio.']],
      [1, 'Two', []],
    ]);
    expect(byType(events, 'step-started')[0]!.narration).toBe('# One');
    expect(byType(events, 'sim').map((e) => e.text)).toEqual(['backend:\n  latency: 10ms\n  concurrency: 100', 'traffic web:\n  rate: 1000/s\n  keys: page:{1..10}\n  ttl: 5s']);
    expect(byType(events, 'step-finished').map((e) => [e.step, e.passed])).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(events.at(-1)).toEqual({ type: 'finished', at: 3000, passed: true });
    expect(r.takeEvents()).toEqual([]);
    const goals = r.snapshot().goals;
    expect(goals.map((g) => [g.id, g.status, g.decidedAt])).toEqual([
      ['0.0', 'passed', 2000],
      ['0.1', 'passed', 2000],
    ]);
    expect(goals[1]!.value).toBe('"v"');
  });

  it('shows how metric goals stand while the step runs, and fails an always goal at the first bad sample', () => {
    const r = headlessRunner(
      scenario(`\`\`\`sim
backend:
  latency: 10ms
  concurrency: 100
traffic web:
  rate: 1000/s
  keys: page:{1..100}
advance: 3s
\`\`\`

\`\`\`expect
always last backend.qps < 500
  The database took too many queries in one interval.
peak backend.qps < 1
  Any query at all fails this one.
mean cache.hit_ratio > 50%
\`\`\`
`),
    );
    r.run();
    r.advance(150);
    let goals = r.snapshot().goals;
    // The cold start: most requests miss in the first interval, so the database gets them.
    expect(goals[0]).toMatchObject({ status: 'failed', decidedAt: 100 });
    expect(goals[0]!.value).toBeGreaterThan(500);
    expect(goals[0]!.reason).toMatch(/^last backend\.qps over the step is \d+\/s; the goal is < 500\/s\. The database took too many queries in one interval\.$/);
    expect(goals[1]!.status).toBe('unmet');
    expect(goals[2]!.status).toBe('unmet');
    r.advance(3000);
    goals = r.snapshot().goals;
    expect(goals.map((g) => g.status)).toEqual(['failed', 'failed', 'passed']);
    expect(r.snapshot().outcome).toBe('failed');
    const goalEvents = byType(r.takeEvents(), 'goal').map((e) => [e.goal.id, e.goal.status]);
    expect(goalEvents).toContainEqual(['0.2', 'met']);
    expect(goalEvents.at(-1)).toEqual(['0.2', 'passed']);
  });

  it('applies sim declarations live, all or nothing', () => {
    const r = headlessRunner(TWO_STEPS);
    r.run();
    r.advance(1000);
    expect(r.applySim('traffic web:\n  strategy: mutex\n  rate: 10/s')).toEqual({ ok: true });
    expect(r.snapshot().traffic[0]).toMatchObject({ name: 'web', strategy: 'mutex', rate: 10 });
    expect(r.applySim('traffic web:\n  rate: 5/s\nadvance: 1s\nstop: nobody\ntraffic new:\n  rate: 1/s')).toEqual({
      ok: false,
      errors: [
        { line: 3, message: 'time moves with Run and Step; advance belongs in a scenario step' },
        { line: 4, message: 'no traffic named "nobody" is running here' },
        { line: 5, message: 'traffic new starts here, so it needs "keys"' },
      ],
    });
    expect(r.snapshot().traffic[0]!.rate).toBe(10);
    expect(r.applySim('x'.repeat(5000)).ok).toBe(false);
    expect(byType(r.takeEvents(), 'sim').at(-1)).toMatchObject({ step: null, text: 'traffic web:\n  rate: 10/s\n  strategy: mutex' });
  });

  it('reports what a step cannot do at run time and goes on', () => {
    const r = headlessRunner(
      scenario(`\`\`\`sim
traffic web:
  rate: 10/s
  keys: k
advance: 1s
\`\`\`

---

\`\`\`sim
traffic web:
  rate: 20/s
advance: 1s
\`\`\`
`),
    );
    r.step();
    expect(r.applySim('stop: web')).toEqual({ ok: true });
    r.step();
    expect(r.status).toBe('finished');
    expect(byType(r.takeEvents(), 'problem')).toEqual([{ type: 'problem', at: 1000, line: 18, message: 'traffic web starts here, so it needs "keys"' }]);
  });

  it('ends a traffic after its duration', () => {
    const r = headlessRunner(
      scenario(`\`\`\`sim
traffic burst:
  rate: 1000/s
  keys: k
  arrivals: even
  duration: 500ms
advance: 1s
\`\`\`
`),
    );
    r.run();
    r.advance(400);
    expect(r.snapshot().traffic.map((t) => t.name)).toEqual(['burst']);
    r.runToEnd();
    expect(r.snapshot().traffic).toEqual([]);
    const requests = r.samples().reduce((a, x) => a + x.requests, 0);
    expect(requests).toBeGreaterThanOrEqual(499);
    expect(requests).toBeLessThanOrEqual(501);
  });

  it('fast-forwards to the start of a step, and resets to before the first', () => {
    const r = headlessRunner(TWO_STEPS);
    r.fastForward(1);
    expect([r.status, r.snapshot().step, r.time]).toEqual(['waiting', 0, 2000]);
    r.fastForward(1);
    expect(r.time).toBe(2000);
    r.reset();
    expect([r.status, r.snapshot().step, r.time, r.samples()]).toEqual(['ready', -1, 0, []]);
    expect(r.snapshot().goals.every((g) => g.status === 'pending')).toBe(true);
  });

  it('replays exactly: same scenario and seed, same samples, whatever the Simulation was before', () => {
    const run = (sim: Simulation, s: Scenario) => {
      const r = new ScenarioRunner(sim, s);
      r.runToEnd();
      return { samples: r.samples(), events: r.takeEvents() };
    };
    const a = run(new Simulation({ timeSource: () => 0, seed: 1 }), TWO_STEPS);
    const dirty = new Simulation({ timeSource: () => 123_456, seed: 99 });
    dirty.execute(dirty.openClient()!, ['SET', 'leftover', 'x']);
    const b = run(dirty, TWO_STEPS);
    expect(b).toEqual(a);
    expect(a.samples).toHaveLength(30);
    const reseeded = run(new Simulation({ timeSource: () => 0 }), { ...TWO_STEPS, meta: { ...TWO_STEPS.meta, seed: 6 } });
    expect(reseeded.samples).not.toEqual(a.samples);
  });

  it('reopens its connection when a console kills it', () => {
    const sim = new Simulation({ timeSource: () => 0 });
    const r = new ScenarioRunner(sim, TWO_STEPS);
    r.step();
    const console = sim.openClient()!;
    sim.execute(console, ['CLIENT', 'KILL', 'SKIPME', 'yes', 'TYPE', 'normal']);
    r.step();
    expect(byType(r.takeEvents(), 'redis').at(-1)!.replies).toEqual([expect.any(Number)]);
  });
});
