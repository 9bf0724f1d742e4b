import type { ClockState, EngineEventBatch } from './events.js';
import type { Reply } from './reply.js';
import type { ScenarioApi } from './scenario.js';
import type { StructureRequest, StructureSnapshot } from './snapshots.js';

/**
 * The one typed API the engine worker exposes (DESIGN.md invariant 9). Every argument and
 * result is plain, structured-clone-safe data; keys, values and argv are byte strings (char
 * codes 0–255). The UI calls it through comlink, so every method is asynchronous there.
 */
export interface EngineApi extends ScenarioApi {
  /** Topology and clock, for the first paint. */
  hello(): EngineInfo;

  /** Open a connection to a node (the first node when omitted). */
  openClient(opts?: { node?: string }): ClientState;
  closeClient(clientId: number): void;
  /**
   * Run one command for a client. Returns, in order, whatever the client received that had not
   * been delivered yet and everything the command wrote; later output (pub/sub messages,
   * blocked replies) arrives in event batches. Null when the connection is closed.
   */
  execute(clientId: number, argv: string[]): ExecResult | null;
  /**
   * A pipeline: the commands one after the other, one result each, in a single round trip
   * (a pasted script). Stops after a command that closed the connection.
   */
  executeMany(clientId: number, commands: string[][]): ExecResult[] | null;

  setSpeed(speed: number): ClockState;
  pause(): ClockState;
  resume(): ClockState;
  /** Advance one serverCron period (works while paused). */
  step(): ClockState;
  /** Move the virtual clock forward by `ms` and run everything that falls due. */
  advance(ms: number): ClockState;

  /** One page of a SCAN over a db: at least `count` rows unless the scan ends first. */
  scanKeys(req: ScanKeysRequest): ScanPage;
  /** Fresh rows for keys a view shows (after events named them). */
  keyRows(req: KeyRowsRequest): KeyRowsResult;
  /** The value of one key, formatted per type and cut to the request's limits. */
  keyDetail(req: KeyDetailRequest): KeyDetail | null;
  /** A key's encoding as the structure views draw it (or the db's keyspace dict), windowed. */
  structure(req: StructureRequest): StructureSnapshot;

  /** Every implemented command with its docs (console hints, completion, help). */
  commandDocs(): CommandDoc[];

  /** The dataset as plain data, for autosave and the session file. */
  exportSession(): SessionSnapshot;
  /**
   * The same as JSON text, serialised in the worker so the UI thread never walks the dataset
   * (autosave, the session file), with the number of keys it holds.
   */
  exportSessionText(): { text: string; keys: number };
  /**
   * Replace the dataset with a SessionSnapshot or its JSON text. Input is untrusted (a file the
   * user picked, an old autosave): it is parsed and validated here.
   */
  importSession(snapshot: unknown): ImportResult;
  /** Restart the node empty: every db, the config and the statistics are reset. */
  reset(): void;

  /** The single event subscription; a new call replaces the previous listener. */
  subscribe(listener: (batch: EngineEventBatch) => void): void;
}

export interface NodeInfo {
  id: string;
  host: string;
  port: number;
  databases: number;
  version: string;
}

export interface EngineInfo {
  nodes: NodeInfo[];
  clock: ClockState;
}

/** What a console needs to draw its prompt (`127.0.0.1:6379[2](TX)> `). */
export interface ClientState {
  id: number;
  node: string;
  host: string;
  port: number;
  db: number;
  resp: 2 | 3;
  inMulti: boolean;
  /** Channels + patterns subscribed. */
  subscriptions: number;
  monitor: boolean;
  closed: boolean;
}

export interface ExecResult {
  replies: Reply[];
  client: ClientState;
}

export type RedisTypeName = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';

/** One line of the keyspace browser. */
export interface KeyRow {
  key: string;
  type: RedisTypeName;
  /** OBJECT ENCODING */
  encoding: string;
  /** Absolute virtual time in ms, or null without a TTL: the UI counts down locally. */
  expireAt: number | null;
  /** Bytes for a string, elements for a collection. */
  size: number;
}

export interface ScanKeysRequest {
  node?: string;
  db: number;
  /** 0 to start. */
  cursor: number;
  /** SCAN MATCH glob; `*` or empty for all keys. */
  pattern: string;
  /** Rows wanted (what fits on screen plus a margin). */
  count: number;
}

export interface ScanPage {
  /** Next cursor; 0 when the scan is complete. */
  cursor: number;
  rows: KeyRow[];
  dbSize: number;
}

export interface KeyRowsRequest {
  node?: string;
  db: number;
  keys: string[];
  /** Only keys matching this glob are returned (the view's filter); all when omitted. */
  pattern?: string;
}

export interface KeyRowsResult {
  rows: KeyRow[];
  /** Requested keys the view should drop: gone (deleted, expired) or not matching the pattern. */
  missing: string[];
  dbSize: number;
}

export interface KeyDetailRequest {
  node?: string;
  db: number;
  key: string;
  /** Bytes of a string value to include. */
  maxBytes: number;
  /** Elements of a collection to include. */
  maxElements: number;
}

/**
 * A value as plain data, per type. Scores stay in Redis's text form (`1.5`, `inf`) so the data
 * survives JSON.
 */
export type ValueData =
  | { type: 'string'; value: string }
  | { type: 'list'; items: string[] }
  | { type: 'set'; members: string[] }
  | { type: 'zset'; entries: Array<[member: string, score: string]> }
  | { type: 'hash'; entries: Array<[field: string, value: string]> }
  | { type: 'stream'; entries: Array<[id: string, fields: string[]]> };

export interface KeyDetail {
  row: KeyRow;
  value: ValueData;
  /** The value is longer than the request's limit; `value` is its first part. */
  truncated: boolean;
}

/** One argument of a command, from COMMAND DOCS (Redis 7.0's argument specs). */
export interface ArgDoc {
  name: string;
  type: 'string' | 'integer' | 'double' | 'key' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';
  token?: string;
  optional: boolean;
  multiple: boolean;
  multipleToken: boolean;
  arguments?: ArgDoc[];
}

export interface CommandDoc {
  /** Upper case as HELP shows it: `GET`, `CLIENT LIST`. */
  name: string;
  summary: string;
  since: string;
  group: string;
  complexity: string;
  /** Redis's arity convention: negative means "at least". */
  arity: number;
  flags: string[];
  arguments: ArgDoc[];
  subcommands: CommandDoc[];
}

export const SESSION_FORMAT = 'redsim-session';
export const SESSION_VERSION = 1;

/**
 * The dataset as a file. TTLs are absolute virtual times read against `clock.now`, so a
 * restore keeps each key's remaining time whatever the clock says then.
 */
export interface SessionSnapshot {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  clock: { now: number; speed: number; paused: boolean };
  dbs: SessionDb[];
}

export interface SessionDb {
  db: number;
  keys: SessionKey[];
}

export interface SessionKey {
  key: string;
  expireAt: number | null;
  value: ValueData;
}

export type ImportResult =
  | { ok: true; keys: number }
  | { ok: false; error: string };
