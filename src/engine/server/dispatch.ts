import { QUEUED, type ErrorReply, type Reply } from '../../protocol/reply.js';
import { allowProtectedAction } from '../commands/config.js';
import type { CommandSpec } from '../commands/spec.js';
import * as E from '../resp/errors.js';
import { error } from '../../protocol/reply.js';
import type { Client } from './client.js';
import { discardTransaction } from './multi.js';
import type { RedisServer } from './server.js';

/** Commands a client in MULTI runs immediately instead of queueing (multi.c). */
const NOT_QUEUED = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);
/** Commands allowed in RESP2 subscribe mode. */
const PUBSUB_ALLOWED = new Set(['ping', 'subscribe', 'ssubscribe', 'unsubscribe', 'sunsubscribe', 'psubscribe', 'punsubscribe', 'quit', 'reset']);

const DEBUG_NOT_ALLOWED = error(
  'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.',
);

/**
 * processCommand (server.c): the checks Redis makes before running a command, in Redis's order,
 * then queue (MULTI) or call. Replies go to the client's sink.
 */
export function processCommand(server: RedisServer, c: Client, argv: string[]): void {
  // DEBUG SLEEP holds the node: what arrives meanwhile runs, in order, when it wakes up.
  if (server.busy !== null) {
    server.busy.push({ c, argv });
    return;
  }
  // A blocked connection's next commands stay in its query buffer until it is unblocked.
  if (c.blocked !== null) {
    c.blocked.pending.push(argv);
    return;
  }
  server.now = server.clock.now();
  c.lastInteraction = server.now;
  if (argv.length === 0) return;
  const spec = server.commands.lookup(argv);
  c.lastCommand = spec === undefined ? 'NULL' : spec.fullname;
  if (spec === undefined || spec.handler === null && spec.subcommands === null) {
    const base = server.commands.get(argv[0]!);
    if (base !== undefined && base.subcommands !== null && argv.length > 1) {
      return reject(server, c, null, E.unknownSubcommand(argv[1]!, argv[0]!));
    }
    return reject(server, c, null, E.unknownCommand(argv));
  }
  if ((spec.arity > 0 && spec.arity !== argv.length) || argv.length < -spec.arity) {
    return reject(server, c, spec, E.wrongArity(spec.fullname));
  }
  if (spec.isProtected && !allowProtectedAction(server.config.get('enable-debug-command'), c)) {
    return reject(server, c, spec, DEBUG_NOT_ALLOWED);
  }
  if (!c.authenticated && !spec.flags.has('no_auth')) {
    return reject(server, c, spec, E.NOAUTH);
  }
  if (c.inMulti && spec.noMulti) {
    return reject(server, c, spec, error('ERR Command not allowed inside a transaction'));
  }
  if (c.resp === 2 && c.inPubSubMode() && !PUBSUB_ALLOWED.has(spec.container?.name ?? spec.name)) {
    return reject(
      server,
      c,
      spec,
      error(
        `ERR Can't execute '${spec.fullname}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
      ),
    );
  }
  if (c.inMulti && !NOT_QUEUED.has(spec.fullname)) {
    c.queued.push({ spec, argv });
    c.write(QUEUED);
    return;
  }
  call(server, c, spec, argv);
  server.blocking.afterCommand();
}

/** rejectCommand: reply the error, count it, and doom a transaction in progress (flagTransaction). */
function reject(server: RedisServer, c: Client, spec: CommandSpec | null, err: ErrorReply): void {
  if (c.inMulti) c.dirtyExec = true;
  if (spec !== null) server.commandStats(spec).rejectedCalls++;
  // A rejected EXEC ends the transaction and says why (execCommandAbort). The reasons the
  // dispatcher formats carry our "ERR " prefix, which Redis's rejectCommandFormat text lacks.
  if (spec !== null && spec.fullname === 'exec') {
    discardTransaction(c);
    err = error(`EXECABORT Transaction discarded because of: ${err.s.startsWith('ERR ') ? err.s.slice(4) : err.s}`);
  }
  server.recordErrorReply(err);
  c.write(err);
}

/**
 * call (server.c): run the handler with time frozen, account stats and virtual CPU cost, feed
 * MONITOR, propagate writes. An exception from a handler is an engine bug: it becomes an ERR
 * reply and the node keeps serving (invariant 6).
 */
export function call(server: RedisServer, c: Client, spec: CommandSpec, argv: string[]): void {
  const dirtyBefore = server.dirty;
  c.argv = argv;
  let reply: Reply | undefined;
  try {
    reply = spec.handler!(c, argv);
  } catch (e) {
    reply = server.recordEngineBug(spec, argv, e);
  }
  const stats = server.commandStats(spec);
  stats.calls++;
  stats.usec += server.modelCost(spec, argv);
  server.stats.totalCommandsProcessed++;
  if (reply !== undefined) {
    if (reply !== null && typeof reply === 'object' && !Array.isArray(reply) && reply.t === 'error') {
      stats.failedCalls++;
      server.recordErrorReply(reply);
    }
    c.write(reply);
  }
  if (server.monitors.size > 0 && !spec.skipMonitor) {
    server.feedMonitors(c, c.originalArgv ?? argv);
  }
  c.originalArgv = null;
  // EXEC is never propagated itself: its commands are, as one transaction (execCommand).
  if (server.dirty > dirtyBefore && spec.fullname !== 'exec') server.alsoPropagate(c.db.id, c.argv);
}
