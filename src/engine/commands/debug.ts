import { error, OK, status, verbatim, type Reply } from '../../protocol/reply.js';
import { lruClock, LRU_CLOCK_MAX } from '../keyspace/db.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import type { RedisServer } from '../server/server.js';
import { hashBytes, type Dict } from '../types/dict.js';
import { encodingOf, isString, stringBytes, type RedisValue } from '../types/object.js';
import { string2ll } from '../util/numbers.js';
import { helpReply } from './help.js';
import { quicklistDebugFields } from './list.js';
import { RedisList } from '../types/list.js';
import type { CommandGroup } from './spec.js';

const POSITIVE = Object.freeze(error('ERR value is out of range, must be positive'));
/** OBJ_SHARED_INTEGERS: 0..9999 are shared objects (refcount OBJ_SHARED_REFCOUNT). */
const OBJ_SHARED_INTEGERS = 10000;
const OBJ_SHARED_REFCOUNT = 2147483647;

/** getPositiveLongFromObjectOrReply: a long >= 0. */
function positiveLong(s: string): number | null {
  const n = string2ll(s);
  return n === null || n < 0 || typeof n === 'bigint' ? null : n;
}

/** atoi: leading spaces, a sign, digits up to the first other byte; 0 when none. */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m === null ? 0 : Number(m[1]) | 0;
}

/**
 * DEBUG SLEEP <seconds>: the node does nothing for that long. The reply is sent when the
 * virtual clock has moved by the delay; commands from every client wait meanwhile (the
 * dispatcher queues them in server.busy) and then run in arrival order. Inside EXEC or a script
 * the reply cannot wait, so it is given at once, but the node is still busy.
 */
function debugSleep(c: Client, argv: string[]): Reply | undefined {
  const seconds = Number.parseFloat(argv[2]!);
  const ms = Number.isFinite(seconds) ? Math.floor(seconds * 1_000_000) / 1000 : 0;
  if (ms <= 0) return OK;
  const server = c.server;
  const replyNow = c.denyBlocking;
  server.busy = [];
  server.schedule(server.now + ms, () => wake(server, replyNow ? null : c));
  return replyNow ? OK : undefined;
}

/** The sleep is over: answer the sleeper, then run what waited, unless it sleeps again. */
function wake(server: RedisServer, sleeper: Client | null): void {
  const waiting = server.busy ?? [];
  server.busy = null;
  if (sleeper !== null && !sleeper.closed) sleeper.write(OK);
  for (let i = 0; i < waiting.length; i++) {
    const again = sleepQueue(server);
    if (again !== null) {
      server.busy = waiting.slice(i).concat(again);
      return;
    }
    const { c, argv } = waiting[i]!;
    if (!c.closed) server.exec(c, argv);
  }
}

/** server.busy read afresh: a replayed command may have put the node to sleep again. */
function sleepQueue(server: RedisServer): RedisServer['busy'] {
  return server.busy;
}

/**
 * DEBUG POPULATE <count> [<prefix>] [<size>]: keys "<prefix>:<n>" (prefix "key", the name cut
 * to 127 bytes as Redis's buffer does) holding "value:<n>", zero-padded or cut to <size>.
 * Existing keys are skipped. Nothing is propagated and dirty is not counted, as in Redis.
 */
function debugPopulate(c: Client, argv: string[]): Reply {
  const count = positiveLong(argv[2]!);
  if (count === null) return POSITIVE;
  let size = 0;
  if (argv.length === 5) {
    const s = positiveLong(argv[4]!);
    if (s === null) return POSITIVE;
    size = s;
  }
  const db = c.db;
  // dictTryExpand: one table of the final size instead of a rehash at every doubling.
  if (count > db.dict.size && !db.dict.isRehashing()) db.dict.expand(count);
  const head = (argv.length === 3 ? 'key' : argv[3]!) + ':';
  const long = head.length + 20 > 127;
  const pad = size > 0 ? '\0'.repeat(size) : '';
  // Into an empty db every name is new (unless cut to 127 bytes): no need to look them up.
  const fresh = db.dict.size === 0 && !long;
  for (let j = 0; j < count; j++) {
    const digits = String(j);
    const key = long ? (head + digits).slice(0, 127) : head + digits;
    if (!fresh && db.lookupWrite(key) !== undefined) continue;
    let val = 'value:' + digits;
    if (size > 0) val = size <= val.length ? val.slice(0, size) : val + pad.slice(val.length);
    db.add(key, val);
    db.signalModifiedKey(key);
  }
  return OK;
}

