import type { Reply } from '../../protocol/reply.js';
import type { MetricSample } from '../metrics/sample.js';
import type { SimClient } from '../simClient.js';
import type { Simulation } from '../simulation.js';
import { LIMITS, type GoalSpec, type RedisCommand, type Scenario, type SimStatement } from './format.js';
import { evaluateMetricGoal, judgeRedisGoal, type Verdict } from './goals.js';
import type { LineError } from './markdown.js';
import type { GoalState, RunnerSnapshot, RunnerStatus, ScenarioEvent } from './runnerTypes.js';
import { parseSimBlock } from './schema.js';
import { serializeGoal, serializeStatement } from './serialize.js';
import { SCENARIO_EPOCH, ScenarioWorld } from './world.js';

type Action = { kind: 'redis'; command: RedisCommand } | { kind: 'sim'; statement: SimStatement };

/** Events kept for a host that does not drain them: the oldest go first. */
const MAX_EVENTS = 10_000;
/** Longest text `applySim` takes: a few declarations, typed by hand. */
const MAX_APPLY_CHARS = 4096;

/**
 * Plays a scenario on a Simulation, step by step, on the virtual clock.
 *
 * A step runs its blocks in document order: redis commands on the scenario's connection, sim
 * declarations (backend, traffic, warm-up, stop) at once, and `advance` by letting virtual time
 * pass while traffic flows. Goals are judged at the end of their step (`always` goals at every
 * metric sample). Between steps the clock stands still until `run` or `step`.
 *
 * Time moves only through this runner: on load it restarts the Simulation on the scenario's
 * seed at SCENARIO_EPOCH and pauses its clock; `advance(ms)` (the host calls it while playing,
 * paced by real time), `step()` and `runToEnd()` move it. Same scenario, same seed, same calls:
 * same run.
 */
export class ScenarioRunner {
  private world!: ScenarioWorld;
  private client!: SimClient;
  private current: Scenario;
  private statusValue: RunnerStatus = 'ready';
  private stepIndex = -1;
  private actions: Action[] = [];
  private pc = 0;
  /** While an `advance` is under way: the time it ends at. */
  private advanceUntil: number | null = null;
  private stepStart = 0;
  private stepDuration = 0;
  private goals: Array<{ spec: GoalSpec; state: GoalState }> = [];
  private events: ScenarioEvent[] = [];
  /** Keep playing into the next step when one ends (run through, runToEnd). */
  private through = false;
  private budgetReported = false;

  constructor(
    private readonly sim: Simulation,
    scenario: Scenario,
  ) {
    this.current = scenario;
    this.reset();
  }

  get scenario(): Scenario {
    return this.current;
  }

  get status(): RunnerStatus {
    return this.statusValue;
  }

  /** Virtual ms since the scenario started. */
  get time(): number {
    return this.world.now;
  }

  /** Start over with another scenario (an edited one). */
  load(scenario: Scenario): void {
    this.current = scenario;
    this.reset();
  }

  /** Back to before the first step: the node restarts empty, the clock at the scenario's start. */
  reset(): void {
    const seed = this.current.meta.seed;
    this.sim.reset({ seed, startTime: SCENARIO_EPOCH });
    this.sim.pause();
    this.world = new ScenarioWorld(this.sim, seed, () => this.onSample());
    this.client = this.sim.openClient()!;
    this.statusValue = 'ready';
    this.stepIndex = -1;
    this.actions = [];
    this.pc = 0;
    this.advanceUntil = null;
    this.stepStart = 0;
    this.stepDuration = 0;
    this.events = [];
    this.through = false;
    this.budgetReported = false;
    this.goals = [];
    this.current.steps.forEach((step, i) => {
      for (const b of step.blocks) {
        if (b.kind !== 'expect') continue;
        for (const spec of b.goals) {
          const n = this.goals.filter((g) => g.state.step === i).length;
          this.goals.push({ spec, state: newGoalState(spec, i, n) });
        }
      }
    });
  }

  /** Play: the next step if none is under way. `through` keeps going into the following steps. */
  run(opts: { through?: boolean } = {}): void {
    if (this.statusValue === 'finished') return;
    if (this.statusValue === 'ready' || this.statusValue === 'waiting') this.startStep(this.stepIndex + 1);
    this.statusValue = 'playing';
    this.through = opts.through ?? false;
  }

  pause(): void {
    if (this.statusValue === 'playing') this.statusValue = 'paused';
  }

  /** Let `ms` of virtual time pass while playing (the host paces this with real time). */
  advance(ms: number): void {
    if (this.statusValue !== 'playing' || !(ms > 0)) return;
    this.play(this.world.now + ms);
    this.sim.pause();
  }

