import { isError, type Reply } from '../src/protocol/reply.js';
import { RedisServer } from '../src/engine/server/server.js';
import { ScaledClock } from '../src/engine/time/clock.js';
import { realRedisAvailable, startRealRedis } from '../src/node/testing/realRedis.js';
import { RespConnection } from '../src/node/testing/respConnection.js';
import { ratio, table } from './report.js';

/**
 * List throughput (`npx tsx bench/lists.ts`): each op runs a fixed number of commands through
 * server.exec in process, beside redis-server fed the same commands over a pipelined socket.
 * Pushes grow one list and pops drain it, as redis-benchmark's LPUSH/LPOP tests do; the
 * other ops run against lists filled beforehand. Argument vectors are built before timing.
 *
 * Besides wall-clock ops/s, each side is measured per second of its own CPU time (the engine
 * with process.cpuUsage, redis-server with INFO's used_cpu_user + used_cpu_sys), which stays
 * comparable when other processes compete for the cores. The ratio column compares those.
 */
const PIPELINE = 1000;

interface Op {
  name: string;
  /** Commands run before timing, on both sides. */
  setup: string[][];
  /** The timed commands. */
  commands: string[][];
}

function repeat(n: number, argv: (i: number) => string[]): string[][] {
  return Array.from({ length: n }, (_, i) => argv(i));
}

/** RPUSH key with `n` elements "element:<i>", 1000 per command. */
function fill(key: string, n: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i += 1000) out.push(['RPUSH', key, ...Array.from({ length: Math.min(1000, n - i) }, (_, j) => `element:${i + j}`)]);
  return out;
}

function ops(scale: number): Op[] {
  const n = 3_000_000 * scale;
  return [
    { name: `LPUSH x ${n.toLocaleString('en-US')} (one growing list)`, setup: [], commands: repeat(n, () => ['LPUSH', 'mylist', 'xxx']) },
    { name: `LPOP x ${n.toLocaleString('en-US')} (draining it)`, setup: [], commands: repeat(n, () => ['LPOP', 'mylist']) },
    { name: 'RPUSH then LPOP (a queue of 1,000)', setup: fill('queue', 1000), commands: repeat(n, (i) => (i % 2 === 0 ? ['RPUSH', 'queue', 'job'] : ['LPOP', 'queue'])) },
    { name: 'LPUSH then LPOP (a stack of 1,000)', setup: fill('stack', 1000), commands: repeat(n, (i) => (i % 2 === 0 ? ['LPUSH', 'stack', 'job'] : ['LPOP', 'stack'])) },
    { name: 'LRANGE 0 99 (10,000 elements)', setup: fill('range', 10_000), commands: repeat(300_000 * scale, () => ['LRANGE', 'range', '0', '99']) },
    { name: 'LRANGE 0 599 (10,000 elements)', setup: fill('range6', 10_000), commands: repeat(60_000 * scale, () => ['LRANGE', 'range6', '0', '599']) },
    { name: 'LINDEX middle (1,000,000 elements)', setup: fill('big', 1_000_000), commands: repeat(300_000 * scale, () => ['LINDEX', 'big', '500000']) },
    { name: 'LSET middle (1,000,000 elements)', setup: [], commands: repeat(300_000 * scale, (i) => ['LSET', 'big', '500000', `v${i}`]) },
    { name: 'LINSERT near the head (1,000,000 elements)', setup: [], commands: repeat(300_000 * scale, () => ['LINSERT', 'big', 'AFTER', 'element:5', 'new']) },
  ];
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

interface Rate {
  wall: number;
  cpu: number;
}

function engineCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function redisCpuSeconds(conn: RespConnection): Promise<number> {
  const info = String((await conn.call(['INFO', 'cpu'])).reply);
  const field = (name: string): number => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}

export async function benchLists(scale = Number(process.env.BENCH_SCALE ?? 1)): Promise<string> {
  const engine = new RedisServer({ clock: new ScaledClock(() => Date.now()) });
  const seen: { reply: Reply } = { reply: null };
  const client = engine.createClient({ sink: (r) => (seen.reply = r) });
  const real = realRedisAvailable() ? await startRealRedis() : null;
  const conn = real === null ? null : await RespConnection.connect(real.port);
  const rows: string[][] = [];
  try {
    for (const op of ops(scale)) {
      for (const argv of op.setup) engine.exec(client, argv);
      engine.exec(client, op.commands[0]!);
      if (isError(seen.reply)) throw new Error(`${op.name}: ${seen.reply.s}`);
      const cpu0 = engineCpuSeconds();
      const t0 = performance.now();
      for (let i = 1; i < op.commands.length; i++) engine.exec(client, op.commands[i]!);
      const ours: Rate = {
        wall: ((op.commands.length - 1) * 1000) / (performance.now() - t0),
        cpu: (op.commands.length - 1) / Math.max(1e-6, engineCpuSeconds() - cpu0),
      };
      let theirs: Rate | null = null;
      if (conn !== null) {
        for (let i = 0; i < op.setup.length; i += PIPELINE) await Promise.all(op.setup.slice(i, i + PIPELINE).map((argv) => conn.call(argv)));
        const cpu1 = await redisCpuSeconds(conn);
        const t1 = performance.now();
        for (let i = 0; i < op.commands.length; i += PIPELINE) await Promise.all(op.commands.slice(i, i + PIPELINE).map((argv) => conn.call(argv)));
        const ms = performance.now() - t1;
        theirs = { wall: (op.commands.length * 1000) / ms, cpu: op.commands.length / Math.max(1e-6, (await redisCpuSeconds(conn)) - cpu1) };
      }
      rows.push([
        op.name,
        fmt(ours.wall),
        fmt(ours.cpu),
        theirs === null ? 'n/a' : fmt(theirs.wall),
        theirs === null ? 'n/a' : fmt(theirs.cpu),
        theirs === null ? 'n/a' : ratio(ours.cpu, theirs.cpu),
      ]);
    }
  } finally {
    conn?.close();
    await real?.stop();
  }
  return (
    `list ops/s through server.exec in process; redis-server pipelined ${PIPELINE} deep over loopback\n\n` +
    table(['op', 'redsim ops/s', 'redsim ops/CPU-s', 'redis-server ops/s', 'redis-server ops/CPU-s', 'redsim / redis (CPU)'], rows)
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchLists());