/** DEBUG SET-ACTIVE-EXPIRE <0|1>: serverCron's active expire cycle off or on (atoi, as Redis). */
function debugSetActiveExpire(c: Client, argv: string[]): Reply {
  c.server.activeExpireEnabled = atoi(argv[2]!) !== 0;
  return OK;
}

/** rdbSaveLen: the length prefix of a string in an RDB file. */
function rdbLenBytes(len: number): number {
  return len < 1 << 6 ? 1 : len < 1 << 14 ? 2 : len <= 0xffffffff ? 5 : 9;
}

/**
 * rdbSavedObjectLen, modelled: integers in int32 range take 2, 3 or 5 bytes
 * (rdbTryIntegerEncoding), other strings their length plus the length prefix. Redis would
 * LZF-compress strings over 20 bytes when that saves space; the model does not compress.
 * Collections are estimated from their element count.
 */
function serializedLength(v: RedisValue): number {
  if (!isString(v)) return rdbLenBytes(v.length) + v.length * 8;
  const s = stringBytes(v);
  const n = s.length <= 11 ? string2ll(s) : null;
  if (n !== null && typeof n === 'number' && n >= -2147483648 && n <= 2147483647) {
    return n >= -128 && n <= 127 ? 2 : n >= -32768 && n <= 32767 ? 3 : 5;
  }
  return rdbLenBytes(s.length) + s.length;
}

/** Shared integer objects are used unless an LRU/LFU policy needs per-key access times. */
function isSharedInteger(server: RedisServer, v: RedisValue): boolean {
  if (typeof v !== 'number' || v < 0 || v >= OBJ_SHARED_INTEGERS || !Number.isInteger(v)) return false;
  const policy = server.config.get('maxmemory-policy');
  return server.config.get('maxmemory') === '0' || !(policy.endsWith('-lru') || policy.endsWith('-lfu'));
}

/**
 * DEBUG OBJECT <key>: Redis's low-level view of the value. The address is made up (stable per
 * key), the encoding and LRU clock are the real ones, the serialized length is modelled.
 */
function debugObject(c: Client, argv: string[]): Reply {
  const key = argv[2]!;
  const db = c.db;
  if (db.peek(key) === undefined) return E.NO_SUCH_KEY;
  const entry = db.dict.getEntry(key)!;
  const server = c.server;
  const shared = isSharedInteger(server, entry.val);
  const lru = shared ? lruClock(server.startTime) : entry.lru;
  const clock = lruClock(server.now);
  const idle = clock >= lru ? clock - lru : clock + (LRU_CLOCK_MAX - lru);
  const addr = `0x7f${hashBytes(key, db.id).toString(16).padStart(8, '0')}${(db.id & 15).toString(16)}0`;
  return status(
    `Value at:${addr} refcount:${shared ? OBJ_SHARED_REFCOUNT : 1} encoding:${encodingOf(entry.val)}` +
      ` serializedlength:${serializedLength(entry.val)} lru:${lru} lru_seconds_idle:${idle}` +
      (entry.val instanceof RedisList ? quicklistDebugFields(entry.val) : ''),
  );
}

/** DICT_STATS_VECTLEN: chains of this length or more share the last counter (never printed). */
const DICT_STATS_VECTLEN = 50;

/** C float arithmetic, as dictGetStatsHt computes its averages and percentages. */
const f32 = Math.fround;

