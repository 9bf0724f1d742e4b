import { NIL_ARRAY, error } from '../../protocol/reply.js';
import type { Db } from '../keyspace/db.js';
import { typeOf, type RedisValue } from '../types/object.js';
import type { Client } from './client.js';
import type { RedisServer, Timer } from './server.js';

/**
 * Clients blocked on keys (blocked.c, Redis 7.0): BLPOP and friends wait for a list, BZPOPMIN
 * and friends for a sorted set. Each db maps a key to the clients waiting on it in the order
 * they blocked (db->blocking_keys); creating a key signals it ready (signalKeyAsReady, from
 * dbAdd), and after every command the ready keys are served (handleClientsBlockedOnKeys),
 * first blocked first served. Timeouts run on the virtual clock. A blocked connection's next
 * commands wait until it is unblocked, as Redis leaves them in the query buffer.
 */

/** btype: what a client waits for. */
export type BlockedType = 'list' | 'zset';

/** What a blocked client waits for: Redis's c->bpop and c->btype. */
export interface BlockedState {
  readonly type: BlockedType;
  /** The command that blocked (its full name), for CLIENT LIST and the console. */
  readonly command: string;
  readonly db: Db;
  /** The keys waited on, each once, in the order given. */
  readonly keys: readonly string[];
  /** Absolute unix time in ms after which the wait times out; 0 waits forever. */
  readonly timeout: number;
  /**
   * Serve the client from the value now at `key`, which holds this state's type: reply,
   * change the data, notify, propagate. Returns true when the value was emptied and deleted.
   */
  readonly serve: (c: Client, key: string, value: RedisValue) => boolean;
  timer: Timer | null;
  /** Commands the connection sent while blocked, run once it is unblocked. */
  readonly pending: string[][];
}

/** What a blocking command asks for when it has to wait. */
export type BlockRequest = Pick<BlockedState, 'type' | 'command' | 'keys' | 'timeout' | 'serve'>;

/** Past this an absolute timeout has wrapped around in Redis's int64 arithmetic: it never fires. */
const LAST_REACHABLE_MS = Number.MAX_SAFE_INTEGER;

const UNBLOCKED_ERROR = Object.freeze(error('UNBLOCKED client unblocked via CLIENT UNBLOCK'));

interface ReadyKey {
  db: Db;
  key: string;
}

export class Blocking {
  /** server.blocked_clients: what INFO reports as blocked_clients. */
  blockedClients = 0;
  /** raxSize(server.clients_timeout_table): blocked clients whose wait has a timeout. */
  clientsInTimeoutTable = 0;
  /** server.blocked_clients_by_type */
  readonly blockedByType: Record<BlockedType, number> = { list: 0, zset: 0 };
  /** db->blocking_keys, by db id. */
  private readonly blockingKeys: Array<Map<string, Client[]>> = [];
  /** server.ready_keys, in the order the keys were signalled. */
  private readyKeys: ReadyKey[] = [];
  /** db->ready_keys, by db id: keys already in readyKeys. */
  private readonly readySets: Array<Set<string>> = [];
  /** server.unblocked_clients: unblocked connections with commands still to run. */
  private unblocked: Array<{ c: Client; pending: string[][] }> = [];
  private reprocessing = false;

  constructor(private readonly server: RedisServer) {}

  private keysOf(db: Db): Map<string, Client[]> {
    let m = this.blockingKeys[db.id];
    if (m === undefined) {
      m = new Map();
      this.blockingKeys[db.id] = m;
    }
    return m;
  }

  /** The clients blocked on a key, first to be served first (a copy). */
  clientsBlockedOn(db: Db, key: string): Client[] {
    return [...(this.blockingKeys[db.id]?.get(key) ?? [])];
  }

  /** blockForKeys + blockClient: the client waits on `keys` in its current db. */
  blockForKeys(c: Client, req: BlockRequest): void {
    const keys = [...new Set(req.keys)];
    const state: BlockedState = { ...req, keys, db: c.db, timer: null, pending: [] };
    const waiting = this.keysOf(c.db);
    for (const key of keys) {
      const l = waiting.get(key);
      if (l === undefined) waiting.set(key, [c]);
      else l.push(c);
    }
    c.blocked = state;
    this.blockedClients++;
    this.blockedByType[req.type]++;
    if (req.timeout !== 0) this.clientsInTimeoutTable++;
    if (req.timeout !== 0 && req.timeout < LAST_REACHABLE_MS) {
      // checkBlockedClientTimeout: the wait is over once now > timeout, in whole milliseconds.
      state.timer = this.server.schedule(req.timeout + 1, () => this.timedOut(c));
    }
  }

