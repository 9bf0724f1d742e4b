/**
 * A reply as the engine produces it. Plain data, structured-clone safe, so it can cross the
 * worker boundary unchanged. The same value is encoded as RESP2 or RESP3 depending on the
 * client's protocol (see engine/resp/encode.ts), exactly as Redis's addReply* functions do.
 *
 * Primitive shapes are used for the hot cases so the common replies allocate nothing:
 *   string  -> bulk string; a "byte string" whose char codes are 0–255 (Redis strings are bytes)
 *   number  -> integer reply (always a safe integer)
 *   bigint  -> integer reply outside the safe-integer range (Redis integers are int64)
 *   null    -> null bulk string (RESP2 `$-1`, RESP3 `_`)
 *   Reply[] -> array
 */
export type Reply =
  | string
  | number
  | bigint
  | null
  | Reply[]
  | StatusReply
  | ErrorReply
  | NilArrayReply
  | DoubleReply
  | MapReply
  | SetReply
  | PushReply
  | BoolReply
  | VerbatimReply;

/** `+OK` — simple string. */
export interface StatusReply { readonly t: 'status'; readonly s: string }
/** `-ERR ...` — `s` is the whole text including the code (`ERR`, `WRONGTYPE`, ...). */
export interface ErrorReply { readonly t: 'error'; readonly s: string }
/** RESP2 `*-1` (null array, e.g. BLPOP timeout, EXEC after a failed WATCH); RESP3 `_`. */
export interface NilArrayReply { readonly t: 'nilarray' }
/** RESP3 `,` double; in RESP2 a bulk string formatted as Redis does (`%.17g`, `inf`). */
export interface DoubleReply { readonly t: 'double'; readonly v: number }
/** RESP3 `%` map, stored as a flat key/value list; in RESP2 a flat array. */
export interface MapReply { readonly t: 'map'; readonly v: Reply[] }
/** RESP3 `~` set; in RESP2 an array. */
export interface SetReply { readonly t: 'set'; readonly v: Reply[] }
/** RESP3 `>` push (pub/sub messages, invalidations); in RESP2 an array. */
export interface PushReply { readonly t: 'push'; readonly v: Reply[] }
/** RESP3 `#t`/`#f`; in RESP2 the integer 1/0. */
export interface BoolReply { readonly t: 'bool'; readonly v: boolean }
/** RESP3 `=` verbatim string (`txt:...`); in RESP2 a bulk string. */
export interface VerbatimReply { readonly t: 'verbatim'; readonly fmt: string; readonly s: string }

export const status = (s: string): StatusReply => ({ t: 'status', s });
export const error = (s: string): ErrorReply => ({ t: 'error', s });
export const double = (v: number): DoubleReply => ({ t: 'double', v });
export const map = (v: Reply[]): MapReply => ({ t: 'map', v });
export const set = (v: Reply[]): SetReply => ({ t: 'set', v });
export const push = (v: Reply[]): PushReply => ({ t: 'push', v });
export const bool = (v: boolean): BoolReply => ({ t: 'bool', v });
export const verbatim = (s: string, fmt = 'txt'): VerbatimReply => ({ t: 'verbatim', fmt, s });

/** Shared replies, like Redis's `shared.ok` etc.: frozen so no handler can mutate them. */
export const OK: StatusReply = Object.freeze(status('OK'));
export const QUEUED: StatusReply = Object.freeze(status('QUEUED'));
export const PONG: StatusReply = Object.freeze(status('PONG'));
export const NIL_ARRAY: NilArrayReply = Object.freeze({ t: 'nilarray' as const });
export const EMPTY_ARRAY: Reply[] = Object.freeze([]) as unknown as Reply[];

export function isError(r: Reply): r is ErrorReply {
  return r !== null && typeof r === 'object' && !Array.isArray(r) && r.t === 'error';
}
