import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespConnection } from '../../node/testing/respConnection.js';
import { startRealRedis, type RealRedis } from '../../node/testing/realRedis.js';
import { testNode } from '../testkit.js';
import { DICT_ENTRY_SIZE, sdsAllocSize } from './zmalloc.js';
import { Zset } from './zset.js';

/**
 * Zset.memoryUsage() against the real server's MEMORY USAGE for sets of 1 to 10,000 members.
 * MEMORY USAGE adds the key's sds and its dict entry to objectComputeSize; so does the test.
 * Listpacks must match to the byte. Skiplists differ by the random levels of the nodes sampled
 * and by where each dict's incremental rehash stands: within ±25% with the default 5 samples,
 * within ±5% when every node is counted (SAMPLES 0).
 */

const SIZES = [1, 2, 5, 10, 50, 127, 128, 129, 200, 500, 1000, 5000, 10000];

interface Shape {
  name: string;
  member: (i: number) => string;
  score: (i: number) => string;
}

const SHAPES: Shape[] = [
  { name: 'short members, integer scores', member: (i) => `m${i}`, score: (i) => String(i) },
  { name: 'integer members, fractional scores', member: (i) => String(i * 7), score: (i) => String(i * 1.1) },
  { name: '40-byte members, big scores', member: (i) => `member-${String(i).padStart(33, '0')}`, score: (i) => String(i * 1e18) },
];

describe('zset MEMORY USAGE vs redis-server', () => {
  let real: RealRedis;
  let conn: RespConnection;
  beforeAll(async () => {
    real = await startRealRedis();
    conn = await RespConnection.connect(real.port);
  });
  afterAll(async () => {
    conn?.close();
    await real?.stop();
  });

  for (const shape of SHAPES) {
    it(shape.name, { timeout: 60_000 }, async () => {
      await conn.call(['FLUSHALL']);
      const node = testNode();
      const c = node.client();
      const rows: string[] = [];
      for (const n of SIZES) {
        const key = `z${n}`;
        for (let from = 0; from < n; from += 1000) {
          const argv = ['ZADD', key];
          for (let i = from; i < Math.min(n, from + 1000); i++) argv.push(shape.score(i), shape.member(i));
          await conn.call(argv);
          c.call(...argv);
        }
        const z = node.server.dbs[0]!.dict.get(key) as Zset;
        const overhead = sdsAllocSize(key.length) + DICT_ENTRY_SIZE;
        for (const samples of [5, 0]) {
          const realBytes = Number((await conn.call(['MEMORY', 'USAGE', key, 'SAMPLES', String(samples)])).reply);
          const engineBytes = z.memoryUsage(samples) + overhead;
          rows.push(`${n} ${z.encoding()} samples=${samples}: real ${realBytes} engine ${engineBytes}`);
          if (z.encoding() === 'listpack') expect(engineBytes, rows.at(-1)).toBe(realBytes);
          else expect(Math.abs(engineBytes - realBytes) / realBytes, rows.at(-1)).toBeLessThan(samples === 0 ? 0.05 : 0.25);
        }
        expect((await conn.call(['OBJECT', 'ENCODING', key])).reply).toBe(z.encoding());
      }
    });
  }
});
