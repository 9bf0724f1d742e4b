import type { RedisTypeName } from './api.js';

/**
 * Plain-data pictures of a value's inside, for the structure views (DESIGN.md invariants 8
 * and 9): what the encoding really holds, cut to the window a view has room for. Byte strings
 * (members, fields, keys) are clipped to MAX_TEXT_BYTES; their real size travels beside them.
 * Scores are Redis's text ("%.17g": `1.5`, `inf`), so the data survives JSON.
 */

/** Longest member / field / key text a snapshot carries. */
export const MAX_TEXT_BYTES = 64;
/** Most entries, nodes, buckets or values a snapshot carries, whatever the request asks. */
export const MAX_WINDOW = 256;
/** Keys listed per dict bucket (the chain's length is given in full). */
export const MAX_CHAIN_KEYS = 4;
/** Slices of a dict table in its occupancy overview. */
export const OCCUPANCY_BINS = 64;

export interface StructureRequest {
  node?: string;
  db: number;
  /** The key whose value to draw; null draws the db's keyspace dict itself. */
  key: string | null;
  /**
   * Where the window starts: the first entry (listpack, intset), bucket (dict) or node
   * (quicklist); for a skiplist the 1-based rank the window is centred on.
   */
  from: number;
  /** Entries, buckets or nodes the view has room for (capped at MAX_WINDOW). */
  count: number;
  /**
   * Put this member (zset) or field (hash) in the window instead of `from`. Ignored when it
   * is absent or the encoding has no order to find it in (dicts).
   */
  focusMember?: string;
  /** Skiplist only: the search to trace. */
  trace?: TraceRequest;
  /** Quicklist only: the node whose listpack is drawn in detail (default: the window's first). */
  openNode?: number;
  /** Quicklist only: entries of the opened node's listpack the view has room for. */
  openCount?: number;
}

export interface TraceRequest {
  member: string;
  /** The score to search for, as text (`42`, `-inf`); omitted: the member's current score. */
  score?: string;
  /** insert: the search ZADD makes to place a new member (zslInsert); rank: ZRANK's (zslGetRank). */
  kind: 'insert' | 'rank';
}

/** The last write replicated for a key (as propagated: EXPIRE becomes PEXPIREAT, ...). */
export interface WriteRecord {
  /** Increases with every write the node propagates. */
  seq: number;
  /** The first MAX_WRITE_ARGS arguments, each clipped to MAX_TEXT_BYTES. */
  argv: string[];
  /** The real argument count. */
  argc: number;
}

export const MAX_WRITE_ARGS = 16;

/** A CONFIG parameter that decides when an encoding converts. */
export interface ConfigLimit {
  name: string;
  value: number;
}

interface StructureBase {
  node: string;
  db: number;
  /** Null for the keyspace dict. */
  key: string | null;
  lastWrite: WriteRecord | null;
}

interface ValueBase extends StructureBase {
  type: RedisTypeName;
  /** OBJECT ENCODING */
  encoding: string;
  /** Elements (bytes for a string). */
  length: number;
  /** MEMORY USAGE key: value, key and dict entry, nested elements sampled as by default. */
  memoryBytes: number;
}

export interface MissingStructure extends StructureBase {
  kind: 'missing';
}

/** Strings and streams: no inner structure drawn, only what OBJECT ENCODING says. */
export interface PlainStructure extends ValueBase {
  kind: 'plain';
}

export type ListpackEntryEncoding = 'uint7' | 'int13' | 'int16' | 'int24' | 'int32' | 'int64' | 'str6' | 'str12' | 'str32';

export interface ListpackEntrySnapshot {
  index: number;
  /** Byte offset from the start of the listpack. */
  offset: number;
  /** The entry as lpGet returns it (integers as decimal text), clipped. */
  value: string;
  encoding: ListpackEntryEncoding;
  /** Encoding byte(s), string length included. */
  headerBytes: number;
  dataBytes: number;
  backlenBytes: number;
}

export interface ListpackSnapshot {
  totalBytes: number;
  /** zmalloc_size of the buffer. */
  allocBytes: number;
  numEntries: number;
  headerBytes: number;
  eofBytes: number;
  entries: ListpackEntrySnapshot[];
}

export interface ListpackStructure extends ValueBase {
  kind: 'listpack';
  listpack: ListpackSnapshot;
  /** Listpack entries per element: 2 for a hash (field, value) or zset (member, score). */
  stride: 1 | 2;
  /** The element count limit (counted in elements, not entries). */
  maxEntries: ConfigLimit;
  /** The longest element allowed, in bytes. */
  maxValue: ConfigLimit;
  /** Bytes of the longest member / field / value held now. */
  longestElement: number;
}

