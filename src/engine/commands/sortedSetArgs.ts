import { double, error, type ErrorReply, type Reply } from '../../protocol/reply.js';
import type { Client } from '../server/client.js';
import type { RedisServer } from '../server/server.js';
import type { Encoding } from '../types/object.js';
import { LEX_MAX, LEX_MIN, type LexBound, type LexRange, type ScoreRange, type ZsetSink } from '../types/zrangespec.js';
import type { Zset, ZsetLimits } from '../types/zset.js';
import { string2d, string2ll } from '../util/numbers.js';

/**
 * Argument parsing and small helpers shared by the sorted set command files (t_zset.c's
 * zslParseRange, zslParseLexRange and the getXxxFromObjectOrReply calls it makes).
 */

export const MIN_MAX_NOT_FLOAT = Object.freeze(error('ERR min or max is not a float'));
export const MIN_MAX_NOT_LEX = Object.freeze(error('ERR min or max not valid string range item'));
export const SCORE_IS_NAN = Object.freeze(error('ERR resulting score is not a number (NaN)'));

/**
 * getDoubleFromObject (string2d): the whole argument must be a strtod number, no leading
 * space, no NaN, no overflow. Short plain decimals skip the general parser: at most 20
 * characters of digits, one sign and dots cannot overflow or underflow, and Number() rounds
 * them exactly as strtod does.
 */
export function parseScore(s: string): number | null {
  const len = s.length;
  if (len > 0 && len <= 20) {
    let plain = true;
    for (let i = 0; i < len; i++) {
      const ch = s.charCodeAt(i);
      if ((ch < 48 || ch > 57) && ch !== 46 && (ch !== 45 || i !== 0)) {
        plain = false;
        break;
      }
    }
    if (plain) {
      const v = Number(s);
      return Number.isNaN(v) ? null : v;
    }
  }
  return string2d(s);
}

/** getLongFromObjectOrReply's value as a JS number (int64 beyond 2^53 loses only precision no caller needs). */
export function parseLong(s: string): number | null {
  const n = string2ll(s);
  return n === null ? null : Number(n);
}

/** C's isspace in the "C" locale. */
function isCSpace(ch: number): boolean {
  return ch === 32 || (ch >= 9 && ch <= 13);
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?inf(?:inity)?$/i;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;

/** A hexadecimal float as strtod reads it, overflowing to inf and underflowing to 0. */
function hexFloat(m: RegExpExecArray): number | null {
  const [, sign, int = '', frac = '', exp = '0'] = m;
  if (int.length + frac.length === 0) return null;
  let v = 0;
  for (const c of int + frac) v = v * 16 + parseInt(c, 16);
  const e = Number(exp) - 4 * frac.length;
  // Two steps so a large mantissa with a very negative exponent does not underflow early.
  const half = Math.trunc(e / 2);
  v = v * 2 ** half * 2 ** (e - half);
  return sign === '-' ? -v : v;
}

/**
 * strtod(s, &eptr) followed by zslParseRange's check `eptr[0] == '\0' && !isnan`: leading
 * whitespace is skipped, parsing stops at a NUL byte, an empty string is 0, and ERANGE is
 * ignored (1e400 is inf, 1e-400 is 0).
 */
function strtodRangeItem(s: string): number | null {
  const nul = s.indexOf('\0');
  const t = nul === -1 ? s : s.slice(0, nul);
  if (t.length === 0) return 0;
  let i = 0;
  while (i < t.length && isCSpace(t.charCodeAt(i))) i++;
  const u = t.slice(i);
  if (DECIMAL.test(u)) return Number(u);
  if (INFINITY.test(u)) return u.charCodeAt(0) === 45 ? -Infinity : Infinity;
  const hex = HEX.exec(u);
  return hex === null ? null : hexFloat(hex);
}

/** zslParseRange: `1.5`, `(1.5` (exclusive), `-inf`, `+inf`. */
export function parseScoreRange(min: string, max: string): ScoreRange | null {
  const minex = min.charCodeAt(0) === 40; // '('
  const maxex = max.charCodeAt(0) === 40;
  const lo = strtodRangeItem(minex ? min.slice(1) : min);
  const hi = strtodRangeItem(maxex ? max.slice(1) : max);
  if (lo === null || hi === null) return null;
  return { min: lo, max: hi, minex, maxex };
}

/** zslParseLexRangeItem: `-`, `+`, `[member` (inclusive) or `(member` (exclusive). */
function parseLexItem(s: string): { bound: LexBound; ex: boolean } | null {
  const c = s.charCodeAt(0);
  // `+` and `-` must be the whole (NUL-terminated) argument.
  const alone = s.length === 1 || s.charCodeAt(1) === 0;
  if (c === 43) return alone ? { bound: LEX_MAX, ex: true } : null;
  if (c === 45) return alone ? { bound: LEX_MIN, ex: true } : null;
  if (c === 40) return { bound: s.slice(1), ex: true };
  if (c === 91) return { bound: s.slice(1), ex: false };
  return null;
}

/** zslParseLexRange */
export function parseLexRange(min: string, max: string): LexRange | null {
  const lo = parseLexItem(min);
  const hi = parseLexItem(max);
  if (lo === null || hi === null) return null;
  return { min: lo.bound, max: hi.bound, minex: lo.ex, maxex: hi.ex };
}

/** The listpack thresholds from CONFIG (zset-max-listpack-entries / -value). */
export function zsetLimits(server: RedisServer): ZsetLimits {
  return {
    maxListpackEntries: server.config.getInt('zset-max-listpack-entries'),
    maxListpackValue: server.config.getInt('zset-max-listpack-value'),
  };
}

/** Tell the views when a command converted the zset at `key` (listpack <-> skiplist). */
export function reportConversion(c: Client, key: string, from: Encoding, z: Zset): void {
  const to = z.encoding();
  if (to !== from) c.server.encodingChanged(c.db.id, key, from, to);
}

/** addReplyErrorFormat(c, "at least 1 input key is needed for '%s' command", fullname). */
export function needsInputKey(fullname: string): ErrorReply {
  return error(`ERR at least 1 input key is needed for '${fullname}' command`);
}

/** One element of a WITHSCORES reply: member then score in RESP2, a [member, score] pair in RESP3. */
export function pushScored(out: Reply[], c: Client, ele: string, score: number, withscores: boolean): void {
  if (!withscores) out.push(ele);
  else if (c.resp === 2) out.push(ele, double(score));
  else out.push([ele, double(score)]);
}

/** An array reply filled by a range walk, with pushScored's shape. */
export class ScoredReply implements ZsetSink {
  readonly out: Reply[] = [];

  constructor(
    private readonly c: Client,
    private readonly withscores: boolean,
  ) {}

  emit(ele: string, score: number): void {
    pushScored(this.out, this.c, ele, score, this.withscores);
  }
}