/** _dictGetStatsHt: size, fill and chain-length distribution of one table of a dict. */
function dictStatsHt<V>(d: Dict<V>, table: 0 | 1): string {
  let out = `Hash table ${table} stats (${table === 0 ? 'main hash table' : 'rehashing target'}):\n`;
  const used = d.shape().used[table];
  if (used === 0) return out + 'No stats available for empty dictionaries\n';
  const chains = d.chainLengths(table);
  const clvector = new Array<number>(DICT_STATS_VECTLEN).fill(0);
  let slots = 0;
  let maxChain = 0;
  let total = 0;
  for (const len of chains) {
    clvector[Math.min(len, DICT_STATS_VECTLEN - 1)]!++;
    if (len === 0) continue;
    slots++;
    maxChain = Math.max(maxChain, len);
    total += len;
  }
  out +=
    ` table size: ${chains.length}\n number of elements: ${used}\n different slots: ${slots}\n` +
    ` max chain length: ${maxChain}\n avg chain length (counted): ${f32(f32(total) / f32(slots)).toFixed(2)}\n` +
    ` avg chain length (computed): ${f32(f32(used) / f32(slots)).toFixed(2)}\n Chain length distribution:\n`;
  for (let i = 0; i < DICT_STATS_VECTLEN - 1; i++) {
    if (clvector[i] === 0) continue;
    out += `   ${i}: ${clvector[i]} (${f32(f32(f32(clvector[i]!) / f32(chains.length)) * 100).toFixed(2)}%)\n`;
  }
  return out;
}

/** dictGetStats: the main table, and the rehashing target while a rehash runs. */
function dictStats<V>(d: Dict<V>): string {
  return dictStatsHt(d, 0) + (d.isRehashing() ? dictStatsHt(d, 1) : '');
}

/** DEBUG HTSTATS <dbid>: the keyspace and expires hash tables of a db, chain by chain. */
function debugHtstats(c: Client, argv: string[]): Reply {
  const id = string2ll(argv[2]!);
  if (id === null) return E.NOT_INTEGER;
  const db = c.server.dbs[Number(id)];
  if (db === undefined || typeof id === 'bigint') return error('ERR Out of range database');
  return verbatim(`[Dictionary HT]\n${dictStats(db.dict)}[Expires HT]\n${dictStats(db.expires)}`);
}

/** DEBUG ERROR <string>: the string as an error reply, written raw (not counted in errorstats). */
function debugError(c: Client, argv: string[]): undefined {
  c.write(error(E.sanitizeError(argv[2]!)));
  return undefined;
}

