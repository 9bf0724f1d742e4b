import v8 from 'node:v8';
import vm from 'node:vm';
import { RespConnection } from '../src/node/testing/respConnection.js';
import { realRedisAvailable, startRealRedis } from '../src/node/testing/realRedis.js';
import { RedisServer } from '../src/engine/server/server.js';
import { ManualClock } from '../src/engine/time/clock.js';
import { ratio, table } from './report.js';

/**
 * Hash and set costs, in process: command throughput through server.exec (replies as values,
 * no sockets), and memory per element of a 1M-field hash and a 1M-member set, measured as JS
 * heap growth against the growth of a real redis-server's used_memory for the same commands.
 *
 *   npx tsx bench/collections.ts
 *
 * The heap is measured after full, compacting GCs (the script turns on V8's flags for that):
 * the figure is then the live objects' size, without the free space a GC leaves between them,
 * as used_memory counts allocations, not the allocator's holes.
 * Arguments are prepared before timing starts, as flat strings like the RESP parser's, so the
 * figures are the engine's own cost. Results are data, not assertions.
 */
const RUN_MS = 300;
const ROUNDS = 5;
const WARMUP_MS = 300;
const POOL = 1 << 16;
const SMALL_KEYS = 10_000;
const BIG = 1_000_000;
const BATCH = 1000;

/** A flat copy of a string (template literals may build cons strings). */
function flat(s: string): string {
  return Buffer.from(s, 'latin1').toString('latin1');
}

interface Op {
  name: string;
  argv(i: number): string[];
}

const OPS: Op[] = [
  { name: 'GET (reference), 10k strings', argv: (i) => ['GET', `key:${i % SMALL_KEYS}`] },
  { name: 'HSET, 10k listpack hashes of 8 fields', argv: (i) => ['HSET', `hash:${i % SMALL_KEYS}`, `f${i % 8}`, `v${i}`] },
  { name: 'HGET, 10k listpack hashes of 8 fields', argv: (i) => ['HGET', `hash:${i % SMALL_KEYS}`, `f${i % 8}`] },
  { name: 'HSET, one hashtable of 1M fields', argv: (i) => ['HSET', 'bighash', `field:${(i * 7919) % BIG}`, `value:${i}`] },
  { name: 'HGET, one hashtable of 1M fields', argv: (i) => ['HGET', 'bighash', `field:${(i * 7919) % BIG}`] },
  { name: 'SADD, 10k intsets of 16 integers', argv: (i) => ['SADD', `set:${i % SMALL_KEYS}`, String(i % 16)] },
  { name: 'SISMEMBER, 10k intsets of 16 integers', argv: (i) => ['SISMEMBER', `set:${i % SMALL_KEYS}`, String(i % 16)] },
  { name: 'SADD, one hashtable of 1M members', argv: (i) => ['SADD', 'bigset', `member:${(i * 7919) % BIG}`] },
  { name: 'SISMEMBER, one hashtable of 1M members', argv: (i) => ['SISMEMBER', 'bigset', `member:${(i * 7919) % BIG}`] },
];

/** Run the pool round-robin until `ms` have passed; returns commands per second. */
function rate(server: RedisServer, client: ReturnType<RedisServer['createClient']>, pool: string[][], ms: number): number {
  const started = performance.now();
  let done = 0;
  while (performance.now() - started < ms) {
    for (let i = 0; i < BATCH; i++) server.exec(client, pool[(done + i) & (POOL - 1)]!);
    done += BATCH;
  }
  return (done * 1000) / (performance.now() - started);
}

