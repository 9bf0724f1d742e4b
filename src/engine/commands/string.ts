import { OK, type ErrorReply, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import type { RedisServer } from '../server/server.js';
import { RawString, isString, stringBytes, stringLength, type RedisValue, type StringValue } from '../types/object.js';
import { addLongDouble, formatLongDoubleHuman, isFiniteLongDouble, longDoubleFromInt, parseLongDouble } from '../util/longdouble.js';
import { LLONG_MAX, LLONG_MIN, string2ll, toInt64, type Int64 } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import type { CommandGroup } from './spec.js';
import { lcs } from './stringLcs.js';

/**
 * The string commands (t_string.c). Values are stored as object.ts describes: an int64 when
 * tryObjectEncoding would make it OBJ_ENCODING_INT, a byte string (embstr/raw by length), or a
 * RawString once modified in place, so OBJECT ENCODING reports what Redis reports.
 */

/**
 * V8's String::kMaxLength. Redis would allocate up to proto-max-bulk-len (512MB by default);
 * a JS string stops 24 bytes short of that, so longer results are refused with the same error
 * rather than throwing.
 */
const MAX_JS_STRING_LENGTH = (1 << 29) - 24;

/**
 * tryObjectEncoding for a string about to be stored: canonical int64 text becomes an int
 * (number, or bigint beyond 2^53); anything else stays a byte string (embstr/raw by length).
 */
export function encodeStringValue(s: string): RedisValue {
  if (s.length <= 20) {
    const n = string2ll(s);
    if (n !== null) return n;
  }
  return s;
}

/** mstime(): Redis's expiry arithmetic works in whole milliseconds. */
function mstime(server: RedisServer): number {
  return Math.floor(server.now);
}

/** checkStringLength: the limit APPEND and SETRANGE enforce on the resulting length. */
function exceedsMaxLength(c: Client, size: number): boolean {
  return size > c.server.config.getInt('proto-max-bulk-len') || size > MAX_JS_STRING_LENGTH;
}

/** getGenericCommand: the value as a bulk reply, nil when missing, WRONGTYPE otherwise. */
function getGeneric(c: Client, key: string): Reply {
  const v = c.db.lookupRead(key);
  if (v === undefined) return null;
  if (typeof v === 'string') return v;
  if (!isString(v)) return E.WRONGTYPE;
  return stringBytes(v);
}

function get(c: Client, argv: string[]): Reply {
  return getGeneric(c, argv[1]!);
}

// parseExtendedStringArgumentsOrReply flags (t_string.c OBJ_*).
const NX = 1 << 0;
const XX = 1 << 1;
const EX = 1 << 2;
const PX = 1 << 3;
const KEEPTTL = 1 << 4;
const GET = 1 << 5;
const EXAT = 1 << 6;
const PXAT = 1 << 7;
const PERSIST = 1 << 8;

interface ExtendedArgs {
  flags: number;
  /** The argument after EX/PX/EXAT/PXAT, unparsed. */
  expire: string | null;
}

/**
 * parseExtendedStringArgumentsOrReply: SET's options (NX XX GET KEEPTTL + expiry) or GETEX's
 * (PERSIST + expiry). An option that conflicts with one already given is a syntax error;
 * repeating the same one is allowed and the last expiry wins, as in Redis.
 */
function parseExtendedArgs(argv: string[], first: number, forSet: boolean): ExtendedArgs | ErrorReply {
  let flags = 0;
  let expire: string | null = null;
  for (let j = first; j < argv.length; j++) {
    const opt = optionName(argv[j]!);
    const hasNext = j < argv.length - 1;
    if (opt === 'NX' && forSet && !(flags & XX)) {
      flags |= NX;
    } else if (opt === 'XX' && forSet && !(flags & NX)) {
      flags |= XX;
    } else if (opt === 'GET' && forSet) {
      flags |= GET;
    } else if (opt === 'KEEPTTL' && forSet && !(flags & (PERSIST | EX | EXAT | PX | PXAT))) {
      flags |= KEEPTTL;
    } else if (opt === 'PERSIST' && !forSet && !(flags & (EX | EXAT | PX | PXAT | KEEPTTL))) {
      flags |= PERSIST;
    } else if (opt === 'EX' && hasNext && !(flags & (KEEPTTL | PERSIST | EXAT | PX | PXAT))) {
      flags |= EX;
      expire = argv[++j]!;
    } else if (opt === 'PX' && hasNext && !(flags & (KEEPTTL | PERSIST | EX | EXAT | PXAT))) {
      flags |= PX;
      expire = argv[++j]!;
    } else if (opt === 'EXAT' && hasNext && !(flags & (KEEPTTL | PERSIST | EX | PX | PXAT))) {
      flags |= EXAT;
      expire = argv[++j]!;
    } else if (opt === 'PXAT' && hasNext && !(flags & (KEEPTTL | PERSIST | EX | EXAT | PX))) {
      flags |= PXAT;
      expire = argv[++j]!;
    } else {
      return E.SYNTAX;
    }
  }
  return { flags, expire };
}

/**
 * getExpireMillisecondsOrReply: the expiry argument as an absolute unix time in ms. Seconds
 * are scaled, EX/PX are relative to now. Non-positive values, and results that overflow int64
 * (which wrap negative in C), are "invalid expire time".
 */
function expireAtMs(c: Client, arg: string, flags: number, command: string): Int64 | ErrorReply {
  const v = string2ll(arg);
  if (v === null) return E.NOT_INTEGER;
  if (v <= 0) return E.invalidExpireTime(command);
  const seconds = (flags & (EX | EXAT)) !== 0;
  const relative = (flags & (EX | PX)) !== 0;
  if (typeof v === 'number') {
    let ms = seconds ? v * 1000 : v;
    if (relative) ms += mstime(c.server);
    if (Number.isSafeInteger(ms)) return ms;
  }
  let ms = BigInt(v);
  if (seconds) {
    if (ms > LLONG_MAX / 1000n) return E.invalidExpireTime(command);
    ms *= 1000n;
  }
  if (relative) ms += BigInt(mstime(c.server));
  if (ms > LLONG_MAX) return E.invalidExpireTime(command);
  return toInt64(ms);
}

/**
 * setGenericCommand: SET and its variants. `expire` is the raw expiry argument; the reply
 * is okReply when the value was stored, abortReply when NX/XX prevented it, and with GET the
 * old value in both cases. Propagated as SET key value PXAT <ms> when an expiry was given.
 */
function setGeneric(
  c: Client,
  flags: number,
  key: string,
  value: string,
  expire: string | null,
  okReply: Reply,
  abortReply: Reply,
  command: string,
): Reply {
  let when: Int64 = 0;
  if (expire !== null) {
    const ms = expireAtMs(c, expire, flags, command);
    if (typeof ms === 'object') return ms;
    when = ms;
  }
  let reply = okReply;
  if (flags & GET) {
    reply = getGeneric(c, key);
    if (reply === E.WRONGTYPE) return reply;
  }
  const db = c.db;
  const found = db.lookupWrite(key) !== undefined;
  if ((flags & NX && found) || (flags & XX && !found)) return flags & GET ? reply : abortReply;
  // With an expiry the old TTL is replaced below, not removed first.
  db.setKey(key, encodeStringValue(value), (flags & KEEPTTL) !== 0 || expire !== null);
  const server = c.server;
  server.dirty++;
  server.notify('$', 'set', key, db.id);
  if (expire !== null) {
    db.setExpire(key, Number(when));
    c.argv = ['SET', key, value, 'PXAT', String(when)];
    server.notify('g', 'expire', key, db.id);
  } else if (flags & GET) {
    c.argv = c.argv.filter((a, j) => j < 3 || optionName(a) !== 'GET');
  }
  return reply;
}

/** SET key value [NX|XX] [GET] [EX s|PX ms|EXAT ts|PXAT ms-ts|KEEPTTL] */
function set(c: Client, argv: string[]): Reply {
  if (argv.length === 3) {
    // The benchmarked shape: no option parsing, no expiry.
    const key = argv[1]!;
    c.db.setKey(key, encodeStringValue(argv[2]!));
    c.server.dirty++;
    c.server.notify('$', 'set', key, c.db.id);
    return OK;
  }
  const args = parseExtendedArgs(argv, 3, true);
  if ('t' in args) return args;
  return setGeneric(c, args.flags, argv[1]!, argv[2]!, args.expire, OK, null, 'set');
}

function setnx(c: Client, argv: string[]): Reply {
  return setGeneric(c, NX, argv[1]!, argv[2]!, null, 1, 0, 'setnx');
}

function setex(c: Client, argv: string[]): Reply {
  return setGeneric(c, EX, argv[1]!, argv[3]!, argv[2]!, OK, null, 'setex');
}

function psetex(c: Client, argv: string[]): Reply {
  return setGeneric(c, PX, argv[1]!, argv[3]!, argv[2]!, OK, null, 'psetex');
}

/**
 * GETEX key [EX|PX|EXAT|PXAT t | PERSIST]: GET that also sets or clears the TTL. Never
 * propagated as typed: PEXPIREAT, PERSIST, or DEL when an absolute time is already past.
 */
function getex(c: Client, argv: string[]): Reply {
  const args = parseExtendedArgs(argv, 2, false);
  if ('t' in args) return args;
  const key = argv[1]!;
  const db = c.db;
  const v = db.lookupRead(key);
  if (v === undefined) return null;
  if (!isString(v)) return E.WRONGTYPE;
  const { flags, expire } = args;
  let when: Int64 = 0;
  if (expire !== null) {
    const ms = expireAtMs(c, expire, flags, 'getex');
    if (typeof ms === 'object') return ms;
    when = ms;
  }
  const reply = stringBytes(v);
  const server = c.server;
  if (flags & (EXAT | PXAT) && checkAlreadyExpired(server, when)) {
    const lazy = server.config.getBool('lazyfree-lazy-expire');
    db.delete(key);
    c.argv = [lazy ? 'UNLINK' : 'DEL', key];
    db.signalModifiedKey(key);
    server.notify('g', 'del', key, db.id);
    server.dirty++;
  } else if (expire !== null) {
    db.setExpire(key, Number(when));
    c.argv = ['PEXPIREAT', key, String(when)];
    db.signalModifiedKey(key);
    server.notify('g', 'expire', key, db.id);
    server.dirty++;
  } else if (flags & PERSIST && db.removeExpire(key)) {
    db.signalModifiedKey(key);
    c.argv = ['PERSIST', key];
    server.notify('g', 'persist', key, db.id);
    server.dirty++;
  }
  return reply;
}

/** checkAlreadyExpired: a replica waits for its master's DEL instead. */
function checkAlreadyExpired(server: RedisServer, when: Int64): boolean {
  return when <= mstime(server) && !server.isReplica;
}

/** GETDEL: propagated as DEL (or UNLINK with lazyfree-lazy-user-del). */
function getdel(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const reply = getGeneric(c, key);
  if (reply === null || reply === E.WRONGTYPE) return reply;
  const db = c.db;
  const server = c.server;
  db.delete(key);
  c.argv = [server.config.getBool('lazyfree-lazy-user-del') ? 'UNLINK' : 'DEL', key];
  db.signalModifiedKey(key);
  server.notify('g', 'del', key, db.id);
  server.dirty++;
  return reply;
}

/** GETSET: propagated as SET; the new value drops any TTL. */
function getset(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const reply = getGeneric(c, key);
  if (reply === E.WRONGTYPE) return reply;
  const db = c.db;
  db.setKey(key, encodeStringValue(argv[2]!));
  c.server.notify('$', 'set', key, db.id);
  c.server.dirty++;
  c.argv = ['SET', key, argv[2]!];
  return reply;
}

/** Both bounds come from getLongLongFromObjectOrReply before the key is looked up. */
function getrange(c: Client, argv: string[]): Reply {
  const start = string2ll(argv[2]!);
  if (start === null) return E.NOT_INTEGER;
  const end = string2ll(argv[3]!);
  if (end === null) return E.NOT_INTEGER;
  const v = c.db.lookupRead(argv[1]!);
  if (v === undefined) return '';
  if (!isString(v)) return E.WRONGTYPE;
  if (start < 0 && end < 0 && start > end) return '';
  const s = stringBytes(v);
  const len = s.length;
  // Beyond 2^53 only the sign matters next to a string length.
  let from = typeof start === 'bigint' ? (start < 0n ? -Infinity : Infinity) : start;
  let to = typeof end === 'bigint' ? (end < 0n ? -Infinity : Infinity) : end;
  if (from < 0) from = len + from;
  if (to < 0) to = len + to;
  if (from < 0) from = 0;
  if (to < 0) to = 0;
  if (to >= len) to = len - 1;
  if (from > to || len === 0) return '';
  return s.slice(from, to + 1);
}

function strlen(c: Client, argv: string[]): Reply {
  const v = c.db.lookupRead(argv[1]!);
  if (v === undefined) return 0;
  if (!isString(v)) return E.WRONGTYPE;
  return stringLength(v);
}

/** MGET answers nil for a key of another type instead of failing. */
function mget(c: Client, argv: string[]): Reply {
  const out: Reply[] = new Array(argv.length - 1);
  const db = c.db;
  for (let j = 1; j < argv.length; j++) {
    const v = db.lookupRead(argv[j]!);
    out[j - 1] = v === undefined || !isString(v) ? null : stringBytes(v);
  }
  return out;
}

/** msetGenericCommand: MSETNX sets nothing if any key exists. */
function msetGeneric(c: Client, argv: string[], nx: boolean): Reply {
  if (argv.length % 2 === 0) return E.wrongArity(nx ? 'msetnx' : 'mset');
  const db = c.db;
  if (nx) {
    for (let j = 1; j < argv.length; j += 2) if (db.lookupWrite(argv[j]!) !== undefined) return 0;
  }
  for (let j = 1; j < argv.length; j += 2) {
    db.setKey(argv[j]!, encodeStringValue(argv[j + 1]!));
    c.server.notify('$', 'set', argv[j]!, db.id);
  }
  c.server.dirty += (argv.length - 1) / 2;
  return nx ? 1 : OK;
}

function mset(c: Client, argv: string[]): Reply {
  return msetGeneric(c, argv, false);
}

function msetnx(c: Client, argv: string[]): Reply {
  return msetGeneric(c, argv, true);
}

/** getLongLongFromObject on a stored value: ints directly, strings through string2ll. */
function storedInt64(v: StringValue): Int64 | null {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  return string2ll(typeof v === 'string' ? v : v.s);
}

/** incrDecrCommand: the result is always int-encoded; overflow is refused, not wrapped. */
function incrDecr(c: Client, key: string, incr: Int64): Reply {
  const db = c.db;
  // The entry itself, so the result is stored in place without a second lookup (Redis too
  // updates an unshared int object in place).
  const entry = db.lookupEntry(key);
  const v = entry === null ? undefined : entry.val;
  let value: Int64 = 0;
  if (v !== undefined) {
    if (!isString(v)) return E.WRONGTYPE;
    const n = storedInt64(v);
    if (n === null) return E.NOT_INTEGER;
    value = n;
  }
  let result: Int64;
  if (typeof value === 'number' && typeof incr === 'number' && Number.isSafeInteger(value + incr)) {
    result = value + incr;
  } else {
    const sum = BigInt(value) + BigInt(incr);
    if (sum > LLONG_MAX || sum < LLONG_MIN) return E.OVERFLOW;
    result = toInt64(sum);
  }
  if (entry === null) db.add(key, result);
  else entry.val = result;
  db.signalModifiedKey(key);
  c.server.notify('$', 'incrby', key, db.id);
  c.server.dirty++;
  return result;
}

function incr(c: Client, argv: string[]): Reply {
  return incrDecr(c, argv[1]!, 1);
}

function decr(c: Client, argv: string[]): Reply {
  return incrDecr(c, argv[1]!, -1);
}

function incrby(c: Client, argv: string[]): Reply {
  const by = string2ll(argv[2]!);
  if (by === null) return E.NOT_INTEGER;
  return incrDecr(c, argv[1]!, by);
}

function decrby(c: Client, argv: string[]): Reply {
  const by = string2ll(argv[2]!);
  if (by === null) return E.NOT_INTEGER;
  // Negating LLONG_MIN would overflow.
  if (by === LLONG_MIN) return E.DECREMENT_OVERFLOW;
  return incrDecr(c, argv[1]!, typeof by === 'number' ? -by : toInt64(-by));
}

/**
 * INCRBYFLOAT in long double (see util/longdouble.ts). The result is stored as the formatted
 * string (embstr/raw, never int, as createStringObjectFromLongDouble makes it) and propagated
 * as SET key result KEEPTTL so replicas need not repeat the float arithmetic.
 */
function incrbyfloat(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const db = c.db;
  const v = db.lookupWrite(key);
  if (v !== undefined && !isString(v)) return E.WRONGTYPE;
  const value =
    v === undefined ? longDoubleFromInt(0)
    : typeof v === 'number' || typeof v === 'bigint' ? longDoubleFromInt(v)
    : parseLongDouble(stringBytes(v));
  if (value === null) return E.NOT_FLOAT;
  const by = parseLongDouble(argv[2]!);
  if (by === null) return E.NOT_FLOAT;
  const sum = addLongDouble(value, by);
  if (!isFiniteLongDouble(sum)) return E.NAN_OR_INFINITY;
  const result = formatLongDoubleHuman(sum);
  if (v === undefined) db.add(key, result);
  else db.overwrite(key, result);
  db.signalModifiedKey(key);
  c.server.notify('$', 'incrbyfloat', key, db.id);
  c.server.dirty++;
  c.argv = ['SET', key, result, 'KEEPTTL'];
  return result;
}

/**
 * APPEND: a new key takes the argument as SET would encode it; an existing one becomes a raw
 * string (dbUnshareStringValue), even when nothing is appended.
 */
function append(c: Client, argv: string[]): Reply {
  const key = argv[1]!;
  const suffix = argv[2]!;
  const db = c.db;
  const v = db.lookupWrite(key);
  let total: number;
  if (v === undefined) {
    db.add(key, encodeStringValue(suffix));
    total = suffix.length;
  } else {
    if (!isString(v)) return E.WRONGTYPE;
    total = stringLength(v) + suffix.length;
    if (exceedsMaxLength(c, total)) return E.STRING_EXCEEDS_MAX;
    if (v instanceof RawString) v.s += suffix;
    else db.overwrite(key, new RawString(stringBytes(v) + suffix));
  }
  db.signalModifiedKey(key);
  c.server.notify('$', 'append', key, db.id);
  c.server.dirty++;
  return total;
}

/**
 * SETRANGE: zero-pads up to the offset. Writing nothing changes nothing (and creates no key);
 * otherwise the value becomes a raw string, as Redis's sdsgrowzero on an unshared sds.
 */
function setrange(c: Client, argv: string[]): Reply {
  const offset = string2ll(argv[2]!);
  if (offset === null) return E.NOT_INTEGER;
  if (offset < 0) return E.OFFSET_OUT_OF_RANGE;
  const key = argv[1]!;
  const value = argv[3]!;
  const db = c.db;
  const v = db.lookupWrite(key);
  let raw: RawString;
  if (v === undefined) {
    if (value.length === 0) return 0;
    if (exceedsMaxLength(c, Number(offset) + value.length)) return E.STRING_EXCEEDS_MAX;
    raw = new RawString('');
    db.add(key, raw);
  } else {
    if (!isString(v)) return E.WRONGTYPE;
    if (value.length === 0) return stringLength(v);
    if (exceedsMaxLength(c, Number(offset) + value.length)) return E.STRING_EXCEEDS_MAX;
    if (v instanceof RawString) raw = v;
    else {
      raw = new RawString(stringBytes(v));
      db.overwrite(key, raw);
    }
  }
  const at = offset as number;
  const s = raw.s;
  raw.s = at > s.length
    ? s + '\0'.repeat(at - s.length) + value
    : s.slice(0, at) + value + s.slice(at + value.length);
  db.signalModifiedKey(key);
  c.server.notify('$', 'setrange', key, db.id);
  c.server.dirty++;
  return raw.s.length;
}

export const strings: CommandGroup = {
  handlers: {
    append,
    decr,
    decrby,
    get,
    getdel,
    getex,
    getrange,
    getset,
    incr,
    incrby,
    incrbyfloat,
    lcs,
    mget,
    mset,
    msetnx,
    psetex,
    set,
    setex,
    setnx,
    setrange,
    strlen,
    substr: getrange,
  },
};
