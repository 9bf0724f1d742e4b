import type { StructureSnapshot, WriteRecord } from '../../../protocol/snapshots.js';

/** ZADD's flags that come before the first score. */
const ZADD_FLAGS = new Set(['nx', 'xx', 'gt', 'lt', 'ch', 'incr']);

/**
 * What a view follows after a write: the member or field it placed, so the window moves to it
 * and, for a skiplist, the insert search is traced. Null for writes that place nothing in
 * particular (deletes, whole-key commands) or that the snapshot is too short to show.
 */
export function followedMember(w: WriteRecord, kind: StructureSnapshot['kind']): string | null {
  const argv = w.argv;
  const name = (argv[0] ?? '').toLowerCase();
  // A clipped command has lost its tail, and with it the member to follow.
  const complete = w.argc === argv.length;
  if (name === 'zadd' && (kind === 'skiplist' || kind === 'listpack')) {
    let i = 2;
    while (i < argv.length && ZADD_FLAGS.has(argv[i]!.toLowerCase())) i++;
    const pairs = argv.length - i;
    if (!complete || pairs < 2 || pairs % 2 !== 0) return null;
    return argv[argv.length - 1]!;
  }
  if (name === 'zincrby' && argv.length === 4) return argv[3]!;
  if ((name === 'hset' || name === 'hsetnx' || name === 'hmset') && kind === 'listpack' && argv.length >= 4) {
    return complete ? argv[argv.length - 2]! : null;
  }
  return null;
}
