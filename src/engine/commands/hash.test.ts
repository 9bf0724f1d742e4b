import { describe, expect, it } from 'vitest';
import type { Reply } from '../../protocol/reply.js';
import type { EncodingChange } from '../server/server.js';
import { testNode, type TestNode } from '../testkit.js';

/**
 * What the differential tests cannot compare byte for byte: HRANDFIELD's algorithms (counts,
 * uniqueness, membership, order), what each write propagates, counts as dirty and reports to
 * the views.
 */

function setup(): TestNode & { call: (...argv: string[]) => Reply | undefined; propagated: string[][]; conversions: EncodingChange[] } {
  const node = testNode();
  const cl = node.client();
  const propagated: string[][] = [];
  node.server.onPropagate((_db, argv) => propagated.push(argv));
  const conversions: EncodingChange[] = [];
  node.server.onEncodingChange((e) => conversions.push(e));
  return { ...node, call: cl.call, propagated, conversions };
}

/** HSET key f0 v0 ... f<n-1> v<n-1> */
function fill(t: ReturnType<typeof setup>, key: string, n: number): void {
  const args: string[] = [];
  for (let i = 0; i < n; i++) args.push(`f${i}`, `v${i}`);
  t.call('HSET', key, ...args);
}

describe('HRANDFIELD', () => {
  it('with a negative count repeats fields, each with its own value', () => {
    const t = setup();
    fill(t, 'h', 3);
    const flat = t.call('HRANDFIELD', 'h', '-40', 'WITHVALUES') as string[];
    expect(flat).toHaveLength(80);
    for (let i = 0; i < flat.length; i += 2) expect(flat[i + 1]).toBe(`v${flat[i]!.slice(1)}`);
    expect(new Set(flat.filter((_, i) => i % 2 === 0)).size).toBeLessThanOrEqual(3);
  });

  it('with a positive count returns distinct fields in every strategy and encoding', () => {
    const t = setup();
    fill(t, 'lp', 60);
    fill(t, 'ht', 600);
    expect(t.call('OBJECT', 'ENCODING', 'lp')).toBe('listpack');
    expect(t.call('OBJECT', 'ENCODING', 'ht')).toBe('hashtable');
    for (const [key, size] of [['lp', 60], ['ht', 600]] as const) {
      for (const count of [2, size / 4, size / 2, size - 1]) {
        const fields = t.call('HRANDFIELD', key, String(count)) as string[];
        expect(fields).toHaveLength(count);
        expect(new Set(fields).size).toBe(count);
        for (const f of fields) expect(Number(f.slice(1))).toBeLessThan(size);
      }
    }
  });

  it('picks from a big-enough listpack in listpack order (lpRandomPairsUnique)', () => {
    const t = setup();
    fill(t, 'lp', 100);
    for (let round = 0; round < 10; round++) {
      const idx = (t.call('HRANDFIELD', 'lp', '10') as string[]).map((f) => Number(f.slice(1)));
      expect(idx).toEqual([...idx].sort((a, b) => a - b));
    }
  });

  it('returns pairs as arrays in RESP3', () => {
    const t = setup();
    fill(t, 'h', 5);
    t.call('HELLO', '3');
    const pairs = t.call('HRANDFIELD', 'h', '-3', 'WITHVALUES') as string[][];
    expect(pairs).toHaveLength(3);
    for (const [f, v] of pairs) expect(v).toBe(`v${f!.slice(1)}`);
    expect(t.call('HRANDFIELD', 'h', '2', 'WITHVALUES')).toHaveLength(2);
  });

  it('refuses a repetition count it could not serve in reasonable time', () => {
    const t = setup();
    fill(t, 'h', 1);
    expect(t.call('HRANDFIELD', 'h', '-1000001')).toEqual({ t: 'error', s: 'ERR value is out of range' });
  });
});

describe('hash writes', () => {
  it('HINCRBYFLOAT propagates HSET of the result', () => {
    const t = setup();
    t.call('HSET', 'h', 'f', '10.5');
    expect(t.call('HINCRBYFLOAT', 'h', 'f', '0.1')).toBe('10.6');
    expect(t.propagated.at(-1)).toEqual(['HSET', 'h', 'f', '10.6']);
    t.call('HINCRBY', 'h', 'n', '2');
    expect(t.propagated.at(-1)).toEqual(['HINCRBY', 'h', 'n', '2']);
  });

  it('count every field written as dirty, and nothing for failed writes', () => {
    const t = setup();
    let dirty = t.server.dirty;
    t.call('HSET', 'h', 'a', '1', 'b', '2');
    t.call('HSET', 'h', 'a', '1');
    expect(t.server.dirty).toBe(dirty + 3);
    dirty = t.server.dirty;
    t.call('HSETNX', 'h', 'a', '1');
    t.call('HINCRBY', 'h', 'a', 'x');
    t.call('HDEL', 'h', 'zz');
    expect(t.server.dirty).toBe(dirty);
    t.call('HDEL', 'h', 'a', 'b');
    expect(t.server.dirty).toBe(dirty + 2);
    expect(t.propagated.map((a) => a[0])).toEqual(['HSET', 'HSET', 'HDEL']);
  });

  it('report conversions to the views', () => {
    const t = setup();
    t.call('HSET', 'h', 'a', '1');
    t.call('HSET', 'h', 'b', 'x'.repeat(65));
    expect(t.conversions).toEqual([{ db: 0, key: 'h', from: 'listpack', to: 'hashtable' }]);
    t.call('HSET', 'g', 'a', '1');
    t.call('HINCRBYFLOAT', 'g', 'a', '1e70');
    expect(t.conversions.at(-1)).toEqual({ db: 0, key: 'g', from: 'listpack', to: 'hashtable' });
    t.call('HSET', 'g', 'b', '1');
    expect(t.conversions).toHaveLength(2);
  });

  it('HDEL emptying the hash deletes the key: hdel then del', () => {
    const t = setup();
    t.call('HSET', 'h', 'a', '1');
    const events: string[] = [];
    t.server.onKeyspaceEvent((e) => events.push(e.event));
    expect(t.call('HDEL', 'h', 'a', 'b')).toBe(1);
    expect(events).toEqual(['hdel', 'del']);
  });

  it('record no engine bug over a mixed workload', () => {
    const t = setup();
    fill(t, 'h', 700);
    t.call('HINCRBYFLOAT', 'h', 'f1', '1e4000');
    t.call('HSCAN', 'h', '0', 'COUNT', '3', 'MATCH', 'f1*');
    t.call('HRANDFIELD', 'h', '-3', 'WITHVALUES');
    t.call('HDEL', 'h', 'f0', 'f1');
    t.call('COPY', 'h', 'h2');
    expect(t.call('HLEN', 'h2')).toBe(698);
    expect(t.server.engineBugs).toEqual([]);
  });
});
