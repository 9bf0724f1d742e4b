import type { Reply } from '../../protocol/reply.js';
import type { Client } from '../server/client.js';

/**
 * A command handler. It receives the client (its db, protocol, server) and the argv exactly as
 * sent (argv[0] in the case the user typed). Arity was already checked by the dispatcher.
 * It returns the reply, or undefined when it wrote its replies itself (SUBSCRIBE with several
 * channels) or will reply later (a blocked BLPOP).
 */
export type Handler = (c: Client, argv: string[]) => Reply | undefined;

/**
 * Key positions of a command whose keys cannot be found from first/last/step alone (Redis's
 * getkeys_proc, e.g. SORT ... STORE, ZUNIONSTORE numkeys): returns argv indexes of keys.
 */
export type GetKeys = (argv: string[]) => number[];

/** What a command group file exports: handlers (and key finders) by Redis's full command name. */
export interface CommandGroup {
  handlers: Record<string, Handler>;
  getKeys?: Record<string, GetKeys>;
}

/**
 * One row of the command table (invariant 5). Metadata (arity, flags, keys, docs) is Redis 7.0's
 * own, captured from COMMAND INFO/DOCS into redis-commands.json; the handler is ours.
 */
export interface CommandSpec {
  /** Full name in lower case: `get`, `client|list`. */
  readonly fullname: string;
  /** The word typed: `get`, `list`. */
  readonly name: string;
  readonly container: CommandSpec | null;
  readonly arity: number;
  readonly flags: ReadonlySet<string>;
  readonly firstKey: number;
  readonly lastKey: number;
  readonly step: number;
  readonly aclCategories: readonly string[];
  readonly group: string;
  readonly since: string;
  readonly summary: string;
  readonly complexity: string;
  /** COMMAND INFO entry as Redis sends it (subcommands limited to the implemented ones). */
  readonly info: Reply;
  /** COMMAND DOCS value as Redis sends it. */
  readonly docs: Reply;
  readonly subcommands: ReadonlyMap<string, CommandSpec> | null;
  readonly handler: Handler | null;
  readonly getKeys: GetKeys | null;
  /** Dense index of the spec in its table (per-server stats are arrays indexed by it). */
  readonly id: number;
  // Hot-path flags, precomputed from `flags`.
  readonly isProtected: boolean;
  readonly skipMonitor: boolean;
  readonly isWrite: boolean;
  readonly denyOom: boolean;
  readonly noMulti: boolean;
}
