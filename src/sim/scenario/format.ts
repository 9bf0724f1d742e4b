/**
 * The scenario model: what a scenario file parses into and what the serializer writes back.
 * Plain data only (no classes, no functions) and no imports, so a parsed scenario can cross the
 * worker boundary and a UI form can edit it before serializing it again.
 */

export type Level = 'beginner' | 'intermediate' | 'advanced';
export type Topology = 'single';

export interface ScenarioMeta {
  title: string;
  description: string;
  level: Level;
  topology: Topology;
  /** Seeds the engine's PRNG and every traffic stream: the same seed replays the same run. */
  seed: number;
  author?: string;
}

export interface Scenario {
  meta: ScenarioMeta;
  steps: Step[];
}

export interface Step {
  /** The first heading of the narration, or "Step N". */
  title: string;
  /** 1-based line of the step's first line in the source. */
  line: number;
  /** In document order: the runner plays them in this order. */
  blocks: Block[];
}

export type Block = TextBlock | RedisBlock | SimBlock | ExpectBlock | HintBlock;

/** Narration: Markdown shown to the student (other fenced code stays part of it). */
export interface TextBlock {
  kind: 'text';
  markdown: string;
}

export interface RedisBlock {
  kind: 'redis';
  commands: RedisCommand[];
}

export interface RedisCommand {
  line: number;
  /** As written (redis-cli quoting), kept so the serializer writes it back unchanged. */
  source: string;
  /** Byte strings, split like redis-cli splits a typed line. */
  argv: string[];
}

export interface SimBlock {
  kind: 'sim';
  statements: SimStatement[];
}

export interface ExpectBlock {
  kind: 'expect';
  goals: GoalSpec[];
}

export interface HintBlock {
  kind: 'hint';
  markdown: string;
}

// ---- sim statements ----

export type SimStatement = BackendStatement | TrafficStatement | StopStatement | WarmStatement | AdvanceStatement;

export interface BackendStatement {
  kind: 'backend';
  line: number;
  settings: Partial<BackendSettings>;
}

/** Starts the named traffic, or changes the settings it names when it is already running. */
export interface TrafficStatement {
  kind: 'traffic';
  line: number;
  name: string;
  settings: Partial<TrafficSettings>;
}

export interface StopStatement {
  kind: 'stop';
  line: number;
  /** A traffic name, or `all`. */
  name: string;
}

/** A cache warm-up job: SET every key of the key space, now. */
export interface WarmStatement {
  kind: 'warm';
  line: number;
  keys: KeySpace;
  ttl: number;
  ttlJitter: number;
  valueSize: number;
}

export interface AdvanceStatement {
  kind: 'advance';
  line: number;
  ms: number;
}

/** The simulated database behind the cache (times in virtual ms). */
export interface BackendSettings {
  /** Service time of one query on an idle database. */
  latency: number;
  /** Extra service time per other query running at the same time (contention). */
  latencyPerQuery: number;
  /** Each service time varies uniformly by ± this fraction. */
  jitter: number;
  /** Queries served at once (connection pool / worker slots). */
  concurrency: number;
  /** Queries allowed to wait for a slot; beyond it the database refuses new ones. */
  queue: number;
  /** A caller gives up after this long (queued or running) and counts an error. */
  timeout: number;
}

export type Strategy = 'naive' | 'mutex' | 'early-refresh';
export type Arrivals = 'poisson' | 'even';
export type OnBusy = 'wait' | 'stale';
export type Distribution = { kind: 'uniform' } | { kind: 'zipf'; s: number };

/** `prefix{first..last}suffix`, or a single key (first === last, no range written). */
export interface KeySpace {
  prefix: string;
  suffix: string;
  first: number;
  last: number;
  /** False for a single literal key. */
  range: boolean;
}

export interface TrafficSettings {
  /** Requests per virtual second. */
  rate: number;
  /**
   * The traffic ends this long after the declaration that sets it (a burst); without it, it
   * runs until stopped.
   */
  duration?: number;
  keys: KeySpace;
  distribution: Distribution;
  /** Fraction of requests that read (the rest write to the database and invalidate). */
  reads: number;
  valueSize: number;
  arrivals: Arrivals;
  strategy: Strategy;
  ttl: number;
  ttlJitter: number;
  /** mutex: how long a rebuild lock lives. */
  lockTtl: number;
  /** mutex: how long a request that lost the lock waits before looking again. */
  retry: number;
  /** mutex: how long a request keeps waiting before it gives up with an error. */
  wait: number;
  /** mutex: what a request that lost the lock does: wait for the rebuild or serve a stale copy. */
  onBusy: OnBusy;
  /** early-refresh: XFetch's beta (> 1 favours refreshing earlier). */
  beta: number;
}

// ---- goals ----

export type Aggregate = 'peak' | 'min' | 'mean' | 'last' | 'total';
export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type Window = { kind: 'step' } | { kind: 'run' } | { kind: 'last'; ms: number };

export type GoalSpec = MetricGoal | RedisGoal;

interface GoalBase {
  line: number;
  /** Checked at every metric sample of the step (fails for good once false) instead of at its end. */
  always: boolean;
  op: Comparison;
  /** Why the goal is not met yet, in the author's words (may be empty). */
  message: string;
}

export interface MetricGoal extends GoalBase {
  kind: 'metric';
  metric: string;
  aggregate: Aggregate;
  window: Window;
  /** Threshold in the metric's unit (per second, ms, or a 0–1 ratio). */
  value: number;
}

export interface RedisGoal extends GoalBase {
  kind: 'redis';
  source: string;
  argv: string[];
  /** A number, a string, or null for `nil`. */
  value: number | string | null;
}

// ---- limits ----

/**
 * Bounds every scenario is checked against, so that nothing an instructor types can freeze the
 * worker or exhaust memory, and so that a scenario fits a shared URL once compressed.
 */
export const LIMITS = {
  /** Characters of scenario text (about 8–10k in a URL after lz-string compression). */
  chars: 32 * 1024,
  steps: 50,
  commandsPerStep: 200,
  goalsPerStep: 20,
  /** Traffic generators running at the same time. */
  traffic: 8,
  rate: 100_000,
  keys: 1_000_000,
  warmKeys: 100_000,
  valueSize: 64 * 1024,
  /** keys × value size of one traffic or warm statement: what it could store. */
  bytes: 256 * 1024 * 1024,
  advanceMs: 30 * 60_000,
  durationMs: 60 * 60_000,
  /**
   * Requests the whole scenario may simulate (rate × time, summed, warm-up SETs included):
   * a few seconds of work headless, whatever the scenario says. The runner enforces it too.
   */
  requests: 5_000_000,
  ttlMs: 30 * 86_400_000,
  latencyMs: 60_000,
  timeoutMs: 10 * 60_000,
  concurrency: 10_000,
  queue: 1_000_000,
} as const;
