import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.js';
import { FakeHost } from '../testkit.js';
import { parseScenario } from './parse.js';
import { PACER_MAX_CHUNK_MS, ScenarioPacer } from './pacer.js';
import { ScenarioRunner } from './runner.js';

/** `wall` is the pacer's clock; by default the fake host's. */
function setup(speed = 1, wall?: () => number) {
  const parsed = parseScenario('---\ntitle: T\ndescription: D\nlevel: beginner\n---\n\n```sim\ntraffic web:\n  rate: 100/s\n  keys: k\nadvance: 10s\n```\n\n---\n\nnext\n');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const host = new FakeHost();
  const sim = new Simulation({ timeSource: host.now });
  const runner = new ScenarioRunner(sim, parsed.scenario);
  let wakes = 0;
  const pacer = new ScenarioPacer(runner, host, wall ?? host.now, () => speed, () => wakes++);
  return { host, sim, runner, pacer, wakes: () => wakes };
}

describe('ScenarioPacer', () => {
  it('moves a playing scenario by the host time that passed, times the speed', () => {
    const { host, runner, pacer, wakes } = setup(2);
    pacer.sync();
    expect(pacer.active).toBe(false);
    runner.run();
    pacer.sync();
    host.pass(1000);
    expect(runner.time).toBeGreaterThanOrEqual(1968);
    expect(runner.time).toBeLessThanOrEqual(2000);
    expect(wakes()).toBeGreaterThan(50);
    runner.pause();
    pacer.sync();
    expect(pacer.active).toBe(false);
    const t = runner.time;
    host.pass(1000);
    expect(runner.time).toBe(t);
  });

  it('stops at the end of a step and never plays more than a chunk per wake-up', () => {
    let wall = 0;
    const { host, runner, pacer } = setup(100, () => wall);
    runner.run();
    pacer.sync();
    wall += 16;
    host.pass(16);
    expect(runner.time).toBe(1600);
    // A host that slept for a minute (a background tab) does not make the scenario catch up at once.
    wall += 60_000;
    host.pass(16);
    expect(runner.time).toBe(1600 + PACER_MAX_CHUNK_MS);
    for (let i = 0; i < 10; i++) {
      wall += 1000;
      host.pass(16);
    }
    expect([runner.status, runner.time]).toEqual(['waiting', 10_000]);
    expect(pacer.active).toBe(false);
  });
});
