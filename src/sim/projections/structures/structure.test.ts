import { describe, expect, it } from 'vitest';
import { MAX_WINDOW } from '../../../protocol/snapshots.js';
import { testEngine } from '../../testkit.js';
import { as, structureNode } from './testing.js';

describe('structure projection', () => {
  it('answers through the engine API, for a key and for the keyspace dict', () => {
    const { api } = testEngine();
    const c = api.openClient();
    api.execute(c.id, ['ZADD', 'z', '1', 'a']);
    expect(api.structure({ db: 0, key: 'z', from: 0, count: 10 })).toMatchObject({ kind: 'listpack', node: 'node-1', db: 0, type: 'zset' });
    expect(api.structure({ db: 0, key: null, from: 0, count: 10 })).toMatchObject({ kind: 'hashtable', owner: 'keyspace', size: 1 });
    expect(() => api.structure({ db: 99, key: 'z', from: 0, count: 10 })).toThrow(/out of range/);
  });

  it('says when a key is missing, and what a string is encoded as', () => {
    const { call, snap } = structureNode();
    expect(snap({ key: 'nope' })).toEqual({ kind: 'missing', node: 'node-1', db: 0, key: 'nope', lastWrite: null });
    call('SET', 'n', '12345');
    call('SET', 's', 'hello');
    expect(as(snap({ key: 'n' }), 'plain')).toMatchObject({ type: 'string', encoding: 'int', length: 5 });
    expect(as(snap({ key: 's' }), 'plain')).toMatchObject({ encoding: 'embstr', memoryBytes: call('MEMORY', 'USAGE', 's') });
  });

  it('is an observer: no hits, no lazy expiry, no LRU touch', () => {
    const { node, call, snap } = structureNode();
    call('ZADD', 'z', '1', 'a');
    call('PEXPIRE', 'z', '10');
    node.clock.advance(50);
    const hits = node.server.stats.keyspaceHits;
    const misses = node.server.stats.keyspaceMisses;
    expect(snap({ key: 'z' }).kind).toBe('listpack');
    expect(node.server.stats.keyspaceHits).toBe(hits);
    expect(node.server.stats.keyspaceMisses).toBe(misses);
    expect(node.server.dbs[0]!.dict.size).toBe(1);
  });

  it('survives nonsense windows', () => {
    const { call, snap } = structureNode();
    for (let i = 0; i < 300; i++) call('SADD', 's', String(i));
    expect(as(snap({ key: 's', from: -5, count: Number.NaN }), 'intset').values).toEqual(['0']);
    expect(as(snap({ key: 's', from: 0, count: 1e9 }), 'intset').values).toHaveLength(MAX_WINDOW);
  });
});
