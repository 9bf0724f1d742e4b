import fs from 'node:fs';
import path from 'node:path';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../sim/scenario/format.js';
import { headlessRunner } from '../sim/scenario/headless.js';
import { parseScenario } from '../sim/scenario/parse.js';
import type { ScenarioRunner } from '../sim/scenario/runner.js';
import { BUILTIN_SCENARIOS } from './index.js';
import { applySolution, REFERENCE_SOLUTIONS } from './solutions.js';

function parsed(text: string): Scenario {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function builtin(id: string): string {
  const s = BUILTIN_SCENARIOS.find((b) => b.id === id);
  if (s === undefined) throw new Error(`no scenario ${id}`);
  return s.text;
}

/** Goal id → status after playing the whole scenario. */
function statuses(r: ScenarioRunner): Record<string, string> {
  return Object.fromEntries(r.snapshot().goals.map((g) => [g.id, g.status]));
}

describe('built-in scenarios', () => {
  it.each(BUILTIN_SCENARIOS.map((s) => [s.id, s.text]))('%s is valid and small enough to share by URL', (_id, text) => {
    parsed(text);
    expect(LZString.compressToEncodedURIComponent(text).length).toBeLessThan(4000);
  });

  it('the format reference in README.md shows valid sim and expect blocks', () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/^```(sim|expect)\n[\s\S]*?^```$/gm)].map((m) => m[0]);
    expect(blocks).toHaveLength(2);
    const s = parsed(`---\ntitle: README\ndescription: The examples.\nlevel: beginner\n---\n\n${blocks.join('\n\n')}\n`);
    expect(s.steps[0]!.blocks.map((b) => b.kind)).toEqual(['sim', 'expect']);
  });

  it('every reference solution still applies to its scenario', () => {
    for (const s of REFERENCE_SOLUTIONS) expect(applySolution(builtin(s.scenario), s), s.name).not.toBeNull();
  });

  it('cache stampede: unfixed, the hot key expiry floods the database and the goals of the last step fail', () => {
    const r = headlessRunner(parsed(builtin('cache-stampede')));
    r.runToEnd();
    expect(statuses(r)).toEqual({ '0.0': 'passed', '0.1': 'passed', '2.0': 'failed', '2.1': 'failed', '2.2': 'failed' });
    const snap = r.snapshot();
    expect(snap.outcome).toBe('failed');
    const peak = snap.goals.find((g) => g.id === '2.0')!;
    expect(peak.value).toBeGreaterThan(1000);
    expect(peak.reason).toContain('set the strategy to mutex or early-refresh');
  });

  it('cache avalanche: unfixed, keys loaded together expire together and the last step fails', () => {
    const r = headlessRunner(parsed(builtin('cache-avalanche')));
    r.runToEnd();
    expect(statuses(r)).toEqual({ '0.0': 'passed', '2.0': 'failed', '2.1': 'failed', '2.2': 'failed' });
    // The database got the whole traffic: around 2,000 queries per second, four times its capacity.
    expect(r.snapshot().goals.find((g) => g.id === '2.0')!.value).toBeGreaterThan(1500);
  });

  it.each(REFERENCE_SOLUTIONS.map((s) => [`${s.scenario}: ${s.name}`, s] as const))('%s passes every goal', (_name, solution) => {
    const r = headlessRunner(parsed(applySolution(builtin(solution.scenario), solution)!));
    r.runToEnd();
    const snap = r.snapshot();
    expect(snap.goals.filter((g) => g.status !== 'passed').map((g) => `${g.id}: ${g.reason}`)).toEqual([]);
    expect(snap.outcome).toBe('passed');
  });

  it('cache stampede: the fix can also be typed live, mid-step, before the key expires', () => {
    const r = headlessRunner(parsed(builtin('cache-stampede')));
    r.fastForward(2);
    r.run();
    r.advance(1000);
    expect(r.applySim('traffic shoppers:\n  strategy: mutex')).toEqual({ ok: true });
    r.runToEnd();
    expect(r.snapshot().outcome).toBe('passed');
  });

  it('replays exactly: the same scenario gives the same samples and events', () => {
    const run = () => {
      const r = headlessRunner(parsed(builtin('cache-stampede')));
      r.runToEnd();
      return { samples: r.samples(), events: r.takeEvents() };
    };
    const a = run();
    expect(a.samples.length).toBe(550);
    expect(run()).toEqual(a);
  });
});
