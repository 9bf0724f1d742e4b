import { error, type ErrorReply, type Reply } from '../../protocol/reply.js';
import { repr } from '../../protocol/repr.js';
import { CommandTable } from '../commands/table.js';
import type { CommandSpec } from '../commands/spec.js';
import { Db } from '../keyspace/db.js';
import { activeExpireCycle } from '../keyspace/expire.js';
import { classBit, NOTIFY_KEYEVENT, NOTIFY_KEYSPACE, notifyFlagsFromString, type KeyspaceEvent, type NotifyClass } from '../keyspace/notify.js';
import type { Clock } from '../time/clock.js';
import { Prng } from '../time/prng.js';
import type { Encoding } from '../types/object.js';
import { Blocking } from './blocking.js';
import { Client, type ReplySink } from './client.js';
import { Config } from './config.js';
import { call, processCommand } from './dispatch.js';
import { unwatchAllKeys } from './multi.js';
import { PubSub } from './pubsub.js';

export interface ServerOptions {
  clock: Clock;
  seed?: number;
  /** Config overrides applied at startup (like redis.conf / command-line options). */
  config?: Record<string, string>;
  host?: string;
}

/** An object converted between encodings (OBJECT ENCODING changed) without changing type. */
export interface EncodingChange {
  db: number;
  key: string;
  from: Encoding;
  to: Encoding;
}

export interface CommandStats {
  calls: number;
  usec: number;
  rejectedCalls: number;
  failedCalls: number;
}

/** An exception a handler threw: recorded, answered with ERR, never fatal (invariant 6). */
export interface EngineBug {
  command: string;
  argv: string[];
  message: string;
  at: number;
}

const MAX_CRON_CATCH_UP = 1000;

/** A callback due at a virtual time (blocked-client timeouts, DEBUG SLEEP, ...). */
export interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/**
 * One Redis node. Holds its databases, clients, configuration and statistics; all time comes
 * from the injected clock and all randomness from its seeded PRNG, so a run replays exactly.
 */
export class RedisServer {
  readonly clock: Clock;
  readonly prng: Prng;
  readonly config: Config;
  readonly commands = new CommandTable();
  readonly dbs: Db[];
  readonly clients = new Map<number, Client>();
  readonly pubsub = new PubSub();
  readonly monitors = new Set<Client>();
  /** Clients blocked on keys (blocked.c). */
  readonly blocking = new Blocking(this);
  readonly host: string;
  /** Seed of every dict's hash function (Redis seeds siphash randomly at startup). */
  readonly hashSeed: number;
  readonly runId: string;
  readonly startTime: number;

  /** Time frozen for the command being executed (server.mstime), in ms. */
  now: number;
  /** Changes since the last save (server.dirty); a command that bumps it is propagated. */
  dirty = 0;
  isReplica = false;
  expireCycleDb = 0;
  /** activeExpireCycle's timelimit_exit: the last cycle ran out of time, the next visits every db. */
  expireCycleTimelimitExit = false;
  /** DEBUG SET-ACTIVE-EXPIRE (server.active_expire_enabled): serverCron's expire cycle runs. */
  activeExpireEnabled = true;
  /** used_memory_peak: the highest modelled memory INFO has reported. */
  peakMemory = 0;
  /** DEBUG SLEEP: non-null while the node sleeps; commands arriving meanwhile wait here. */
  busy: Array<{ c: Client; argv: string[] }> | null = null;
  private nextClientId = 1;
  /** Pending timers ordered by (at, seq). */
  private readonly timers: Timer[] = [];
  private timerSeq = 0;
  private nextCronAt: number;
  cronLoops = 0;

  readonly stats = {
    totalCommandsProcessed: 0,
    totalConnectionsReceived: 0,
    expiredKeys: 0,
    expiredStalePerc: 0,
    expiredTimeCapReachedCount: 0,
    evictedKeys: 0,
    keyspaceHits: 0,
    keyspaceMisses: 0,
    totalErrorReplies: 0,
    rejectedClients: 0,
  };
  readonly errorStats = new Map<string, number>();
  /** INFO commandstats rows, indexed by CommandSpec.id. */
  private readonly cmdStats: (CommandStats | undefined)[] = [];
  readonly engineBugs: EngineBug[] = [];

  private readonly keyspaceListeners: Array<(e: KeyspaceEvent) => void> = [];
  private readonly encodingListeners: Array<(e: EncodingChange) => void> = [];
  private readonly propagateListeners: Array<(dbid: number, argv: string[]) => void> = [];
  private notifyFlags = 0;
  private notifyFlagsVersion = -1;

  constructor(opts: ServerOptions) {
    this.clock = opts.clock;
    this.prng = new Prng(opts.seed ?? 1);
    this.config = new Config(opts.config ?? {});
    this.host = opts.host ?? '127.0.0.1';
    this.hashSeed = this.prng.nextU32();
    this.runId = Array.from({ length: 40 }, () => '0123456789abcdef'[this.prng.int(16)]).join('');
    this.now = this.clock.now();
    this.startTime = this.now;
    this.nextCronAt = this.now;
    this.dbs = Array.from({ length: this.config.getInt('databases') }, (_, i) => new Db(this, i));
  }

