import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DifferentialHarness } from '../../node/testing/differential.js';

/**
 * Differential fuzzing of the list commands: fast-check writes random sequences of every list
 * command (the blocking ones too, served by another connection or timing out), SORT, MULTI
 * blocks and MEMORY USAGE (which pins down the quicklist's nodes) over a few keys, and each
 * sequence must get the same replies, byte for byte, from the engine and a real redis-server
 * 7.0. Run under the default node size and under tiny count-limited nodes, where splits and
 * merges happen all the time. Replay a failure with FUZZ_SEED=<seed> (FUZZ_RUNS, FUZZ_LENGTH).
 *
 * Values never include an out-of-range float: Redis 7.0's SORT does not clear errno before its
 * strtod, so one ERANGE would make later numeric SORTs fail on the real server only.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const LENGTH = Number(process.env.FUZZ_LENGTH ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const KEYS = ['l1', 'l2', 'l3', 's'];
const key = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('l1', 'l2', 'l3') }, { weight: 1, arbitrary: fc.constant('s') });
const keys = fc.array(key, { minLength: 1, maxLength: 3 });
const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', 'hello', '') },
  { weight: 5, arbitrary: fc.constantFrom('0', '1', '-1', '7', '42', '100', '-5', '3.5', '1e3', '007', '9223372036854775807', '9223372036854775808') },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4 }).map((b) => String.fromCharCode(...b)) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 120 }).map((n) => 'x'.repeat(n)) },
);
const values = fc.array(value, { minLength: 1, maxLength: 6 });
const index = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -8, max: 8 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('abc', '', '9223372036854775807', '-9223372036854775808') });
const count = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 6 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('-1', 'x') });
const end = fc.constantFrom('LEFT', 'RIGHT', 'left', 'Right');
const timeout = fc.constantFrom('0.01', '0.02');

const listCmd: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(fc.constantFrom('LPUSH', 'RPUSH', 'LPUSHX', 'RPUSHX'), key, values).map(([c, k, vs]) => [c, k, ...vs]),
  fc.tuple(fc.constantFrom('LPOP', 'RPOP'), key, fc.option(count)).map(([c, k, n]) => (n === null ? [c, k] : [c, k, n])),
  key.map((k) => ['LLEN', k]),
  fc.tuple(key, index).map(([k, i]) => ['LINDEX', k, i]),
  fc.tuple(key, index, index).map(([k, a, b]) => ['LRANGE', k, a, b]),
  fc.tuple(key, index, value).map(([k, i, v]) => ['LSET', k, i, v]),
  fc.tuple(key, fc.constantFrom('BEFORE', 'AFTER', 'after', 'MIDDLE'), value, value).map(([k, w, p, v]) => ['LINSERT', k, w, p, v]),
  fc.tuple(key, index, value).map(([k, n, v]) => ['LREM', k, n, v]),
  fc.tuple(key, index, index).map(([k, a, b]) => ['LTRIM', k, a, b]),
  fc.tuple(key, value, fc.subarray(['RANK 2', 'RANK -1', 'COUNT 0', 'COUNT 2', 'MAXLEN 3', 'RANK 0'])).map(([k, v, o]) => ['LPOS', k, v, ...o.join(' ').split(' ').filter((x) => x !== '')]),
  fc.tuple(key, key, end, end).map(([a, b, x, y]) => ['LMOVE', a, b, x, y]),
  fc.tuple(key, key).map(([a, b]) => ['RPOPLPUSH', a, b]),
  fc.tuple(keys, end, fc.option(count)).map(([ks, w, n]) => ['LMPOP', String(ks.length), ...ks, w, ...(n === null ? [] : ['COUNT', n])]),
);

/** Blocking commands that may time out: each costs the real server up to 100 ms (its hz). */
const blockingCmd: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(fc.constantFrom('BLPOP', 'BRPOP'), keys, timeout).map(([c, ks, t]) => [c, ...ks, t]),
  fc.tuple(key, key, end, end, timeout).map(([a, b, x, y, t]) => ['BLMOVE', a, b, x, y, t]),
  fc.tuple(key, key, timeout).map(([a, b, t]) => ['BRPOPLPUSH', a, b, t]),
  fc.tuple(keys, end, fc.option(count), timeout).map(([ks, w, n, t]) => ['BLMPOP', t, String(ks.length), ...ks, w, ...(n === null ? [] : ['COUNT', n])]),
);

