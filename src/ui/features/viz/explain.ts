import type { ListpackStructure, SkiplistTraceSnapshot, StructureSnapshot } from '../../../protocol/snapshots.js';
import { label } from './draw/label.js';

/** What a view says about itself: a title, one or two sentences, and commands to try. */
export interface Explanation {
  title: string;
  text: string;
  commands: string[];
}

/** An argument as it would be typed in redis-cli: quoted when it has spaces or quotes. */
export function cliArg(bytes: string): string {
  const text = label(bytes, 40);
  return /^[^\s"'\\]+$/.test(text) ? text : `"${text.replace(/(["\\])/g, '\\$1')}"`;
}

/** A member one byte over zset-max-listpack-value's default: typing it converts the zset. */
export const LONG_MEMBER = 'sixty-five-bytes-is-one-byte-more-than-zset-max-listpack-value-64';

export function explain(s: StructureSnapshot): Explanation {
  const k = s.key === null ? '' : cliArg(s.key);
  switch (s.kind) {
    case 'missing':
      return {
        title: 'No such key',
        text: `${k} does not exist (any more). Create it from the console and watch it here.`,
        commands: [`ZADD ${k} 1 a 2 b 3 c`, `HSET ${k} name ada`, `SADD ${k} 1 2 3`],
      };
    case 'plain':
      return {
        title: `${s.type === 'string' ? 'String' : 'Stream'}: ${s.encoding}`,
        text:
          s.type === 'string'
            ? 'A string has no inner structure to draw. OBJECT ENCODING says int (a 64-bit integer), embstr (up to 44 bytes, allocated together with its object) or raw (a separate buffer).'
            : 'Streams are not drawn here yet.',
        commands: [`OBJECT ENCODING ${k}`, `MEMORY USAGE ${k}`],
      };
    case 'skiplist': {
      const m = s.nodes[0] === undefined ? 'a' : cliArg(s.nodes[0].member);
      return {
        title: 'Sorted set: skiplist + dict',
        text:
          'Each node is a tower that reaches one level higher with probability 1/4, so the upper levels are express lanes and a search skips most nodes (about log N steps, not N). Numbers on the pointers are spans, the level-0 nodes each one jumps: ZRANK adds them up. A dict beside the skiplist maps member → score, so ZSCORE needs no search at all.',
        commands: [`ZADD ${k} 42 newcomer`, `ZRANK ${k} ${m}`, `ZSCORE ${k} ${m}`, `ZREM ${k} ${m}`, `ZRANGE ${k} 0 9 WITHSCORES`],
      };
    }
    case 'listpack':
      return listpackExplanation(s, k);
    case 'intset':
      return {
        title: `Set: intset (int${s.encodingBits})`,
        text: `Integer-only sets are an intset: one sorted array searched by binary search, every element as wide as the widest (16, 32 or 64 bits). A value that does not fit makes the whole array wider, never narrower again; a non-integer member or more than ${s.maxEntries.value} members (${s.maxEntries.name}) turns it into a hashtable.`,
        commands: [`SADD ${k} 7`, `SADD ${k} 70000`, `SADD ${k} 5000000000`, `SADD ${k} hello`, `SISMEMBER ${k} 7`],
      };
    case 'hashtable':
      if (s.owner === 'keyspace') {
        return {
          title: `db${s.db}'s keyspace dict`,
          text: 'Every key of the db is an entry of this dict. When it fills up a table twice as big is allocated and buckets move over incrementally: one per command that touches the dict, plus up to 1 ms of work per serverCron tick — so pausing the clock leaves only the commands moving it, and Step advances it.',
          commands: ['DEBUG POPULATE 100000', 'SET newkey 1', 'DBSIZE', 'FLUSHDB'],
        };
      }
      return {
        title: `${s.owner === 'hash' ? 'Hash' : 'Set'}: hashtable`,
        text: `A big ${s.owner} is a dict: each ${s.owner === 'hash' ? 'field' : 'member'} hashes to a bucket, collisions chain. When entries reach the bucket count, Redis allocates a table twice as big and moves one bucket per command on this ${s.owner} (incremental rehash), so no single command pays for the whole copy.`,
        commands:
          s.owner === 'hash'
            ? [`HSET ${k} f${s.size + 1} v`, `HGET ${k} f1`, `HDEL ${k} f1`, `HLEN ${k}`]
            : [`SADD ${k} m${s.size + 1}`, `SISMEMBER ${k} m1`, `SREM ${k} m1`, `SCARD ${k}`],
      };
    case 'quicklist':
      return {
        title: 'List: quicklist',
        text: `A list is a doubly linked list of listpack nodes, each filled up to ${s.fill.name} ${s.fill.value} (negative: a size in KiB classes, positive: entries). Nodes deeper than ${s.compressDepth.name} ${s.compressDepth.value} from either end are LZF-compressed (0: none are). Click a node to see its listpack.`,
        commands: [`RPUSH ${k} a b c`, `LPUSH ${k} z`, `LPOP ${k}`, `LINDEX ${k} 0`, `CONFIG SET list-compress-depth 1`],
      };
  }
}

function listpackExplanation(s: ListpackStructure, k: string): Explanation {
  if (s.type === 'zset') {
    return {
      title: 'Sorted set: listpack',
      text: `A small sorted set is one listpack: member and score entries side by side, kept in score order and scanned linearly. It becomes a skiplist + dict past ${s.maxEntries.value} members (${s.maxEntries.name}) or with a member longer than ${s.maxValue.value} bytes (${s.maxValue.name}).`,
      commands: [`ZADD ${k} 5 e`, `ZADD ${k} 1 ${LONG_MEMBER}`, `CONFIG SET ${s.maxEntries.name} ${Math.max(1, s.length)}`, `OBJECT ENCODING ${k}`],
    };
  }
  return {
    title: 'Hash: listpack',
    text: `A small hash is one listpack: field and value entries side by side in insertion order; HGET scans it. It becomes a hashtable past ${s.maxEntries.value} fields (${s.maxEntries.name}) or with a field or value longer than ${s.maxValue.value} bytes (${s.maxValue.name}), and never goes back.`,
    commands: [`HSET ${k} color blue`, `HINCRBY ${k} visits 1`, `HDEL ${k} color`, `CONFIG SET ${s.maxEntries.name} ${Math.max(1, s.length)}`],
  };
}

/**
 * Why the value changed encoding between two snapshots of the same key, as Redis decides it;
 * null when it did not.
 */
export function conversionNote(before: StructureSnapshot | null, after: StructureSnapshot): string | null {
  if (before === null || before.key !== after.key || !('length' in after)) return null;
  if (before.kind === 'intset' && after.kind === 'intset' && after.encodingBits > before.encodingBits) {
    return `Upgraded int${before.encodingBits} → int${after.encodingBits}: a value did not fit, so every element was rewritten ${after.encodingBits / 8} bytes wide (intsetUpgradeAndAdd).`;
  }
  if (before.kind === after.kind) return null;
  if (before.kind === 'listpack' && (after.kind === 'skiplist' || after.kind === 'hashtable')) {
    const to = after.kind === 'skiplist' ? 'skiplist + dict' : 'hashtable';
    const why =
      after.length > before.maxEntries.value
        ? `${after.length} ${before.type === 'zset' ? 'members' : 'fields'} > ${before.maxEntries.name} (${before.maxEntries.value})`
        : `an element longer than ${before.maxEntries.name === 'zset-max-listpack-entries' ? 'zset' : 'hash'}-max-listpack-value (${before.maxValue.value} bytes)`;
    return `Converted listpack → ${to}: ${why}.`;
  }
  if (before.kind === 'intset' && after.kind === 'hashtable') {
    const why = after.length > before.maxEntries.value ? `${after.length} members > ${before.maxEntries.name} (${before.maxEntries.value})` : 'a member that is not an integer';
    return `Converted intset → hashtable: ${why}.`;
  }
  if (before.kind === 'skiplist' && after.kind === 'listpack') return 'Converted skiplist → listpack: a STORE result small enough for a listpack.';
  return null;
}

/** A traced search in words: how many comparisons, and the path as `L3 →#31 ↓ L2 …`. */
export function traceSummary(t: SkiplistTraceSnapshot, length: number): { text: string; path: string } {
  const compared = t.steps.filter((s) => s.to !== null).length;
  const forward = t.steps.filter((s) => s.action === 'forward').length;
  const who = `${cliArg(t.member)} (score ${t.score})`;
  let text: string;
  if (t.kind === 'insert') {
    text = `ZADD's search for ${who}: ${compared} comparisons, ${forward} moves forward, to rank ${t.rank - 1} of ${length}. Walking level 0 alone would take ${t.rank} comparisons.`;
  } else if (t.rank === 0) {
    text = `ZRANK's search for ${who}: ${compared} comparisons; the member is not there.`;
  } else {
    text = `ZRANK's search for ${who}: ${compared} comparisons to rank ${t.rank - 1}, adding up the spans of the ${forward} pointers it followed. ZSCORE skips all this: it reads the dict.`;
  }
  const parts: string[] = [];
  let level = -1;
  for (const s of t.steps) {
    if (s.level !== level) {
      if (level !== -1) parts.push('↓');
      parts.push(`L${s.level}`);
      level = s.level;
    }
    if (s.action === 'forward' && s.to !== null) parts.push(`→#${s.to.rank - 1}`);
  }
  return { text, path: parts.join(' ') };
}
