import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

/** A string of n copies of ch, for the hash-max-listpack-value boundary. */
const rep = (ch: string, n: number): string => ch.repeat(n);
/** HSET key f0 v0 f1 v1 ... with n fields. */
const fields = (key: string, n: number, from = 0): string =>
  `HSET ${key} ${Array.from({ length: n }, (_, i) => `f${from + i} v${from + i}`).join(' ')}`;

describe('hashes vs redis-server', () => {
  const script = differentialSuite();

  script('HSET HGET HMSET HMGET HSETNX basics, listpack order', `
    HSET h a 1
    HSET h b 2 c 3
    HSET h a 10 d 4
    HGET h a
    HGET h missing
    HGET nokey a
    HGETALL h
    HKEYS h
    HVALS h
    HLEN h
    HLEN nokey
    HMSET h e 5 f 6
    HMSET h e
    HMGET h a b zz e
    HMGET nokey a b
    HSETNX h a 99
    HSETNX h g 7
    HSETNX newh x y
    HGETALL newh
    HGET h g
    HSET h "" empty
    HGET h ""
    HSET h bin "a\\x00b\\xff"
    HGET h bin
    HSTRLEN h bin
    HSTRLEN h nope
    HSTRLEN nokey a
    HEXISTS h a
    HEXISTS h nope
    HEXISTS nokey a
    HGETALL h
    OBJECT ENCODING h
    TYPE h
  `);

  script('arity and wrong types', `
    HSET
    HSET h
    HSET h f
    HSET h f v g
    HMSET h f v g
    HMSET h f
    HSETNX h f
    HGET h
    HMGET h
    HDEL h
    HINCRBY h f
    HINCRBYFLOAT h f
    HRANDFIELD
    HSCAN h
    HGETALL
    HSTRLEN h
    SET str x
    HSET str f v
    HMSET str f v
    HSETNX str f v
    HGET str f
    HMGET str f
    HDEL str f
    HLEN str
    HSTRLEN str f
    HEXISTS str f
    HKEYS str
    HVALS str
    HGETALL str
    HINCRBY str f 1
    HINCRBYFLOAT str f 1
    HRANDFIELD str
    HRANDFIELD str 2
    HSCAN str 0
    GET str
  `);

  script('HDEL removes fields and the emptied key', `
    HSET h a 1 b 2 c 3
    HDEL h a
    HDEL h a
    HDEL h nope b
    HGETALL h
    HDEL h c c c
    EXISTS h
    HDEL h c
    HDEL nokey a
    HSET h a 1 b 2
    HDEL h a b zz
    EXISTS h
  `);

  script('HINCRBY: integers, overflow, errors', `
    HINCRBY h n 5
    HINCRBY h n -10
    HINCRBY h n 0
    HGET h n
    HINCRBY h n abc
    HINCRBY h n 1.5
    HINCRBY h n ""
    HINCRBY h n 9223372036854775807
    HINCRBY h n 9223372036854775808
    HSET h big 9223372036854775807
    HINCRBY h big 1
    HINCRBY h big -1
    HSET h small -9223372036854775808
    HINCRBY h small -1
    HINCRBY h small 1
    HSET h s hello
    HINCRBY h s 1
    HSET h sp " 1"
    HINCRBY h sp 1
    HSET h lz 007
    HINCRBY h lz 1
    HSET h neg0 -0
    HINCRBY h neg0 1
    HSET h long 123456789012345678901
    HINCRBY h long 1
    HINCRBY newkey f 42
    HGETALL newkey
    HGETALL h
    OBJECT ENCODING h
  `);

  script('HINCRBYFLOAT: long double results, errors', `
    HINCRBYFLOAT h f 1.5
    HINCRBYFLOAT h f 0.1
    HINCRBYFLOAT h f -3
    HINCRBYFLOAT h f 1e3
    HINCRBYFLOAT h f 5.0e3
    HINCRBYFLOAT h f 0x10
    HINCRBYFLOAT h f abc
    HINCRBYFLOAT h f ""
    HINCRBYFLOAT h f nan
    HINCRBYFLOAT h f inf
    HINCRBYFLOAT h f -inf
    HINCRBYFLOAT h f 1e5000
    HINCRBYFLOAT newkey f inf
    EXISTS newkey
    HINCRBYFLOAT h g 10
    HINCRBYFLOAT h g 1.7976931348623157e308
    HINCRBYFLOAT h g 1.7976931348623157e308
    HGET h g
    HSET h s hello
    HINCRBYFLOAT h s 1
    HSET h i 9223372036854775807
    HINCRBYFLOAT h i 1
    HINCRBYFLOAT h i 0.5
    HSET h e 1e2
    HINCRBYFLOAT h e 1
    HSET h sp " 1"
    HINCRBYFLOAT h sp 1
    HINCRBYFLOAT h tiny 0.0000000000000000001
    HINCRBYFLOAT h tiny 1
    HINCRBYFLOAT h neg -0.0
    ~ HGETALL h
    OBJECT ENCODING h
  `);

  script('listpack -> hashtable at hash-max-listpack-value (64)', `
    HSET h f ${rep('x', 64)}
    OBJECT ENCODING h
    HSET h ${rep('k', 64)} v
    OBJECT ENCODING h
    HSET h g ${rep('x', 65)}
    OBJECT ENCODING h
    HDEL h g
    OBJECT ENCODING h
    HSET h2 ${rep('k', 65)} v
    OBJECT ENCODING h2
    HMSET h3 a b c ${rep('y', 65)}
    OBJECT ENCODING h3
    HSETNX h4 a ${rep('y', 65)}
    OBJECT ENCODING h4
    HSETNX h5 a b
    HSETNX h5 a ${rep('y', 65)}
    OBJECT ENCODING h5
    HSET h6 a 1
    HINCRBYFLOAT h6 a 1e60
    OBJECT ENCODING h6
    HINCRBYFLOAT h6 a 1e70
    OBJECT ENCODING h6
    HSET h7 a 1
    HINCRBY h7 ${rep('k', 65)} 1
    OBJECT ENCODING h7
    ~ HGETALL h7
    ~ HGETALL h3
  `);

  script('listpack -> hashtable at hash-max-listpack-entries (512)', `
    ${fields('h', 512)}
    OBJECT ENCODING h
    HLEN h
    HSET h f0 again
    OBJECT ENCODING h
    HSET h f512 v512
    OBJECT ENCODING h
    HLEN h
    HDEL h f512 f511 f510
    OBJECT ENCODING h
    HGET h f0
    HGET h f100
    HMGET h f1 f2 nope f509
    HSTRLEN h f300
    HEXISTS h f400
    HINCRBY h counter 7
    HGET h counter
    ${fields('big', 600)}
    OBJECT ENCODING big
    HLEN big
    ~ HKEYS big
    ~ HVALS big
    ~ HGETALL big
  `);

  script('thresholds follow CONFIG SET', `
    CONFIG SET hash-max-listpack-entries 2
    HSET h a 1 b 2
    OBJECT ENCODING h
    HSET h c 3
    OBJECT ENCODING h
    HSET h2 a 1 b 2 c 3
    OBJECT ENCODING h2
    HSET h3 a 1 a 2 a 3
    OBJECT ENCODING h3
    CONFIG SET hash-max-listpack-entries 0
    HSET h4 a 1
    OBJECT ENCODING h4
    CONFIG SET hash-max-listpack-entries 512
    CONFIG SET hash-max-listpack-value 3
    HSET h5 abc def
    OBJECT ENCODING h5
    HSET h5 abcd e
    OBJECT ENCODING h5
    CONFIG SET hash-max-listpack-value 0
    HSET h6 "" ""
    OBJECT ENCODING h6
    HSET h6 a ""
    OBJECT ENCODING h6
    CONFIG SET hash-max-ziplist-entries 128
    CONFIG GET hash-max-listpack-entries
    CONFIG SET hash-max-listpack-value 64
  `);

  script('HSCAN on listpack and hashtable hashes', `
    HSET h a 1 b 2 c 3 ab 4
    HSCAN h 0
    HSCAN h 0 COUNT 1
    HSCAN h 7
    HSCAN h 18446744073709551615 COUNT 2
    HSCAN h 0 MATCH a*
    HSCAN h 0 MATCH * COUNT 100
    HSCAN h 0 match "[ab]" count 2
    HSCAN h 0 COUNT 0
    HSCAN h 0 COUNT -1
    HSCAN h 0 COUNT x
    HSCAN h 0 COUNT
    HSCAN h 0 MATCH
    HSCAN h 0 TYPE string
    HSCAN h 0 FOO bar
    HSCAN h x
    HSCAN h -1
    HSCAN h 18446744073709551616
    HSCAN h ""
    HSCAN nokey 0
    HSCAN nokey 0 COUNT 0
    HSCAN nokey x
    ${fields('big', 200)}
    ~ HSCAN big 0 COUNT 1000
    ~ HSCAN big 0 COUNT 1000 MATCH f1*
    ~ HSCAN big 0 COUNT 1000 MATCH nothing*
  `);

  script('HRANDFIELD: deterministic cases and errors', `
    HRANDFIELD nokey
    HRANDFIELD nokey 5
    HRANDFIELD nokey -5 WITHVALUES
    HRANDFIELD nokey 0
    HSET one only 1
    HRANDFIELD one
    HRANDFIELD one 1
    HRANDFIELD one -3
    HRANDFIELD one -3 WITHVALUES
    HRANDFIELD one 1 withvalues
    HSET h a 1 b 2 c 3 d 4 e 5
    HRANDFIELD h 0
    HRANDFIELD h 0 WITHVALUES
    HRANDFIELD h 5
    HRANDFIELD h 10 WITHVALUES
    HRANDFIELD h 100
    HRANDFIELD h x
    HRANDFIELD h 1.5
    HRANDFIELD h 1 WITHVALUE
    HRANDFIELD h 1 WITHVALUES extra
    HRANDFIELD h x WITHVALUES
    HRANDFIELD h -9223372036854775808
    HRANDFIELD h -9223372036854775808 WITHVALUES
    HRANDFIELD h -9223372036854775807 WITHVALUES
    HRANDFIELD h 9223372036854775807 WITHVALUES
    HRANDFIELD h 4611686018427387904 WITHVALUES
    HRANDFIELD h -4611686018427387904 WITHVALUES
    HRANDFIELD h 9223372036854775808
    HRANDFIELD nokey -4611686018427387904 WITHVALUES
    ? HRANDFIELD h
    ? HRANDFIELD h 3
    ? HRANDFIELD h 2 WITHVALUES
    ? HRANDFIELD h -7
    ? HRANDFIELD h -7 WITHVALUES
    ${fields('big', 600)}
    ? HRANDFIELD big
    ? HRANDFIELD big 3
    ? HRANDFIELD big 300 WITHVALUES
    ? HRANDFIELD big -20 WITHVALUES
    ~ HRANDFIELD big 600
  `);

  script('RESP3: HGETALL maps, HRANDFIELD pairs', `
    ? HELLO 3
    HSET h a 1 b 2
    HGETALL h
    HGETALL nokey
    HKEYS nokey
    HVALS h
    HMGET h a zz
    HGET h zz
    HRANDFIELD h 5 WITHVALUES
    ? HRANDFIELD h -1 WITHVALUES
    HRANDFIELD h 2
    HRANDFIELD nokey 2 WITHVALUES
    HRANDFIELD nokey
    HSCAN h 0
    HINCRBYFLOAT h a 0.5
    HSET one x y
    HRANDFIELD one -2 WITHVALUES
    ${fields('big', 600)}
    ~ HGETALL big
    ? HRANDFIELD big 3 WITHVALUES
    ? HELLO 2
    HRANDFIELD one -2 WITHVALUES
  `);

  script('keyspace events of the hash commands', `
    CONFIG SET notify-keyspace-events KEA
    :client 2
    PSUBSCRIBE __keyevent@0__:*
    :client 1
    HSET h a 1
    HMSET h b 2
    HSETNX h c 3
    HSETNX h c 4
    HINCRBY h n 1
    HINCRBYFLOAT h x 1.5
    HDEL h a b c n x
    HDEL h nope
    HSET h2 a 1
    HINCRBY h2 a x
    :client 2
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :read
    :none
    :client 1
    CONFIG SET notify-keyspace-events ""
  `);

  script('hashes with COPY, RENAME, DEL, TYPE, EXISTS, MULTI', `
    HSET h a 1 b 2
    COPY h h2
    HSET h2 c 3
    HGETALL h
    HGETALL h2
    OBJECT ENCODING h2
    ${fields('big', 520)}
    COPY big big2
    OBJECT ENCODING big2
    HLEN big2
    RENAME h h3
    HGETALL h3
    TYPE h3
    DEL h3
    EXISTS h3
    MULTI
    HSET m a 1
    HINCRBY m a 5
    HGET m a
    HGETALL m
    EXEC
    WATCH w
    HSET w a 1
    MULTI
    HGET w a
    EXEC
  `);

  script('MEMORY USAGE of listpack hashes is exact', `
    HSET h a 1
    MEMORY USAGE h
    HSET h b ${rep('v', 60)} c -100 d 100000 e 10000000000 f 3.14
    MEMORY USAGE h
    MEMORY USAGE h SAMPLES 0
    ${fields('lp', 100)}
    MEMORY USAGE lp
    HDEL lp f10 f20 f30
    MEMORY USAGE lp
    HSET lp f0 ${rep('z', 64)}
    MEMORY USAGE lp
  `);
});
