import { error, NIL_ARRAY, OK, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { discardTransaction, isWatchedKeyExpired, unwatchAllKeys, watchForKey } from '../server/multi.js';
import type { RedisServer } from '../server/server.js';
import type { CommandGroup } from './spec.js';

/**
 * MULTI / EXEC / DISCARD / WATCH / UNWATCH (multi.c). Queueing itself happens in the
 * dispatcher (processCommand); WATCH bookkeeping lives in server/multi.ts.
 */

const MULTI_NESTED = Object.freeze(error('ERR MULTI calls can not be nested'));
const EXEC_WITHOUT_MULTI = Object.freeze(error('ERR EXEC without MULTI'));
const DISCARD_WITHOUT_MULTI = Object.freeze(error('ERR DISCARD without MULTI'));
const WATCH_INSIDE_MULTI = Object.freeze(error('ERR WATCH inside MULTI is not allowed'));

function multi(c: Client): Reply {
  if (c.inMulti) return MULTI_NESTED;
  c.inMulti = true;
  return OK;
}

function discard(c: Client): Reply {
  if (!c.inMulti) return DISCARD_WITHOUT_MULTI;
  discardTransaction(c);
  return OK;
}

/**
 * execCommand. A touched or expired watched key gives a nil array, an error while queueing
 * gives EXECABORT; otherwise every queued command runs through call() (stats, MONITOR, each
 * its own reply) and the replies go out as one array.
 */
function exec(c: Client, argv: string[]): Reply | undefined {
  if (!c.inMulti) return EXEC_WITHOUT_MULTI;
  if (isWatchedKeyExpired(c)) c.dirtyCas = true;
  if (c.dirtyCas || c.dirtyExec) {
    const reply = c.dirtyExec ? E.EXECABORT : NIL_ARRAY;
    discardTransaction(c);
    return reply;
  }
  const server = c.server;
  const queued = c.queued;
  const denyBlocking = c.denyBlocking;
  c.denyBlocking = true;
  unwatchAllKeys(c);
  // Redis writes the array header, then whatever each command writes: usually one reply, but
  // SUBSCRIBE x y writes two and a RESP3 keyspace notification to this very client lands in
  // between. Capturing the writes and splitting them at the header's count gives the same bytes.
  const writes: Reply[] = [];
  const sink = c.sink;
  c.sink = (r) => writes.push(r);
  server.execPropagation = [];
  try {
    for (const q of queued) server.call(c, q.spec, q.argv);
  } finally {
    c.sink = sink;
    c.denyBlocking = denyBlocking;
    c.argv = argv;
    propagateTransaction(server);
    discardTransaction(c);
  }
  c.write(writes.slice(0, queued.length));
  for (let i = queued.length; i < writes.length; i++) c.write(writes[i]!);
  return undefined;
}

/**
 * propagatePendingCommands (Redis 7.0): a transaction that changed data is propagated as its
 * commands; more than one is wrapped in MULTI/EXEC, MULTI in the first command's db and EXEC
 * in the last one's.
 */
function propagateTransaction(server: RedisServer): void {
  const ops = server.execPropagation!;
  server.execPropagation = null;
  if (ops.length === 0) return;
  if (ops.length === 1) {
    server.propagate(ops[0]!.dbid, ops[0]!.argv);
    return;
  }
  server.propagate(ops[0]!.dbid, ['MULTI']);
  for (const op of ops) server.propagate(op.dbid, op.argv);
  server.propagate(ops[ops.length - 1]!.dbid, ['EXEC']);
}

function watch(c: Client, argv: string[]): Reply {
  if (c.inMulti) return WATCH_INSIDE_MULTI;
  // Already dirty: EXEC will fail whatever happens to these keys, no point tracking them.
  if (c.dirtyCas) return OK;
  for (let i = 1; i < argv.length; i++) watchForKey(c, argv[i]!);
  return OK;
}

function unwatch(c: Client): Reply {
  unwatchAllKeys(c);
  c.dirtyCas = false;
  return OK;
}

export const transactions: CommandGroup = {
  handlers: { multi, exec, discard, watch, unwatch },
};
