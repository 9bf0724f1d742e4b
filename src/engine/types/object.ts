import type { ValueData } from '../../protocol/api.js';

/**
 * What a key holds. Redis wraps every value in a robj {type, encoding, lru, refcount, ptr};
 * here the type and encoding are derived from the value itself, so a plain string value costs
 * no wrapper object (the keyspace's memory budget depends on it):
 *
 *   string  (length <= 44)  -> OBJECT ENCODING "embstr"   (created by SET and friends)
 *   string  (length > 44)   -> "raw"
 *   number / bigint         -> "int"   (tryObjectEncoding succeeded: canonical int64, <= 20 bytes)
 *   RawString               -> "raw"   (mutated in place: APPEND, SETRANGE, SETBIT ... as Redis
 *                                        unshares into a raw sds even when short)
 *   RedisCollection         -> list / set / zset / hash / stream, encoding reported by the value
 */
export type RedisType = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';

export type Encoding =
  | 'raw'
  | 'int'
  | 'embstr'
  | 'hashtable'
  | 'quicklist'
  | 'listpack'
  | 'intset'
  | 'skiplist'
  | 'stream';

/** OBJ_ENCODING_EMBSTR_SIZE_LIMIT */
export const EMBSTR_SIZE_LIMIT = 44;

/** A string value Redis holds as a raw (mutable) sds. */
export class RawString {
  constructor(public s: string) {}
}

/** Base of every non-string value (issue 4 fills in lists, sets, zsets, hashes, streams). */
export abstract class RedisCollection {
  abstract readonly type: Exclude<RedisType, 'string'>;
  abstract encoding(): Encoding;
  /** Number of elements (LLEN, SCARD, ZCARD, HLEN, XLEN). */
  abstract get length(): number;
  /** A deep copy for COPY. */
  abstract copy(): RedisCollection;
  /**
   * The first `limit` elements in the type's own order (list order, zset by score), as plain
   * data: what the keyspace views draw and what a session file stores.
   */
  abstract elements(limit: number): ValueData;
  /**
   * objectComputeSize: the bytes Redis's allocator holds for the value (robj included, key
   * excluded), averaging the first `samples` nested elements of big encodings; 0 means all.
   */
  abstract memoryUsage(samples?: number): number;
}

export type StringValue = string | number | bigint | RawString;
export type RedisValue = StringValue | RedisCollection;

export function typeOf(v: RedisValue): RedisType {
  return typeof v === 'object' && v instanceof RedisCollection ? v.type : 'string';
}

export function isString(v: RedisValue): v is StringValue {
  return !(typeof v === 'object' && v instanceof RedisCollection);
}

export function encodingOf(v: RedisValue): Encoding {
  switch (typeof v) {
    case 'string':
      return v.length <= EMBSTR_SIZE_LIMIT ? 'embstr' : 'raw';
    case 'number':
    case 'bigint':
      return 'int';
    default:
      return v instanceof RawString ? 'raw' : v.encoding();
  }
}

/** The bytes of a string value. */
export function stringBytes(v: StringValue): string {
  return typeof v === 'string' ? v : typeof v === 'object' ? v.s : String(v);
}

/** Byte length of a string value without materialising it when it is a number. */
export function stringLength(v: StringValue): number {
  return typeof v === 'string' ? v.length : typeof v === 'object' ? v.s.length : String(v).length;
}
