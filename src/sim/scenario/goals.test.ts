import { describe, expect, it } from 'vitest';
import type { Reply } from '../../protocol/reply.js';
import type { Comparison, RedisGoal } from './format.js';
import { judgeRedisGoal } from './goals.js';

function goal(op: Comparison, value: RedisGoal['value']): RedisGoal {
  return { kind: 'redis', line: 1, always: false, source: 'GET k', argv: ['GET', 'k'], op, value, message: '' };
}

describe('judgeRedisGoal', () => {
  const cases: Array<[Comparison, RedisGoal['value'], Reply | undefined, boolean]> = [
    ['==', 1, 1, true],
    ['>', 0, 5, true],
    ['<=', 10, '11', false],
    ['>=', 1.5, { t: 'double', v: 1.5 }, true],
    ['==', 'OK', { t: 'status', s: 'OK' }, true],
    ['==', 'v', 'v', true],
    ['!=', 'v', 'w', true],
    ['==', null, null, true],
    ['!=', null, null, false],
    ['==', null, { t: 'nilarray' }, true],
    ['!=', null, 'x', true],
    ['==', 1, { t: 'bool', v: true }, true],
    ['==', 5, 5n, true],
  ];

  it.each(cases)('%s %o against %o → %s', (op, value, reply, met) => {
    expect(judgeRedisGoal(goal(op, value), reply).met).toBe(met);
  });

  it('says why a reply does not satisfy the goal', () => {
    expect(judgeRedisGoal(goal('==', 1), 0)).toEqual({ met: false, value: '(integer) 0', reason: 'GET k replied (integer) 0; the goal is == 1' });
    expect(judgeRedisGoal(goal('==', 'a b'), null).reason).toBe('GET k replied (nil); the goal is == "a b"');
    expect(judgeRedisGoal(goal('>', 1), 'abc').reason).toBe('GET k replied "abc", not a number');
    expect(judgeRedisGoal(goal('<', 'abc'), 'abd').reason).toBe('GET k replied "abd"; text cannot be compared with <');
    expect(judgeRedisGoal(goal('==', 1), ['a', 'b']).reason).toBe('GET k replied (array of 2), which is not a single value');
    expect(judgeRedisGoal(goal('==', 1), { t: 'error', s: 'WRONGTYPE Operation against a key holding the wrong kind of value' }).reason).toBe(
      'GET k replied (error) WRONGTYPE Operation against a key holding the wrong kind of value',
    );
    expect(judgeRedisGoal(goal('==', 1), undefined).reason).toBe('GET k got no reply');
  });
});
