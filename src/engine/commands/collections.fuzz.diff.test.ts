import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isError, type Reply } from '../../protocol/reply.js';
import { RespConnection } from '../../node/testing/respConnection.js';
import { startRealRedis, type RealRedis } from '../../node/testing/realRedis.js';
import { decodeReply } from '../resp/decode.js';
import { encodeReply } from '../resp/encode.js';
import type { Client } from '../server/client.js';
import { RedisServer } from '../server/server.js';
import { ManualClock } from '../time/clock.js';
import { string2ll } from '../util/numbers.js';

/**
 * Differential fuzzing of the hash and set commands: fast-check writes random sequences over a
 * few keys (with small encoding thresholds, so listpacks, intsets and their conversions are
 * all reached), each runs on the engine and on a real redis-server 7.0, and every reply must
 * match. Where Redis's order comes from its hash function, the real server is asked for the
 * key's encoding first and a hashtable's reply is compared as a multiset; a listpack's or an
 * intset's order must be exact. Random picks (SRANDMEMBER, HRANDFIELD) are checked for count,
 * uniqueness and membership against the real server's contents. Replay a failure with
 * FUZZ_SEED=<seed> (FUZZ_RUNS / FUZZ_LENGTH resize it).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const LENGTH = Number(process.env.FUZZ_LENGTH ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const INTSET_MAX = 6;
const CONFIG: Record<string, string> = {
  'set-max-intset-entries': String(INTSET_MAX),
  'hash-max-listpack-entries': '6',
  'hash-max-listpack-value': '12',
};

/** How a reply is compared. */
type Check =
  | { kind: 'exact' }
  /** Exact unless the real server holds `key` as a hashtable. */
  | { kind: 'ordered'; key: string }
  /** SINTER: the order is the smallest set's. */
  | { kind: 'sinter'; keys: string[] }
  /** SUNION, SDIFF, SPOP of everything: a fresh set, sorted when it is an intset. */
  | { kind: 'fresh' }
  /** MEMORY USAGE: exact unless `key` is a hashtable, whose bucket count follows the hash function. */
  | { kind: 'memory'; key: string }
  /** SRANDMEMBER / HRANDFIELD: count, uniqueness, membership. */
  | { kind: 'random'; key: string; type: 'set' | 'hash'; count: number | null; withvalues: boolean };

interface Cmd {
  argv: string[];
  check: Check;
}

const cmd = (argv: string[], check: Check = { kind: 'exact' }): Cmd => ({ argv, check });

/** Set commands mostly use s1 and s2, hash commands h1 and h2; both sometimes use k (WRONGTYPE). */
const KEYS = ['s1', 's2', 'h1', 'h2', 'k'];
const key = fc.constantFrom(...KEYS);
const keys = fc.array(key, { minLength: 1, maxLength: 3 });
const skey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('s1', 's2') }, { weight: 1, arbitrary: fc.constantFrom('k', 'h1') });
const skeys = fc.array(skey, { minLength: 1, maxLength: 3 });
const hkey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('h1', 'h2') }, { weight: 1, arbitrary: fc.constantFrom('k', 's1') });
const intMember = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: -5, max: 30 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('100000', '3000000000', '-9223372036854775808', '9223372036854775807') },
);
const member = fc.oneof(
  { weight: 8, arbitrary: intMember },
  { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'c', 'abc', '', 'x'.repeat(13)) },
  { weight: 1, arbitrary: fc.constantFrom('9223372036854775808', '007', '-0', '+1', ' 1', '1.5') },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3 }).map((b) => String.fromCharCode(...b)) },
);
/** Mostly all-integer batches, so intsets grow to their limit; sometimes anything. */
const members = fc.oneof(
  { weight: 3, arbitrary: fc.array(intMember, { minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(member, { minLength: 1, maxLength: 6 }) },
);
const field = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', '1', '') }, { weight: 1, arbitrary: fc.constantFrom('long-field-name', 'é') });
const value = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('v', '1', '-2', '10', 'hello', '') },
  { weight: 2, arbitrary: fc.constantFrom('1.5', '-0.25', '9223372036854775807', '-9223372036854775808', '1e3', ' 1', 'inf') },
  { weight: 1, arbitrary: fc.constantFrom('a-rather-long-value', 'x'.repeat(12)) },
);
const pairs = fc.array(fc.tuple(field, value), { minLength: 1, maxLength: 4 }).map((p) => p.flat());
const increment = fc.constantFrom('1', '-1', '5', '0', '9223372036854775807', '-9223372036854775808', 'x', '1.5', '');
const floatIncrement = fc.constantFrom('1', '0.1', '-2.5', '1e3', '1e300', 'inf', 'nan', 'x', '', '0x10');
const randCount = fc.constantFrom(0, 1, 2, 3, 5, -1, -3, -8);
const pattern = fc.constantFrom('*', '1*', 'f*', '?', '[a-c]*');

const setCmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 14, arbitrary: fc.tuple(skey, members).map(([k, m]) => cmd(['SADD', k, ...m])) },
  { weight: 2, arbitrary: fc.tuple(skey, members).map(([k, m]) => cmd(['SREM', k, ...m])) },
  fc.tuple(skey, member).map(([k, m]) => cmd(['SISMEMBER', k, m])),
  fc.tuple(skey, members).map(([k, m]) => cmd(['SMISMEMBER', k, ...m])),
  skey.map((k) => cmd(['SCARD', k])),
  fc.tuple(skey, skey, member).map(([a, b, m]) => cmd(['SMOVE', a, b, m])),
  { weight: 2, arbitrary: skey.map((k) => cmd(['SMEMBERS', k], { kind: 'ordered', key: k })) },
  fc.tuple(skey, fc.constantFrom('0', '1000', '-1', 'x')).map(([k, n]) => cmd(['SPOP', k, n], n === '1000' ? { kind: 'fresh' } : { kind: 'exact' })),
  skey.map((k) => cmd(['SRANDMEMBER', k], { kind: 'random', key: k, type: 'set', count: null, withvalues: false })),
  fc.tuple(skey, randCount).map(([k, n]) => cmd(['SRANDMEMBER', k, String(n)], { kind: 'random', key: k, type: 'set', count: n, withvalues: false })),
  skey.map((k) => cmd(['SRANDMEMBER', k, '1000'], { kind: 'ordered', key: k })),
  fc.tuple(skey, fc.option(pattern)).map(([k, p]) => cmd(['SSCAN', k, '0', 'COUNT', '1000', ...(p === null ? [] : ['MATCH', p])], { kind: 'ordered', key: k })),
  skeys.map((ks) => cmd(['SINTER', ...ks], { kind: 'sinter', keys: ks })),
  fc.tuple(skey, skeys).map(([d, ks]) => cmd(['SINTERSTORE', d, ...ks])),
  fc.tuple(skeys, fc.option(fc.constantFrom('0', '1', '2', '-1'))).map(([ks, l]) => cmd(['SINTERCARD', String(ks.length), ...ks, ...(l === null ? [] : ['LIMIT', l])])),
  skeys.map((ks) => cmd(['SUNION', ...ks], { kind: 'fresh' })),
  fc.tuple(skey, skeys).map(([d, ks]) => cmd(['SUNIONSTORE', d, ...ks])),
  skeys.map((ks) => cmd(['SDIFF', ...ks], { kind: 'fresh' })),
  fc.tuple(skey, skeys).map(([d, ks]) => cmd(['SDIFFSTORE', d, ...ks])),
);

const hashCmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 14, arbitrary: fc.tuple(hkey, pairs).map(([k, p]) => cmd(['HSET', k, ...p])) },
  fc.tuple(hkey, pairs).map(([k, p]) => cmd(['HMSET', k, ...p])),
  fc.tuple(hkey, field, value).map(([k, f, v]) => cmd(['HSETNX', k, f, v])),
  { weight: 2, arbitrary: fc.tuple(hkey, field).map(([k, f]) => cmd(['HGET', k, f])) },
  fc.tuple(hkey, fc.array(field, { minLength: 1, maxLength: 3 })).map(([k, fs]) => cmd(['HMGET', k, ...fs])),
  { weight: 2, arbitrary: fc.tuple(hkey, fc.array(field, { minLength: 1, maxLength: 3 })).map(([k, fs]) => cmd(['HDEL', k, ...fs])) },
  hkey.map((k) => cmd(['HLEN', k])),
  fc.tuple(hkey, field).map(([k, f]) => cmd(['HSTRLEN', k, f])),
  fc.tuple(hkey, field).map(([k, f]) => cmd(['HEXISTS', k, f])),
  fc.tuple(fc.constantFrom('HKEYS', 'HVALS', 'HGETALL'), hkey).map(([c, k]) => cmd([c, k], { kind: 'ordered', key: k })),
  { weight: 2, arbitrary: fc.tuple(hkey, field, increment).map(([k, f, n]) => cmd(['HINCRBY', k, f, n])) },
  { weight: 2, arbitrary: fc.tuple(hkey, field, floatIncrement).map(([k, f, n]) => cmd(['HINCRBYFLOAT', k, f, n])) },
  fc.tuple(hkey, fc.option(pattern)).map(([k, p]) => cmd(['HSCAN', k, '0', 'COUNT', '1000', ...(p === null ? [] : ['MATCH', p])], { kind: 'ordered', key: k })),
  hkey.map((k) => cmd(['HRANDFIELD', k], { kind: 'random', key: k, type: 'hash', count: null, withvalues: false })),
  fc.tuple(hkey, randCount, fc.boolean()).map(([k, n, wv]) =>
    cmd(['HRANDFIELD', k, String(n), ...(wv ? ['WITHVALUES'] : [])], { kind: 'random', key: k, type: 'hash', count: n, withvalues: wv }),
  ),
  fc.tuple(hkey, fc.boolean()).map(([k, wv]) => cmd(['HRANDFIELD', k, '1000', ...(wv ? ['WITHVALUES'] : [])], { kind: 'ordered', key: k })),
);

const genericCmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 8, arbitrary: key.map((k) => cmd(['OBJECT', 'ENCODING', k])) },
  { weight: 2, arbitrary: key.map((k) => cmd(['TYPE', k])) },
  keys.map((ks) => cmd(['DEL', ...ks])),
  fc.tuple(key, key).map(([a, b]) => cmd(['COPY', a, b, 'REPLACE'])),
  fc.tuple(key, key).map(([a, b]) => cmd(['RENAME', a, b])),
  fc.tuple(key, value).map(([k, v]) => cmd(['SET', k, v])),
  { weight: 4, arbitrary: key.map((k) => cmd(['MEMORY', 'USAGE', k, 'SAMPLES', '0'], { kind: 'memory', key: k })) },
);

const step = fc.oneof({ weight: 6, arbitrary: setCmd }, { weight: 6, arbitrary: hashCmd }, { weight: 2, arbitrary: genericCmd });
const sequence = fc.record({ resp3: fc.boolean(), cmds: fc.array(step, { minLength: Math.ceil(LENGTH / 2), maxLength: LENGTH }) });

interface Side {
  real: RespConnection;
  engine: RedisServer;
  client: Client;
  out: Reply[];
}

/** The reply as a client decodes it from the wire (what both sides are compared on). */
function engineCall(s: Side, argv: string[]): { raw: string; reply: Reply } {
  s.engine.exec(s.client, argv);
  const r = s.out.shift();
  if (r === undefined || s.out.length > 0) throw new Error(`engine gave ${s.out.length + (r === undefined ? 0 : 1)} replies to ${argv.join(' ')}`);
  const raw = encodeReply(r, s.client.resp);
  return { raw, reply: decodeReply(raw)!.reply };
}

