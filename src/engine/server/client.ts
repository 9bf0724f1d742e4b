import type { Reply } from '../../protocol/reply.js';
import type { CommandSpec } from '../commands/spec.js';
import type { Db } from '../keyspace/db.js';
import type { RespVersion } from '../resp/encode.js';
import type { BlockedState } from './blocking.js';
import type { WatchedKey } from './multi.js';
import type { RedisServer } from './server.js';

/** Where a client's replies go: the connection adapter (socket, worker port, test capture). */
export type ReplySink = (reply: Reply, client: Client) => void;

export interface QueuedCommand {
  spec: CommandSpec;
  argv: string[];
}

/**
 * One connection (Redis's `client` struct). Replies, pushes, pub/sub messages and the late
 * reply of a blocked command all leave through `write`, which hands them to the sink that the
 * owner of the connection installed.
 */
export class Client {
  name = '';
  resp: RespVersion = 2;
  /** The argv of the command being executed (propagation may rewrite it). */
  argv: string[] = [];
  /** original_argv: the argv MONITOR shows when a handler hid secrets in it (AUTH, HELLO). */
  originalArgv: string[] | null = null;
  lastCommand = 'NULL';
  readonly createdAt: number;
  lastInteraction: number;
  user = 'default';
  authenticated = true;

  // MULTI/EXEC state (multi.c)
  inMulti = false;
  /** CLIENT_DIRTY_EXEC: an error was queued, EXEC will abort. */
  dirtyExec = false;
  /** CLIENT_DIRTY_CAS: a watched key changed, EXEC will return a nil array. */
  dirtyCas = false;
  queued: QueuedCommand[] = [];
  readonly watched: WatchedKey[] = [];
  /** CLIENT_DENY_BLOCKING: set while EXEC runs; blocking commands must not block. */
  denyBlocking = false;
  /** CLIENT_BLOCKED: what the client waits for (BLPOP, BZPOPMIN, ...), or null. */
  blocked: BlockedState | null = null;

  // Pub/Sub state (pubsub.c)
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  /** SSUBSCRIBE channels (pubsubshard_channels), counted apart from the others. */
  readonly shardChannels = new Set<string>();
  monitor = false;
  /** CLIENT NO-EVICT: exempt from client eviction (maxmemory-clients). */
  noEvict = false;

  /** CLIENT_CLOSE_AFTER_REPLY (QUIT, protocol errors): the adapter closes after flushing. */
  closeAfterReply = false;
  closed = false;
  /** Called once when the server drops the connection (QUIT, CLIENT KILL, RESET never does). */
  onClose: ((c: Client) => void) | null = null;

  constructor(
    readonly server: RedisServer,
    readonly id: number,
    public db: Db,
    public sink: ReplySink,
    readonly addr: string,
    readonly laddr: string,
  ) {
    this.createdAt = server.clock.now();
    this.lastInteraction = this.createdAt;
  }

  write(reply: Reply): void {
    this.sink(reply, this);
  }

  /** Number of channels and patterns subscribed (what SUBSCRIBE replies report). */
  subscriptionCount(): number {
    return this.channels.size + this.patterns.size;
  }

  /** CLIENT_PUBSUB: in RESP2 only (P)SUBSCRIBE/(P)UNSUBSCRIBE/PING/QUIT/RESET are allowed. */
  inPubSubMode(): boolean {
    return this.channels.size + this.patterns.size + this.shardChannels.size > 0;
  }
}
