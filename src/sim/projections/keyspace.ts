import type { KeyDetail, KeyDetailRequest, KeyRow, KeyRowsRequest, KeyRowsResult, ScanKeysRequest, ScanPage } from '../../protocol/api.js';
import type { Db } from '../../engine/keyspace/db.js';
import type { RedisServer } from '../../engine/server/server.js';
import { encodingOf, isString, stringBytes, stringLength, typeOf, type RedisValue } from '../../engine/types/object.js';
import { stringMatch } from '../../engine/util/glob.js';

/**
 * Keyspace views read the dict directly instead of running SCAN/TYPE/TTL through the
 * dispatcher: a view is an observer, so it must not bump keyspace hits, touch LRU clocks,
 * feed MONITOR or lazily delete expired keys. A key whose TTL passed but that active expiry
 * has not reached yet is still listed (with its past expireAt) because it is still in memory.
 */

/** Upper bound of rows and of buckets visited per call, whatever the request asks. */
export const MAX_PAGE_ROWS = 1000;
const BUCKETS_PER_ROW = 16;
export const MAX_DETAIL_LIMIT = 1 << 20;

export function keyRow(db: Db, key: string, val: RedisValue): KeyRow {
  const when = db.getExpire(key);
  return {
    key,
    type: typeOf(val),
    encoding: encodingOf(val),
    expireAt: when < 0 ? null : when,
    size: isString(val) ? stringLength(val) : val.length,
  };
}

export function dbOf(server: RedisServer, index: number): Db | undefined {
  return Number.isInteger(index) ? server.dbs[index] : undefined;
}

/**
 * One page of a reverse-binary dict scan, like SCAN MATCH: continues until `count` rows match
 * or the cursor returns to 0, with the work per call bounded so a sparse pattern over a large
 * keyspace answers quickly with fewer rows and a cursor to continue from.
 */
export function scanKeys(db: Db, req: ScanKeysRequest): ScanPage {
  const want = Math.max(1, Math.min(MAX_PAGE_ROWS, Math.floor(req.count) || 1));
  const matchAll = req.pattern === '' || req.pattern === '*';
  const rows: KeyRow[] = [];
  let cursor = Number.isInteger(req.cursor) && req.cursor >= 0 ? req.cursor >>> 0 : 0;
  let buckets = 0;
  const maxBuckets = want * BUCKETS_PER_ROW;
  do {
    cursor = db.dict.scan(cursor, (e) => {
      if (matchAll || stringMatch(req.pattern, e.key)) rows.push(keyRow(db, e.key, e.val));
    });
    buckets++;
  } while (cursor !== 0 && rows.length < want && buckets < maxBuckets);
  return { cursor, rows, dbSize: db.size };
}

export function keyRows(db: Db, req: KeyRowsRequest): KeyRowsResult {
  const rows: KeyRow[] = [];
  const missing: string[] = [];
  const matchAll = req.pattern === undefined || req.pattern === '' || req.pattern === '*';
  for (const key of req.keys.slice(0, MAX_PAGE_ROWS)) {
    const val = db.dict.get(key);
    if (val === undefined || (!matchAll && !stringMatch(req.pattern!, key))) missing.push(key);
    else rows.push(keyRow(db, key, val));
  }
  return { rows, missing, dbSize: db.size };
}

export function keyDetail(db: Db, req: KeyDetailRequest): KeyDetail | null {
  const val = db.dict.get(req.key);
  if (val === undefined) return null;
  const row = keyRow(db, req.key, val);
  if (isString(val)) {
    const limit = clampLimit(req.maxBytes);
    const bytes = stringBytes(val);
    return { row, value: { type: 'string', value: bytes.slice(0, limit) }, truncated: bytes.length > limit };
  }
  const limit = clampLimit(req.maxElements);
  return { row, value: val.elements(limit), truncated: val.length > limit };
}

function clampLimit(n: number): number {
  return Math.max(1, Math.min(MAX_DETAIL_LIMIT, Math.floor(n) || 1));
}