  get port(): number {
    return this.config.getInt('port');
  }

  /** Open a connection. `sink` receives every reply and push for it. */
  createClient(opts: { sink?: ReplySink; addr?: string } = {}): Client {
    const id = this.nextClientId++;
    const c = new Client(
      this,
      id,
      this.dbs[0]!,
      opts.sink ?? (() => {}),
      opts.addr ?? `127.0.0.1:${40000 + (id % 20000)}`,
      `${this.host}:${this.port}`,
    );
    c.authenticated = this.config.get('requirepass') === '';
    this.clients.set(id, c);
    this.stats.totalConnectionsReceived++;
    return c;
  }

  /** Close a connection: drop its subscriptions, watches and monitor flag (freeClient). */
  freeClient(c: Client): void {
    if (c.closed) return;
    c.closed = true;
    this.clients.delete(c.id);
    this.monitors.delete(c);
    this.blocking.unblockClient(c);
    this.pubsub.unsubscribeAll(c);
    this.unwatchAll(c);
    c.onClose?.(c);
  }

  /** Execute one command for a client; its replies go to the client's sink. */
  exec(c: Client, argv: string[]): void {
    processCommand(this, c, argv);
  }

  /** Run a command spec directly (EXEC's queued commands). */
  call(c: Client, spec: CommandSpec, argv: string[]): void {
    call(this, c, spec, argv);
  }

