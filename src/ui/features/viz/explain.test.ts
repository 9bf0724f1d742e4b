import { describe, expect, it } from 'vitest';
import { as, structureNode } from '../../../sim/projections/structures/testing.js';
import { cliArg, conversionNote, explain, LONG_MEMBER } from './explain.js';

describe('explain', () => {
  it('quotes arguments the way they must be typed', () => {
    expect(cliArg('board')).toBe('board');
    expect(cliArg('my key')).toBe('"my key"');
    expect(cliArg('say "hi"')).toBe('"say \\"hi\\""');
    expect(cliArg('\xe4\xbd\xa0\xe5\xa5\xbd')).toBe('你好');
  });

  it('offers a member that really converts a listpack zset', () => {
    const { call, snap } = structureNode();
    call('ZADD', 'z', '1', 'a');
    const e = explain(snap({ key: 'z' }));
    expect(e.commands).toContain(`ZADD z 1 ${LONG_MEMBER}`);
    call('ZADD', 'z', '1', LONG_MEMBER);
    expect(call('OBJECT', 'ENCODING', 'z')).toBe('skiplist');
  });

  it('names the rule behind each conversion', () => {
    const { call, snap } = structureNode();
    for (let i = 0; i < 128; i++) call('ZADD', 'z', String(i), `m${i}`);
    const lp = snap({ key: 'z' });
    call('ZADD', 'z', '1000', 'm128');
    expect(conversionNote(lp, snap({ key: 'z' }))).toBe('Converted listpack → skiplist + dict: 129 members > zset-max-listpack-entries (128).');

    call('HSET', 'h', 'f', 'v');
    const small = snap({ key: 'h' });
    call('HSET', 'h', 'g', 'v'.repeat(65));
    expect(conversionNote(small, snap({ key: 'h' }))).toBe('Converted listpack → hashtable: an element longer than hash-max-listpack-value (64 bytes).');

    call('SADD', 's', '1');
    const is = snap({ key: 's' });
    call('SADD', 'wide', '1');
    const narrow = snap({ key: 'wide' });
    call('SADD', 'wide', '70000');
    expect(conversionNote(narrow, snap({ key: 'wide' }))).toBe(
      'Upgraded int16 → int32: a value did not fit, so every element was rewritten 4 bytes wide (intsetUpgradeAndAdd).',
    );
    call('SADD', 's', 'x');
    expect(conversionNote(is, snap({ key: 's' }))).toBe('Converted intset → hashtable: a member that is not an integer.');
    expect(conversionNote(is, is)).toBeNull();
    expect(as(is, 'intset').maxEntries.value).toBe(512);
  });

  it('explains every kind with at least one command to try', () => {
    const { call, snap } = structureNode();
    call('SET', 'str', 'v');
    for (const key of ['str', 'missing']) expect(explain(snap({ key })).commands.length).toBeGreaterThan(0);
    expect(explain(snap({ key: null })).title).toBe("db0's keyspace dict");
  });
});
