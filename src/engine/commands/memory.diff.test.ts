import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../protocol/reply.js';
import { differentialSuite } from '../../node/testing/diffTest.js';
import { RespConnection } from '../../node/testing/respConnection.js';
import { startRealRedis, type RealRedis } from '../../node/testing/realRedis.js';
import { RedisServer } from '../server/server.js';
import { ManualClock } from '../time/clock.js';

/**
 * MEMORY against a real redis-server 7.0. Strings, listpacks and intsets are sized exactly
 * (the same allocations, the same jemalloc classes); hashtables depend on the order of
 * Redis's hash function (which members are sampled, how far a rehash got), so their
 * MEMORY USAGE must stay within 25% of the real one, for 1 to 10,000 elements.
 */

describe('MEMORY vs redis-server', () => {
  const script = differentialSuite();

  script('MEMORY USAGE of strings: int, embstr, raw', `
    SET i 12345
    MEMORY USAGE i
    SET shared 7
    MEMORY USAGE shared
    SET neg -9223372036854775808
    MEMORY USAGE neg
    SET e ""
    MEMORY USAGE e
    SET e2 abc
    MEMORY USAGE e2
    SET e44 ${'x'.repeat(44)}
    MEMORY USAGE e44
    SET r45 ${'x'.repeat(45)}
    MEMORY USAGE r45
    SET r300 ${'y'.repeat(300)}
    MEMORY USAGE r300
    SET ${'k'.repeat(40)} v
    MEMORY USAGE ${'k'.repeat(40)}
    SET f 3.14
    MEMORY USAGE f
    SET n 01
    MEMORY USAGE n
    MEMORY USAGE nokey
    MEMORY USAGE i SAMPLES 0
    MEMORY USAGE i SAMPLES 9223372036854775807
    MEMORY USAGE i SAMPLES -1
    MEMORY USAGE i SAMPLES x
    MEMORY USAGE i SAMPLES
    MEMORY USAGE i FOO 1
    MEMORY USAGE i samples 1 SAMPLES 2
    MEMORY USAGE nokey SAMPLES x
    MEMORY USAGE
    MEMORY
    MEMORY HELP
    MEMORY help
    MEMORY HELP extra
    MEMORY NOPE
    MEMORY DOCTOR
    MEMORY PURGE
  `);

  script('MEMORY USAGE finds a key whose TTL passed but is still stored (dictFind)', `
    DEBUG SET-ACTIVE-EXPIRE 0
    SET exp v PX 10
    :sleep 60
    MEMORY USAGE exp
    DBSIZE
    GET exp
    MEMORY USAGE exp
    DEBUG SET-ACTIVE-EXPIRE 1
  `);

  script('MEMORY DOCTOR in RESP3 is a verbatim string', `
    ? HELLO 3
    MEMORY DOCTOR
    ? HELLO 2
  `);
});

interface Case {
  name: string;
  key: string;
  commands: string[][];
}

/** Commands that build `key` with n elements, in batches of 100. */
function build(kind: 'hash' | 'set', key: string, n: number, element: (i: number) => string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i += 100) {
    const args: string[] = [];
    for (let j = i; j < Math.min(n, i + 100); j++) args.push(...element(j));
    out.push([kind === 'hash' ? 'HSET' : 'SADD', key, ...args]);
  }
  return out;
}

const SIZES = [1, 10, 100, 1000, 10000];
const CASES: Case[] = [];
for (const n of SIZES) {
  CASES.push({ name: `hash of ${n} short fields`, key: `hs${n}`, commands: build('hash', `hs${n}`, n, (i) => [`field:${i}`, `value:${i}`]) });
  CASES.push({ name: `hash of ${n} long values`, key: `hl${n}`, commands: build('hash', `hl${n}`, n, (i) => [`f${i}`, `${'v'.repeat(70)}${i}`]) });
  CASES.push({ name: `set of ${n} integers`, key: `si${n}`, commands: build('set', `si${n}`, n, (i) => [String(i * 7)]) });
  CASES.push({ name: `set of ${n} strings`, key: `ss${n}`, commands: build('set', `ss${n}`, n, (i) => [`member:${i}`]) });
}

describe('MEMORY USAGE within 25% of redis-server, 1 to 10,000 elements', () => {
  let real: RealRedis;
  let conn: RespConnection;
  const engine = new RedisServer({ clock: new ManualClock() });
  const out: Reply[] = [];
  const client = engine.createClient({ sink: (r) => out.push(r) });
  const exec = (argv: string[]): Reply => {
    engine.exec(client, argv);
    return out.shift()!;
  };

  beforeAll(async () => {
    real = await startRealRedis();
    conn = await RespConnection.connect(real.port);
    for (const c of CASES) {
      for (const argv of c.commands) {
        exec(argv);
        await conn.call(argv);
      }
    }
  });
  afterAll(async () => {
    conn?.close();
    await real?.stop();
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const encoding = exec(['OBJECT', 'ENCODING', c.key]);
      expect(encoding).toEqual((await conn.call(['OBJECT', 'ENCODING', c.key])).reply);
      for (const samples of [[], ['SAMPLES', '0']]) {
        const argv = ['MEMORY', 'USAGE', c.key, ...samples];
        const mine = exec(argv) as number;
        const theirs = (await conn.call(argv)).reply as number;
        const ratio = mine / theirs;
        if (encoding !== 'hashtable') expect(mine).toBe(theirs);
        expect(ratio, `${argv.join(' ')} (${String(encoding)}): engine ${mine}, redis ${theirs}`).toBeGreaterThanOrEqual(0.75);
        expect(ratio, `${argv.join(' ')} (${String(encoding)}): engine ${mine}, redis ${theirs}`).toBeLessThanOrEqual(1.25);
      }
    });
  }
});
