import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

/** SADD key with the integers from..from+n-1 (descending when step is -1). */
const ints = (key: string, n: number, from = 0, step = 1): string =>
  `SADD ${key} ${Array.from({ length: n }, (_, i) => from + i * step).join(' ')}`;
/** SADD key m<from> ... m<from+n-1>. */
const strs = (key: string, n: number, from = 0): string =>
  `SADD ${key} ${Array.from({ length: n }, (_, i) => `m${from + i}`).join(' ')}`;

describe('sets vs redis-server', () => {
  const script = differentialSuite();

  script('SADD SREM SCARD SISMEMBER SMISMEMBER on an intset', `
    SADD s 5 3 1 4 2
    SADD s 3 3 6
    SMEMBERS s
    SCARD s
    SCARD nokey
    SISMEMBER s 3
    SISMEMBER s 7
    SISMEMBER s 03
    SISMEMBER s abc
    SISMEMBER nokey 1
    SMISMEMBER s 1 2 9 x 5
    SMISMEMBER nokey 1 2
    SREM s 3 9 x
    SREM s 1 1
    SMEMBERS s
    SREM nokey 1
    SREM s 2 4 5 6 7
    EXISTS s
    SADD neg -1 -100 0 100 -32768 32767
    SMEMBERS neg
    OBJECT ENCODING neg
    TYPE neg
  `);

  script('what counts as an integer member (string2ll)', `
    SADD s 1
    SADD s 007
    OBJECT ENCODING s
    SADD t 1 -0
    OBJECT ENCODING t
    SADD u 1 +1
    OBJECT ENCODING u
    SADD v 1 " 1"
    OBJECT ENCODING v
    SADD w 1 1.0
    OBJECT ENCODING w
    SADD x 9223372036854775807 -9223372036854775808
    OBJECT ENCODING x
    SMEMBERS x
    SADD y 1 9223372036854775808
    OBJECT ENCODING y
    SADD z 1 ""
    OBJECT ENCODING z
    SADD a 12345678901234567890
    OBJECT ENCODING a
    SADD b 0 00
    OBJECT ENCODING b
    SISMEMBER x 9223372036854775807
    SISMEMBER x 9223372036854775808
    SREM x -9223372036854775808
    SMEMBERS x
  `);

  script('intset width upgrades 16 -> 32 -> 64 bits, seen through MEMORY USAGE', `
    SADD s 1 2 3
    MEMORY USAGE s
    SADD s 32767
    MEMORY USAGE s
    SADD s 32768
    MEMORY USAGE s
    SMEMBERS s
    SADD s -2147483648
    MEMORY USAGE s
    SADD s 2147483648
    MEMORY USAGE s
    SADD s -9223372036854775808
    SMEMBERS s
    MEMORY USAGE s
    SREM s 2147483648 -9223372036854775808 32768 -2147483648
    SMEMBERS s
    MEMORY USAGE s
    SADD n -40000
    SMEMBERS n
    MEMORY USAGE n
    ${ints('m', 100, 1000, -7)}
    SMEMBERS m
    MEMORY USAGE m
    MEMORY USAGE m SAMPLES 0
  `);

  script('intset -> hashtable: non-integers and set-max-intset-entries (512)', `
    ${ints('s', 512)}
    OBJECT ENCODING s
    SCARD s
    SADD s 511
    OBJECT ENCODING s
    SADD s 512
    OBJECT ENCODING s
    SREM s 512 511 510
    OBJECT ENCODING s
    SISMEMBER s 100
    SISMEMBER s 510
    ${ints('t', 10)}
    SADD t hello
    OBJECT ENCODING t
    SREM t hello
    OBJECT ENCODING t
    ~ SMEMBERS t
    SADD u a
    OBJECT ENCODING u
    SADD u 1 2 3
    OBJECT ENCODING u
    ~ SMEMBERS u
    ${strs('big', 600)}
    OBJECT ENCODING big
    SCARD big
    SISMEMBER big m599
    SISMEMBER big m600
    SMISMEMBER big m0 m1 x m599
    SREM big m0 m1 x
    SCARD big
  `);

  script('thresholds follow CONFIG SET', `
    CONFIG SET set-max-intset-entries 2
    SADD s 1 2
    OBJECT ENCODING s
    SADD s 3
    OBJECT ENCODING s
    SADD t 1 2 3
    OBJECT ENCODING t
    SADD r 1 1 1
    OBJECT ENCODING r
    CONFIG SET set-max-intset-entries 0
    SADD z 1
    OBJECT ENCODING z
    SMEMBERS z
    CONFIG SET set-max-intset-entries 512
    CONFIG GET set-max-intset-entries
  `);

  script('SMOVE', `
    SADD src 1 2 3
    SADD dst 4
    SMOVE src dst 1
    SMEMBERS src
    SMEMBERS dst
    SMOVE src dst 9
    SMOVE src dst 2
    SMOVE src src 3
    SMOVE src src 9
    SMOVE src newdst 3
    EXISTS src
    SMEMBERS newdst
    OBJECT ENCODING newdst
    SMOVE nokey dst 1
    SADD a x
    SMOVE a b x
    OBJECT ENCODING b
    SMEMBERS b
    SADD c 1
    SADD d 1
    SMOVE c d 1
    SMEMBERS d
    EXISTS c
    SADD e 1 2
    SMOVE e d hello
    SADD e hello
    SMOVE e d hello
    OBJECT ENCODING d
    ~ SMEMBERS d
    SET str x
    SMOVE str d 1
    SMOVE d str 1
    SMOVE nokey str 1
    SMOVE e e 1
  `);

  script('SPOP and SRANDMEMBER: deterministic cases and errors', `
    SPOP nokey
    SPOP nokey 3
    SPOP nokey 0
    SPOP nokey -1
    SPOP nokey x
    SPOP nokey 1 2
    SRANDMEMBER nokey
    SRANDMEMBER nokey 3
    SRANDMEMBER nokey -3
    SRANDMEMBER nokey 0
    SRANDMEMBER nokey x
    SRANDMEMBER nokey 1 2
    SRANDMEMBER nokey -9223372036854775808
    SRANDMEMBER nokey 9223372036854775808
    SADD one 42
    SPOP one 0
    SRANDMEMBER one
    SRANDMEMBER one 1
    SRANDMEMBER one -4
    SRANDMEMBER one 9
    SPOP one
    EXISTS one
    SADD s 5 1 3
    SRANDMEMBER s 3
    SRANDMEMBER s 100
    SRANDMEMBER s 0
    SPOP s 3
    EXISTS s
    SADD s 5 1 3
    SPOP s 10
    SADD h b a c
    ~ SRANDMEMBER h 3
    ~ SPOP h 3
    EXISTS h
    SADD h a 10 2 1
    SREM h a
    OBJECT ENCODING h
    SPOP h 5
    SADD s 1 2 3 4 5 6 7 8 9 10
    ? SPOP s
    ? SPOP s 2
    ? SPOP s 6
    SCARD s
    ? SRANDMEMBER s
    ? SRANDMEMBER s 1
    ? SRANDMEMBER s -5
    ? SRANDMEMBER s 1
    SET str x
    SPOP str
    SPOP str 1
    SRANDMEMBER str
    SRANDMEMBER str 1
    SPOP str -1
    SRANDMEMBER str x
  `);

  script('SPOP with a count leaves a set of the right size and encoding', `
    ${ints('a', 20)}
    ? SPOP a 3
    SCARD a
    OBJECT ENCODING a
    ? SPOP a 15
    SCARD a
    OBJECT ENCODING a
    ${strs('b', 20)}
    SADD b 1 2 3
    ? SPOP b 22
    SCARD b
    # The one survivor decides: an integer makes the rebuilt set an intset.
    ? OBJECT ENCODING b
    SADD c x 1 2 3 4 5 6 7 8 9 10 11
    SREM c x
    ? SPOP c 11
    OBJECT ENCODING c
    ${strs('d', 600)}
    ? SPOP d 550
    SCARD d
    OBJECT ENCODING d
    ${ints('e', 600)}
    ? SPOP e 500
    SCARD e
    OBJECT ENCODING e
  `);

  script('SINTER SINTERSTORE SINTERCARD SMEMBERS', `
    SADD a 1 2 3 4 5
    SADD b 3 4 5 6
    SADD c 5 4 9
    SINTER a b
    SINTER a b c
    SINTER c a
    SINTER a
    SINTER a nokey
    SINTER nokey a
    SINTER a a
    SMEMBERS a
    SMEMBERS nokey
    SINTERSTORE dst a b
    SMEMBERS dst
    OBJECT ENCODING dst
    SINTERSTORE dst a nokey
    EXISTS dst
    SINTERSTORE dst a nokey
    SINTERSTORE a a b
    SMEMBERS a
    SADD x p q r 3
    SADD y q r 3 s
    ~ SINTER x y
    SINTER x b
    SINTERSTORE d2 x y
    OBJECT ENCODING d2
    ~ SMEMBERS d2
    SINTERSTORE d3 x b
    OBJECT ENCODING d3
    SMEMBERS d3
    SINTERCARD 2 a b
    SINTERCARD 3 a b c
    SINTERCARD 1 a
    SINTERCARD 2 a nokey
    SINTERCARD 2 a b LIMIT 1
    SINTERCARD 2 a b LIMIT 0
    SINTERCARD 2 a b LIMIT 100
    SINTERCARD 2 a b limit 1 LIMIT 2
    SINTERCARD 0 a
    SINTERCARD -1 a
    SINTERCARD x a
    SINTERCARD 3 a b
    SINTERCARD 2 a b LIMIT
    SINTERCARD 2 a b LIMIT -1
    SINTERCARD 2 a b LIMIT x
    SINTERCARD 2 a b FOO 1
    SINTERCARD 1 a b
    SET str x
    SINTER a str
    SINTER nokey str
    SINTER str nokey
    SINTERSTORE dst a str
    SINTERCARD 2 a str
    SINTERSTORE str a b
    TYPE str
    SMEMBERS str
    SINTER
    SINTERSTORE dst
    SINTERCARD 1
  `);

  script('SUNION SUNIONSTORE SDIFF SDIFFSTORE', `
    SADD a 1 2 3 4 5
    SADD b 3 4 5 6
    SADD c 5 4 9
    SUNION a b
    SUNION a b c nokey
    SUNION nokey
    SUNION b a
    SDIFF a b
    SDIFF a b c
    SDIFF b a
    SDIFF a nokey
    SDIFF nokey a
    SDIFF a a
    SDIFF a b a
    SDIFF c a b
    SADD big 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20
    SDIFF big a
    SDIFF a big
    SDIFF big a b c
    SUNIONSTORE u a b c
    SMEMBERS u
    OBJECT ENCODING u
    SDIFFSTORE d a b
    SMEMBERS d
    SDIFFSTORE d a a
    EXISTS d
    SDIFFSTORE d a a
    SUNIONSTORE u nokey
    EXISTS u
    SADD x p q 3
    ~ SUNION a x
    SDIFF a x
    ~ SDIFF x a
    SUNIONSTORE ux a x
    OBJECT ENCODING ux
    SDIFFSTORE dx x a
    OBJECT ENCODING dx
    SDIFFSTORE di a x
    OBJECT ENCODING di
    SMEMBERS di
    SET str x
    SUNION a str
    SUNION nokey str
    SDIFF str a
    SDIFF nokey str
    SDIFFSTORE d a str
    SUNIONSTORE str a b
    TYPE str
    SMEMBERS str
    SUNION
    SDIFF
    SUNIONSTORE u
    SDIFFSTORE d
  `);

  script('set operations around the intset limit', `
    CONFIG SET set-max-intset-entries 4
    SADD a 1 2 3
    SADD b 4 5 6
    ~ SUNION a b
    SUNIONSTORE u a b
    OBJECT ENCODING u
    SADD h 1 2 3 4 5 6 7
    OBJECT ENCODING h
    SINTERSTORE i h a
    OBJECT ENCODING i
    SMEMBERS i
    SDIFFSTORE d h b
    OBJECT ENCODING d
    SMEMBERS d
    SINTER h a
    SDIFF h b
    CONFIG SET set-max-intset-entries 512
  `);

  script('SSCAN on intsets and hashtables', `
    SADD s 3 1 2 10 11
    SSCAN s 0
    SSCAN s 0 COUNT 1
    SSCAN s 9
    SSCAN s 0 MATCH 1*
    SSCAN s 0 MATCH * COUNT 3
    SSCAN s 0 COUNT 0
    SSCAN s 0 COUNT x
    SSCAN s 0 MATCH
    SSCAN s 0 TYPE set
    SSCAN s 0 BAD 1
    SSCAN s abc
    SSCAN s -1
    SSCAN nokey 0
    SSCAN nokey 0 BAD
    SET str x
    SSCAN str 0
    SSCAN str x
    ${strs('big', 300)}
    ~ SSCAN big 0 COUNT 1000
    ~ SSCAN big 0 COUNT 1000 MATCH m1?
    SADD ht a b c
    ~ SSCAN ht 0
  `);

  script('RESP3: sets are sets, SRANDMEMBER stays an array', `
    ? HELLO 3
    SADD s 3 1 2
    SMEMBERS s
    SMEMBERS nokey
    SINTER s s
    SINTER s nokey
    SUNION s nokey
    SDIFF s nokey
    SPOP nokey 2
    SPOP s 0
    SRANDMEMBER s 5
    SRANDMEMBER s 0
    SRANDMEMBER nokey 2
    SRANDMEMBER nokey
    SPOP nokey
    SMISMEMBER s 1 9
    SSCAN s 0
    SINTERCARD 1 s
    SPOP s 3
    ? HELLO 2
  `);

  script('keyspace events of the set commands', `
    CONFIG SET notify-keyspace-events KEA
    :client 2
    PSUBSCRIBE __keyevent@0__:*
    :client 1
    SADD s 1 2 3
    SADD s 1
    SREM s 1
    SREM s 9
    SMOVE s t 2
    SMOVE s t 3
    SADD t 5
    SMOVE t t 5
    ? SPOP t
    SADD u 1 2 3
    SPOP u 0
    SPOP u 10
    SADD a 1 2
    SADD b 2 3
    SINTERSTORE i a b
    SINTERSTORE i a nokey
    SINTERSTORE i a nokey
    SUNIONSTORE un a b
    SDIFFSTORE df a b
    SDIFFSTORE df a a
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
    :none
    :client 1
    CONFIG SET notify-keyspace-events ""
  `);

  script('sets with COPY, RENAME, MULTI, WATCH', `
    SADD s 1 2 3
    COPY s s2
    SADD s2 4
    SMEMBERS s
    SMEMBERS s2
    OBJECT ENCODING s2
    SADD h a b
    COPY h h2
    OBJECT ENCODING h2
    ~ SMEMBERS h2
    MULTI
    SADD m 1
    SISMEMBER m 1
    SPOP m 5
    SMEMBERS m
    EXEC
    WATCH w
    SADD w x
    MULTI
    SCARD w
    EXEC
  `);

  script('MEMORY USAGE of intsets is exact', `
    SADD s 1
    MEMORY USAGE s
    ${ints('s', 100)}
    MEMORY USAGE s
    ${ints('t', 512, -300000, 1171)}
    MEMORY USAGE t
    MEMORY USAGE t SAMPLES 1
    MEMORY USAGE nokey
  `);
});
