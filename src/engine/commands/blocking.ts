import { error, type ErrorReply, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { parseLongDouble, type LongDouble } from '../util/longdouble.js';
import { string2ll } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import type { CommandGroup } from './spec.js';

/**
 * What the blocking commands share: the timeout argument (timeout.c
 * getTimeoutFromObjectOrReply) and CLIENT UNBLOCK.
 */

const TIMEOUT_NOT_FLOAT = Object.freeze(error('ERR timeout is not a float or out of range'));
const TIMEOUT_NEGATIVE = Object.freeze(error('ERR timeout is negative'));
const UNBLOCK_REASON = Object.freeze(error('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR'));

const LLONG_MAX = (1n << 63n) - 1n;
const TWO_64 = 1n << 64n;

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * (long long)ceill(ftval * 1000.0) on x86-64: the product rounded to the 64-bit significand of
 * a long double (ties to even), rounded up to a whole millisecond (so 0.0001 s still times out
 * and -0.001 s is 0, forever); anything that does not fit an int64 (infinity included) becomes
 * LLONG_MIN, the "integer indefinite" the conversion produces.
 */
function secondsToMilliseconds(v: LongDouble): bigint {
  if (v.t !== 'finite') return -(LLONG_MAX + 1n);
  let mant = v.mant * 1000n;
  let exp = v.exp;
  const excess = bitLength(mant) - 64;
  if (excess > 0) {
    const shift = BigInt(excess);
    let q = mant >> shift;
    const rem = mant - (q << shift);
    const half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
    if (q === TWO_64) {
      q >>= 1n;
      exp++;
    }
    mant = q;
    exp += excess;
  }
  let magnitude = exp >= 0 ? mant << BigInt(exp) : mant >> BigInt(-exp);
  const fractional = exp < 0 && magnitude << BigInt(-exp) !== mant;
  if (fractional && !v.neg) magnitude++;
  if (magnitude > LLONG_MAX + (v.neg ? 1n : 0n)) return -(LLONG_MAX + 1n);
  return v.neg ? -magnitude : magnitude;
}

/**
 * getTimeoutFromObjectOrReply(UNIT_SECONDS): seconds as a long double, made whole milliseconds,
 * then absolute (mstime + ms). 0 means no timeout.
 */
export function parseTimeout(arg: string, nowMs: number): number | ErrorReply {
  const seconds = parseLongDouble(arg);
  if (seconds === null) return TIMEOUT_NOT_FLOAT;
  const ms = secondsToMilliseconds(seconds);
  if (ms < 0n) return TIMEOUT_NEGATIVE;
  if (ms === 0n) return 0;
  return Number(ms) + Math.floor(nowMs);
}

/**
 * CLIENT UNBLOCK client-id [TIMEOUT|ERROR]: 1 when the client was blocked (it gets the
 * timeout's reply, or an UNBLOCKED error), 0 otherwise.
 */
function clientUnblock(c: Client, argv: string[]): Reply {
  if (argv.length > 4) return E.subcommandSyntaxError(argv);
  let withError = false;
  if (argv.length === 4) {
    const reason = optionName(argv[3]!);
    if (reason === 'ERROR') withError = true;
    else if (reason !== 'TIMEOUT') return UNBLOCK_REASON;
  }
  const id = string2ll(argv[2]!);
  if (id === null) return E.NOT_INTEGER;
  const target = typeof id === 'number' ? c.server.clients.get(id) : undefined;
  if (target === undefined) return 0;
  return c.server.blocking.unblockByRequest(target, withError) ? 1 : 0;
}

export const blockingCommands: CommandGroup = {
  handlers: { 'client|unblock': clientUnblock },
};
