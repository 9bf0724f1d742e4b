import { MAX_WRITE_ARGS, type WriteRecord } from '../../../protocol/snapshots.js';
import { getKeysFromCommand } from '../../../engine/commands/getkeys.js';
import type { RedisServer } from '../../../engine/server/server.js';
import { clip } from './text.js';

/** Keys remembered per node; the oldest written key is forgotten first. */
const MAX_KEYS = 1024;

/**
 * The last write each key saw, read off the node's propagation stream (the commands as a
 * replica would receive them). A view uses it to say what just changed a structure and to
 * follow it there: the member a ZADD inserted, the field an HSET added.
 */
export class WriteLog {
  private seq = 0;
  private readonly last = new Map<string, WriteRecord>();

  constructor(private readonly server: RedisServer) {
    server.onPropagate((dbid, argv) => this.record(dbid, argv));
  }

  private record(dbid: number, argv: string[]): void {
    const spec = this.server.commands.lookup(argv);
    if (spec === undefined) return;
    const keys = getKeysFromCommand(spec, argv);
    if (keys.length === 0) return;
    const entry: WriteRecord = { seq: ++this.seq, argv: argv.slice(0, MAX_WRITE_ARGS).map(clip), argc: argv.length };
    for (const k of keys) {
      const id = slot(dbid, argv[k.pos]!);
      this.last.delete(id);
      this.last.set(id, entry);
    }
    while (this.last.size > MAX_KEYS) this.last.delete(this.last.keys().next().value!);
  }

  lastWrite(dbid: number, key: string): WriteRecord | null {
    return this.last.get(slot(dbid, key)) ?? null;
  }
}

function slot(dbid: number, key: string): string {
  return `${dbid}\u0000${key}`;
}

const logs = new WeakMap<RedisServer, WriteLog>();

/**
 * The node's write log, started the first time a view asks: writes before that are not known,
 * which costs nothing until a structure view is open.
 */
export function writeLogOf(server: RedisServer): WriteLog {
  let log = logs.get(server);
  if (log === undefined) {
    log = new WriteLog(server);
    logs.set(server, log);
  }
  return log;
}
