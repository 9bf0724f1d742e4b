import type { ClockState, EngineEventBatch } from '../protocol/events.js';
import type {
  ScenarioBatch,
  ScenarioFix,
  ScenarioListing,
  ScenarioLoadResult,
  ScenarioSnapshot,
  ScenarioState,
  ScenarioStepOutline,
} from '../protocol/scenario.js';
import { BUILTIN_SCENARIOS } from '../scenarios/index.js';
import { REFERENCE_SOLUTIONS, applySolution } from '../scenarios/solutions.js';
import type { HostTimers } from './realtime.js';
import type { Scenario } from './scenario/format.js';
import { parseScenario } from './scenario/parse.js';
import { ScenarioPacer } from './scenario/pacer.js';
import { ScenarioRunner } from './scenario/runner.js';
import type { Simulation } from './simulation.js';

/**
 * The worker's one scenario: the runner on the worker's Simulation, the pacer that plays it in
 * real time, and what the UI has been sent of it. A load or a reset starts a new `run`, so the
 * UI can drop what it holds of the previous one.
 */
export class ScenarioSession {
  private runner: ScenarioRunner | null = null;
  private pacer: ScenarioPacer | null = null;
  private text = '';
  private builtin: string | null = null;
  private runId = 0;
  private sentSeq = 0;
  /** Something changed that the next event batch must carry. */
  private dirty = false;
  private clockToSend: ClockState | null = null;
  private listings: ScenarioListing[] | null = null;

  constructor(
    private readonly sim: Simulation,
    private readonly timers: HostTimers,
  ) {}

  get active(): boolean {
    return this.runner !== null;
  }

  catalog(): ScenarioListing[] {
    return (this.listings ??= BUILTIN_SCENARIOS.flatMap((b) => {
      const parsed = parseScenario(b.text);
      if (!parsed.ok) return [];
      const { title, description, level } = parsed.scenario.meta;
      return [{ id: b.id, title, description, level, text: b.text, fixes: fixesFor(b.text, parsed.scenario) }];
    }));
  }

  load(text: string, builtin: string | null): ScenarioLoadResult {
    const parsed = parseScenario(text);
    if (!parsed.ok) return parsed;
    this.install(text, builtin, parsed.scenario);
    return { ok: true, state: this.state()! };
  }

  private install(text: string, builtin: string | null, scenario: Scenario): void {
    this.text = text;
    this.builtin = builtin;
    this.restart((runner) => runner.load(scenario), scenario);
  }

  reset(): ScenarioState | null {
    if (this.runner === null) return null;
    this.restart((runner) => runner.reset(), this.runner.scenario);
    return this.state();
  }

  applyFix(index: number): ScenarioLoadResult {
    if (this.runner === null) return { ok: false, errors: [{ line: 1, message: 'no scenario is loaded' }] };
    const fix = applicableSolutions(this.text)[index];
    const text = fix === undefined ? null : applySolution(this.text, fix);
    if (fix === undefined || text === null) return { ok: false, errors: [{ line: 1, message: 'this scenario offers no such fix' }] };
    const parsed = parseScenario(text);
    if (!parsed.ok) return parsed;
    const step = fixStep(this.text, fix, this.runner.scenario);
    this.install(text, this.builtin, parsed.scenario);
    this.runner!.fastForward(step);
    return { ok: true, state: this.state()! };
  }

  /** Leave the scenario; the caller restarts the sandbox. */
  close(): void {
    if (this.runner === null) return;
    this.runner.pause();
    this.pacer!.sync();
    this.runner = null;
    this.pacer = null;
    this.runId++;
    this.changed();
  }

  run(): ScenarioSnapshot | null {
    return this.control((r) => r.run());
  }

  pause(): ScenarioSnapshot | null {
    return this.control((r) => r.pause());
  }

  step(): ScenarioSnapshot | null {
    return this.control((r) => r.step());
  }

  /**
   * Let `ms` of the scenario's time pass now, as if it played that long: a paused or waiting
   * scenario plays (into its next step if one is due) and stands still again after.
   */
  advance(ms: number): void {
    this.control((r) => {
      if (!(ms > 0)) return;
      const wasPlaying = r.status === 'playing';
      if (!wasPlaying) r.run();
      r.advance(ms);
      if (!wasPlaying) r.pause();
    });
  }

  /** The clock as the UI should draw it: running while the scenario plays, at the scenario's time. */
  clockState(): ClockState {
    return { ...this.sim.clockState(), paused: this.runner?.status !== 'playing' };
  }

