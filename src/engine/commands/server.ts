import { error, OK, verbatim, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { genRedisInfoString } from '../server/info.js';
import { intOrReply } from './connection.js';
import type { CommandGroup } from './spec.js';

const MONITOR_DENIED = Object.freeze(error("ERR MONITOR isn't allowed for DENY BLOCKING client"));

function dbsize(c: Client): Reply {
  return c.db.size;
}

/** getFlushCommandFlags: nothing, SYNC or ASYNC (all the same here: memory is freed at once). */
function validFlushArgs(argv: string[]): boolean {
  if (argv.length === 1) return true;
  const opt = argv[1]!.toLowerCase();
  return argv.length === 2 && (opt === 'sync' || opt === 'async');
}

/**
 * FLUSHDB / FLUSHALL: watchers are signalled before the keys go (signalFlushedDb), dirty grows
 * by the keys removed, and the command is propagated even when nothing was there
 * (forceCommandPropagation).
 */
function flushdb(c: Client, argv: string[]): Reply {
  if (!validFlushArgs(argv)) return E.SYNTAX;
  flushDbs(c, [c.db.id], argv);
  return OK;
}

function flushall(c: Client, argv: string[]): Reply {
  if (!validFlushArgs(argv)) return E.SYNTAX;
  flushDbs(c, c.server.dbs.map((db) => db.id), argv);
  return OK;
}

function flushDbs(c: Client, ids: number[], argv: string[]): void {
  const server = c.server;
  let removed = 0;
  for (const id of ids) {
    const db = server.dbs[id]!;
    db.signalFlushed();
    removed += db.clear();
  }
  server.dirty += removed;
  if (removed === 0) server.alsoPropagate(c.db.id, argv);
}

/**
 * SWAPDB (dbSwapDatabases): the two dbs exchange their keys and expires; clients stay on the
 * db number they selected, and watchers of either are signalled first.
 */
function swapdb(c: Client, argv: string[]): Reply {
  const server = c.server;
  if (server.config.getBool('cluster-enabled')) return error('ERR SWAPDB is not allowed in cluster mode');
  const id1 = intOrReply(argv[1]!, 'invalid first DB index');
  if (typeof id1 !== 'number') return id1;
  const id2 = intOrReply(argv[2]!, 'invalid second DB index');
  if (typeof id2 !== 'number') return id2;
  const db1 = server.dbs[id1];
  const db2 = server.dbs[id2];
  if (db1 === undefined || db2 === undefined) return E.DB_INDEX_OUT_OF_RANGE;
  if (db1 !== db2) {
    db1.signalFlushed(db2);
    db2.signalFlushed(db1);
    [db1.dict, db2.dict] = [db2.dict, db1.dict];
    [db1.expires, db2.expires] = [db2.expires, db1.expires];
    [db1.avgTtl, db2.avgTtl] = [db2.avgTtl, db1.avgTtl];
    [db1.expiresCursor, db2.expiresCursor] = [db2.expiresCursor, db1.expiresCursor];
    server.blocking.scanDatabaseForReadyKeys(db1);
    server.blocking.scanDatabaseForReadyKeys(db2);
  }
  server.dirty++;
  return OK;
}

/** TIME: seconds and microseconds of the virtual clock, as bulk strings. */
function time(c: Client): Reply {
  const us = Math.floor(c.server.now * 1000);
  return [String(Math.floor(us / 1_000_000)), String(us % 1_000_000)];
}

/**
 * MONITOR: from now on the client receives every command the node runs. A client that already
 * monitors gets no reply at all, as in Redis; inside EXEC it is refused.
 */
function monitor(c: Client): Reply | undefined {
  if (c.denyBlocking) return MONITOR_DENIED;
  if (c.monitor) return undefined;
  c.monitor = true;
  c.server.monitors.add(c);
  return OK;
}

/** INFO [section ...]: a verbatim string in RESP3. */
function info(c: Client, argv: string[]): Reply {
  return verbatim(genRedisInfoString(c.server, argv.slice(1)));
}

export const serverGroup: CommandGroup = {
  handlers: { dbsize, flushdb, flushall, swapdb, time, monitor, info },
};
