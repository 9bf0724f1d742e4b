import { isError, type Reply } from '../src/protocol/reply.js';
import { RedisServer } from '../src/engine/server/server.js';
import { ScaledClock } from '../src/engine/time/clock.js';
import { Prng } from '../src/engine/time/prng.js';
import { realRedisAvailable, startRealRedis } from '../src/node/testing/realRedis.js';
import { RespConnection } from '../src/node/testing/respConnection.js';
import { ratio, table } from './report.js';

/**
 * Sorted set throughput at 1,000,000 members (`npx tsx bench/zset.ts`): commands run through
 * server.exec in process, beside redis-server fed the same commands over a pipelined socket.
 * Each op cycles through 100,000 precomputed argvs, so argument building is not measured.
 *
 * Besides wall-clock ops/s, each side is measured per second of its own CPU time (the engine
 * with process.cpuUsage, redis-server with INFO's used_cpu_user + used_cpu_sys), which stays
 * comparable when other processes compete for the cores. The ratio column compares those.
 */
const MEMBERS = 1_000_000;
const RUN_MS = 2000;
const WARMUP_MS = 500;
const POOL = 100_000;
const FILL_BATCH = 1000;
const PIPELINE = 1000;

interface Op {
  name: string;
  argv(rand: Prng, i: number): string[];
}

const member = (i: number): string => `member:${i}`;

const OPS: Op[] = [
  { name: 'ZADD existing member, random score', argv: (r) => ['ZADD', 'z', String(r.int(MEMBERS)), member(r.int(MEMBERS))] },
  { name: 'ZADD existing member, same score', argv: (r) => { const m = r.int(MEMBERS); return ['ZADD', 'z', String(m), member(m)]; } },
  { name: 'ZADD new member, random score', argv: (r, i) => ['ZADD', 'z', String(r.int(MEMBERS)), `new:${i}`] },
  { name: 'ZADD new member, highest score', argv: (_r, i) => ['ZADD', 'z', String(MEMBERS + i), `tail:${i}`] },
  { name: 'ZINCRBY random member', argv: (r) => ['ZINCRBY', 'z', '1', member(r.int(MEMBERS))] },
  { name: 'ZSCORE random member', argv: (r) => ['ZSCORE', 'z', member(r.int(MEMBERS))] },
  { name: 'ZRANK random member', argv: (r) => ['ZRANK', 'z', member(r.int(MEMBERS))] },
  { name: 'ZRANGE 0 9 (top 10)', argv: () => ['ZRANGE', 'z', '0', '9'] },
  { name: 'ZREVRANGE 0 9 WITHSCORES', argv: () => ['ZREVRANGE', 'z', '0', '9', 'WITHSCORES'] },
  { name: 'ZRANGE random rank, 10 members', argv: (r) => { const s = r.int(MEMBERS - 10); return ['ZRANGE', 'z', String(s), String(s + 9)]; } },
  { name: 'ZRANGEBYSCORE random score LIMIT 0 10', argv: (r) => ['ZRANGEBYSCORE', 'z', String(r.int(MEMBERS)), '+inf', 'LIMIT', '0', '10'] },
  { name: 'ZCOUNT random range', argv: (r) => { const a = r.int(MEMBERS); return ['ZCOUNT', 'z', String(a), String(a + r.int(10000))]; } },
];

function fillArgv(from: number): string[] {
  const argv = ['ZADD', 'z'];
  for (let i = from; i < Math.min(MEMBERS, from + FILL_BATCH); i++) argv.push(String(i), member(i));
  return argv;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

interface Rate {
  /** Operations per second of wall time. */
  wall: number;
  /** Operations per second of the measured process's CPU time. */
  cpu: number;
}

/** Seconds of CPU the engine's process has used. */
function engineCpu(): Promise<number> {
  const u = process.cpuUsage();
  return Promise.resolve((u.user + u.system) / 1e6);
}

/** Seconds of CPU redis-server has used (INFO cpu). */
async function redisCpu(conn: RespConnection): Promise<number> {
  const info = String((await conn.call(['INFO', 'cpu'])).reply);
  const field = (name: string): number => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}

/** Run batches of `pool` until `ms` have passed. */
async function rate(pool: string[][], run: (batch: string[][]) => void | Promise<void>, ms: number, cpu: () => Promise<number>): Promise<Rate> {
  const cpuStart = await cpu();
  const started = performance.now();
  let done = 0;
  while (performance.now() - started < ms) {
    const from = done % pool.length;
    await run(pool.slice(from, from + PIPELINE));
    done += PIPELINE;
  }
  const wall = (done * 1000) / (performance.now() - started);
  return { wall, cpu: done / Math.max(1e-6, (await cpu()) - cpuStart) };
}

export async function benchZset(): Promise<string> {
  const engine = new RedisServer({ clock: new ScaledClock(() => Date.now()) });
  const seen: { reply: Reply } = { reply: null };
  const client = engine.createClient({ sink: (r) => (seen.reply = r) });
  const fillStarted = performance.now();
  for (let i = 0; i < MEMBERS; i += FILL_BATCH) engine.exec(client, fillArgv(i));
  const fillMs = performance.now() - fillStarted;

  const real = realRedisAvailable() ? await startRealRedis() : null;
  const conn = real === null ? null : await RespConnection.connect(real.port);
  if (conn !== null) {
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < MEMBERS; i += FILL_BATCH) pending.push(conn.call(fillArgv(i)));
    await Promise.all(pending);
  }

  const rows: string[][] = [];
  try {
    for (const op of OPS) {
      const rand = new Prng(7);
      const pool = Array.from({ length: POOL }, (_, i) => op.argv(rand, i));
      engine.exec(client, pool[0]!);
      if (isError(seen.reply)) throw new Error(`${op.name}: ${seen.reply.s}`);
      const runEngine = (batch: string[][]): void => {
        for (const argv of batch) engine.exec(client, argv);
      };
      await rate(pool, runEngine, WARMUP_MS, engineCpu);
      const ours = await rate(pool, runEngine, RUN_MS, engineCpu);
      let theirs: Rate | null = null;
      if (conn !== null) {
        const runReal = async (batch: string[][]): Promise<void> => {
          await Promise.all(batch.map((argv) => conn.call(argv)));
        };
        const cpu = (): Promise<number> => redisCpu(conn);
        await rate(pool, runReal, WARMUP_MS, cpu);
        theirs = await rate(pool, runReal, RUN_MS, cpu);
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
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  return (
    `ops/s on a ${fmt(MEMBERS)}-member sorted set (filled in ${fmt(fillMs)} ms, JS heap ${fmt(heapMb)} MB after the run); ` +
    `${RUN_MS} ms per op after ${WARMUP_MS} ms warm-up; redis-server pipelined ${PIPELINE} deep over loopback\n\n` +
    table(['op', 'redsim ops/s', 'redsim ops/CPU-s', 'redis-server ops/s', 'redis-server ops/CPU-s', 'redsim / redis (CPU)'], rows)
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchZset());
