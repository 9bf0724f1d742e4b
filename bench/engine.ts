import RedisMock from 'ioredis-mock';
import { isError, type Reply } from '../src/protocol/reply.js';
import { RedisServer } from '../src/engine/server/server.js';
import { ScaledClock } from '../src/engine/time/clock.js';
import { ratio, table } from './report.js';

/**
 * In-process command throughput: the engine (server.exec, replies as values, no sockets)
 * against ioredis-mock, the usual in-memory stand-in for Redis in JavaScript, in this run.
 * ioredis-mock is driven through pipelines, its fastest path; each op runs for a fixed time
 * after a warm-up, so both sides get the JIT's best.
 */
const RUN_MS = 1000;
const WARMUP_MS = 300;
const BATCH = 1000;
const KEYSPACE = 10_000;

interface Op {
  name: string;
  argv(i: number): string[];
}

const MSET_PAIRS = 10;
const OPS: Op[] = [
  { name: 'SET', argv: (i) => ['SET', `key:${i % KEYSPACE}`, 'xxx'] },
  { name: 'GET', argv: (i) => ['GET', `key:${i % KEYSPACE}`] },
  { name: 'INCR', argv: (i) => ['INCR', `counter:${i % KEYSPACE}`] },
  {
    name: `MSET (${MSET_PAIRS} keys)`,
    argv: (i) => ['MSET', ...Array.from({ length: MSET_PAIRS }, (_, j) => [`key:${(i * MSET_PAIRS + j) % KEYSPACE}`, 'xxx']).flat()],
  },
];

/** Run `batch` until `ms` have passed; returns operations per second. */
async function rate(batch: (from: number) => void | Promise<void>, ms: number): Promise<number> {
  const started = performance.now();
  let done = 0;
  while (performance.now() - started < ms) {
    await batch(done);
    done += BATCH;
  }
  return (done * 1000) / (performance.now() - started);
}

async function measure(batch: (from: number) => void | Promise<void>): Promise<number> {
  await rate(batch, WARMUP_MS);
  return rate(batch, RUN_MS);
}

export async function benchEngine(): Promise<string> {
  const engine = new RedisServer({ clock: new ScaledClock(() => Date.now()) });
  const seen: { reply: Reply } = { reply: null };
  const client = engine.createClient({ sink: (r) => (seen.reply = r) });
  const mock = new RedisMock();
  const rows: string[][] = [];
  for (const op of OPS) {
    const method = op.argv(0)[0]!.toLowerCase();
    engine.exec(client, op.argv(0));
    if (isError(seen.reply)) {
      rows.push([op.name, `n/a (${seen.reply.s})`, '', 'n/a']);
      continue;
    }
    const ours = await measure((from) => {
      for (let i = from; i < from + BATCH; i++) engine.exec(client, op.argv(i));
    });
    const theirs = await measure(async (from) => {
      const pipeline = mock.pipeline() as unknown as Record<string, (...args: string[]) => void> & { exec(): Promise<unknown> };
      for (let i = from; i < from + BATCH; i++) pipeline[method]!(...op.argv(i).slice(1));
      await pipeline.exec();
    });
    rows.push([op.name, fmt(ours), fmt(theirs), ratio(ours, theirs)]);
  }
  mock.disconnect();
  return `ops/s, ${RUN_MS} ms per op after ${WARMUP_MS} ms warm-up, ${KEYSPACE} keys\n\n` + table(['op', 'redsim engine', 'ioredis-mock', 'redsim / mock'], rows);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
