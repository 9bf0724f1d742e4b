import { freePort, realRedisAvailable, startRealRedis } from '../src/node/testing/realRedis.js';
import { redisBenchmark, redisBenchmarkAvailable, startRedsim, type Rates } from './redisBenchmark.js';
import { median, ratio, table } from './report.js';

/**
 * The RESP server against real redis-server under redis-benchmark, both started by this run on
 * this machine. Rounds alternate between the two so background load hits both alike; each
 * figure is the median of the rounds.
 */
const TESTS = 'set,get,incr';
const REQUESTS = 200_000;
const CLIENTS = 50;
const PIPELINES = [1, 16];
const ROUNDS = 3;

export async function benchServer(): Promise<string> {
  if (!realRedisAvailable() || !redisBenchmarkAvailable()) return 'n/a (redis-server or redis-benchmark not installed)\n';
  const real = await startRealRedis();
  const redsim = await startRedsim(await freePort());
  try {
    // Let the JIT settle, and give both servers the same warm-up.
    for (const port of [real.port, redsim.port]) runEach(port, ['-n', '100000', '-c', String(CLIENTS), '-P', '16']);
    const rows: string[][] = [];
    for (const pipeline of PIPELINES) {
      const args = ['-n', String(REQUESTS), '-c', String(CLIENTS), '-P', String(pipeline)];
      const realRuns: Rates[] = [];
      const ourRuns: Rates[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        realRuns.push(runEach(real.port, args));
        ourRuns.push(runEach(redsim.port, args));
      }
      for (const test of TESTS.split(',').map((t) => t.toUpperCase())) {
        const r = median(realRuns.map((x) => x.get(test) ?? 0));
        const o = median(ourRuns.map((x) => x.get(test) ?? 0));
        rows.push([test, String(pipeline), fmt(r), fmt(o), ratio(o, r)]);
      }
    }
    const header = `redis-benchmark -t ${TESTS} -n ${REQUESTS} -c ${CLIENTS}, median of ${ROUNDS} alternating rounds, requests/s\n\n`;
    return header + table(['test', '-P', 'redis-server 7.0', 'redsim', 'redsim / redis'], rows);
  } finally {
    await redsim.stop();
    await real.stop();
  }
}

/** One redis-benchmark per test, so a command redsim lacks costs only its own row. */
function runEach(port: number, args: string[]): Rates {
  const rates: Rates = new Map();
  for (const test of TESTS.split(',')) for (const [k, v] of redisBenchmark(port, ['-t', test, ...args])) rates.set(k, v);
  return rates;
}

function fmt(n: number): string {
  return n === 0 ? 'n/a' : Math.round(n).toLocaleString('en-US');
}