const HELP = helpReply('DEBUG', [
  'AOF-FLUSH-SLEEP <microsec>',
  '    Server will sleep before flushing the AOF, this is used for testing.',
  'ASSERT',
  '    Crash by assertion failed.',
  'CHANGE-REPL-ID',
  '    Change the replication IDs of the instance.',
  '    Dangerous: should be used only for testing the replication subsystem.',
  'CONFIG-REWRITE-FORCE-ALL',
  '    Like CONFIG REWRITE but writes all configuration options, including',
  '    keywords not listed in original configuration file or default values.',
  'CRASH-AND-RECOVER [<milliseconds>]',
  '    Hard crash and restart after a <milliseconds> delay (default 0).',
  'DIGEST',
  '    Output a hex signature representing the current DB content.',
  'DIGEST-VALUE <key> [<key> ...]',
  '    Output a hex signature of the values of all the specified keys.',
  'ERROR <string>',
  '    Return a Redis protocol error with <string> as message. Useful for clients',
  '    unit tests to simulate Redis errors.',
  'LEAK <string>',
  '    Create a memory leak of the input string.',
  'LOG <message>',
  '    Write <message> to the server log.',
  'HTSTATS <dbid>',
  '    Return hash table statistics of the specified Redis database.',
  'HTSTATS-KEY <key>',
  "    Like HTSTATS but for the hash table stored at <key>'s value.",
  'LOADAOF',
  '    Flush the AOF buffers on disk and reload the AOF in memory.',
  'REPLICATE <string>',
  '    Replicates the provided string to replicas, allowing data divergence.',
  'MALLCTL <key> [<val>]',
  '    Get or set a malloc tuning integer.',
  'MALLCTL-STR <key> [<val>]',
  '    Get or set a malloc tuning string.',
  'OBJECT <key>',
  '    Show low level info about `key` and associated value.',
  'DROP-CLUSTER-PACKET-FILTER <packet-type>',
  '    Drop all packets that match the filtered type. Set to -1 allow all packets.',
  'OOM',
  '    Crash the server simulating an out-of-memory error.',
  'PANIC',
  '    Crash the server simulating a panic.',
  'POPULATE <count> [<prefix>] [<size>]',
  '    Create <count> string keys named key:<num>. If <prefix> is specified then',
  "    it is used instead of the 'key' prefix. These are not propagated to",
  '    replicas. Cluster slots are not respected so keys not belonging to the',
  '    current node can be created in cluster mode.',
  'PROTOCOL <type>',
  '    Reply with a test value of the specified type. <type> can be: string,',
  '    integer, double, bignum, null, array, set, map, attrib, push, verbatim,',
  '    true, false.',
  'RELOAD [option ...]',
  '    Save the RDB on disk and reload it back to memory. Valid <option> values:',
  '    * MERGE: conflicting keys will be loaded from RDB.',
  '    * NOFLUSH: the existing database will not be removed before load, but',
  '      conflicting keys will generate an exception and kill the server.',
  '    * NOSAVE: the database will be loaded from an existing RDB file.',
  '    Examples:',
  '    * DEBUG RELOAD: verify that the server is able to persist, flush and reload',
  '      the database.',
  '    * DEBUG RELOAD NOSAVE: replace the current database with the contents of an',
  '      existing RDB file.',
  '    * DEBUG RELOAD NOSAVE NOFLUSH MERGE: add the contents of an existing RDB',
  '      file to the database.',
  'RESTART [<milliseconds>]',
  '    Graceful restart: save config, db, restart after a <milliseconds> delay (default 0).',
  'SDSLEN <key>',
  '    Show low level SDS string info representing `key` and value.',
  'SEGFAULT',
  '    Crash the server with sigsegv.',
  'SET-ACTIVE-EXPIRE <0|1>',
  '    Setting it to 0 disables expiring keys in background when they are not',
  '    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the',
  '    default.',
  'QUICKLIST-PACKED-THRESHOLD <size>',
  '    Sets the threshold for elements to be inserted as plain vs packed nodes',
  '    Default value is 1GB, allows values up to 4GB. Setting to 0 restores to default.',
  'SET-SKIP-CHECKSUM-VALIDATION <0|1>',
  "    Enables or disables checksum checks for RDB files and RESTORE's payload.",
  'SLEEP <seconds>',
  '    Stop the server for <seconds>. Decimals allowed.',
  'STRINGMATCH-TEST',
  '    Run a fuzz tester against the stringmatchlen() function.',
  'STRUCTSIZE',
  '    Return the size of different Redis core C structures.',
  'LISTPACK <key>',
  '    Show low level info about the listpack encoding of <key>.',
  'QUICKLIST <key> [<0|1>]',
  '    Show low level info about the quicklist encoding of <key>.',
  '    The optional argument (0 by default) sets the level of detail',
  'CLIENT-EVICTION',
  '    Show low level client eviction pools info (maxmemory-clients).',
  'PAUSE-CRON <0|1>',
  '    Stop periodic cron job processing.',
  'REPLYBUFFER PEAK-RESET-TIME <NEVER||RESET|time>',
  '    Sets the time (in milliseconds) to wait between client reply buffer peak resets.',
  '    In case NEVER is provided the last observed peak will never be reset',
  '    In case RESET is provided the peak reset time will be restored to the default value',
  'REPLYBUFFER RESIZING <0|1>',
  '    Enable or disable the reply buffer resize cron job',
  'CLUSTERLINK KILL <to|from|all> <node-id>',
  '    Kills the link based on the direction to/from (both) with the provided node.',
]);

type Subcommand = (c: Client, argv: string[]) => Reply | undefined;

/** Subcommand -> handler and argument count check (debugCommand's strcasecmp chain). */
const SUBCOMMANDS = new Map<string, [Subcommand, (argc: number) => boolean]>([
  ['help', [() => HELP, (n) => n === 2]],
  ['sleep', [debugSleep, (n) => n === 3]],
  ['populate', [debugPopulate, (n) => n >= 3 && n <= 5]],
  ['set-active-expire', [debugSetActiveExpire, (n) => n === 3]],
  ['object', [debugObject, (n) => n === 3]],
  ['error', [debugError, (n) => n === 3]],
  ['htstats', [debugHtstats, (n) => n === 3]],
]);

function debug(c: Client, argv: string[]): Reply | undefined {
  const sub = SUBCOMMANDS.get(argv[1]!.toLowerCase());
  if (sub === undefined || !sub[1](argv.length)) return E.subcommandSyntaxError(argv);
  return sub[0](c, argv);
}

export const debugGroup: CommandGroup = {
  handlers: { debug },
};