function throughput(): string {
  const server = new RedisServer({ clock: new ManualClock() });
  const client = server.createClient();
  for (let i = 0; i < SMALL_KEYS; i++) server.exec(client, ['SET', flat(`key:${i}`), 'xxx']);
  for (let i = 0; i < BIG; i += BATCH) {
    const fields: string[] = [];
    const members: string[] = [];
    for (let j = i; j < i + BATCH; j++) {
      fields.push(flat(`field:${j}`), flat(`value:${j}`));
      members.push(flat(`member:${j}`));
    }
    server.exec(client, ['HSET', 'bighash', ...fields]);
    server.exec(client, ['SADD', 'bigset', ...members]);
  }
  const rows: string[][] = [];
  for (const op of OPS) {
    const pool = Array.from({ length: POOL }, (_, i) => op.argv(i).map(flat));
    rate(server, client, pool, WARMUP_MS);
    let best = 0;
    for (let r = 0; r < ROUNDS; r++) best = Math.max(best, rate(server, client, pool, RUN_MS));
    rows.push([op.name, Math.round(best).toLocaleString('en-US')]);
  }
  return `server.exec, best of ${ROUNDS} rounds of ${RUN_MS} ms after ${WARMUP_MS} ms warm-up (the machine is shared), commands/s\n\n` + table(['command', 'redsim'], rows);
}

/**
 * The commands that build a BIG-element hash or set, BATCH elements per command, made one at
 * a time as a connection would deliver them.
 */
function* buildCommands(kind: 'hash' | 'set'): Generator<string[]> {
  for (let i = 0; i < BIG; i += BATCH) {
    const argv = kind === 'hash' ? ['HSET', 'h'] : ['SADD', 's'];
    for (let j = i; j < i + BATCH; j++) {
      if (kind === 'hash') argv.push(flat(`field:${j}`), flat(`value:${j}`));
      else argv.push(flat(`member:${j}`));
    }
    yield argv;
  }
}

/** A full, compacting GC, then the heap's size. */
function heapUsed(): number {
  v8.setFlagsFromString('--expose-gc');
  v8.setFlagsFromString('--compact-on-every-full-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * JS heap growth per element while the engine stores the data: measured from before the
 * argument strings exist, since they become the stored fields and members, as they do
 * behind the RESP parser.
 */
function engineBytes(kind: 'hash' | 'set'): number {
  const server = new RedisServer({ clock: new ManualClock() });
  const client = server.createClient();
  const before = heapUsed();
  for (const argv of buildCommands(kind)) server.exec(client, argv);
  client.argv = [];
  const after = heapUsed();
  if (server.dbs[0]!.size !== 1) throw new Error('expected one key');
  return (after - before) / BIG;
}

async function usedMemory(conn: RespConnection): Promise<number> {
  const info = (await conn.call(['INFO', 'memory'])).reply as string;
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

/** used_memory growth per element on a real redis-server for the same commands. */
async function redisBytes(port: number, kind: 'hash' | 'set'): Promise<number> {
  const conn = await RespConnection.connect(port);
  try {
    await conn.call(['FLUSHALL']);
    const before = await usedMemory(conn);
    for (const argv of buildCommands(kind)) await conn.call(argv);
    const after = await usedMemory(conn);
    await conn.call(['FLUSHALL']);
    return (after - before) / BIG;
  } finally {
    conn.close();
  }
}

async function memory(): Promise<string> {
  if (!realRedisAvailable()) return 'n/a (redis-server not installed)\n';
  const real = await startRealRedis();
  const rows: string[][] = [];
  try {
    for (const kind of ['hash', 'set'] as const) {
      const theirs = await redisBytes(real.port, kind);
      const ours = engineBytes(kind);
      rows.push([`${kind} of 1M ${kind === 'hash' ? 'fields (field:N = value:N)' : 'members (member:N)'}`, ours.toFixed(1), theirs.toFixed(1), ratio(ours, theirs)]);
    }
  } finally {
    await real.stop();
  }
  return 'bytes per element: JS heap growth (after GC) vs redis-server used_memory growth\n\n' + table(['value', 'redsim', 'redis-server 7.0', 'redsim / redis'], rows);
}

export async function benchCollections(): Promise<string> {
  return `### Throughput\n\n${throughput()}\n### Memory\n\n${await memory()}`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchCollections());
