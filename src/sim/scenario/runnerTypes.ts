import type { ScenarioGoal as GoalState, ScenarioRunStatus as RunnerStatus } from '../../protocol/scenario.js';
import type { MetricSample } from '../metrics/sample.js';
import type { BackendSettings, TrafficSettings } from './format.js';

/**
 * What the scenario runner shows the outside world: plain, structured-clone-safe data (the UI
 * gets it across the worker boundary). Times are virtual ms since the scenario started.
 */

// Status, goal and event shapes are the ones the worker hands the UI (src/protocol/scenario.ts):
// one definition, so the runner and the panel cannot drift apart.
export type {
  ScenarioRunStatus as RunnerStatus,
  ScenarioGoalStatus as GoalStatus,
  ScenarioGoal as GoalState,
  ScenarioEventData as ScenarioEvent,
} from '../../protocol/scenario.js';

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