  state(): ScenarioState | null {
    const r = this.runner;
    if (r === null) return null;
    const samples = r.samples(0);
    this.sentSeq = samples.at(-1)?.seq ?? 0;
    const { description, level } = r.scenario.meta;
    return {
      run: this.runId,
      builtin: this.builtin,
      text: this.text,
      description,
      level,
      outline: outline(r.scenario),
      fixes: fixesFor(this.text, r.scenario),
      snapshot: r.snapshot(),
      samples,
      events: r.takeEvents(),
    };
  }

  snapshot(): ScenarioSnapshot | null {
    return this.runner?.snapshot() ?? null;
  }

  /**
   * The event batch as the UI should get it: with the scenario's news, and while a scenario is
   * loaded with only the clock states it sent. The runner pauses the Simulation's clock after
   * every slice it plays; passing that on would tell the UI, every frame, that a playing
   * scenario is paused.
   */
  decorate(batch: EngineEventBatch): EngineEventBatch {
    const scenario = this.takeBatch();
    const out: EngineEventBatch = scenario === null ? batch : { ...batch, scenario };
    if (this.active) {
      if (this.clockToSend === null) delete out.clock;
      else out.clock = this.clockToSend;
    }
    this.clockToSend = null;
    return out;
  }

  private takeBatch(): ScenarioBatch | null {
    if (!this.dirty) return null;
    this.dirty = false;
    const r = this.runner;
    if (r === null) return { run: this.runId, snapshot: null, events: [], samples: [] };
    const samples = r.samples(this.sentSeq);
    this.sentSeq = samples.at(-1)?.seq ?? this.sentSeq;
    return { run: this.runId, snapshot: r.snapshot(), events: r.takeEvents(), samples };
  }

  private control(fn: (r: ScenarioRunner) => void): ScenarioSnapshot | null {
    const r = this.runner;
    if (r === null) return null;
    fn(r);
    this.pacer!.sync();
    this.changed();
    return r.snapshot();
  }

  /**
   * Load or reset: the node restarts (the runner does it), so this is a new run. The clock's
   * speed is the student's choice and survives the restart.
   */
  private restart(fn: (runner: ScenarioRunner) => void, scenario: Scenario): void {
    const speed = this.sim.clock.speed;
    if (this.runner === null) {
      const runner = new ScenarioRunner(this.sim, scenario);
      this.runner = runner;
      this.pacer = new ScenarioPacer(
        runner,
        this.timers,
        () => this.sim.clockState().hostTime,
        () => this.sim.clock.speed,
        // While it plays the UI extrapolates the clock itself; it needs the clock again once
        // the scenario stops (at the end of a step).
        () => this.changed(runner.status !== 'playing'),
      );
    } else {
      this.runner.pause();
      this.pacer!.sync();
      fn(this.runner);
    }
    this.sim.clock.setSpeed(speed);
    this.runId++;
    this.sentSeq = 0;
    this.changed();
  }

  /**
   * Get a batch sent with the scenario's news; with the clock when it moved otherwise than the
   * UI extrapolates it (a jump, a pause, a new speed). A clock change is how the feed is told
   * that a batch is due.
   */
  private changed(clock = true): void {
    this.dirty = true;
    const state = this.active ? this.clockState() : this.sim.clockState();
    if (clock) this.clockToSend = state;
    this.sim.feed.clockChanged(state);
  }
}

function outline(s: Scenario): ScenarioStepOutline[] {
  return s.steps.map((step) => {
    const narration: string[] = [];
    const hints: string[] = [];
    let goals = 0;
    for (const b of step.blocks) {
      if (b.kind === 'text') narration.push(b.markdown);
      else if (b.kind === 'hint') hints.push(b.markdown);
      else if (b.kind === 'expect') goals += b.goals.length;
    }
    return { title: step.title, line: step.line, narration: narration.join('\n\n'), hints, goals };
  });
}

/** The reference solutions whose edits still apply to this text (an edited copy keeps its fix). */
function applicableSolutions(text: string) {
  return REFERENCE_SOLUTIONS.filter((s) => applySolution(text, s) !== null);
}

function fixesFor(text: string, scenario: Scenario): ScenarioFix[] {
  return applicableSolutions(text).map((s) => ({ name: s.name, explanation: s.explanation, step: fixStep(text, s, scenario) }));
}

/** The step holding the first line a solution edits: the replay stops at its start. */
function fixStep(text: string, fix: (typeof REFERENCE_SOLUTIONS)[number], scenario: Scenario): number {
  const at = Math.min(...fix.edits.map((e) => text.indexOf(e.find)));
  const line = text.slice(0, at).split('\n').length;
  let step = 0;
  scenario.steps.forEach((s, i) => {
    if (s.line <= line) step = i;
  });
  return step;
}
