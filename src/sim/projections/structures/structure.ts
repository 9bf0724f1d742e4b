import { MAX_WINDOW, type StructureRequest, type StructureSnapshot } from '../../../protocol/snapshots.js';
import { objectComputeSize } from '../../../engine/commands/memory.js';
import type { Db } from '../../../engine/keyspace/db.js';
import type { RedisServer } from '../../../engine/server/server.js';
import { RedisHash } from '../../../engine/types/hash.js';
import { RedisList } from '../../../engine/types/list.js';
import { encodingOf, isString, stringLength, typeOf } from '../../../engine/types/object.js';
import { RedisSet } from '../../../engine/types/set.js';
import { DICT_ENTRY_SIZE, sdsAllocSize } from '../../../engine/types/zmalloc.js';
import { Zset } from '../../../engine/types/zset.js';
import { toByteString } from '../../bytes.js';
import { dictProjection } from './dict.js';
import { listpackSnapshot, windowAround } from './listpack.js';
import { skiplistProjection } from './skiplist.js';
import { windowSize, windowStart } from './text.js';
import { writeLogOf } from './writeLog.js';

/** OBJ_COMPUTE_SIZE_DEF_SAMPLES, as MEMORY USAGE samples without SAMPLES. */
const MEMORY_SAMPLES = 5;

/**
 * The structure view's snapshot of one key, or of the db's keyspace dict (key null): what the
 * encoding holds, windowed to the request. An observer like the keyspace projections: no
 * lookup statistics, no LRU touch, no lazy expiry, no rehash step.
 */
export function structureSnapshot(server: RedisServer, node: string, db: Db, req: StructureRequest): StructureSnapshot {
  const log = writeLogOf(server);
  const count = windowSize(req.count);
  const from = windowStart(req.from);
  if (req.key === null || req.key === undefined) {
    const d = dictProjection(db.dict, from, count);
    return { kind: 'hashtable', owner: 'keyspace', node, db: db.id, key: null, lastWrite: null, ...d };
  }
  const key = toByteString(String(req.key));
  const base = { node, db: db.id, key, lastWrite: log.lastWrite(db.id, key) };
  const entry = db.dict.peek(key);
  if (entry === null) return { kind: 'missing', ...base };
  const val = entry.val;
  const value = {
    ...base,
    type: typeOf(val),
    encoding: encodingOf(val),
    length: isString(val) ? stringLength(val) : val.length,
    memoryBytes: objectComputeSize(val, MEMORY_SAMPLES) + sdsAllocSize(key.length) + DICT_ENTRY_SIZE,
  };
  const limit = (name: string) => ({ name, value: server.config.getInt(name) });
  const focus = req.focusMember === undefined ? undefined : toByteString(String(req.focusMember));

  if (val instanceof Zset) {
    const maxEntries = limit('zset-max-listpack-entries');
    const maxValue = limit('zset-max-listpack-value');
    const sl = skiplistProjection(val, from, count, focus, req.trace);
    if (sl !== null) return { kind: 'skiplist', ...value, ...sl, dict: val.dictShape()!, maxEntries, maxValue };
    const start = listpackStart(val, focus, from, count, 2, (m) => (val.peekScore(m) === undefined ? false : val.rank(m, false)));
    return { kind: 'listpack', ...value, stride: 2, maxEntries, maxValue, ...listpackOf(val.listpackLayout(start, pairs(count, 2))!, val) };
  }
  if (val instanceof RedisHash) {
    if (val.encoding() !== 'listpack') return { kind: 'hashtable', owner: 'hash', ...value, ...dictProjection(val.dictView()!, from, count) };
    const start = listpackStart(val, focus, from, count, 2, (f) => hashFieldIndex(val, f));
    return {
      kind: 'listpack',
      ...value,
      stride: 2,
      maxEntries: limit('hash-max-listpack-entries'),
      maxValue: limit('hash-max-listpack-value'),
      ...listpackOf(val.listpackLayout(start, pairs(count, 2))!, val),
    };
  }
  if (val instanceof RedisSet) {
    const is = val.intsetLayout(Math.min(from, Math.max(0, val.length - count)), count);
    if (is === null) return { kind: 'hashtable', owner: 'set', ...value, ...dictProjection(val.dictView()!, from, count) };
    const { encodingBits, blobBytes, allocBytes, start, values } = is;
    return { kind: 'intset', ...value, encodingBits, blobBytes, allocBytes, start, values, maxEntries: limit('set-max-intset-entries') };
  }
  if (val instanceof RedisList) {
    const ql = val.ql;
    const first = Math.min(from, Math.max(0, ql.len - count));
    const opened = req.openNode === undefined ? first : windowStart(req.openNode);
    const layout = ql.nodeLayout(opened, 0, windowSize(req.openCount ?? MAX_WINDOW));
    return {
      kind: 'quicklist',
      ...value,
      nodeCount: ql.len,
      nodes: ql.nodeWindow(first, count),
      fill: { name: 'list-max-listpack-size', value: ql.fill },
      compressDepth: { name: 'list-compress-depth', value: ql.compress },
      open: layout === null ? null : { index: opened, listpack: listpackSnapshot(layout) },
    };
  }
  return { kind: 'plain', ...value };
}

/** The element index of a member/field, or false when absent. */
type IndexOf = (member: string) => number | false;

/** The first entry of the window: around the focused element if it exists, else `from` kept in range. */
function listpackStart(v: { length: number }, focus: string | undefined, from: number, count: number, stride: 1 | 2, indexOf: IndexOf): number {
  count = pairs(count, stride);
  const at = focus === undefined ? false : indexOf(focus);
  const numEntries = v.length * stride;
  if (at !== false) return windowAround(at, count, stride, numEntries);
  const start = Math.min(from, Math.max(0, numEntries - count));
  return start - (start % stride);
}

/** A window of whole elements: pairs of entries for hashes and zsets. */
function pairs(count: number, stride: 1 | 2): number {
  return Math.max(stride, count - (count % stride));
}

function hashFieldIndex(h: RedisHash, field: string): number | false {
  let i = 0;
  let found: number | false = false;
  h.forEach((f) => {
    if (found === false && f === field) found = i;
    i++;
  });
  return found;
}

/** The listpack snapshot plus the longest element, which decides a conversion by value size. */
function listpackOf(layout: Parameters<typeof listpackSnapshot>[0], v: Zset | RedisHash) {
  let longest = 0;
  const visit = (a: string, b: string) => {
    longest = Math.max(longest, a.length, b.length);
  };
  if (v instanceof Zset) v.forEachFromTail((ele) => void visit(ele, ''));
  else v.forEach(visit);
  return { listpack: listpackSnapshot(layout), longestElement: longest };
}
