import type { Reply } from './reply.js';
import type { ScenarioBatch } from './scenario.js';

/**
 * What the worker pushes to the UI on its one event subscription (DESIGN.md invariant 9):
 * plain data, at most one batch per animation frame. Views use a batch to decide which
 * snapshot to re-fetch; they never receive engine objects.
 */

/** The virtual clock as the simulation last set it. */
export interface ClockState {
  /** Virtual time in ms since the Unix epoch when the state was sampled. */
  now: number;
  /**
   * Host time (the worker's time source: ms since the epoch, `performance.timeOrigin +
   * performance.now()`) at the same instant, so the UI can extrapolate the running clock with
   * its own host time instead of asking the worker every frame.
   */
  hostTime: number;
  /** x0.1 … x100. */
  speed: number;
  paused: boolean;
  /** One serverCron period (1000 / hz ms): what "step" advances by. */
  stepMs: number;
}

/** The last keyspace event a key saw during a batch (several events on one key coalesce). */
export interface KeyChange {
  node: string;
  db: number;
  /** Byte string. */
  key: string;
  /** Redis's event name: `set`, `del`, `expired`, `new`, `expire`, ... */
  event: string;
}

/** Replies and pushes a client received outside of its own `execute` call, in order. */
export interface ClientOutput {
  clientId: number;
  replies: Reply[];
}

/** At most this many distinct keys are listed per batch; beyond it `keysOverflow` is set. */
export const MAX_KEY_CHANGES_PER_BATCH = 512;

export interface EngineEventBatch {
  /** Increases by one per batch. */
  seq: number;
  /** Present when the clock's speed, pause state or offset changed since the last batch. */
  clock?: ClockState;
  /** Changed keys, coalesced by (node, db, key), in first-seen order. */
  keys: KeyChange[];
  /** More keys changed than `keys` lists: views re-read what they show. */
  keysOverflow: boolean;
  /** Keyspace events in this batch before coalescing (drives activity meters). */
  eventCount: number;
  /**
   * Databases whose whole content was replaced without per-key events (FLUSHDB, FLUSHALL,
   * SWAPDB, a session import): views of them start over.
   */
  resync: Array<{ node: string; db: number }>;
  /** Key counts per db of every node whose keyspace changed, indexed by db number. */
  dbSizes: Record<string, number[]>;
  outputs: ClientOutput[];
  /** Clients the server closed (QUIT, CLIENT KILL): their consoles show "not connected". */
  closed: number[];
  /** Present while a scenario is loaded and something in it changed (or when it was closed). */
  scenario?: ScenarioBatch;
}
