import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../time/prng.js';
import { Dict, DICT_HT_INITIAL_SIZE, hashBytes } from './dict.js';

function filled(n: number, prefix = 'k'): Dict<number> {
  const d = new Dict<number>(42);
  for (let i = 0; i < n; i++) d.add(`${prefix}${i}`, i);
  return d;
}

function finishRehash<V>(d: Dict<V>): void {
  while (d.rehash(100));
}

/** Every key a complete SCAN returns (with duplicates), doing `between` after each call. */
function fullScan<V>(d: Dict<V>, between: () => void = () => {}): string[] {
  const seen: string[] = [];
  let cursor = 0;
  let calls = 0;
  do {
    cursor = d.scan(cursor, (e) => seen.push(e.key));
    between();
    if (++calls > 1_000_000) throw new Error('scan does not terminate');
  } while (cursor !== 0);
  return seen;
}

describe('Dict tables (dict.c)', () => {
  it('starts with 4 buckets and grows to the next power of two once used reaches the size', () => {
    const d = new Dict<number>(1);
    expect(d.shape().sizes).toEqual([0, 0]);
    d.add('a', 1);
    expect(d.shape().sizes).toEqual([DICT_HT_INITIAL_SIZE, 0]);
    for (const k of ['b', 'c', 'd']) d.add(k, 1);
    expect(d.isRehashing()).toBe(false);
    d.add('e', 1);
    // used (4) >= size (4): expand to 5 rounded up to 8, and the insert goes to the new table.
    expect(d.shape()).toMatchObject({ sizes: [4, 8] });
    expect(d.isRehashing()).toBe(true);
    finishRehash(d);
    expect(d.shape()).toEqual({ sizes: [8, 0], used: [5, 0], rehashIdx: -1 });
  });

  it('rehashes one bucket per lookup and keeps every key reachable meanwhile', () => {
    const d = filled(64);
    finishRehash(d);
    for (let i = 64; i < 65; i++) d.add(`k${i}`, i);
    expect(d.isRehashing()).toBe(true);
    const startIdx = d.rehashIdx;
    let steps = 0;
    while (d.isRehashing()) {
      for (let i = 0; i < 65; i++) expect(d.get(`k${i}`)).toBe(i);
      steps++;
    }
    expect(steps).toBeGreaterThan(0);
    expect(startIdx).toBeGreaterThanOrEqual(0);
    expect(d.shape().sizes).toEqual([128, 0]);
    expect(d.size).toBe(65);
  });

  it('does not grow while resizing is disallowed, until used/size exceeds 5 (integer ratio)', () => {
    const d = new Dict<number>(3);
    d.add('x', 0);
    d.canResize = false;
    for (let i = 1; i < 24; i++) d.add(`x${i}`, i);
    expect(d.shape().sizes).toEqual([4, 0]);
    // used 24 / size 4 = 6 > 5: the next insert forces the expansion.
    d.add('x24', 24);
    expect(d.shape().sizes).toEqual([4, 32]);
  });

  it('shrinks from the cron when less than 10% of the buckets are used', () => {
    const d = filled(100);
    finishRehash(d);
    expect(d.shape().sizes[0]).toBe(128);
    for (let i = 0; i < 88; i++) d.delete(`k${i}`);
    // 12 / 128 = 9.4%: not yet above the shrink threshold
    expect(d.resizeIfNeeded()).toBe(true);
    finishRehash(d);
    expect(d.shape().sizes).toEqual([16, 0]);
    for (let i = 88; i < 100; i++) expect(d.get(`k${i}`)).toBe(i);
    expect(d.resizeIfNeeded()).toBe(false);
  });

  it('never shrinks below 4 buckets, and not while rehashing', () => {
    const d = filled(5);
    expect(d.isRehashing()).toBe(true);
    expect(d.resizeIfNeeded()).toBe(false);
    finishRehash(d);
    for (let i = 0; i < 5; i++) d.delete(`k${i}`);
    expect(d.resizeIfNeeded()).toBe(true);
    finishRehash(d);
    expect(d.shape().sizes).toEqual([4, 0]);
    expect(d.resizeIfNeeded()).toBe(false);
  });

  it('rehashes 200 steps of 100 buckets per modelled millisecond from the cron, not while paused', () => {
    // The 131073rd insert finds the table full and starts rehashing into 262144 buckets.
    const d = filled(131_073);
    expect(d.shape().sizes).toEqual([131072, 262144]);
    expect(d.rehashMilliseconds(1)).toBe(20_000);
    expect(d.isRehashing()).toBe(true);
    const iteration = d.entries();
    iteration.next();
    expect(d.rehashMilliseconds(1)).toBe(0);
    iteration.return?.(undefined);
    let crons = 1;
    while (d.isRehashing()) {
      d.rehashMilliseconds(1);
      crons++;
    }
    expect(crons).toBeLessThan(10);
    expect(d.shape().sizes).toEqual([262144, 0]);
    expect(d.size).toBe(131_073);
  });

  it('set replaces in place and delete unlinks from either table', () => {
    const d = filled(10);
    expect(d.isRehashing()).toBe(true);
    const e = d.set('k3', 300);
    expect(e.val).toBe(300);
    expect(d.size).toBe(10);
    d.set('new', 1);
    expect(d.size).toBe(11);
    for (let i = 0; i < 10; i++) expect(d.delete(`k${i}`)?.key).toBe(`k${i}`);
    expect(d.delete('k0')).toBeNull();
    expect(d.size).toBe(1);
    expect(d.has('new')).toBe(true);
  });

  it('hashes with the seed, deterministically', () => {
    expect(hashBytes('abc', 1)).toBe(hashBytes('abc', 1));
    expect(hashBytes('abc', 1)).not.toBe(hashBytes('abc', 2));
    expect(hashBytes('\xff\x00', 0)).toBeGreaterThanOrEqual(0);
  });
});