  /** Finish the step under way now (or play the next one whole), then wait. */
  step(): void {
    if (this.statusValue === 'finished') return;
    if (this.statusValue === 'ready' || this.statusValue === 'waiting') this.startStep(this.stepIndex + 1);
    this.statusValue = 'playing';
    this.through = false;
    this.play(Infinity);
    this.sim.pause();
  }

  /** Play every remaining step now. */
  runToEnd(): void {
    if (this.statusValue === 'finished') return;
    this.run({ through: true });
    this.play(Infinity);
    this.sim.pause();
  }

  /** Play every step before `index` now and wait at its start (replaying up to an edited step). */
  fastForward(index: number): void {
    while (this.statusValue !== 'finished' && (this.stepIndex < index - 1 || (this.stepIndex === index - 1 && this.midStep()))) this.step();
  }

  /**
   * Apply sim declarations now, typed by the student (`traffic web:` / `  strategy: mutex`).
   * Validated like a scenario's own; nothing is applied unless all of it is valid. Time moves
   * only with run and step, so `advance` is refused.
   */
  applySim(text: string): { ok: true } | { ok: false; errors: LineError[] } {
    if (typeof text !== 'string' || text.length > MAX_APPLY_CHARS) {
      return { ok: false, errors: [{ line: 1, message: `declarations are text of at most ${MAX_APPLY_CHARS} characters` }] };
    }
    const errors: LineError[] = [];
    const statements = parseSimBlock(
      text.replace(/\r\n?/g, '\n').split('\n').map((t, i) => ({ n: i + 1, text: t })),
      errors,
    );
    const trial = this.world.plan.clone();
    for (const s of statements) {
      if (s.kind === 'advance') errors.push({ line: s.line, message: 'time moves with Run and Step; advance belongs in a scenario step' });
      else trial.check(s, errors);
    }
    if (errors.length > 0) return { ok: false, errors };
    for (const s of statements) if (s.kind !== 'advance') this.applyStatement(s, null);
    return { ok: true };
  }

  /** Events since the last call, oldest first. */
  takeEvents(): ScenarioEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Metric samples after `seq` (0 for all that are kept), oldest first. */
  samples(sinceSeq = 0): MetricSample[] {
    return this.world.metrics.since(sinceSeq);
  }

  snapshot(): RunnerSnapshot {
    const step = this.current.steps[this.stepIndex];
    const b = this.world.backend;
    const goals = this.goals.map((g) => ({ ...g.state }));
    const failed = goals.some((g) => g.status === 'failed');
    return {
      title: this.current.meta.title,
      status: this.statusValue,
      step: this.stepIndex,
      steps: this.current.steps.length,
      stepTitle: step?.title ?? null,
      time: this.world.now,
      stepTime: this.stepIndex < 0 ? 0 : this.world.now - this.stepStart,
      stepDuration: this.stepDuration,
      goals,
      outcome: failed ? 'failed' : this.statusValue === 'finished' ? 'passed' : 'pending',
      traffic: [...this.world.traffic.values()].map((t) => ({ name: t.name, ...t.settings })),
      backend: { ...b.settings, inflight: b.inflight, queued: b.queued, capacityQps: b.capacityQps },
      requests: LIMITS.requests - this.world.budget.left,
      requestsLeft: this.world.budget.left,
      lastSample: this.world.metrics.last() ?? null,
    };
  }

  // ---- playing ----

  private midStep(): boolean {
    return this.statusValue === 'playing' || this.statusValue === 'paused';
  }

  private startStep(i: number): void {
    const step = this.current.steps[i]!;
    this.stepIndex = i;
    this.stepStart = this.world.now;
    this.actions = [];
    this.stepDuration = 0;
    const narration: string[] = [];
    const hints: string[] = [];
    for (const b of step.blocks) {
      if (b.kind === 'text') narration.push(b.markdown);
      else if (b.kind === 'hint') hints.push(b.markdown);
      else if (b.kind === 'redis') for (const command of b.commands) this.actions.push({ kind: 'redis', command });
      else if (b.kind === 'sim') {
        for (const statement of b.statements) {
          this.actions.push({ kind: 'sim', statement });
          if (statement.kind === 'advance') this.stepDuration += statement.ms;
        }
      }
    }
    this.pc = 0;
    this.advanceUntil = null;
    this.emit({ type: 'step-started', at: this.world.now, step: i, title: step.title, narration: narration.join('\n\n'), hints });
  }