  /**
   * unblockClient for a client blocked on keys: forget its keys and timer. Commands it sent
   * meanwhile run after the current command (processUnblockedClients).
   */
  unblockClient(c: Client): void {
    const state = c.blocked;
    if (state === null) return;
    const waiting = this.keysOf(state.db);
    for (const key of state.keys) {
      const l = waiting.get(key);
      if (l === undefined) continue;
      const i = l.indexOf(c);
      if (i !== -1) l.splice(i, 1);
      if (l.length === 0) waiting.delete(key);
    }
    if (state.timer !== null) this.server.cancelTimer(state.timer);
    c.blocked = null;
    this.blockedClients--;
    this.blockedByType[state.type]--;
    if (state.timeout !== 0) this.clientsInTimeoutTable--;
    if (state.pending.length > 0 && !c.closed) this.unblocked.push({ c, pending: state.pending });
  }

  /** replyToBlockedClientTimedOut + unblockClient: a list or zset wait ends with a nil array. */
  private timedOut(c: Client): void {
    if (c.blocked === null) return;
    c.write(NIL_ARRAY);
    this.unblockClient(c);
    this.processUnblockedClients();
  }

  /**
   * CLIENT UNBLOCK: end the wait as a timeout would, or with an error. False when the client
   * is not blocked.
   */
  unblockByRequest(c: Client, withError: boolean): boolean {
    if (c.blocked === null) return false;
    if (withError) {
      this.server.recordErrorReply(UNBLOCKED_ERROR);
      c.write(UNBLOCKED_ERROR);
    } else {
      c.write(NIL_ARRAY);
    }
    this.unblockClient(c);
    return true;
  }

  /**
   * signalKeyAsReady (called by dbAdd): when clients wait on the key, queue it once to be
   * served after the current command.
   */
  signalKeyAsReady(db: Db, key: string): void {
    if (this.blockedClients === 0) return;
    const waiting = this.blockingKeys[db.id];
    if (waiting === undefined || !waiting.has(key)) return;
    let ready = this.readySets[db.id];
    if (ready === undefined) {
      ready = new Set();
      this.readySets[db.id] = ready;
    }
    if (ready.has(key)) return;
    ready.add(key);
    this.readyKeys.push({ db, key });
  }

  /** scanDatabaseForReadyKeys (SWAPDB): every waited-on key that now exists is ready. */
  scanDatabaseForReadyKeys(db: Db): void {
    const waiting = this.blockingKeys[db.id];
    if (waiting === undefined) return;
    for (const key of waiting.keys()) {
      if (db.dict.has(key)) this.signalKeyAsReady(db, key);
    }
  }

  /** What processCommand runs after a command: serve ready keys, then resume unblocked clients. */
  afterCommand(): void {
    if (this.readyKeys.length > 0) this.handleClientsBlockedOnKeys();
    if (this.unblocked.length > 0) this.processUnblockedClients();
  }

  /**
   * handleClientsBlockedOnKeys: serve the ready keys in the order they became ready. Serving a
   * BLMOVE may create its destination and so make another key ready: that one is served too,
   * in a later round.
   */
  handleClientsBlockedOnKeys(): void {
    while (this.readyKeys.length > 0) {
      const round = this.readyKeys;
      this.readyKeys = [];
      for (const { db, key } of round) {
        this.readySets[db.id]!.delete(key);
        const entry = db.lookupEntry(key);
        if (entry !== null) this.serveClientsBlockedOnKey(db, key, entry.val);
      }
    }
  }

  /**
   * serveClientsBlockedOnListKey / serveClientsBlockedOnSortedSetKey: the clients waiting for
   * this key's type, in the order they blocked, until the value is emptied.
   */
  private serveClientsBlockedOnKey(db: Db, key: string, value: RedisValue): void {
    const type = typeOf(value);
    if (type !== 'list' && type !== 'zset') return;
    if (this.blockedByType[type] === 0) return;
    const waiting = this.blockingKeys[db.id]?.get(key);
    if (waiting === undefined) return;
    for (const receiver of [...waiting]) {
      const state = receiver.blocked;
      if (state === null || state.type !== type) continue;
      const deleted = this.serveOne(receiver, state, key, value);
      this.unblockClient(receiver);
      if (deleted) break;
    }
  }

  /** One receiver served; an exception is an engine bug, answered with ERR (invariant 6). */
  private serveOne(receiver: Client, state: BlockedState, key: string, value: RedisValue): boolean {
    try {
      return state.serve(receiver, key, value);
    } catch (e) {
      const spec = this.server.commands.byFullname(state.command)!;
      receiver.write(this.server.recordEngineBug(spec, [state.command, key], e));
      return false;
    }
  }

  /** processUnblockedClients: run what unblocked connections sent while they waited. */
  processUnblockedClients(): void {
    if (this.reprocessing) return;
    this.reprocessing = true;
    try {
      while (this.unblocked.length > 0) {
        const { c, pending } = this.unblocked.shift()!;
        while (pending.length > 0 && !c.closed && c.blocked === null) this.server.exec(c, pending.shift()!);
        if (c.blocked !== null) c.blocked.pending.push(...pending);
      }
    } finally {
      this.reprocessing = false;
    }
  }
}