describe('Dict.scan (dictScan)', () => {
  it('returns every element exactly once when the table does not change', () => {
    for (const n of [0, 1, 3, 4, 5, 17, 100, 1000]) {
      const d = filled(n);
      finishRehash(d);
      const seen = fullScan(d);
      expect(seen.length).toBe(n);
      expect(new Set(seen).size).toBe(n);
    }
  });

  it('returns every element at least once when the scan starts mid-rehash', () => {
    const d = filled(300);
    expect(d.isRehashing()).toBe(true);
    const seen = new Set(fullScan(d));
    expect(seen.size).toBe(300);
  });

  it('lets the visitor delete the entry it is given, without skipping its chain', () => {
    const d = filled(200);
    finishRehash(d);
    let visited = 0;
    let cursor = 0;
    do {
      cursor = d.scan(cursor, (e) => {
        visited++;
        if (Number(e.key.slice(1)) % 2 === 0) d.delete(e.key);
      });
    } while (cursor !== 0);
    expect(visited).toBe(200);
    expect(d.size).toBe(100);
  });

  it('pauses rehashing while the visitor runs, so lookups cannot move the chain being walked', () => {
    const d = filled(600);
    expect(d.isRehashing()).toBe(true);
    const keys = new Set<string>();
    let cursor = 0;
    do {
      cursor = d.scan(cursor, (e) => {
        keys.add(e.key);
        const idx = d.rehashIdx;
        for (let i = 0; i < 5; i++) d.get(`k${i}`);
        expect(d.rehashIdx).toBe(idx);
      });
      d.get('k1');
    } while (cursor !== 0);
    expect(keys.size).toBe(600);
  });

  it('guarantees that elements present for the whole scan are returned, while the dict grows and shrinks', () => {
    type Op =
      | { t: 'add'; n: number }
      | { t: 'del'; n: number }
      | { t: 'rehash'; n: number }
      | { t: 'shrink' }
      | { t: 'lookup' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ t: fc.constant('add' as const), n: fc.integer({ min: 1, max: 200 }) }),
      fc.record({ t: fc.constant('del' as const), n: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ t: fc.constant('rehash' as const), n: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ t: fc.constant('shrink' as const) }),
      fc.record({ t: fc.constant('lookup' as const) }),
    );
    let scansThatGrew = 0;
    let scansThatShrank = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 500 }),
        fc.array(op, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (stableCount, initialChurn, ops, seed) => {
          const d = new Dict<number>(seed);
          const stable: string[] = [];
          for (let i = 0; i < stableCount; i++) stable.push(`s${i}`);
          const churn: string[] = [];
          let next = 0;
          // Bounded so growth alternates with shrinking instead of outrunning the cursor.
          const addChurn = (n: number): void => {
            for (let i = 0; i < n && d.size < 2000; i++) {
              const k = `c${next++}`;
              d.add(k, 0);
              churn.push(k);
            }
          };
          for (const k of stable) d.add(k, 1);
          addChurn(initialChurn);
          const seen = new Set<string>();
          let cursor = 0;
          let i = 0;
          let calls = 0;
          let grew = false;
          let shrank = false;
          do {
            cursor = d.scan(cursor, (e) => seen.add(e.key));
            const [before] = d.shape().sizes;
            const o = ops[i++ % ops.length]!;
            switch (o.t) {
              case 'add':
                addChurn(o.n);
                break;
              case 'del':
                for (let j = 0; j < o.n && churn.length > 0; j++) d.delete(churn.pop()!);
                break;
              case 'rehash':
                d.rehash(o.n);
                break;
              case 'shrink':
                d.resizeIfNeeded();
                break;
              case 'lookup':
                d.get(stable[0] ?? 'none');
                break;
            }
            const [s0, s1] = d.shape().sizes;
            if (s1 > s0 || s0 > before) grew = true;
            if ((s1 > 0 && s1 < s0) || s0 < before) shrank = true;
            if (++calls > 100_000) throw new Error('scan does not terminate');
          } while (cursor !== 0);
          if (grew) scansThatGrew++;
          if (shrank) scansThatShrank++;
          for (const k of stable) if (!seen.has(k)) throw new Error(`scan missed ${k}`);
        },
      ),
      { numRuns: 300 },
    );
    // The property is only meaningful if rehashing in both directions happened mid-scan.
    expect(scansThatGrew).toBeGreaterThan(20);
    expect(scansThatShrank).toBeGreaterThan(20);
  });

  it('survives a shrink from 1024 buckets to 4 in the middle of a scan', () => {
    const d = filled(1000, 'c');
    finishRehash(d);
    for (let i = 0; i < 3; i++) d.add(`s${i}`, 1);
    const seen = new Set<string>();
    let cursor = d.scan(0, (e) => seen.add(e.key));
    for (let i = 0; i < 1000; i++) d.delete(`c${i}`);
    expect(d.resizeIfNeeded()).toBe(true);
    d.rehash(3);
    expect(d.isRehashing()).toBe(true);
    while (cursor !== 0) cursor = d.scan(cursor, (e) => seen.add(e.key));
    for (let i = 0; i < 3; i++) expect(seen.has(`s${i}`)).toBe(true);
  });
});

