import type { Reply } from '../../protocol/reply.js';
import type { MetricSample } from '../metrics/sample.js';
import type { BackendSettings, TrafficSettings } from './format.js';

/**
 * What the scenario runner shows the outside world: plain, structured-clone-safe data (the UI
 * gets it across the worker boundary). Times are virtual ms since the scenario started.
 */

/**
 * ready: loaded, no step started. playing: time moves when the host advances it. paused: a
 * step is half done. waiting: a step is done, the next starts on run/step. finished: all done.
 */
export type RunnerStatus = 'ready' | 'playing' | 'paused' | 'waiting' | 'finished';

/**
 * pending: its step has not been checked yet. met / unmet: how it stands now, while its step
 * runs. passed / failed: final (an `always` goal fails at the first sample that breaks it).
 */
export type GoalStatus = 'pending' | 'met' | 'unmet' | 'passed' | 'failed';

export interface GoalState {
  /** `<step>.<n>`, both 0-based. */
  id: string;
  step: number;
  line: number;
  /** The check as written in canonical form (`peak backend.qps < 500`). */
  check: string;
  /** The author's explanation of why the goal is not met yet. */
  message: string;
  always: boolean;
  status: GoalStatus;
  /** What was measured last (a number in the metric's unit, or a reply rendered as text). */
  value: number | string | null;
  /** Why it is not met: the measurement against the goal, then the author's message. Null when met. */
  reason: string | null;
  decidedAt: number | null;
}

export interface TrafficView extends TrafficSettings {
  name: string;
}

export interface RunnerSnapshot {
  title: string;
  status: RunnerStatus;
  /** 0-based index of the step playing or last played; -1 before the first. */
  step: number;
  steps: number;
  stepTitle: string | null;
  time: number;
  /** How far into the current step, and how long its `advance`s add up to. */
  stepTime: number;
  stepDuration: number;
  goals: GoalState[];
  /** failed as soon as one goal failed; passed once every goal of every step passed. */
  outcome: 'pending' | 'passed' | 'failed';
  traffic: TrafficView[];
  backend: BackendSettings & { inflight: number; queued: number; capacityQps: number };
  /** Requests sent so far, and how many the run may still send. */
  requests: number;
  requestsLeft: number;
  lastSample: MetricSample | null;
}

export type ScenarioEvent =
  | { type: 'step-started'; at: number; step: number; title: string; narration: string; hints: string[] }
  | { type: 'redis'; at: number; step: number; line: number; command: string; replies: Reply[] }
  /** A sim declaration took effect; `step` is null for one applied live with applySim. */
  | { type: 'sim'; at: number; step: number | null; line: number; text: string }
  | { type: 'goal'; at: number; goal: GoalState }
  | { type: 'step-finished'; at: number; step: number; passed: boolean }
  | { type: 'finished'; at: number; passed: boolean }
  /** Something in the scenario could not be done at run time (it is skipped, the run goes on). */
  | { type: 'problem'; at: number; line: number | null; message: string };
