import type { Reply } from './reply.js';

/**
 * The scenario runner as the worker shows it to the UI: plain, structured-clone-safe data.
 * Status, goal and event types are defined here and used by the runner itself
 * (src/sim/scenario/runnerTypes.ts); snapshot, traffic, backend and metric types are the
 * narrower views src/sim/scenarioApi.ts projects the runner's values onto, so the compiler
 * catches a drift. Times are virtual ms since the scenario started; rates are per virtual second.
 */

/** A problem in a scenario's text, on its 1-based line. */
export interface ScenarioLineError {
  line: number;
  message: string;
}

/**
 * ready: loaded, no step started. playing: time moves. paused: a step is half done. waiting: a
 * step is done, the next starts on run/step. finished: every step was played.
 */
export type ScenarioRunStatus = 'ready' | 'playing' | 'paused' | 'waiting' | 'finished';

/** pending: not checked yet. met / unmet: how it stands while its step runs. passed / failed: final. */
export type ScenarioGoalStatus = 'pending' | 'met' | 'unmet' | 'passed' | 'failed';

export interface ScenarioGoal {
  /** `<step>.<n>`, both 0-based. */
  id: string;
  step: number;
  line: number;
  /** The check in canonical form (`peak backend.qps < 500`). */
  check: string;
  /** The author's explanation of why it is not met yet. */
  message: string;
  always: boolean;
  status: ScenarioGoalStatus;
  value: number | string | null;
  /** Why it is not met: the measurement against the goal, then the author's message. */
  reason: string | null;
  decidedAt: number | null;
}

export interface ScenarioTraffic {
  name: string;
  /** Requests per virtual second. */
  rate: number;
  strategy: string;
  /** Share of requests that read. */
  reads: number;
}

export interface ScenarioBackend {
  latency: number;
  concurrency: number;
  inflight: number;
  queued: number;
  /** Queries per second the database sustains (concurrency / latency): the charts' capacity line. */
  capacityQps: number;
}

/** One metric sample: what happened during one interval of virtual time. */
export interface MetricPoint {
  seq: number;
  /** End of the interval, ms since the scenario started. */
  t: number;
  /** Length of the interval in ms. */
  ms: number;
  requests: number;
  reads: number;
  writes: number;
  hits: number;
  misses: number;
  stale: number;
  errors: number;
  latencyP50: number | null;
  latencyP95: number | null;
  latencyP99: number | null;
  backendQueries: number;
  backendCompleted: number;
  backendRejected: number;
  backendTimeouts: number;
  backendInflight: number;
  backendQueue: number;
  redisOps: number;
  redisKeys: number;
}

export interface ScenarioSnapshot {
  title: string;
  status: ScenarioRunStatus;
  /** 0-based index of the step playing or last played; -1 before the first. */
  step: number;
  steps: number;
  stepTitle: string | null;
  time: number;
  stepTime: number;
  stepDuration: number;
  goals: ScenarioGoal[];
  outcome: 'pending' | 'passed' | 'failed';
  traffic: ScenarioTraffic[];
  backend: ScenarioBackend;
  requests: number;
  requestsLeft: number;
  lastSample: MetricPoint | null;
}

export type ScenarioEventData =
  | { type: 'step-started'; at: number; step: number; title: string; narration: string; hints: string[] }
  | { type: 'redis'; at: number; step: number; line: number; command: string; replies: Reply[] }
  | { type: 'sim'; at: number; step: number | null; line: number; text: string }
  | { type: 'goal'; at: number; goal: ScenarioGoal }
  | { type: 'step-finished'; at: number; step: number; passed: boolean }
  | { type: 'finished'; at: number; passed: boolean }
  | { type: 'problem'; at: number; line: number | null; message: string };

/** What a step says and does, known before it runs (the panel shows it ahead of time). */
export interface ScenarioStepOutline {
  title: string;
  /** 1-based line of the step in the scenario text. */
  line: number;
  /** Markdown: shown as inert text, never as HTML. */
  narration: string;
  hints: string[];
  goals: number;
}

/** A reference solution the scenario offers: edits to its text, then a replay up to `step`. */
export interface ScenarioFix {
  name: string;
  explanation: string;
  /** 0-based step the edited lines are in: the replay waits at its start. */
  step: number;
}

export interface ScenarioListing {
  id: string;
  title: string;
  description: string;
  level: string;
  text: string;
  fixes: ScenarioFix[];
}

/** Where a scenario to load comes from: a built-in by id, or text (an editor, a shared link). */
export type ScenarioSource = { builtin: string } | { text: string };

/**
 * A loaded scenario. `run` changes on every load and reset: data of another run is stale.
 * `samples` and `events` are everything so far; event batches then carry what comes next.
 */
export interface ScenarioState {
  run: number;
  builtin: string | null;
  text: string;
  description: string;
  level: string;
  outline: ScenarioStepOutline[];
  fixes: ScenarioFix[];
  snapshot: ScenarioSnapshot;
  samples: MetricPoint[];
  events: ScenarioEventData[];
}

export type ScenarioLoadResult = { ok: true; state: ScenarioState } | { ok: false; errors: ScenarioLineError[] };

export type ScenarioCheck = { ok: true; title: string; steps: number } | { ok: false; errors: ScenarioLineError[] };

/** What an event batch carries about the scenario: new samples and events, and where it stands. */
export interface ScenarioBatch {
  run: number;
  /** Null once the scenario was closed (the sandbox is back). */
  snapshot: ScenarioSnapshot | null;
  events: ScenarioEventData[];
  samples: MetricPoint[];
}

/**
 * The scenario part of the engine API. While a scenario is loaded it owns the virtual clock:
 * the clock's pause, resume, step and advance play the scenario (a scenario replays exactly only
 * if its time moves through its runner), and Reset or an import leaves the scenario.
 */
export interface ScenarioApi {
  /** The built-in scenarios, with their text (what the editor opens). */
  scenarioCatalog(): ScenarioListing[];
  /** Parse and validate without loading: every error on its line. */
  scenarioValidate(text: string): ScenarioCheck;
  /** Restart the node and load a scenario (validated first; nothing changes when it is invalid). */
  scenarioLoad(source: ScenarioSource): ScenarioLoadResult;
  scenarioState(): ScenarioState | null;
  /** Play the step under way, or the next one. */
  scenarioRun(): ScenarioSnapshot | null;
  scenarioPause(): ScenarioSnapshot | null;
  /** Finish the step under way at once (or play the next one whole), then wait. */
  scenarioStep(): ScenarioSnapshot | null;
  /** Back to before the first step. */
  scenarioReset(): ScenarioState | null;
  /** Apply a fix the scenario offers to its text, reload, and replay up to the step it changes. */
  scenarioApplyFix(index: number): ScenarioLoadResult;
  /** Leave the scenario: the node restarts empty and the clock runs again. */
  scenarioClose(): void;
}
