import type { EngineApi } from '../protocol/api.js';
import type { EngineEventBatch } from '../protocol/events.js';
import type { ScenarioApi, ScenarioCheck, ScenarioLoadResult } from '../protocol/scenario.js';
import type { HostTimers } from './realtime.js';
import { parseScenario } from './scenario/parse.js';
import { ScenarioSession } from './scenarioSession.js';
import type { Simulation } from './simulation.js';

export type BaseEngineApi = Omit<EngineApi, keyof ScenarioApi>;

/**
 * Adds the scenario runner to the engine API. While a scenario is loaded the runner owns the
 * virtual clock (its run replays exactly only if time moves through it), so the clock controls
 * play the scenario instead of moving the clock on their own: pause and resume pause and play
 * it, step and advance let its time pass. Reset and a session import leave the scenario first.
 * Scenario samples and events ride on the one event subscription, at most once per frame.
 */
export function withScenarios(sim: Simulation, timers: HostTimers, base: BaseEngineApi): EngineApi {
  const session = new ScenarioSession(sim, timers);

  const load = (source: unknown): ScenarioLoadResult => {
    const s = (source ?? {}) as { builtin?: unknown; text?: unknown };
    if (typeof s.text === 'string') return session.load(s.text, null);
    const builtin = session.catalog().find((b) => b.id === s.builtin);
    if (builtin === undefined) return { ok: false, errors: [{ line: 1, message: `there is no built-in scenario ${JSON.stringify(String(s.builtin))}` }] };
    return session.load(builtin.text, builtin.id);
  };
  const leave = (): void => {
    if (!session.active) return;
    session.close();
    base.reset();
  };

  return {
    ...base,

    setSpeed(speed) {
      const state = base.setSpeed(speed);
      return session.active ? session.clockState() : state;
    },
    pause: () => (session.active ? (session.pause(), session.clockState()) : base.pause()),
    resume: () => (session.active ? (session.run(), session.clockState()) : base.resume()),
    step() {
      if (!session.active) return base.step();
      session.advance(session.clockState().stepMs);
      return session.clockState();
    },
    advance(ms) {
      if (!session.active) return base.advance(ms);
      session.advance(Number(ms));
      return session.clockState();
    },
    reset() {
      session.close();
      base.reset();
    },
    importSession(snapshot) {
      session.close();
      return base.importSession(snapshot);
    },
    subscribe(listener) {
      base.subscribe((batch: EngineEventBatch) => listener(session.decorate(batch)));
    },

    scenarioCatalog: () => session.catalog(),
    scenarioValidate(text): ScenarioCheck {
      const r = parseScenario(text);
      return r.ok ? { ok: true, title: r.scenario.meta.title, steps: r.scenario.steps.length } : r;
    },
    scenarioLoad: load,
    scenarioState: () => session.state(),
    scenarioRun: () => session.run(),
    scenarioPause: () => session.pause(),
    scenarioStep: () => session.step(),
    scenarioReset: () => session.reset(),
    scenarioApplyFix: (index) => session.applyFix(Number(index)),
    scenarioClose: leave,
  };
}
