import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

/** `n` ZADD pairs "i m<i>" from `from`, for one script line. */
function pairs(from: number, n: number, prefix = 'm'): string {
  return Array.from({ length: n }, (_, i) => `${from + i} ${prefix}${from + i}`).join(' ');
}

const LONG64 = 'x'.repeat(64);
const LONG65 = 'y'.repeat(65);

describe('sorted sets vs redis-server: ZADD and single-element commands', () => {
  const script = differentialSuite();

  script('ZADD replies, options and their conflicts', `
    ZADD z 1 a
    ZADD z 1 a
    ZADD z 2 a 3 b
    ZADD z CH 2 a 4 b 5 c
    ZADD z ch CH 9 a
    ZRANGE z 0 -1 WITHSCORES
    ZADD z NX 100 a 6 d
    ZADD z XX 100 a 7 e
    ZADD z XX CH 100 a 7 e
    ZADD z GT 50 a
    ZADD z GT CH 150 a
    ZADD z LT CH 150 a 1 b
    ZADD z GT 1 newgt
    ZADD z LT 1 newlt
    ZADD z XX GT CH 200 a 0 b
    ZRANGE z 0 -1 WITHSCORES
    ZADD z NX XX 1 a
    ZADD z XX NX GT 1 a
    ZADD z GT LT 1 a
    ZADD z GT NX 1 a
    ZADD z LT NX 1 a
    ZADD z INCR 1 a 2 b
    ZADD z 1
    ZADD z NX
    ZADD z 1 a 2
    ZADD z a b
    ZADD z 1 a x b
    ZADD z NX NX 1 nn
    ZADD z BOGUS 1 a
    ZADD z nx 1 a GT
    ZADD newkey XX 1 a
    EXISTS newkey
    ZADD newkey XX INCR 1 a
    EXISTS newkey
    ZADD z INCR 5 a
    ZADD z INCR -5 a
    ZADD z INCR GT -1 a
    ZADD z INCR LT -1 a
    ZADD z INCR LT 1 a
    ZADD z INCR XX 1 nonexist
    ZADD z INCR NX 1 a
    ZADD z INCR NX 1 fresh
    ZADD z INCR CH 1 fresh
    ZADD z INCR inf a
    ZADD z INCR -inf a
    ZADD z INCR +inf a
    ZSCORE z a
    ZCARD z
    ZCARD nokey
    ZRANGE z 0 -1 WITHSCORES
  `);

  script('ZINCRBY', `
    ZINCRBY z 1 a
    ZINCRBY z 1.5 a
    ZINCRBY z -2.5 a
    ZINCRBY z abc a
    ZINCRBY z nan a
    ZINCRBY z inf a
    ZINCRBY z -inf a
    ZINCRBY z -inf b
    ZINCRBY z +inf b
    ZINCRBY z 1e308 c
    ZINCRBY z 1e308 c
    ZINCRBY z 0 d
    ZINCRBY z -0 e
    ZINCRBY z nx e
    ZINCRBY z incr e
    ZINCRBY z 1 a extra
    ZINCRBY z 1
    SET s v
    ZINCRBY s 1 a
    ZRANGE z 0 -1 WITHSCORES
  `);

  script('score parsing and %.17g formatting', `
    ZADD f 1.1 a 0.1 b 1e308 c 1e-300 d 123456789012345678 e 1e15 f 1e16 g 1e17 h
    ZADD f 4503599627370496 i -4503599627370495 j -4503599627370496 k 3.0 l 1.5e-5 m 0.0001 n 0.00001 o
    ZADD f 1e-310 p 2.2250738585072014e-308 q 1.7976931348623157e308 r 5e-324 s
    ZADD f 0x10 t 0X1p3 u .5 v 5. w +7 x -.25 y 00012 z
    ZADD f infinity ia -INF ib +Inf ic -infinity id
    ZRANGE f 0 -1 WITHSCORES
    ZSCORE f a
    ZSCORE f e
    ZSCORE f p
    ZMSCORE f a b c d nosuch e
    ZADD f 1e-400 bad
    ZADD f 1e400 bad
    ZADD f " 1" bad
    ZADD f "1 " bad
    ZADD f "" bad
    ZADD f nan bad
    ZADD f -nan bad
    ZADD f 1e bad
    ZADD f 1.2.3 bad
    ZADD f - bad
    ZADD f . bad
    ZADD f 0x bad
    ZADD f "1\\x00" bad
    ZADD f 4611686018427387904 a62 4611686018427387903 b62 4611686018427388928 c62 -4611686018427387904 d62 9223372036854775807 e62 1e19 f62
    ZADD f 99999999999999999999 big
    ZADD f 12345678901234567890123 big2
    ZSCORE f big
    ZSCORE f big2
    ZSCORE f e62
    ZSCAN f 0
  `);

  script('negative zero in each encoding', `
    ZADD s -0 x
    ZSCORE s x
    ZADD s INCR -0 m
    ZINCRBY s -0 n
    ZSCORE s m
    ZRANGE s 0 -1 WITHSCORES
    ZSCAN s 0
    CONFIG SET zset-max-listpack-entries 0
    ZADD t -0 x 1.5 y
    OBJECT ENCODING t
    ZSCORE t x
    ZADD t 0 x
    ZSCORE t x
    ZINCRBY t 0 x
    ZADD t INCR -0 m
    ZRANGE t 0 -1 WITHSCORES
    ZRANGEBYSCORE t -0 0 WITHSCORES
    ZCOUNT t 0 -0
    CONFIG SET zset-max-listpack-entries 128
  `);

  script('ZREM, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCARD', `
    ZADD z 1 a 2 b 3 c 3 d 5 e
    ZRANK z a
    ZRANK z d
    ZREVRANK z a
    ZREVRANK z d
    ZRANK z nosuch
    ZRANK nokey a
    ZREVRANK nokey a
    ZSCORE z c
    ZSCORE z nosuch
    ZSCORE nokey a
    ZMSCORE z a nosuch e
    ZMSCORE nokey a b
    ZREM z a nosuch
    ZREM z nosuch
    ZREM nokey a
    ZREM z b b c
    ZCARD z
    ZREM z d e
    EXISTS z
    ZREM z d
    ZADD z 1 a 2 b
    ZREM z a b c
    EXISTS z
  `);

  script('ZCOUNT and ZLEXCOUNT ranges', `
    ZADD z 1 a 2 b 3 c 4 d 5 e -inf ninf inf pinf
    ZCOUNT z -inf +inf
    ZCOUNT z (1 (5
    ZCOUNT z 1 5
    ZCOUNT z (1 1
    ZCOUNT z 5 1
    ZCOUNT z 3 3
    ZCOUNT z (3 3
    ZCOUNT z "" 10
    ZCOUNT z "(" 10
    ZCOUNT z " 2" 10
    ZCOUNT z "  " 10
    ZCOUNT z 1e400 inf
    ZCOUNT z -1e400 0x2
    ZCOUNT z nan 1
    ZCOUNT z (nan 1
    ZCOUNT z 1 abc
    ZCOUNT z "2\\x00junk" 3
    ZCOUNT nokey 1 2
    ZCOUNT nokey a b
    DEL z
    ZADD z 0 a 0 b 0 c 0 d 0 e 0 f
    ZLEXCOUNT z - +
    ZLEXCOUNT z + -
    ZLEXCOUNT z - -
    ZLEXCOUNT z + +
    ZLEXCOUNT z [b [d
    ZLEXCOUNT z (b (d
    ZLEXCOUNT z (b [d
    ZLEXCOUNT z [d [b
    ZLEXCOUNT z [a (a
    ZLEXCOUNT z "[" +
    ZLEXCOUNT z "(" +
    ZLEXCOUNT z a b
    ZLEXCOUNT z "" +
    ZLEXCOUNT z -x +
    ZLEXCOUNT z "+\\x00" "-\\x00"
    ZLEXCOUNT nokey - +
    ZLEXCOUNT nokey a b
  `);

  script('wrong types and wrong arity', `
    SET s v
    ZADD s 1 a
    ZINCRBY s 1 a
    ZREM s a
    ZCARD s
    ZSCORE s a
    ZMSCORE s a
    ZRANK s a
    ZREVRANK s a
    ZCOUNT s 0 1
    ZCOUNT s a b
    ZLEXCOUNT s - +
    ZLEXCOUNT s a b
    ZRANGE s 0 1
    ZRANGESTORE d s 0 1
    ZRANGEBYSCORE s 0 1
    ZRANGEBYLEX s - +
    ZREVRANGE s 0 1
    ZREMRANGEBYRANK s 0 1
    ZREMRANGEBYSCORE s 0 1
    ZREMRANGEBYLEX s - +
    ZPOPMIN s
    ZPOPMAX s 2
    ZMPOP 1 s MIN
    ZRANDMEMBER s
    ZRANDMEMBER s 2
    ZSCAN s 0
    ZUNION 1 s
    ZINTERSTORE d 1 s
    ZDIFF 1 s
    ZINTERCARD 1 s
    ZADD
    ZADD z
    ZADD z 1
    ZINCRBY z 1
    ZREM z
    ZCARD
    ZCARD z z
    ZSCORE z
    ZMSCORE z
    ZRANK z
    ZRANK z a b
    ZREVRANK z
    ZCOUNT z 1
    ZLEXCOUNT z -
    ZRANGE z 0
    ZRANGESTORE d z 0
    ZRANGEBYSCORE z 0
    ZREVRANGEBYSCORE z 0
    ZRANGEBYLEX z -
    ZREVRANGEBYLEX z +
    ZREVRANGE z 0
    ZREMRANGEBYRANK z 0
    ZREMRANGEBYSCORE z 0
    ZREMRANGEBYLEX z -
    ZPOPMIN
    ZPOPMAX
    ZMPOP 1 z
    ZRANDMEMBER
    ZSCAN z
    ZUNION 1
    ZUNIONSTORE d 1
    ZINTER 1
    ZINTERSTORE d 1
    ZDIFF 1
    ZDIFFSTORE d 1
    ZINTERCARD 1
  `);
});