describe('Dict random access', () => {
  it('randomEntry returns only live entries and can reach every one, also while rehashing', () => {
    const prng = new Prng(7);
    const rand = (n: number): number => prng.int(n);
    const d = filled(40);
    const counts = new Map<string, number>();
    for (let i = 0; i < 8000; i++) {
      const e = d.randomEntry(rand)!;
      expect(d.get(e.key)).toBe(e.val);
      counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
      if (i === 4000) for (let j = 40; j < 80; j++) d.add(`k${j}`, j);
    }
    expect(counts.size).toBe(80);
  });

  it('randomEntry and fairRandomEntry return null on an empty dict', () => {
    const d = new Dict<number>();
    expect(d.randomEntry(() => 0)).toBeNull();
    expect(d.fairRandomEntry(() => 0)).toBeNull();
    expect(d.sampleEntries(5, () => 0)).toEqual([]);
  });

  it('sampleEntries returns distinct live entries, at most the count asked, from both tables', () => {
    const prng = new Prng(3);
    const rand = (n: number): number => prng.int(n);
    for (const n of [1, 3, 20, 500]) {
      const d = filled(n);
      for (let round = 0; round < 50; round++) {
        const sample = d.sampleEntries(15, rand);
        expect(sample.length).toBeLessThanOrEqual(Math.min(15, n));
        expect(sample.length).toBeGreaterThan(0);
        expect(new Set(sample.map((e) => e.key)).size).toBe(sample.length);
        for (const e of sample) expect(d.get(e.key)).toBe(e.val);
      }
    }
  });

  it('fairRandomEntry spreads picks over the whole keyspace', () => {
    const prng = new Prng(11);
    const rand = (n: number): number => prng.int(n);
    const d = filled(50);
    finishRehash(d);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      const k = d.fairRandomEntry(rand)!.key;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.size).toBe(50);
    for (const c of counts.values()) expect(c).toBeGreaterThan(100);
  });
});

describe('Dict.entries (safe iterator)', () => {
  it('visits every entry once and pauses rehashing until the iteration ends', () => {
    const d = filled(300);
    expect(d.isRehashing()).toBe(true);
    const idx = d.rehashIdx;
    const keys: string[] = [];
    for (const e of d.entries()) {
      keys.push(e.key);
      d.get('k1');
      expect(d.rehashIdx).toBe(idx);
    }
    expect(new Set(keys).size).toBe(300);
    d.get('k1');
    expect(d.rehashIdx === -1 || d.rehashIdx > idx).toBe(true);
  });

  it('resumes rehashing when the consumer stops early', () => {
    const d = filled(300);
    const idx = d.rehashIdx;
    for (const e of d.entries()) {
      if (e.key !== '') break;
    }
    d.get('k1');
    expect(d.rehashIdx === -1 || d.rehashIdx > idx).toBe(true);
  });

  it('allows deleting the current entry', () => {
    const d = filled(100);
    finishRehash(d);
    for (const e of d.entries()) d.delete(e.key);
    expect(d.size).toBe(0);
  });
});