  /** Run `fn` when the virtual clock reaches `at` (during tick). */
  schedule(at: number, fn: () => void): Timer {
    const t: Timer = { at, seq: this.timerSeq++, fn, cancelled: false };
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timers[mid]!.at <= at) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, t);
    return t;
  }

  cancelTimer(t: Timer): void {
    t.cancelled = true;
    const i = this.timers.indexOf(t);
    if (i !== -1) this.timers.splice(i, 1);
  }

  /** When the next timer or cron period is due (hosts may sleep until then). */
  nextWakeup(): number {
    const t = this.timers[0];
    return t === undefined ? this.nextCronAt : Math.min(t.at, this.nextCronAt);
  }

  /**
   * Advance the node to the clock's present: fire due timers and run every serverCron period
   * that has elapsed (active expiry, incremental rehash), in time order. Hosts call this
   * whenever time moves.
   */
  tick(): void {
    const target = this.clock.now();
    const hz = Math.max(1, this.config.getInt('hz'));
    const period = 1000 / hz;
    if (target - this.nextCronAt > MAX_CRON_CATCH_UP * period) {
      this.nextCronAt = target - MAX_CRON_CATCH_UP * period;
    }
    for (;;) {
      const timer = this.timers[0];
      const timerDue = timer !== undefined && timer.at <= target;
      const cronDue = this.nextCronAt <= target;
      if (!timerDue && !cronDue) break;
      if (timerDue && (!cronDue || timer.at <= this.nextCronAt)) {
        this.timers.shift();
        this.now = timer.at;
        if (!timer.cancelled) timer.fn();
      } else {
        this.now = this.nextCronAt;
        // A node held by DEBUG SLEEP runs no background work either.
        if (this.busy === null) this.serverCron();
        this.nextCronAt += period;
      }
    }
    this.now = target;
  }

  /** serverCron: one period of background work. */
  private serverCron(): void {
    this.cronLoops++;
    if (!this.isReplica && this.activeExpireEnabled) activeExpireCycle(this);
    this.databasesCron();
  }

  /** databasesCron: shrink sparse tables and move rehashing forward (1 ms worth per db). */
  private databasesCron(): void {
    for (const db of this.dbs) {
      db.dict.resizeIfNeeded();
      db.expires.resizeIfNeeded();
      if (db.dict.isRehashing()) db.dict.rehashMilliseconds(1);
      if (db.expires.isRehashing()) db.expires.rehashMilliseconds(1);
    }
  }

  /** Statistics row for INFO commandstats. */
  commandStats(spec: CommandSpec): CommandStats {
    let s = this.cmdStats[spec.id];
    if (s === undefined) {
      s = { calls: 0, usec: 0, rejectedCalls: 0, failedCalls: 0 };
      this.cmdStats[spec.id] = s;
    }
    return s;
  }

  /** Stats of every command that has been called or rejected, by full name. */
  allCommandStats(): Map<string, CommandStats> {
    const out = new Map<string, CommandStats>();
    this.cmdStats.forEach((s, id) => {
      if (s !== undefined) out.set(this.commands.all[id]!.fullname, s);
    });
    return out;
  }

  resetStats(): void {
    this.cmdStats.length = 0;
    this.errorStats.clear();
    for (const k of Object.keys(this.stats) as (keyof typeof this.stats)[]) this.stats[k] = 0;
  }

  /** Virtual CPU microseconds a command costs (invariant 10); refined per command later. */
  modelCost(_spec: CommandSpec, argv: string[]): number {
    let bytes = 0;
    for (let i = 0; i < argv.length; i++) bytes += argv[i]!.length;
    return 1 + bytes * 0.001;
  }

  /** afterErrorReply: total_error_replies and errorstats by error code. */
  recordErrorReply(err: ErrorReply): void {
    this.stats.totalErrorReplies++;
    const space = err.s.indexOf(' ');
    const code = space === -1 ? err.s : err.s.slice(0, space);
    this.errorStats.set(code, (this.errorStats.get(code) ?? 0) + 1);
  }

  recordEngineBug(spec: CommandSpec, argv: string[], e: unknown): ErrorReply {
    const message = e instanceof Error ? e.message : String(e);
    this.engineBugs.push({ command: spec.fullname, argv: argv.slice(0, 8), message, at: this.now });
    if (this.engineBugs.length > 100) this.engineBugs.shift();
    return error(`ERR internal error in '${spec.fullname}': ${message.replace(/[\r\n]/g, ' ')}`);
  }

  /** Subscribe to every keyspace event (views, tests), regardless of notify-keyspace-events. */
  onKeyspaceEvent(fn: (e: KeyspaceEvent) => void): () => void {
    this.keyspaceListeners.push(fn);
    return () => this.keyspaceListeners.splice(this.keyspaceListeners.indexOf(fn), 1);
  }

  /**
   * Subscribe to encoding conversions (a listpack becoming a skiplist, a skiplist going back
   * after a STORE): the views animate them. Commands report them through `encodingChanged`.
   */
  onEncodingChange(fn: (e: EncodingChange) => void): () => void {
    this.encodingListeners.push(fn);
    return () => this.encodingListeners.splice(this.encodingListeners.indexOf(fn), 1);
  }

  /** A command converted the value stored at `key` from one encoding to another. */
  encodingChanged(dbid: number, key: string, from: Encoding, to: Encoding): void {
    for (let i = 0; i < this.encodingListeners.length; i++) this.encodingListeners[i]!({ db: dbid, key, from, to });
  }

  /** Subscribe to the propagation stream (replication, AOF). */
  onPropagate(fn: (dbid: number, argv: string[]) => void): () => void {
    this.propagateListeners.push(fn);
    return () => this.propagateListeners.splice(this.propagateListeners.indexOf(fn), 1);
  }

  /**
   * notifyKeyspaceEvent: the one stream every write reports to (invariant 7). Published as
   * __keyspace@db__:key / __keyevent@db__:event when notify-keyspace-events enables the class.
   */
  notify(cls: NotifyClass, event: string, key: string, dbid: number): void {
    for (let i = 0; i < this.keyspaceListeners.length; i++) this.keyspaceListeners[i]!({ db: dbid, key, event, cls });
    if (this.notifyFlagsVersion !== this.config.version) {
      this.notifyFlags = notifyFlagsFromString(this.config.get('notify-keyspace-events'));
      this.notifyFlagsVersion = this.config.version;
    }
    const flags = this.notifyFlags;
    if (flags <= 0) return;
    if ((flags & classBit(cls)) === 0) return;
    if (flags & NOTIFY_KEYSPACE) this.pubsub.publish(`__keyspace@${dbid}__:${key}`, event);
    if (flags & NOTIFY_KEYEVENT) this.pubsub.publish(`__keyevent@${dbid}__:${event}`, key);
  }

  /**
   * server.also_propagate while EXEC runs: the transaction's commands, emitted together when it
   * ends (wrapped in MULTI/EXEC when more than one). Null outside EXEC.
   */
  execPropagation: Array<{ dbid: number; argv: string[] }> | null = null;

  /**
   * alsoPropagate: a command's own effects. Inside EXEC they join the transaction; elsewhere
   * they go out now. Lazy expiry and eviction DELs use `propagate` directly: Redis 7.0 emits
   * them at once, outside any transaction.
   */
  alsoPropagate(dbid: number, argv: string[]): void {
    if (this.execPropagation === null) this.propagate(dbid, argv);
    else this.execPropagation.push({ dbid, argv });
  }

  /** Emit the command(s) that reproduce a write on another node (replication, AOF). */
  propagate(dbid: number, argv: string[]): void {
    for (let i = 0; i < this.propagateListeners.length; i++) this.propagateListeners[i]!(dbid, argv);
  }

  /** replicationFeedMonitors: `<secs>.<usecs> [<db> <addr>] "arg" ...` to every MONITOR client. */
  feedMonitors(c: Client, argv: string[]): void {
    const us = Math.floor(this.now * 1000);
    const secs = Math.floor(us / 1_000_000);
    const frac = String(us % 1_000_000).padStart(6, '0');
    let line = `${secs}.${frac} [${c.db.id} ${c.addr}]`;
    for (const a of argv) line += ' ' + repr(a);
    const msg: Reply = { t: 'status', s: line };
    for (const m of this.monitors) m.write(msg);
  }

  /** unwatchAllKeys (server/multi.ts) */
  unwatchAll(c: Client): void {
    unwatchAllKeys(c);
  }
}
