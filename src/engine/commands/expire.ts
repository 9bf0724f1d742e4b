import { error, type ErrorReply, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { LLONG_MAX, LLONG_MIN, string2ll, toInt64, type Int64 } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import type { CommandGroup } from './spec.js';

/**
 * The expiry commands of expire.c: EXPIRE PEXPIRE EXPIREAT PEXPIREAT (with NX XX GT LT),
 * TTL PTTL EXPIRETIME PEXPIRETIME, PERSIST. Times are int64 milliseconds as in Redis, exact
 * beyond 2^53 (bigint), so overflow checks and huge timestamps reply exactly as Redis does.
 */

const EXPIRE_NX = 1;
const EXPIRE_XX = 2;
const EXPIRE_GT = 4;
const EXPIRE_LT = 8;

const NX_INCOMPATIBLE = error('ERR NX and XX, GT or LT options at the same time are not compatible');
const GT_LT_INCOMPATIBLE = error('ERR GT and LT options at the same time are not compatible');

/** mstime(): expiry arithmetic is in whole milliseconds. */
function mstime(c: Client): number {
  return Math.floor(c.server.now);
}

/** parseExtendedExpireArgumentsOrReply */
function parseExpireFlags(argv: string[]): number | ErrorReply {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = optionName(argv[j]!);
    if (opt === 'NX') flags |= EXPIRE_NX;
    else if (opt === 'XX') flags |= EXPIRE_XX;
    else if (opt === 'GT') flags |= EXPIRE_GT;
    else if (opt === 'LT') flags |= EXPIRE_LT;
    // %s stops at a NUL byte; the error reply cannot carry a newline.
    else return error(E.sanitizeError(`ERR Unsupported option ${argv[j]!.split('\0', 1)[0]}`));
  }
  if (flags & EXPIRE_NX && flags & (EXPIRE_XX | EXPIRE_GT | EXPIRE_LT)) return NX_INCOMPATIBLE;
  if (flags & EXPIRE_GT && flags & EXPIRE_LT) return GT_LT_INCOMPATIBLE;
  return flags;
}

/**
 * The absolute expiry in ms, or an error: seconds must survive the scaling and the base time
 * must not overflow int64 (Redis checks both before adding).
 */
function absoluteWhen(arg: string, basetime: number, seconds: boolean, command: string): Int64 | ErrorReply {
  const v = string2ll(arg);
  if (v === null) return E.NOT_INTEGER;
  if (typeof v === 'number') {
    const when = (seconds ? v * 1000 : v) + basetime;
    if (Number.isSafeInteger(when)) return when;
  }
  let when = BigInt(v);
  if (seconds) {
    if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) return E.invalidExpireTime(command);
    when *= 1000n;
  }
  if (when > LLONG_MAX - BigInt(basetime)) return E.invalidExpireTime(command);
  return toInt64(when + BigInt(basetime));
}

/**
 * expireGenericCommand. A time already past deletes the key (propagated as DEL, event `del`),
 * except on a replica, which keeps it for the master's DEL; otherwise the expiry is set and
 * propagated as PEXPIREAT <absolute ms> with the options as given.
 */
function expireGeneric(c: Client, argv: string[], basetime: number, seconds: boolean, command: string): Reply {
  const flags = parseExpireFlags(argv);
  if (typeof flags !== 'number') return flags;
  const when = absoluteWhen(argv[2]!, basetime, seconds, command);
  if (typeof when === 'object') return when;
  const key = argv[1]!;
  const db = c.db;
  if (db.lookupWrite(key) === undefined) return 0;
  if (flags !== 0) {
    const current = db.getExpireInt64(key);
    if (flags & EXPIRE_NX && current !== -1) return 0;
    if (flags & EXPIRE_XX && current === -1) return 0;
    // No TTL counts as an infinite one: GT always fails, LT always succeeds.
    if (flags & EXPIRE_GT && (when <= current || current === -1)) return 0;
    if (flags & EXPIRE_LT && current !== -1 && when >= current) return 0;
  }
  const server = c.server;
  if (when <= mstime(c) && !server.isReplica) {
    db.delete(key);
    server.dirty++;
    c.argv = [server.config.getBool('lazyfree-lazy-expire') ? 'UNLINK' : 'DEL', key];
    db.signalModifiedKey(key);
    server.notify('g', 'del', key, db.id);
    return 1;
  }
  db.setExpire(key, when);
  if (command !== 'pexpireat') {
    const rewritten = argv.slice();
    rewritten[0] = 'PEXPIREAT';
    rewritten[2] = String(when);
    c.argv = rewritten;
  }
  db.signalModifiedKey(key);
  server.notify('g', 'expire', key, db.id);
  server.dirty++;
  return 1;
}

/**
 * ttlGenericCommand: -2 without the key, -1 without a TTL; seconds are rounded to nearest.
 * The lookup counts as a read (keyspace hits/misses) but does not touch the LRU.
 */
function ttlGeneric(c: Client, key: string, ms: boolean, absolute: boolean): Reply {
  const db = c.db;
  if (db.lookupReadNoTouch(key) === null) return -2;
  const expire = db.getExpireInt64(key);
  if (expire === -1) return -1;
  if (typeof expire === 'number') {
    const ttl = Math.max(0, absolute ? expire : expire - mstime(c));
    return ms ? ttl : Math.floor((ttl + 500) / 1000);
  }
  let ttl = absolute ? expire : expire - BigInt(mstime(c));
  if (ttl < 0n) ttl = 0n;
  return toInt64(ms ? ttl : (ttl + 500n) / 1000n);
}

/** PERSIST key */
function persist(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const db = c.db;
  if (db.lookupWrite(key) === undefined || !db.removeExpire(key)) return 0;
  db.signalModifiedKey(key);
  c.server.notify('g', 'persist', key, db.id);
  c.server.dirty++;
  return 1;
}

export const expireCommands: CommandGroup = {
  handlers: {
    expire: (c, argv) => expireGeneric(c, argv, mstime(c), true, 'expire'),
    pexpire: (c, argv) => expireGeneric(c, argv, mstime(c), false, 'pexpire'),
    expireat: (c, argv) => expireGeneric(c, argv, 0, true, 'expireat'),
    pexpireat: (c, argv) => expireGeneric(c, argv, 0, false, 'pexpireat'),
    ttl: (c, argv) => ttlGeneric(c, argv[1]!, false, false),
    pttl: (c, argv) => ttlGeneric(c, argv[1]!, true, false),
    expiretime: (c, argv) => ttlGeneric(c, argv[1]!, false, true),
    pexpiretime: (c, argv) => ttlGeneric(c, argv[1]!, true, true),
    persist,
  },
};