describe('sorted sets vs redis-server: encodings', () => {
  const script = differentialSuite();

  script('listpack up to 128 entries, skiplist from the 129th', `
    ZADD z ${pairs(1, 128)}
    OBJECT ENCODING z
    ZADD z 1 m1
    OBJECT ENCODING z
    ZADD z 129 m129
    OBJECT ENCODING z
    ZREM z m129 m128 m127
    OBJECT ENCODING z
    ZCARD z
    ZADD big ${pairs(1, 200)}
    OBJECT ENCODING big
    ZRANGE big 120 130 WITHSCORES
    ZADD dup ${Array.from({ length: 130 }, () => '1 a').join(' ')}
    OBJECT ENCODING dup
    ZCARD dup
  `);

  script('members over 64 bytes', `
    ZADD l 1 ${LONG64}
    OBJECT ENCODING l
    ZADD l 2 ${LONG65}
    OBJECT ENCODING l
    ZREM l ${LONG65}
    OBJECT ENCODING l
    ZADD l2 1 ${LONG65}
    OBJECT ENCODING l2
    ZADD l3 1 a 2 ${LONG65} 3 b
    OBJECT ENCODING l3
    ZADD l4 1 a
    ZADD l4 XX 2 ${LONG65}
    OBJECT ENCODING l4
    ZADD l4 INCR 1 a
    OBJECT ENCODING l4
    ZADD l4 NX 1 ${LONG65}
    OBJECT ENCODING l4
  `);

  script('MEMORY USAGE of listpack zsets is exact', `
    ZADD z 1 a
    MEMORY USAGE z
    ZADD z 1.1 b -0 c inf d 4611686018427387904 e 4611686018427387905 f
    MEMORY USAGE z
    ZADD z 123 ${'n'.repeat(63)} 70000 ${'o'.repeat(64)}
    MEMORY USAGE z
    MEMORY USAGE z SAMPLES 0
    ZADD big ${pairs(1, 128)}
    MEMORY USAGE big
    ZREM big m1 m2 m3
    MEMORY USAGE big
    ZADD big 129 m129 130 m130 131 m131 132 m132
    ? MEMORY USAGE big
  `);

  script('thresholds follow CONFIG SET at the next insertion', `
    CONFIG SET zset-max-listpack-entries 4
    ZADD z 1 a 2 b 3 c 4 d
    OBJECT ENCODING z
    ZADD z 5 a
    OBJECT ENCODING z
    ZADD z 5 e
    OBJECT ENCODING z
    CONFIG SET zset-max-listpack-entries 0
    ZADD z0 1 a
    OBJECT ENCODING z0
    CONFIG SET zset-max-listpack-entries 128
    CONFIG SET zset-max-listpack-value 3
    ZADD v 1 abc
    OBJECT ENCODING v
    ZADD v 2 abcd
    OBJECT ENCODING v
    ZADD v2 1 abcd
    OBJECT ENCODING v2
    CONFIG SET zset-max-ziplist-value 64
    CONFIG SET zset-max-ziplist-entries 2
    CONFIG GET zset-max-listpack-entries
    ZADD w 1 a 2 b 3 c
    OBJECT ENCODING w
    CONFIG SET zset-max-listpack-entries 128
  `);

  script('STORE results are sized by Redis rules', `
    ZADD big ${pairs(1, 200)}
    ZRANGESTORE d big 0 9
    OBJECT ENCODING d
    ZRANGESTORE d big 0 127
    OBJECT ENCODING d
    ZRANGESTORE d big 0 128
    OBJECT ENCODING d
    ZRANGESTORE d big 0 150
    OBJECT ENCODING d
    ZRANGESTORE d big -inf inf BYSCORE LIMIT 0 10
    OBJECT ENCODING d
    ZRANGESTORE d big -inf 150 BYSCORE
    OBJECT ENCODING d
    ZRANGESTORE d big - + BYLEX LIMIT 0 5
    OBJECT ENCODING d
    ZUNIONSTORE u 1 big
    OBJECT ENCODING u
    ZREMRANGEBYRANK u 0 100
    OBJECT ENCODING u
    ZUNIONSTORE u2 1 u
    OBJECT ENCODING u2
    ZINTERSTORE i 2 big u
    OBJECT ENCODING i
    ZDIFFSTORE df 2 big u
    OBJECT ENCODING df
    ZADD long 1 ${LONG65} 2 b
    ZUNIONSTORE ul 1 long
    OBJECT ENCODING ul
    ZDIFFSTORE dl 2 long nokey
    OBJECT ENCODING dl
    ZRANGESTORE rl long 0 -1
    OBJECT ENCODING rl
    COPY big bigcopy
    OBJECT ENCODING bigcopy
    ZRANGE bigcopy 0 3 WITHSCORES
    COPY long longcopy
    OBJECT ENCODING longcopy
    COPY u2 u2copy
    OBJECT ENCODING u2copy
    CONFIG SET zset-max-listpack-entries 0
    ZADD tiny 1 a
    ZRANGESTORE d tiny 0 -1
    OBJECT ENCODING d
    ZUNIONSTORE d 1 tiny
    OBJECT ENCODING d
    CONFIG SET zset-max-listpack-entries 128
  `);
});

