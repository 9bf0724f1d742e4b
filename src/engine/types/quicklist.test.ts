import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entrySize, LP_EOF_SIZE, LP_HDR_SIZE } from './listpack.js';
import { Quicklist, QUICKLIST_NODE_SIZE, QUICKLIST_SIZE, type QuicklistNode } from './quicklist.js';
import { mallocSize } from './zmalloc.js';

/** Every node, head to tail, checking the links both ways and the cached counts. */
function nodesOf(ql: Quicklist): QuicklistNode[] {
  const nodes: QuicklistNode[] = [];
  let prev: QuicklistNode | null = null;
  for (let n = ql.head; n !== null; n = n.next) {
    expect(n.prev).toBe(prev);
    nodes.push(n);
    prev = n;
  }
  expect(ql.tail).toBe(prev);
  expect(ql.len).toBe(nodes.length);
  expect(ql.count).toBe(nodes.reduce((s, n) => s + n.count, 0));
  return nodes;
}

/** The structural invariants every quicklist keeps, whatever was done to it. */
function checkInvariants(ql: Quicklist): void {
  for (const n of nodesOf(ql)) {
    expect(n.count).toBeGreaterThan(0);
    if (n.plain) {
      expect(n.count).toBe(1);
      expect(n.sz).toBe(n.at(0).length);
    } else {
      const entries = n.entries();
      expect(n.sz).toBe(LP_HDR_SIZE + LP_EOF_SIZE + entries.reduce((s, v) => s + entrySize(v), 0));
    }
  }
}

type Op =
  | { op: 'pushHead' | 'pushTail'; v: string }
  | { op: 'popHead' | 'popTail' }
  | { op: 'insert'; at: number; after: boolean; v: string }
  | { op: 'replace'; at: number; v: string }
  | { op: 'deleteRange'; start: number; count: number }
  | { op: 'removeMatching'; v: string; limit: number; fromTail: boolean };

const value = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'c', '1', '42', '-7', '') },
  { weight: 2, arbitrary: fc.integer({ min: -100000, max: 100000 }).map(String) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 3000 }).map((n) => 'x'.repeat(n)) },
);
const index = fc.integer({ min: -60, max: 60 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constantFrom('pushHead' as const, 'pushTail' as const), v: value }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('popHead' as const, 'popTail' as const) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: index, after: fc.boolean(), v: value }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('replace' as const), at: index, v: value }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteRange' as const), start: index, count: fc.integer({ min: -2, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeMatching' as const), v: value, limit: fc.integer({ min: 0, max: 3 }), fromTail: fc.boolean() }) },
);

/** Apply an operation to the quicklist and to a plain array that models it. */
function apply(ql: Quicklist, model: string[], o: Op): void {
  switch (o.op) {
    case 'pushHead':
      ql.pushHead(o.v);
      model.unshift(o.v);
      return;
    case 'pushTail':
      ql.pushTail(o.v);
      model.push(o.v);
      return;
    case 'popHead':
      expect(ql.pop(true)).toBe(model.shift());
      return;
    case 'popTail':
      expect(ql.pop(false)).toBe(model.pop());
      return;
    case 'insert': {
      const pos = ql.position(o.at);
      const i = o.at < 0 ? model.length + o.at : o.at;
      expect(pos === null).toBe(i < 0 || i >= model.length);
      if (pos === null) return;
      ql.insert(pos, o.v, o.after);
      model.splice(o.after ? i + 1 : i, 0, o.v);
      return;
    }
    case 'replace': {
      const i = o.at < 0 ? model.length + o.at : o.at;
      const inRange = i >= 0 && i < model.length;
      expect(ql.replace(o.at, o.v)).toBe(inRange);
      if (inRange) model[i] = o.v;
      return;
    }
    case 'deleteRange': {
      ql.deleteRange(o.start, o.count);
      if (o.count <= 0) return;
      const start = o.start < 0 ? model.length + o.start : o.start;
      if (start < 0 || start >= model.length) return;
      model.splice(start, o.count);
      return;
    }
    case 'removeMatching': {
      let removed = 0;
      const indexes = model.map((_, i) => (o.fromTail ? model.length - 1 - i : i));
      const gone = new Set<number>();
      for (const i of indexes) {
        if (model[i] !== o.v) continue;
        gone.add(i);
        removed++;
        if (o.limit !== 0 && removed === o.limit) break;
      }
      expect(ql.removeMatching(o.v, o.limit, o.fromTail)).toBe(removed);
      const kept = model.filter((_, i) => !gone.has(i));
      model.length = 0;
      model.push(...kept);
    }
  }
}

