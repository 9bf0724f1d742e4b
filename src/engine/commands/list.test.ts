import { describe, expect, it } from 'vitest';
import { testNode } from '../testkit.js';
import { RedisList } from '../types/list.js';

describe('list commands (t_list.c)', () => {
  it('fixes the quicklist options when the list is created: later CONFIG SETs leave it alone', () => {
    const n = testNode();
    const c = n.client();
    c.call('CONFIG', 'SET', 'list-max-listpack-size', '2');
    c.call('CONFIG', 'SET', 'list-compress-depth', '1');
    c.call('RPUSH', 'old', 'a', 'b', 'c');
    c.call('CONFIG', 'SET', 'list-max-listpack-size', '-2');
    c.call('RPUSH', 'old', 'd', 'e');
    c.call('RPUSH', 'new', 'a', 'b', 'c', 'd', 'e');
    const old = n.server.dbs[0]!.dict.get('old') as RedisList;
    const fresh = n.server.dbs[0]!.dict.get('new') as RedisList;
    expect([old.ql.fill, old.ql.compress, old.ql.len]).toEqual([2, 1, 3]);
    expect([fresh.ql.fill, fresh.ql.compress, fresh.ql.len]).toEqual([-2, 1, 1]);
    expect(c.call('OBJECT', 'ENCODING', 'old')).toBe('quicklist');
  });

  it('reports the quicklist in DEBUG OBJECT, averages rounded as printf does', () => {
    const n = testNode({ config: { 'enable-debug-command': 'local', 'list-max-listpack-size': '2' } });
    const c = n.client();
    c.call('RPUSH', 'l', ...'abcdefghijklmnop'.split(''));
    for (const x of 'bdfhjln') c.call('LREM', 'l', '0', x);
    // 9 elements in 8 nodes: 1.125 exactly, which glibc's printf rounds to even (the value real Redis printed).
    const text = (c.call('DEBUG', 'OBJECT', 'l') as { s: string }).s;
    expect(text).toMatch(/ encoding:quicklist .* ql_nodes:8 ql_avg_node:1\.12 ql_listpack_max:2 ql_compressed:0 ql_uncompressed_size:83$/);
  });

  it('copies a list node for node, independent of the original (COPY)', () => {
    const n = testNode();
    const c = n.client();
    c.call('RPUSH', 'l', 'a', 'b');
    c.call('COPY', 'l', 'l2');
    c.call('RPUSH', 'l2', 'c');
    expect(c.call('LRANGE', 'l', '0', '-1')).toEqual(['a', 'b']);
    expect(c.call('LRANGE', 'l2', '0', '-1')).toEqual(['a', 'b', 'c']);
    const l2 = n.server.dbs[0]!.dict.get('l2') as RedisList;
    expect(l2.elements(2)).toEqual({ type: 'list', items: ['a', 'b'] });
    expect(l2.elements(0)).toEqual({ type: 'list', items: [] });
  });

  it('propagates pops of several elements and the non-blocking forms as what they did', () => {
    const n = testNode();
    const stream: string[][] = [];
    n.server.onPropagate((_db, argv) => stream.push(argv));
    const c = n.client();
    c.call('RPUSH', 'l', 'a', 'b', 'c');
    c.call('LMPOP', '2', 'missing', 'l', 'RIGHT', 'COUNT', '10');
    c.call('RPUSH', 'l', 'a', 'b', 'c');
    c.call('BLMPOP', '0', '1', 'l', 'LEFT');
    c.call('BLPOP', 'l', '0');
    c.call('BLMOVE', 'l', 'd', 'left', 'right', '0');
    c.call('LPOS', 'd', 'c');
    c.call('LTRIM', 'd', '0', '-1');
    expect(stream).toEqual([
      ['RPUSH', 'l', 'a', 'b', 'c'],
      ['RPOP', 'l', '3'],
      ['RPUSH', 'l', 'a', 'b', 'c'],
      ['LPOP', 'l', '1'],
      ['LPOP', 'l'],
      ['LMOVE', 'l', 'd', 'left', 'right'],
    ]);
  });

  it('sends the keyspace events Redis sends, in its order', () => {
    const n = testNode();
    const events: string[] = [];
    n.server.onKeyspaceEvent((e) => events.push(`${e.event}:${e.key}`));
    const c = n.client();
    c.call('RPUSH', 'src', 'x');
    c.call('RPOPLPUSH', 'src', 'dst');
    c.call('LREM', 'dst', '0', 'x');
    expect(events).toEqual(['new:src', 'rpush:src', 'new:dst', 'lpush:dst', 'rpop:src', 'del:src', 'lrem:dst', 'del:dst']);
  });
});

describe('SORT (sort.c)', () => {
  it('leaves a sorted set as a skiplist and says so to the views', () => {
    const n = testNode();
    const changes: string[] = [];
    n.server.onEncodingChange((e) => changes.push(`${e.key}:${e.from}->${e.to}`));
    const c = n.client();
    c.call('ZADD', 'z', '2', 'b', '1', 'a');
    expect(c.call('SORT', 'z', 'BY', 'nosort')).toEqual(['a', 'b']);
    expect(c.call('OBJECT', 'ENCODING', 'z')).toBe('skiplist');
    c.call('SORT', 'z');
    expect(changes).toEqual(['z:listpack->skiplist']);
  });

  it('stores its result with the default quicklist options and counts it as dirty', () => {
    const n = testNode({ config: { 'list-max-listpack-size': '1' } });
    const c = n.client();
    c.call('RPUSH', 'l', '3', '1', '2');
    const dirty = n.server.dirty;
    expect(c.call('SORT', 'l', 'STORE', 'out')).toBe(3);
    expect(n.server.dirty - dirty).toBe(3);
    const out = n.server.dbs[0]!.dict.get('out') as RedisList;
    expect([out.ql.fill, out.ql.len]).toEqual([-2, 1]);
    expect(c.call('LRANGE', 'out', '0', '-1')).toEqual(['1', '2', '3']);
  });
});