export interface SkiplistNodeSnapshot {
  /** 1-based rank; 0 for the header. */
  rank: number;
  member: string;
  memberBytes: number;
  score: string;
  level: number;
  /** Per level, the rank the forward pointer reaches, or null at the end of the level. */
  forward: Array<number | null>;
  /** Per level, how many level-0 nodes the forward pointer crosses. */
  span: number[];
  /** Rank of the level-0 predecessor, null for the first node. */
  backward: number | null;
}

export interface SkiplistTraceStep {
  level: number;
  /** The node the search stands on (0: the header). */
  fromRank: number;
  /** The node the forward pointer leads to, null at the end of the level. */
  to: { rank: number; member: string; score: string } | null;
  /** forward: the next node sorts before the target, move to it; down: drop a level (or stop). */
  action: 'forward' | 'down';
}

export interface SkiplistTraceSnapshot {
  kind: 'insert' | 'rank';
  member: string;
  score: string;
  steps: SkiplistTraceStep[];
  /** insert: the rank the member takes; rank: its rank, 0 when absent. */
  rank: number;
}

export interface DictShapeSnapshot {
  sizes: [number, number];
  used: [number, number];
  /** Next bucket of table 0 to move; -1 when not rehashing. */
  rehashIdx: number;
}

export interface SkiplistStructure extends ValueBase {
  kind: 'skiplist';
  /** zsl->level: levels in use. */
  level: number;
  header: SkiplistNodeSnapshot;
  /** Consecutive nodes by rank: the window. */
  nodes: SkiplistNodeSnapshot[];
  trace: SkiplistTraceSnapshot | null;
  /** The member -> score dict that sits beside the skiplist. */
  dict: DictShapeSnapshot;
  maxEntries: ConfigLimit;
  maxValue: ConfigLimit;
}

export interface IntsetStructure extends ValueBase {
  kind: 'intset';
  encodingBits: 16 | 32 | 64;
  /** intsetBlobLen: 8-byte header + length * width. */
  blobBytes: number;
  allocBytes: number;
  /** Index of values[0]. */
  start: number;
  values: string[];
  maxEntries: ConfigLimit;
}

export interface DictBucketSnapshot {
  index: number;
  /** Entries chained in the bucket. */
  length: number;
  /** The first MAX_CHAIN_KEYS keys of the chain, head first, clipped. */
  keys: string[];
}

export interface DictTableSnapshot {
  size: number;
  used: number;
  /** Share of non-empty buckets per slice of the table (OCCUPANCY_BINS slices at most). */
  occupancy: number[];
  /** The window of buckets. */
  buckets: DictBucketSnapshot[];
}

export interface DictStructureBase extends StructureBase {
  kind: 'hashtable';
  /** Entries in both tables. */
  size: number;
  rehashIdx: number;
  tables: [DictTableSnapshot, DictTableSnapshot];
}

/** A hash's or set's dict. */
export interface HashtableStructure extends DictStructureBase, ValueBase {
  owner: 'hash' | 'set';
}

/** The keyspace dict of a db. */
export interface KeyspaceStructure extends DictStructureBase {
  owner: 'keyspace';
}

export interface QuicklistNodeSnapshot {
  index: number;
  /** Entries in the node's listpack. */
  count: number;
  /** lpBytes of the node's listpack (uncompressed). */
  bytes: number;
  /** LZF-compressed (list-compress-depth keeps the ends plain). */
  compressed: boolean;
  /** Size of the compressed form, when compressed. */
  compressedBytes: number;
}

export interface QuicklistStructure extends ValueBase {
  kind: 'quicklist';
  /** Nodes in the whole list. */
  nodeCount: number;
  /** The window of nodes. */
  nodes: QuicklistNodeSnapshot[];
  /** The list's list-max-listpack-size (fixed when it was created). */
  fill: ConfigLimit;
  /** The list's list-compress-depth (fixed when it was created). */
  compressDepth: ConfigLimit;
  /** The opened node and its listpack, or null when it is out of range or a plain node. */
  open: { index: number; listpack: ListpackSnapshot } | null;
}

export type StructureSnapshot =
  | MissingStructure
  | PlainStructure
  | ListpackStructure
  | SkiplistStructure
  | IntsetStructure
  | HashtableStructure
  | KeyspaceStructure
  | QuicklistStructure;