describe('Quicklist (quicklist.c)', () => {
  it('keeps the elements, their order and its invariants under any sequence of operations', () => {
    fc.assert(
      fc.property(fc.constantFrom(-1, -2, -3, 1, 2, 5, 128), fc.array(op, { maxLength: 120 }), (fill, ops) => {
        const ql = new Quicklist({ fill, compress: 0 });
        const model: string[] = [];
        for (const o of ops) apply(ql, model, o);
        checkInvariants(ql);
        expect(ql.toArray()).toEqual(model);
        for (let i = -model.length - 1; i <= model.length; i++) {
          const expected = i < 0 ? model[model.length + i] : model[i];
          expect(ql.index(i)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads ranges and walks from both ends', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.nat(), fc.nat(), (items, a, b) => {
        const ql = new Quicklist({ fill: 3, compress: 0 });
        for (const v of items) ql.pushTail(v);
        if (items.length === 0) return;
        const start = a % items.length;
        const n = b % (items.length + 2);
        expect(ql.range(start, n, false)).toEqual(items.slice(start, start + n));
        expect(ql.range(start, n, true)).toEqual(items.slice(Math.max(0, start - n + 1), start + 1).reverse());
        const seen: string[] = [];
        ql.walk(true, (v, i) => {
          expect(i).toBe(seen.length);
          seen.push(v);
          return true;
        });
        expect(seen).toEqual([...items].reverse());
      }),
    );
  });

  it('with a positive fill, no node that pushes or inserts built holds more entries than fill', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.array(op.filter((o) => o.op !== 'replace'), { maxLength: 150 }), (fill, ops) => {
        const ql = new Quicklist({ fill, compress: 0 });
        const model: string[] = [];
        for (const o of ops) apply(ql, model, o);
        for (const n of nodesOf(ql)) expect(n.count).toBeLessThanOrEqual(fill);
      }),
    );
  });

  it('with a size limit, a node of several entries stays within it (-2 = 8 KB)', () => {
    const ql = new Quicklist({ fill: -2, compress: 0 });
    for (let i = 0; i < 5000; i++) {
      if (i % 2 === 0) ql.pushTail(`element-${i}`);
      else ql.pushHead(`element-${i}`);
    }
    const nodes = nodesOf(ql);
    expect(nodes.length).toBeGreaterThan(5);
    for (const n of nodes) expect(n.sz).toBeLessThanOrEqual(8192);
    // _quicklistNodeAllowInsert counts the element's length plus 8: a node is closed a little early.
    const full = nodes.slice(0, -1).filter((n) => n.sz < 8192 - 30);
    expect(full.length).toBeLessThanOrEqual(2);
  });

  it('clamps fill to -5..32767 and compress to 0..65535 (quicklistSetOptions)', () => {
    expect(new Quicklist({ fill: -100, compress: -3 })).toMatchObject({ fill: -5, compress: 0 });
    expect(new Quicklist({ fill: 100000, compress: 1 << 20 })).toMatchObject({ fill: 32767, compress: 65535 });
  });

  it('splits a full node on insert and merges the pieces with their neighbours when they fit', () => {
    const ql = new Quicklist({ fill: 4, compress: 0 });
    for (const v of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) ql.pushTail(v);
    expect(nodesOf(ql).map((n) => n.entries())).toEqual([['a', 'b', 'c', 'd'], ['e', 'f', 'g', 'h']]);
    // After 'b' in a full node: the node keeps [a, b], the new one takes x and the rest.
    ql.insert(ql.position(1)!, 'x', true);
    expect(nodesOf(ql).map((n) => n.entries())).toEqual([['a', 'b'], ['x', 'c', 'd'], ['e', 'f', 'g', 'h']]);

    const merging = new Quicklist({ fill: 4, compress: 0 });
    for (const v of ['a', 'b', 'c', 'd']) merging.pushTail(v);
    merging.pushHead('p');
    merging.pushTail('q');
    expect(nodesOf(merging).map((n) => n.entries())).toEqual([['p'], ['a', 'b', 'c', 'd'], ['q']]);
    merging.insert(merging.position(2)!, 'x', true);
    expect(nodesOf(merging).map((n) => n.entries())).toEqual([['p', 'a', 'b'], ['x', 'c', 'd', 'q']]);

    // A full node's head or tail goes into the neighbour when it has room, else into a new node.
    const ends = new Quicklist({ fill: 2, compress: 0 });
    for (const v of ['a', 'b', 'c']) ends.pushTail(v);
    ends.insert(ends.position(1)!, 'y', true);
    expect(nodesOf(ends).map((n) => n.entries())).toEqual([['a', 'b'], ['y', 'c']]);
    ends.insert(ends.position(2)!, 'z', false);
    expect(nodesOf(ends).map((n) => n.entries())).toEqual([['a', 'b'], ['z'], ['y', 'c']]);
    ends.insert(ends.position(2)!, 'w', false);
    expect(nodesOf(ends).map((n) => n.entries())).toEqual([['a', 'b'], ['w', 'z'], ['y', 'c']]);
  });

  it('puts an element at or above packed_threshold in a plain node of its own', () => {
    const ql = new Quicklist({ fill: -2, compress: 0, packedThreshold: 10 });
    ql.pushTail('a');
    ql.pushTail('b');
    ql.pushTail('0123456789');
    ql.pushHead('abcdefghijklmnop');
    const nodes = nodesOf(ql);
    expect(nodes.map((n) => n.plain)).toEqual([true, false, true]);
    ql.insert(ql.position(1)!, 'LARGE-ELEMENT', false);
    expect(ql.toArray()).toEqual(['abcdefghijklmnop', 'LARGE-ELEMENT', 'a', 'b', '0123456789']);
    expect(nodesOf(ql).map((n) => n.plain)).toEqual([true, true, false, true]);
    expect(ql.replace(0, 'small')).toBe(true);
    expect(ql.replace(3, 'ALSO-A-LARGE-ONE')).toBe(true);
    expect(ql.toArray()).toEqual(['small', 'LARGE-ELEMENT', 'a', 'ALSO-A-LARGE-ONE', '0123456789']);
    checkInvariants(ql);
    expect(ql.pop(false)).toBe('0123456789');
    ql.deleteRange(0, 10);
    expect(ql.count).toBe(0);
    expect(ql.len).toBe(0);
  });

  describe('compression (list-compress-depth)', () => {
    /** A node of repetitive text compresses; its flag says so. */
    const fillNodes = (ql: Quicklist, nodes: number, perNode = 4): void => {
      for (let i = 0; i < nodes * perNode; i++) ql.pushTail('repeat-repeat-repeat');
    };

    it('keeps `depth` nodes plain at each end and compresses the interior', () => {
      for (const depth of [1, 2, 3]) {
        const ql = new Quicklist({ fill: 4, compress: depth });
        fillNodes(ql, 9);
        const flags = nodesOf(ql).map((n) => n.compressed);
        expect(flags).toEqual(Array.from({ length: 9 }, (_, i) => i >= depth && i < 9 - depth));
        for (const n of nodesOf(ql).filter((x) => x.compressed)) {
          expect(n.compressedSize + 8).toBeLessThan(n.sz);
          expect(n.entryAllocSize()).toBe(mallocSize(8 + n.compressedSize));
        }
      }
    });

    it('compresses nothing while the list has fewer nodes than both depths together', () => {
      const ql = new Quicklist({ fill: 4, compress: 2 });
      fillNodes(ql, 4);
      expect(nodesOf(ql).some((n) => n.compressed)).toBe(false);
      fillNodes(ql, 1);
      expect(nodesOf(ql).map((n) => n.compressed)).toEqual([false, false, true, false, false]);
    });

    it('moves the boundary as nodes come and go at the ends', () => {
      const ql = new Quicklist({ fill: 4, compress: 1 });
      fillNodes(ql, 4);
      expect(nodesOf(ql).map((n) => n.compressed)).toEqual([false, true, true, false]);
      for (let i = 0; i < 4; i++) ql.pop(true);
      expect(nodesOf(ql).map((n) => n.compressed)).toEqual([false, true, false]);
      for (let i = 0; i < 4; i++) ql.pushHead('repeat-repeat-repeat');
      expect(nodesOf(ql).map((n) => n.compressed)).toEqual([false, true, true, false]);
    });

    it('leaves small or incompressible nodes uncompressed', () => {
      const ql = new Quicklist({ fill: 2, compress: 1 });
      for (const v of ['a', 'b', 'c', 'd', 'e', 'f']) ql.pushTail(v);
      expect(nodesOf(ql).map((n) => n.compressed)).toEqual([false, false, false]);
      const random = new Quicklist({ fill: 2, compress: 1 });
      for (let i = 0; i < 6; i++) random.pushTail(String.fromCharCode(...Array.from({ length: 40 }, (_, j) => (i * 97 + j * 31) % 256)));
      expect(nodesOf(random).map((n) => n.compressed)).toEqual([false, false, false]);
    });

    it('never compresses the ends, whatever is done to the list', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 3 }), fc.array(op, { maxLength: 120 }), (depth, ops) => {
          const ql = new Quicklist({ fill: 3, compress: depth });
          const model: string[] = [];
          for (const o of ops) apply(ql, model, o);
          const nodes = nodesOf(ql);
          nodes.forEach((n, i) => {
            if (i < depth || i >= nodes.length - depth) expect(n.compressed).toBe(false);
          });
          expect(ql.toArray()).toEqual(model);
        }),
      );
    });
  });

  it('sizes itself like objectComputeSize: the struct, then sampled nodes averaged over all', () => {
    const ql = new Quicklist({ fill: 2, compress: 0 });
    expect(ql.memoryUsage(5)).toBe(QUICKLIST_SIZE);
    for (const v of ['a', 'b', 'c', 'dddddddddddddddddddddddddddddddddddddddd', 'e']) ql.pushTail(v);
    const allocs = nodesOf(ql).map((n) => QUICKLIST_NODE_SIZE + mallocSize(n.sz));
    expect(ql.memoryUsage(0)).toBe(QUICKLIST_SIZE + allocs.reduce((a, b) => a + b, 0));
    expect(ql.memoryUsage(1)).toBe(QUICKLIST_SIZE + allocs[0]! * allocs.length);
    expect(ql.memoryUsage(2)).toBe(Math.floor(QUICKLIST_SIZE + ((allocs[0]! + allocs[1]!) / 2) * allocs.length));
  });

  it('draws a window of nodes and the listpack of one of them', () => {
    const ql = new Quicklist({ fill: 3, compress: 0 });
    for (let i = 0; i < 10; i++) ql.pushTail(String(i * 1000));
    expect(ql.nodeWindow(1, 2)).toEqual([
      { index: 1, count: 3, bytes: ql.nodeAt(1)!.sz, compressed: false, compressedBytes: 0 },
      { index: 2, count: 3, bytes: ql.nodeAt(2)!.sz, compressed: false, compressedBytes: 0 },
    ]);
    expect(ql.nodeWindow(3, 10)).toHaveLength(1);
    const layout = ql.nodeLayout(1, 0, 10)!;
    expect(layout.totalBytes).toBe(ql.nodeAt(1)!.sz);
    expect(layout.entries.map((e) => [e.value, e.encoding])).toEqual([['3000', 'int13'], ['4000', 'int13'], ['5000', 'int16']]);
    expect(ql.nodeLayout(7, 0, 10)).toBeNull();
  });

  it('duplicates node for node (quicklistDup)', () => {
    const ql = new Quicklist({ fill: 2, compress: 1 });
    for (let i = 0; i < 9; i++) ql.pushTail('repeat-repeat-repeat-' + (i % 2));
    const copy = ql.dup();
    expect(copy.toArray()).toEqual(ql.toArray());
    expect(nodesOf(copy).map((n) => [n.count, n.sz, n.compressed])).toEqual(nodesOf(ql).map((n) => [n.count, n.sz, n.compressed]));
    copy.pushTail('only in the copy');
    expect(ql.count).toBe(9);
  });
});
