import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { realRedisAvailable, startRealRedis } from '../src/node/testing/realRedis.js';
import { RespConnection } from '../src/node/testing/respConnection.js';
import { ratio, table } from './report.js';

/**
 * DEBUG POPULATE 1000000: how long the engine takes and the JS heap it costs per key, measured
 * in a fresh `node --expose-gc` process (heapUsed after a full GC, before and after), beside
 * real redis-server's time and used_memory per key for the same command.
 */
export const KEYS = 1_000_000;

export interface PopulateResult {
  ms: number;
  bytesPerKey: number;
  error?: string;
}

export async function benchPopulate(): Promise<string> {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'populateChild.ts')], {
    encoding: 'utf8',
  });
  const ours = child.status === 0 ? (JSON.parse(child.stdout) as PopulateResult) : { ms: 0, bytesPerKey: 0, error: child.stderr.trim().split('\n').at(-1) };
  const theirs = realRedisAvailable() ? await realPopulate() : null;
  const cell = (r: PopulateResult | null, f: (r: PopulateResult) => string): string =>
    r === null ? 'n/a (not installed)' : r.error !== undefined ? `n/a (${r.error})` : f(r);
  return (
    `DEBUG POPULATE ${KEYS} into an empty node\n\n` +
    table(
      ['', 'redsim engine', 'redis-server 7.0', 'redsim / redis'],
      [
        ['time (lower is better)', cell(ours, (r) => `${Math.round(r.ms)} ms`), cell(theirs, (r) => `${Math.round(r.ms)} ms`), ours.error || theirs === null ? 'n/a' : ratio(ours.ms, theirs.ms)],
        [
          'memory per key (lower is better)',
          cell(ours, (r) => `${Math.round(r.bytesPerKey)} B (JS heap)`),
          cell(theirs, (r) => `${Math.round(r.bytesPerKey)} B (used_memory)`),
          ours.error || theirs === null ? 'n/a' : ratio(ours.bytesPerKey, theirs.bytesPerKey),
        ],
      ],
    )
  );
}

async function realPopulate(): Promise<PopulateResult> {
  const real = await startRealRedis();
  try {
    const conn = await RespConnection.connect(real.port);
    const usedMemory = async (): Promise<number> => {
      const { reply } = await conn.call(['INFO', 'memory']);
      return Number(/used_memory:(\d+)/.exec(String(reply))![1]);
    };
    const before = await usedMemory();
    const started = performance.now();
    await conn.call(['DEBUG', 'POPULATE', String(KEYS)]);
    const ms = performance.now() - started;
    const bytesPerKey = ((await usedMemory()) - before) / KEYS;
    conn.close();
    return { ms, bytesPerKey };
  } finally {
    await real.stop();
  }
}