  /** Play until `until` (absolute), the end of the step (unless running through) or the end. */
  private play(until: number): void {
    while (this.statusValue === 'playing') {
      if (this.advanceUntil !== null) {
        this.world.runUntil(Math.min(this.advanceUntil, until));
        this.noteBudget();
        if (this.world.now < this.advanceUntil) return;
        this.advanceUntil = null;
      }
      while (this.advanceUntil === null && this.pc < this.actions.length) this.perform(this.actions[this.pc++]!);
      if (this.advanceUntil === null) this.finishStep();
    }
  }

  private perform(a: Action): void {
    if (a.kind === 'redis') {
      const replies = this.execute(a.command.argv);
      this.emit({ type: 'redis', at: this.world.now, step: this.stepIndex, line: a.command.line, command: a.command.source, replies });
    } else if (a.statement.kind === 'advance') {
      this.advanceUntil = this.world.now + a.statement.ms;
    } else {
      this.applyStatement(a.statement, this.stepIndex);
    }
  }

  private applyStatement(s: Exclude<SimStatement, { kind: 'advance' }>, step: number | null): void {
    const errors = this.world.apply(s);
    for (const e of errors) this.emit({ type: 'problem', at: this.world.now, line: step === null ? null : e.line, message: e.message });
    if (errors.length === 0) this.emit({ type: 'sim', at: this.world.now, step, line: s.line, text: serializeStatement(s) });
  }

  /** Run a command on the scenario's own connection (reopened if a console killed it). */
  private execute(argv: string[]): Reply[] {
    if (this.client.closed) this.client = this.sim.openClient()!;
    return this.sim.execute(this.client, argv).replies;
  }

  private finishStep(): void {
    const i = this.stepIndex;
    let passed = true;
    for (const g of this.goals) {
      if (g.state.step !== i) continue;
      if (g.state.status !== 'failed') {
        const v = g.spec.always && g.state.status === 'met' ? null : this.evaluate(g.spec);
        this.settle(g, v === null || v.met ? 'passed' : 'failed', v);
      }
      if (g.state.status !== 'passed') passed = false;
    }
    this.emit({ type: 'step-finished', at: this.world.now, step: i, passed });
    if (i === this.current.steps.length - 1) {
      this.statusValue = 'finished';
      this.through = false;
      this.emit({ type: 'finished', at: this.world.now, passed: this.goals.every((g) => g.state.status === 'passed') });
    } else if (this.through) {
      this.startStep(i + 1);
    } else {
      this.statusValue = 'waiting';
    }
  }

  private evaluate(spec: GoalSpec): Verdict {
    if (spec.kind === 'metric') return evaluateMetricGoal(spec, this.world.metrics, this.world.now, this.stepStart);
    return judgeRedisGoal(spec, this.execute(spec.argv)[0]);
  }

  /** Every sample: `always` goals are checked (a break fails them), metric goals show how they stand. */
  private onSample(): void {
    for (const g of this.goals) {
      if (g.state.step !== this.stepIndex || g.state.status === 'failed' || g.state.status === 'passed') continue;
      if (!g.spec.always && g.spec.kind === 'redis') continue;
      const v = this.evaluate(g.spec);
      if (g.spec.always && !v.met) this.settle(g, 'failed', v);
      else this.settle(g, v.met ? 'met' : 'unmet', v);
    }
  }

  private settle(g: { spec: GoalSpec; state: GoalState }, status: GoalState['status'], v: Verdict | null): void {
    const s = g.state;
    if (v !== null) {
      s.value = v.value;
      s.reason = v.met ? null : s.message === '' ? v.reason : `${v.reason}. ${s.message}`;
    }
    if (s.status === status) return;
    s.status = status;
    if (status === 'passed' || status === 'failed') s.decidedAt = this.world.now;
    this.emit({ type: 'goal', at: this.world.now, goal: { ...s } });
  }

  private noteBudget(): void {
    if (this.world.budget.left > 0 || this.budgetReported) return;
    this.budgetReported = true;
    this.emit({ type: 'problem', at: this.world.now, line: null, message: `this run reached its limit of ${LIMITS.requests} requests: traffic stopped` });
  }

  private emit(e: ScenarioEvent): void {
    if (this.events.length >= MAX_EVENTS) this.events.shift();
    this.events.push(e);
  }
}

function newGoalState(spec: GoalSpec, step: number, n: number): GoalState {
  return {
    id: `${step}.${n}`,
    step,
    line: spec.line,
    check: serializeGoal({ ...spec, message: '' }),
    message: spec.message,
    always: spec.always,
    status: 'pending',
    value: null,
    reason: null,
    decidedAt: null,
  };
}