/** Items of an aggregate reply (array, set or map), or null. */
function items(r: Reply): Reply[] | null {
  if (Array.isArray(r)) return r;
  if (r !== null && typeof r === 'object' && (r.t === 'set' || r.t === 'map')) return r.v;
  return null;
}

function json(r: Reply | Reply[]): string {
  return JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

/** A list's elements taken `group` at a time (field/value pairs stay together), sorted. */
function multiset(list: Reply[], group: number): string {
  const chunks: string[] = [];
  for (let i = 0; i < list.length; i += group) chunks.push(json(list.slice(i, i + group)));
  return chunks.sort().join(',');
}

/**
 * A reply with its hash-ordered part sorted: the member list of a SCAN (the cursor stays),
 * field/value pairs of HGETALL, HSCAN and HRANDFIELD WITHVALUES, the elements of anything else.
 */
function unordered(argv: string[], r: Reply): string {
  const name = argv[0]!.toUpperCase();
  const it = items(r);
  if (it === null) return json(r);
  if (name === 'SSCAN' || name === 'HSCAN') return `${json(it[0]!)}|${multiset(items(it[1]!) ?? [], name === 'HSCAN' ? 2 : 1)}`;
  const isMap = !Array.isArray(r) && (r as { t: string }).t === 'map';
  const flatPairs = (name === 'HGETALL' || (name === 'HRANDFIELD' && argv.length === 4)) && it.every((x) => !Array.isArray(x));
  return `${isMap ? 'map' : 'list'}:${multiset(it, isMap || flatPairs ? 2 : 1)}`;
}

/** Whether a reply lists members an intset would hold, in the intset's (ascending) order. */
function isIntsetOrder(r: Reply): boolean {
  const it = items(r);
  if (it === null || it.length > INTSET_MAX) return false;
  const vals = it.map((x) => (typeof x === 'string' ? string2ll(x) : null));
  if (vals.some((v) => v === null)) return false;
  for (let i = 1; i < vals.length; i++) if (!(vals[i - 1]! < vals[i]!)) return false;
  return true;
}

async function realEncoding(s: Side, key: string): Promise<Reply> {
  return (await s.real.call(['OBJECT', 'ENCODING', key])).reply;
}

/** Check a random pick against what the real server holds; returns a problem or null. */
async function checkRandom(s: Side, argv: string[], c: Extract<Check, { kind: 'random' }>): Promise<string | null> {
  const contents = (await s.real.call(c.type === 'set' ? ['SMEMBERS', c.key] : ['HGETALL', c.key])).reply;
  const real = (await s.real.call(argv)).reply;
  const eng = engineCall(s, argv).reply;
  // Errors, nils and a missing key's empty reply are not random: they must be the same.
  const contentsItems = items(contents);
  if (isError(real) || real === null || contentsItems === null || contentsItems.length === 0) {
    return json(real) === json(eng) ? null : `real ${json(real)} engine ${json(eng)}`;
  }
  const all = contentsItems;
  const hash = new Map<string, string>();
  if (c.type === 'hash') for (let i = 0; i < all.length; i += 2) hash.set(all[i] as string, all[i + 1] as string);
  const isMember = (m: Reply): boolean => (c.type === 'set' ? all.includes(m) : hash.has(m as string));
  if (c.count === null) return typeof eng === 'string' && isMember(eng) ? null : 'not a member';
  const size = c.type === 'set' ? all.length : hash.size;
  const want = c.count >= 0 ? Math.min(c.count, size) : -c.count;
  const engItems = items(eng);
  const realItems = items(real);
  if (engItems === null || realItems === null) return `real ${json(real)} engine ${json(eng)}`;
  const perPick = c.withvalues && s.client.resp === 2 ? 2 : 1;
  if (engItems.length !== want * perPick || realItems.length !== want * perPick) return `expected ${want} picks`;
  const picked: string[] = [];
  for (let i = 0; i < engItems.length; i += perPick) {
    const pick = c.withvalues && perPick === 1 ? (engItems[i] as Reply[]) : engItems.slice(i, i + perPick);
    const f = pick[0] as string;
    if (!isMember(f)) return `${f} is not a member`;
    if (c.withvalues && hash.get(f) !== pick[1]) return `wrong value for ${f}`;
    picked.push(f);
  }
  if (c.count > 0 && new Set(picked).size !== picked.length) return 'repeated a member';
  return null;
}

/** Runs one command on both sides; returns a description of the divergence or null. */
async function runOne(s: Side, c: Cmd): Promise<string | null> {
  const check = c.check;
  if (check.kind === 'random') return checkRandom(s, c.argv, check);
  let ordered = true;
  let skip = false;
  if (check.kind === 'ordered') {
    ordered = (await realEncoding(s, check.key)) !== 'hashtable';
  } else if (check.kind === 'memory') {
    skip = (await realEncoding(s, check.key)) === 'hashtable';
  } else if (check.kind === 'sinter') {
    const sized: Array<{ size: number; enc: Reply }> = [];
    for (const k of check.keys) sized.push({ size: Number((await s.real.call(['SCARD', k])).reply), enc: await realEncoding(s, k) });
    sized.sort((a, b) => a.size - b.size);
    ordered = sized[0]!.enc !== 'hashtable';
  }
  const real = await s.real.call(c.argv);
  const eng = engineCall(s, c.argv);
  if (check.kind === 'fresh') ordered = isIntsetOrder(real.reply) || items(real.reply) === null;
  if (real.raw === eng.raw || skip) return null;
  if (!ordered && unordered(c.argv, real.reply) === unordered(c.argv, eng.reply)) return null;
  return `real ${JSON.stringify(real.raw)} engine ${JSON.stringify(eng.raw)}`;
}

function quote(a: string): string {
  return JSON.stringify(a);
}

describe('random hash and set command sequences vs redis-server', () => {
  let real: RealRedis;
  beforeAll(async () => {
    real = await startRealRedis(Object.entries(CONFIG).flatMap(([k, v]) => [`--${k}`, v]));
  });
  afterAll(async () => {
    await real?.stop();
  });

  it(`${RUNS} sequences of up to ${LENGTH} commands, zero divergence`, { timeout: 300_000 }, async () => {
    console.log(`collections fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run src/engine/commands/collections.fuzz.diff.test.ts)`);
    const runs = fc.sample(sequence, { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    let compared = 0;
    for (const run of runs) {
      const conn = await RespConnection.connect(real.port);
      await conn.call(['FLUSHALL']);
      const out: Reply[] = [];
      const engine = new RedisServer({ clock: new ManualClock(), config: CONFIG });
      const side: Side = { real: conn, engine, client: engine.createClient({ sink: (r) => out.push(r) }), out };
      const lines: string[] = [];
      try {
        if (run.resp3) {
          await conn.call(['HELLO', '3']);
          engineCall(side, ['HELLO', '3']);
          lines.push('HELLO 3');
        }
        for (const c of run.cmds) {
          lines.push(c.argv.map(quote).join(' '));
          const problem = await runOne(side, c);
          compared++;
          if (problem !== null) {
            failures.push(`${problem}\n  at: ${lines[lines.length - 1]}\n  sequence:\n    ${lines.join('\n    ')}`);
            break;
          }
        }
      } finally {
        conn.close();
      }
      if (failures.length >= 5) break;
    }
    console.log(`collections fuzz: ${runs.length} sequences, ${compared} commands compared, ${failures.length} diverged`);
    expect(compared).toBeGreaterThan(RUNS);
    if (failures.length > 0) expect.fail(`seed ${SEED}: ${failures.length} sequence(s) diverged\n${failures.join('\n\n')}`);
  });
});
