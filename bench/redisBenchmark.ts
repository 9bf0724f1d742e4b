import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** requests/s per test name, as redis-benchmark --csv reports them. */
export type Rates = Map<string, number>;

export const REDIS_BENCHMARK_BIN = process.env.REDIS_BENCHMARK_BIN ?? 'redis-benchmark';

export function redisBenchmarkAvailable(): boolean {
  return spawnSync(REDIS_BENCHMARK_BIN, ['--version']).status === 0;
}

/**
 * Run redis-benchmark against a port and parse its CSV summary. A test whose command the
 * server rejects makes redis-benchmark stop; the tests that completed are still reported.
 */
export function redisBenchmark(port: number, args: string[]): Rates {
  const r = spawnSync(REDIS_BENCHMARK_BIN, ['-h', '127.0.0.1', '-p', String(port), '--csv', '-q', ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const rates: Rates = new Map();
  for (const line of r.stdout.split('\n')) {
    const m = /^"([^"]+)","([\d.]+)"/.exec(line);
    if (m) rates.set(m[1]!, Number(m[2]));
  }
  return rates;
}

export interface RedsimProcess {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Start `src/node/main.ts` in its own node process and wait for its ready line. */
export function startRedsim(port: number, nodeArgs: string[] = []): Promise<RedsimProcess> {
  const main = path.join(import.meta.dirname, '..', 'src', 'node', 'main.ts');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', main, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`redsim server exited with ${code}`)));
    lines.on('line', (line) => {
      if (!line.startsWith('redsim ready on ')) return;
      child.removeAllListeners('exit');
      resolve({
        port,
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