describe('sorted sets vs redis-server: RESP3, events and transactions', () => {
  const script = differentialSuite();

  script('RESP3 doubles and score pairs', `
    ? HELLO 3
    ZADD z 1.5 a 2 b inf c
    ZSCORE z a
    ZSCORE z c
    ZSCORE z nosuch
    ZMSCORE z a nosuch c
    ZINCRBY z 1 a
    ZADD z INCR 1 b
    ZADD z INCR GT -10 b
    ZRANGE z 0 -1 WITHSCORES
    ZRANGE z 0 -1
    ZREVRANGEBYSCORE z +inf -inf WITHSCORES
    ZRANGEBYSCORE z -inf +inf WITHSCORES LIMIT 1 1
    ZRANK z a
    ZRANK z nosuch
    ZPOPMIN z
    ZPOPMIN z 1
    ZPOPMAX z 5
    ZPOPMAX z
    ZPOPMIN z 0
    ZADD z 1 a 2 b 3 c
    ZMPOP 1 z MIN
    ZMPOP 1 z MAX COUNT 10
    ZMPOP 1 z MAX
    ZADD z 1 a 2 b 3 c
    ZRANDMEMBER z 5 WITHSCORES
    ZRANDMEMBER z 3
    ZRANDMEMBER nokey 3
    ZRANDMEMBER nokey
    ZUNION 1 z WITHSCORES
    ZINTER 1 z WITHSCORES
    ZDIFF 1 z WITHSCORES
    ZSCAN z 0
    ZSCAN nokey 0
  `);

  script('keyspace events of every write', `
    CONFIG SET notify-keyspace-events KEA
    :client 2
    PSUBSCRIBE __keyevent@0__:*
    :client 1
    ZADD z 1 a 2 b
    :client 2
    :read
    :client 1
    ZINCRBY z 1 a
    ZADD z INCR 1 a
    ZREM z a
    ZPOPMIN z
    ZADD z 1 a 2 b 3 c
    ZREMRANGEBYSCORE z 1 1
    ZREMRANGEBYRANK z 0 0
    ZREMRANGEBYLEX z - +
    ZADD z 1 a 2 b
    ZMPOP 1 z MAX COUNT 5
    ZADD z 1 a
    ZUNIONSTORE d 1 z
    ZINTERSTORE d 1 nokey
    ZDIFFSTORE d 1 z
    ZRANGESTORE d z 0 -1
    ZRANGESTORE d z 5 6
    ZADD z 1 a
    ZPOPMAX z 1
    :client 2
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :client 1
    CONFIG SET notify-keyspace-events ""
  `);

  script('writes that change nothing send no events', `
    CONFIG SET notify-keyspace-events KEA
    :client 2
    PSUBSCRIBE __keyevent@0__:*
    :client 1
    ZADD z 1 a
    ZADD z 1 a
    ZADD z NX 5 a
    ZADD z XX 1 b
    ZADD z GT 0 a
    ZREM z nosuch
    ZREMRANGEBYSCORE z 5 6
    ZPOPMIN z 0
    ZINCRBY z 0 a
    PUBLISH __keyevent@0__:marker done
    :client 2
    :read
    :read
    :client 1
    CONFIG SET notify-keyspace-events ""
  `);

  script('WATCH sees sorted set writes; MULTI queues them', `
    ZADD z 1 a
    WATCH z
    :client 2
    ZADD z 1 a
    :client 1
    MULTI
    ZCARD z
    EXEC
    WATCH z
    :client 2
    ZINCRBY z 1 a
    :client 1
    MULTI
    ZCARD z
    EXEC
    WATCH z
    :client 2
    ZREM z nosuch
    ZSCORE z a
    :client 1
    MULTI
    ZADD z 2 b
    ZRANGE z 0 -1 WITHSCORES
    ZPOPMIN z
    ZADD z x y
    EXEC
    ZRANGE z 0 -1 WITHSCORES
  `);
});
