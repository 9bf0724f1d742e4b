import { describe, expect, it } from 'vitest';
import { followedMember } from './followWrite.js';

const w = (argv: string[], argc = argv.length) => ({ seq: 1, argv, argc });

describe('followedMember', () => {
  it('follows the last member a ZADD placed, past its flags', () => {
    expect(followedMember(w(['ZADD', 'z', '1', 'a']), 'skiplist')).toBe('a');
    expect(followedMember(w(['zadd', 'z', 'NX', 'ch', '1', 'a', '2', 'b']), 'skiplist')).toBe('b');
    expect(followedMember(w(['ZADD', 'z', 'INCR', '5', 'a']), 'listpack')).toBe('a');
    expect(followedMember(w(['ZINCRBY', 'z', '5', 'm']), 'skiplist')).toBe('m');
  });

  it('gives up when the command was clipped or is malformed', () => {
    expect(followedMember(w(['ZADD', 'z', '1', 'a'], 80), 'skiplist')).toBeNull();
    expect(followedMember(w(['ZADD', 'z', 'xx']), 'skiplist')).toBeNull();
    expect(followedMember(w(['ZADD', 'z', '1', 'a', '2']), 'skiplist')).toBeNull();
  });

  it('follows the last field of an HSET into a listpack, nothing else', () => {
    expect(followedMember(w(['HSET', 'h', 'f1', 'v1', 'f2', 'v2']), 'listpack')).toBe('f2');
    expect(followedMember(w(['HSET', 'h', 'f1', 'v1']), 'hashtable')).toBeNull();
    expect(followedMember(w(['ZREM', 'z', 'a']), 'skiplist')).toBeNull();
    expect(followedMember(w(['DEL', 'z']), 'missing')).toBeNull();
  });
});
