import fs from 'node:fs';
import { freePort, realRedisAvailable, startRealRedis } from '../src/node/testing/realRedis.js';
import { RespConnection } from '../src/node/testing/respConnection.js';
import { redisBenchmark, redisBenchmarkAvailable, startRedsim } from './redisBenchmark.js';
import { median, ratio, table } from './report.js';

/**
 * The RESP server against real redis-server under redis-benchmark, both started by this run on
 * this machine. Rounds alternate between the two so background load hits both alike; each
 * figure is the median of the rounds. Besides requests/s, each server's own CPU time per
 * request (from /proc) is reported: it depends far less on what else the machine is doing.
 */
const TESTS = ['set', 'get', 'incr'];
const REQUESTS = 200_000;
const CLIENTS = 50;
const PIPELINES = [1, 16];
const ROUNDS = 3;

interface Sample {
  rps: number;
  cpuUsPerRequest: number;
}

interface Target {
  port: number;
  pid: number;
}

export async function benchServer(): Promise<string> {
  if (!realRedisAvailable() || !redisBenchmarkAvailable()) return 'n/a (redis-server or redis-benchmark not installed)\n';
  const real = await startRealRedis();
  const redsim = await startRedsim(await freePort());
  try {
    const targets = { real: { port: real.port, pid: await redisPid(real.port) }, redsim: { port: redsim.port, pid: redsim.child.pid! } };
    // Let the JIT settle, and give both servers the same warm-up.
    for (const t of [targets.real, targets.redsim]) for (const test of TESTS) run(t, test, ['-n', '100000', '-c', String(CLIENTS), '-P', '16']);
    const rows: string[][] = [];
    for (const pipeline of PIPELINES) {
      const args = ['-n', String(REQUESTS), '-c', String(CLIENTS), '-P', String(pipeline)];
      for (const test of TESTS) {
        const realRuns: Sample[] = [];
        const ourRuns: Sample[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          realRuns.push(run(targets.real, test, args));
          ourRuns.push(run(targets.redsim, test, args));
        }
        const r = summarize(realRuns);
        const o = summarize(ourRuns);
        rows.push([test.toUpperCase(), String(pipeline), fmt(r.rps), fmt(o.rps), ratio(o.rps, r.rps), us(r.cpuUsPerRequest), us(o.cpuUsPerRequest), ratio(r.cpuUsPerRequest, o.cpuUsPerRequest)]);
      }
    }
    const header = `redis-benchmark -t set,get,incr -n ${REQUESTS} -c ${CLIENTS}, median of ${ROUNDS} alternating rounds; CPU is the server process's user+sys time per request (efficiency: redis CPU / redsim CPU)\n\n`;
    return header + table(['test', '-P', 'redis req/s', 'redsim req/s', 'redsim / redis', 'redis CPU µs/req', 'redsim CPU µs/req', 'efficiency'], rows);
  } finally {
    await redsim.stop();
    await real.stop();
  }
}

function run(target: Target, test: string, args: string[]): Sample {
  const before = cpuMs(target.pid);
  const rps = redisBenchmark(target.port, ['-t', test, ...args]).get(test.toUpperCase()) ?? 0;
  const requests = Number(args[args.indexOf('-n') + 1]);
  return { rps, cpuUsPerRequest: rps === 0 ? 0 : ((cpuMs(target.pid) - before) * 1000) / requests };
}

function summarize(samples: Sample[]): Sample {
  return { rps: median(samples.map((s) => s.rps)), cpuUsPerRequest: median(samples.map((s) => s.cpuUsPerRequest)) };
}

/** utime + stime of a process in ms (fields 14 and 15 of /proc/PID/stat, in 1/100 s ticks). */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function redisPid(port: number): Promise<number> {
  const conn = await RespConnection.connect(port);
  const { reply } = await conn.call(['INFO', 'server']);
  conn.close();
  return Number(/process_id:(\d+)/.exec(String(reply))![1]);
}

function fmt(n: number): string {
  return n === 0 ? 'n/a' : Math.round(n).toLocaleString('en-US');
}

function us(n: number): string {
  return n === 0 ? 'n/a' : n.toFixed(2);
}