const otherCmd: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(fc.constantFrom('SORT', 'SORT_RO'), key, fc.subarray(['ALPHA', 'DESC', 'LIMIT 1 3', 'BY nosort'])).map(([c, k, o]) => [c, k, ...o.join(' ').split(' ').filter((x) => x !== '')]),
  fc.tuple(key, key, fc.constantFrom([], ['ALPHA'], ['DESC', 'ALPHA'])).map(([k, dst, o]) => ['SORT', k, ...o, 'STORE', dst]),
  key.map((k) => ['TYPE', k]),
  key.map((k) => ['OBJECT', 'ENCODING', k]),
  key.map((k) => ['MEMORY', 'USAGE', k]),
  key.map((k) => ['MEMORY', 'USAGE', k, 'SAMPLES', '0']),
  keys.map((ks) => ['DEL', ...ks]),
  keys.map((ks) => ['EXISTS', ...ks]),
  fc.tuple(key, value).map(([k, v]) => ['SET', k, v]),
);

const single = fc.oneof({ weight: 12, arbitrary: listCmd }, { weight: 1, arbitrary: blockingCmd }, { weight: 4, arbitrary: otherCmd }).map((argv) => [argv]);
/** A transaction: blocking commands inside it answer at once. */
const transaction = fc.array(fc.oneof(listCmd, blockingCmd), { minLength: 1, maxLength: 4 }).map((body) => [['MULTI'], ...body, ['EXEC']]);
/** Connection 2 blocks on a key (or is answered at once), connection 1 pushes, 2 reads its reply. */
const served = fc
  .tuple(fc.constantFrom('BLPOP', 'BRPOP', 'BLMOVE', 'BLMPOP'), key, key, values)
  .map(([c, k, dst, vs]) => {
    const blocking = c === 'BLMOVE' ? ['BLMOVE', k, dst, 'LEFT', 'RIGHT', '0'] : c === 'BLMPOP' ? ['BLMPOP', '0', '1', k, 'LEFT', 'COUNT', '2'] : [c, k, '0'];
    // Either it answers at once (elements, WRONGTYPE) or the push serves it: one reply either way.
    return [[':client', '2'], [':send', ...blocking], [':client', '1'], ['RPUSH', k, ...vs], [':client', '2'], [':read'], [':client', '1']];
  });
const step = fc.oneof({ weight: 20, arbitrary: single }, { weight: 2, arbitrary: transaction }, { weight: 2, arbitrary: served });
const sequence = fc.array(step, { minLength: 10, maxLength: LENGTH, size: 'max' }).map((steps) => steps.flat());

/** redis-cli quoting of a byte string: printable ASCII as is, everything else as \xHH. */
function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 32 && c < 127 && c !== 34 && c !== 92 ? s[i] : `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return out + '"';
}

function render(cmds: string[][]): string {
  return cmds.map((argv) => (argv[0]!.startsWith(':') ? (argv.length === 1 ? argv[0]! : argv[0] === ':client' ? argv.join(' ') : `${argv[0]} ${argv.slice(1).map(quote).join(' ')}`) : argv.map(quote).join(' '))).join('\n');
}

function fuzz(title: string, config: Record<string, string>): void {
  describe(title, () => {
    let harness: DifferentialHarness;
    beforeAll(async () => {
      harness = await DifferentialHarness.start(config);
    });
    afterAll(async () => {
      await harness?.stop();
    });

    it(`${RUNS} sequences of up to ${LENGTH} steps over ${KEYS.join(' ')}, zero divergence`, { timeout: 600_000 }, async () => {
      console.log(`list fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run src/engine/commands/list.fuzz.diff.test.ts)`);
      let compared = 0;
      for (const script of fc.sample(sequence, { seed: SEED, numRuns: RUNS }).map(render)) {
        const r = await harness.run(script);
        compared += r.compared;
        if (r.divergences.length > 0) {
          const d = r.divergences[0]!;
          expect.fail(`seed ${SEED}: ${r.divergences.length} divergence(s)\n  at: ${d.line}\n  real:   ${JSON.stringify(d.real)}\n  engine: ${JSON.stringify(d.engine)}\n  script:\n${script.replace(/^/gm, '    ')}`);
        }
      }
      console.log(`list fuzz (${title}): ${RUNS} sequences, ${compared} replies compared`);
      expect(compared).toBeGreaterThan(RUNS);
    });
  });
}

fuzz('random list command sequences vs redis-server', {});
fuzz('random list command sequences vs redis-server, 3-entry nodes', { 'list-max-listpack-size': '3' });
