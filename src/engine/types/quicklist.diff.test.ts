import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../protocol/reply.js';
import { RespConnection } from '../../node/testing/respConnection.js';
import { startRealRedis, type RealRedis } from '../../node/testing/realRedis.js';
import { encodeReply } from '../resp/encode.js';
import { RedisServer } from '../server/server.js';
import { ManualClock } from '../time/clock.js';

/**
 * The quicklist's shape against a real redis-server 7.0: random pushes, inserts, removals,
 * trims and replacements under several list-max-listpack-size settings, then DEBUG OBJECT's
 * ql_nodes, ql_avg_node, ql_listpack_max, ql_compressed and ql_uncompressed_size (the sum of
 * every node's lpBytes) must be the same on both, as must every reply on the way.
 * Replay a failure with FUZZ_SEED=<seed>.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'bb', 'ccc', '1', '300', '-70000', '9223372036854775807', '') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 999 }).map((i) => `item:${i}`) },
  { weight: 3, arbitrary: fc.integer({ min: 20, max: 400 }).map((n) => 'v'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 400, max: 2500 }).map((n) => 'w'.repeat(n)) },
);
const index = fc.integer({ min: -30, max: 30 }).map(String);
const command: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom('RPUSH', 'LPUSH'), fc.array(value, { minLength: 1, maxLength: 12 })).map(([c, vs]) => [c, 'l', ...vs]) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('BEFORE', 'AFTER'), value, value).map(([w, p, v]) => ['LINSERT', 'l', w, p, v]) },
  { weight: 2, arbitrary: fc.tuple(index, value).map(([i, v]) => ['LSET', 'l', i, v]) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -3, max: 3 }).map(String), value).map(([n, v]) => ['LREM', 'l', n, v]) },
  { weight: 1, arbitrary: fc.tuple(index, index).map(([a, b]) => ['LTRIM', 'l', a, b]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('LPOP', 'RPOP'), fc.integer({ min: 1, max: 9 }).map(String)).map(([c, n]) => [c, 'l', n]) },
  { weight: 1, arbitrary: fc.tuple(index, index).map(([a, b]) => ['LRANGE', 'l', a, b]) },
);
const config = fc.tuple(fc.constantFrom('-1', '-2', '-3', '1', '2', '3', '5', '16'), fc.constantFrom('0', '0', '1', '2'));
const sequence = fc.tuple(config, fc.array(command, { minLength: 1, maxLength: 60 }));

/** The ql_* fields of a DEBUG OBJECT reply (the address and LRU differ between servers). */
function qlFields(r: Reply): string {
  const s = r !== null && typeof r === 'object' && !Array.isArray(r) && r.t === 'status' ? r.s : '';
  return s.slice(s.indexOf(' ql_nodes:'));
}

describe('quicklist structure vs redis-server (DEBUG OBJECT ql_* fields)', () => {
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

  /** Run one script on a fresh engine and the flushed real server; the first difference, or null. */
  async function compare(script: string[][]): Promise<string | null> {
    const engine = new RedisServer({ clock: new ManualClock(), config: { 'enable-debug-command': 'local' } });
    const out: Reply[] = [];
    const client = engine.createClient({ sink: (r) => out.push(r) });
    await conn.call(['FLUSHALL']);
    const log: string[] = [];
    let diff: string | null = null;
    for (const argv of script) {
      out.length = 0;
      engine.exec(client, argv);
      const mine = out[0]!;
      const theirs = await conn.call(argv);
      log.push(argv.map((a) => (a.length > 20 ? `<${a.length} bytes>` : a)).join(' '));
      const same = argv[0] === 'DEBUG' ? qlFields(mine) === qlFields(theirs.reply) : encodeReply(mine, 2) === theirs.raw;
      if (!same && diff === null) {
        const show = (r: Reply, raw: string): string => (argv[0] === 'DEBUG' ? qlFields(r) : JSON.stringify(raw));
        diff = `${log.join('\n')}\n  real:   ${show(theirs.reply, theirs.raw)}\n  engine: ${show(mine, encodeReply(mine, 2))}`;
      }
    }
    await conn.call(['CONFIG', 'SET', 'list-max-listpack-size', '-2']);
    await conn.call(['CONFIG', 'SET', 'list-compress-depth', '0']);
    return diff;
  }

  it('closes a node at the exact byte limit (SIZE_ESTIMATE_OVERHEAD) and merges at the exact limit', async () => {
    const debug = ['DEBUG', 'OBJECT', 'l'];
    for (const fill of ['-1', '-2']) {
      const limit = fill === '-1' ? 4096 : 8192;
      // First node: one 103-byte entry (110 bytes); the second push fits when 110 + len + 8 <= limit.
      for (let len = limit - 124; len <= limit - 112; len++) {
        const diff = await compare([['CONFIG', 'SET', 'list-max-listpack-size', fill], ['RPUSH', 'l', 'a'.repeat(100), 'b'.repeat(len)], debug]);
        if (diff !== null) expect.fail(diff);
      }
    }
    // A full node of 43 entries of 93 bytes, a single big element before it, then a split after the
    // 21st entry: the left half (1960 bytes) merges with the big node when both sum to 4096 + 11.
    const node = Array.from({ length: 43 }, (_, i) => `${String(i).padStart(2, '0')}${'e'.repeat(88)}`);
    for (let len = 2130; len <= 2142; len++) {
      const diff = await compare([
        ['CONFIG', 'SET', 'list-max-listpack-size', '-1'],
        ['RPUSH', 'l', ...node],
        ['LPUSH', 'l', 'p'.repeat(len)],
        debug,
        ['LINSERT', 'l', 'AFTER', node[20]!, 'x'.repeat(100)],
        debug,
      ]);
      if (diff !== null) expect.fail(diff);
    }
  });

  it(`${RUNS} random edit sequences leave the same nodes on both`, { timeout: 300_000 }, async () => {
    console.log(`quicklist structure seed ${SEED} (replay: FUZZ_SEED=${SEED})`);
    for (const [[fill, depth], cmds] of fc.sample(sequence, { seed: SEED, numRuns: RUNS })) {
      const diff = await compare([
        ['CONFIG', 'SET', 'list-max-listpack-size', fill],
        ['CONFIG', 'SET', 'list-compress-depth', depth],
        ...cmds,
        ['DEBUG', 'OBJECT', 'l'],
      ]);
      if (diff !== null) expect.fail(`seed ${SEED}:\n${diff}`);
    }
  });
});
