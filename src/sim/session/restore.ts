import type { ImportResult, SessionKey, ValueData } from '../../protocol/api.js';
import { isError } from '../../protocol/reply.js';
import { encodeStringValue } from '../../engine/commands/string.js';
import type { Db } from '../../engine/keyspace/db.js';
import { parseSession } from './schema.js';
import type { Simulation } from '../simulation.js';

/** Elements per loading command, as AOF rewrite batches them (AOF_REWRITE_ITEMS_PER_CMD). */
const ITEMS_PER_CMD = 64;

/** The command that rebuilds each collection type, as an AOF rewrite would write it. */
const LOADERS: Record<Exclude<ValueData['type'], 'string'>, string> = {
  list: 'rpush',
  set: 'sadd',
  zset: 'zadd',
  hash: 'hset',
  stream: 'xadd',
};

/**
 * Replace the first node's dataset with a session file. Strings are stored directly, as an
 * RDB load does; collections are rebuilt with their own write commands, as an AOF load does,
 * so their encodings follow the node's current thresholds. Remaining TTLs are kept: each
 * expireAt is moved by however far the clock is from the file's clock.
 */
export function restoreSession(sim: Simulation, input: unknown): ImportResult {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input) as unknown;
    } catch (e) {
      return { ok: false, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  const parsed = parseSession(data);
  if (!parsed.ok) return parsed;
  const snap = parsed.snapshot;
  const node = sim.node()!;
  const server = node.server;
  for (const d of snap.dbs) {
    if (d.db >= server.dbs.length) return { ok: false, error: `db ${d.db} is out of range (databases ${server.dbs.length})` };
    for (const k of d.keys) {
      if (k.value.type !== 'string' && server.commands.get(LOADERS[k.value.type]) === undefined) {
        return { ok: false, error: `${k.value.type} values cannot be loaded: this build has no ${LOADERS[k.value.type].toUpperCase()}` };
      }
    }
  }

  if (snap.clock.now > sim.clock.now()) sim.advance(snap.clock.now - sim.clock.now());
  sim.setSpeed(snap.clock.speed);
  if (snap.clock.paused) sim.pause();
  else sim.resume();
  sim.tick();
  const offset = sim.clock.now() - snap.clock.now;

  for (const db of server.dbs) {
    db.signalFlushed();
    db.clear();
  }
  let loaderError: string | null = null;
  const loader = server.createClient({
    sink: (r) => {
      if (isError(r)) loaderError ??= r.s;
    },
    addr: 'session-loader:0',
  });
  const run = (argv: string[]): string | null => {
    server.exec(loader, argv);
    return loaderError;
  };
  let loaded = 0;
  let failure: string | null = null;
  try {
    for (const d of snap.dbs) {
      const db = server.dbs[d.db]!;
      loader.db = db;
      for (const k of d.keys) {
        if (k.expireAt !== null && k.expireAt <= snap.clock.now) continue;
        const err = loadKey(db, k, run);
        if (err !== null) {
          failure = `key ${JSON.stringify(k.key)}: ${err}`;
          break;
        }
        if (k.expireAt !== null) db.setExpire(k.key, k.expireAt + offset);
        loaded++;
      }
      if (failure !== null) break;
    }
  } finally {
    server.freeClient(loader);
    sim.feed.forceResync(node);
  }
  return failure === null ? { ok: true, keys: loaded } : { ok: false, error: failure };
}

function loadKey(db: Db, k: SessionKey, run: (argv: string[]) => string | null): string | null {
  db.delete(k.key);
  const v = k.value;
  if (v.type === 'string') {
    db.add(k.key, encodeStringValue(v.value));
    return null;
  }
  for (const argv of loadCommands(k.key, v)) {
    const err = run(argv);
    if (err !== null) return err;
  }
  return null;
}

function loadCommands(key: string, v: Exclude<ValueData, { type: 'string' }>): string[][] {
  const cmd = LOADERS[v.type];
  if (v.type === 'stream') return v.entries.map(([id, fields]) => [cmd, key, id, ...fields]);
  const args: string[] =
    v.type === 'list' ? v.items
    : v.type === 'set' ? v.members
    : v.type === 'zset' ? v.entries.flatMap(([member, score]) => [score, member])
    : v.entries.flatMap(([field, value]) => [field, value]);
  const per = v.type === 'zset' || v.type === 'hash' ? ITEMS_PER_CMD * 2 : ITEMS_PER_CMD;
  const out: string[][] = [];
  for (let i = 0; i < args.length; i += per) out.push([cmd, key, ...args.slice(i, i + per)]);
  return out;
}
