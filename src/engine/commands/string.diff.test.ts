import fc from 'fast-check';
import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

/** Absolute times for EXAT/PXAT, relative to the wall clock both servers run on. */
const nowMs = Date.now();
const inSec = (s: number): number => Math.floor(nowMs / 1000) + s;
const inMs = (ms: number): number => nowMs + ms;

describe('strings vs redis-server', () => {
  const script = differentialSuite();

  script('GET and SET basics', `
    GET missing
    SET k v
    GET k
    SET k "你好"
    GET k
    STRLEN k
    SET k 123
    GET k
    SET k ""
    GET k
    STRLEN k
    SET "" empty-key
    GET ""
    SET k "a\\x00b\\r\\n"
    GET k
    STRLEN k
    PING
    PING hello
    ECHO "a\\x00b"
    NOSUCHCOMMAND a b
    GET
    GET a b
    SET k
    SET
  `);

  script('SET options and their conflicts', `
    SET k v NX
    SET k w NX
    GET k
    SET k w XX
    GET k
    SET missing v XX
    GET missing
    SET k v NX XX
    SET k v XX NX
    SET k v nx nx
    SET k v xx Xx
    GET k
    SET k v EX
    SET k v PX
    SET k v EXAT
    SET k v PXAT
    SET k v EX 10 PX 100
    SET k v PX 100 EX 10
    SET k v EX 10 EXAT ${inSec(10)}
    SET k v PXAT ${inMs(10000)} EX 10
    SET k v EX 10 KEEPTTL
    SET k v KEEPTTL EX 10
    SET k v KEEPTTL PXAT ${inMs(10000)}
    SET k v EX 10 EX 20
    TTL k
    SET k v PX 5000 PX 100000
    TTL k
    SET k v KEEPTTL KEEPTTL
    TTL k
    SET k v PERSIST
    SET k v FOO
    SET k v EX 10 FOO
    SET k v GET GET
    SET k v "nx\\x00junk"
    SET k v "ex\\x00" 10
    SET k v EXAT ${inSec(100)} GET
    TTL k
    SET k v PXAT ${inMs(100000)} NX
    SET k v PXAT ${inMs(100000)} XX GET
    TTL k
  `);

  script('SET expiry validation', `
    SET k v EX 0
    SET k v EX -1
    SET k v PX 0
    SET k v PX -100
    SET k v EXAT 0
    SET k v PXAT -1
    SET k v EX abc
    SET k v PX 1.5
    SET k v EX " 10"
    SET k v EX 9223372036854775807
    SET k v EX 9223372036854775
    SET k v EX 9223372036854776
    SET k v PX 9223372036854775807
    SET k v PX 9223372036854775806
    SET k v EXAT 9223372036854775
    SET k v EXAT 9223372036854776
    SET k v EX 99999999999999999999
    SET k v EX -9223372036854775808
    STRLEN k
    SET k v PXAT 9223372036854775807
    STRLEN k
    SET k v EX 1
    TTL k
    SET k v PX 100
    :sleep 150
    GET k
    STRLEN k
    SET k v EXAT 1
    GET k
    SET k v PXAT 1 GET
    GET k
  `);

  script('SET TTL handling: overwrite drops, KEEPTTL keeps', `
    SET k v EX 100
    TTL k
    SET k w
    TTL k
    SET k v EX 100
    SET k w KEEPTTL
    TTL k
    GET k
    SET k x KEEPTTL GET
    TTL k
    SET k y NX EX 5
    TTL k
    SET k y XX PX 50000
    TTL k
    SET nottl v KEEPTTL
    TTL nottl
  `);

  script('SET GET and wrong types', `
    SET k v GET
    SET k w GET
    SET k x GET NX
    GET k
    SET k y GET XX
    SET missing y GET XX
    STRLEN missing
    SET missing y GET NX
    LPUSH list a
    SET list v GET
    GET list
    SET list v NX GET
    SET list v EX 0 GET
    SET list v
    GET list
    GET list
    LPUSH list2 a
    GETSET list2 x
    GETDEL list2
    GETEX list2
    GETEX list2 EX 0
    GETEX list2 FOO
    STRLEN list2
    APPEND list2 x
    SETRANGE list2 0 x
    SETRANGE list2 0 ""
    SETRANGE list2 -1 x
    GETRANGE list2 0 -1
    GETRANGE list2 a b
    SUBSTR list2 0 -1
    INCR list2
    DECR list2
    INCRBY list2 1
    INCRBY list2 x
    DECRBY list2 -9223372036854775808
    INCRBYFLOAT list2 1
    INCRBYFLOAT list2 x
    MGET list2 k missing
    SETNX list2 x
    MSETNX list2 x other y
    STRLEN other
    MSET list2 x
    GET list2
  `);

  script('SETNX SETEX PSETEX', `
    SETNX k v
    SETNX k w
    GET k
    SETNX
    SETNX k
    SETEX k 100 v
    TTL k
    GET k
    SETEX k 0 v
    SETEX k -5 v
    SETEX k abc v
    SETEX k 9223372036854775807 v
    SETEX k 9223372036854775 v
    SETEX k 10
    PSETEX k 100000 w
    TTL k
    GET k
    PSETEX k 0 v
    PSETEX k -1 v
    PSETEX k 1.5 v
    PSETEX k 9223372036854775807 v
    PSETEX k2 100 v
    :sleep 150
    STRLEN k2
    SETEX k3 100 12
    GET k3
    PSETEX k3 100000 "  12"
    GET k3
  `);

  script('GETEX', `
    GETEX missing
    GETEX missing EX 10
    GETEX missing EX 0
    GETEX missing PERSIST
    SET k v
    GETEX k
    TTL k
    GETEX k EX 100
    TTL k
    GETEX k PX 200000
    TTL k
    GETEX k EXAT ${inSec(300)}
    TTL k
    GETEX k PXAT ${inMs(400000)}
    TTL k
    GETEX k PERSIST
    TTL k
    GETEX k PERSIST
    GETEX k persist PERSIST
    GETEX k EX 10 PX 100
    GETEX k EX 10 PERSIST
    GETEX k PERSIST EX 10
    GETEX k PERSIST PXAT 10
    GETEX k EX 10 EX 20
    TTL k
    GETEX k NX
    GETEX k XX
    GETEX k GET
    GETEX k KEEPTTL
    GETEX k EX
    GETEX k EX 0
    GETEX k EX -1
    GETEX k PX 0
    GETEX k EXAT 0
    GETEX k EX abc
    GETEX k EX 9223372036854775807
    GETEX k PX 9223372036854775807
    GETEX k "persist\\x00x"
    TTL k
    GETEX k EX 100
    GETEX k EXAT 1
    STRLEN k
    SET k v
    GETEX k PXAT 1
    STRLEN k
    SET k 12
    GETEX k PX 100
    :sleep 150
    GETEX k
    SET k "héllo"
    GETEX k EX 1000
    GETEX
  `);

  script('GETDEL and GETSET', `
    GETDEL missing
    SET k v EX 100
    GETDEL k
    STRLEN k
    GETDEL k
    SET k 42
    GETDEL k
    GETSET k v
    GETSET k w
    GET k
    SET k v EX 100
    GETSET k x
    TTL k
    GETSET k 100
    INCR k
    GETSET
    GETSET k
    GETDEL
    GETDEL a b
  `);

  script('INCR DECR INCRBY DECRBY', `
    INCR n
    INCR n
    DECR n
    DECR n
    DECR n
    INCRBY n 10
    INCRBY n -20
    DECRBY n 5
    DECRBY n -5
    GET n
    INCRBY n abc
    INCRBY n 1.5
    INCRBY n " 1"
    INCRBY n ""
    INCRBY n 9223372036854775808
    DECRBY n abc
    SET n 9223372036854775806
    INCR n
    INCR n
    GET n
    INCRBY n -1
    SET n -9223372036854775807
    DECR n
    DECR n
    GET n
    SET n 0
    DECRBY n -9223372036854775808
    DECRBY n 9223372036854775807
    DECR n
    DECR n
    INCRBY n 9223372036854775807
    INCRBY n 9223372036854775807
    INCRBY n -9223372036854775808
    SET n 9007199254740991
    INCR n
    INCR n
    INCRBY n 9000000000000000000
    INCRBY n -9007199254740993
    INCRBY n -18014398509481984
    SET n 5
    INCRBY n -9223372036854775808
    SET s "  1"
    INCR s
    SET s "1 "
    INCR s
    SET s 01
    INCR s
    SET s -0
    INCR s
    SET s +1
    INCR s
    SET s 1.0
    INCR s
    SET s 0x10
    INCR s
    SET s abc
    INCR s
    DECR s
    SET s ""
    INCR s
    SET s 12345678901234567890
    INCR s
    SET s "1\\x002"
    INCR s
    SET s 10
    APPEND s 0
    INCR s
    GET s
    INCR
    INCR a b
    INCRBY n
    DECRBY n
    DECR
  `);

  script('INCRBYFLOAT in long double', `
    INCRBYFLOAT f 10.5
    INCRBYFLOAT f 0.1
    INCRBYFLOAT f -5
    INCRBYFLOAT f 1.0e3
    INCRBYFLOAT f 5.0e3
    GET f
    INCRBYFLOAT g 1.5e-20
    INCRBYFLOAT g 1
    INCRBYFLOAT h 1e400
    INCRBYFLOAT h -1e400
    INCRBYFLOAT h 1.18973149535723176502e+4932
    INCRBYFLOAT h 1.18973149535723176502e+4932
    INCRBYFLOAT h -1.18973149535723176502e+4932
    INCRBYFLOAT i 3
    INCRBYFLOAT i 0.000003814697265625
    INCRBYFLOAT j 0.00000095367431640625
    INCRBYFLOAT j -0.00000095367431640625
    INCRBYFLOAT j -0.000000000000000001
    INCRBYFLOAT j 0.1
    INCRBYFLOAT j 0.2
    INCRBYFLOAT j -0.3
    INCRBYFLOAT k 1e4933
    INCRBYFLOAT k 1e-4950
    INCRBYFLOAT k 1e-4951
    INCRBYFLOAT k 2e-4951
    INCRBYFLOAT k 1.8e-4951
    INCRBYFLOAT k 0e-99999
    INCRBYFLOAT k 1e-99999
    INCRBYFLOAT k 1e99999999999999999999
    INCRBYFLOAT k inf
    INCRBYFLOAT k -inf
    INCRBYFLOAT k INFINITY
    INCRBYFLOAT k infinit
    INCRBYFLOAT k nan
    INCRBYFLOAT k -nan
    INCRBYFLOAT k "nan(1)"
    INCRBYFLOAT k abc
    INCRBYFLOAT k ""
    INCRBYFLOAT k " 1"
    INCRBYFLOAT k "1 "
    INCRBYFLOAT k "1\\x00"
    INCRBYFLOAT k "\\x00"
    INCRBYFLOAT k .
    INCRBYFLOAT k .5
    INCRBYFLOAT k 5.
    INCRBYFLOAT k +5
    INCRBYFLOAT k -.5e1
    INCRBYFLOAT k 1e
    INCRBYFLOAT k 1e+
    INCRBYFLOAT k 1E2
    INCRBYFLOAT k 0x1p3
    INCRBYFLOAT k 0X1P-2
    INCRBYFLOAT k 0x.8
    INCRBYFLOAT k 0x
    INCRBYFLOAT k 0x1p
    INCRBYFLOAT k 0x1.0000000000000001p0
    INCRBYFLOAT k 0x1p-16445
    INCRBYFLOAT k 0x1p-16446
    INCRBYFLOAT k 0x1.8p-16446
    INCRBYFLOAT k -0
    INCRBYFLOAT m -0.0
    INCRBYFLOAT m -1e-30
    GET k
    SET k 1.5
    INCRBYFLOAT k 1
    SET k 100
    INCRBYFLOAT k 0.5
    SET k 9223372036854775807
    INCRBYFLOAT k 1
    SET k -9223372036854775808
    INCRBYFLOAT k -1
    SET k 18446744073709551617
    INCRBYFLOAT k 0
    SET k "1.5 "
    INCRBYFLOAT k 1
    SET k abc
    INCRBYFLOAT k 1
    INCRBYFLOAT k abc
    SET k inf
    INCRBYFLOAT k 1
    SET k -inf
    INCRBYFLOAT k inf
    SET k 1
    INCRBYFLOAT k 123456789012345678901234567890
    INCRBYFLOAT k 0.00000000000000001
    INCRBYFLOAT k 0.000000000000000005
    SET k 0.1
    INCRBYFLOAT k 0
    SET k 1e-18
    INCRBYFLOAT k 0
    SET k 0.000000000000000015
    INCRBYFLOAT k 0
    SET k 0.000000000000000025
    INCRBYFLOAT k 0
    SET k 2.5e-17
    INCRBYFLOAT k 0
    SET k 9.99999999999999999e-1
    INCRBYFLOAT k 0
    SET k 0.999999999999999995
    INCRBYFLOAT k 0
    SET k 123.456
    INCRBYFLOAT k 1e15
    INCRBYFLOAT k 1e20
    INCRBYFLOAT k -1e20
    INCRBYFLOAT k 3.14159265358979323846264338327950288
    INCRBYFLOAT
    INCRBYFLOAT k
    INCRBYFLOAT k 1 2
  `);

  script('INCRBYFLOAT input length limit (MAX_LONG_DOUBLE_CHARS)', `
    INCRBYFLOAT k ${'0'.repeat(5118)}1
    INCRBYFLOAT k ${'0'.repeat(5119)}1
    SET k ${'0'.repeat(5118)}1
    INCRBYFLOAT k 1
    SET k ${'0'.repeat(5119)}1
    INCRBYFLOAT k 1
  `);

  script('APPEND and STRLEN', `
    APPEND k hello
    APPEND k " world"
    GET k
    STRLEN k
    APPEND k ""
    STRLEN k
    APPEND n 123
    INCR n
    APPEND n 4
    GET n
    APPEND e ""
    STRLEN e
    GET e
    STRLEN e
    STRLEN missing
    SET i -123
    STRLEN i
    APPEND i "\\x00\\xff"
    STRLEN i
    GET i
    SET big 9223372036854775807
    STRLEN big
    APPEND
    APPEND k
    APPEND k a b
    STRLEN
    STRLEN a b
  `);

  script('SETRANGE and GETRANGE', `
    SETRANGE k 0 hello
    GET k
    SETRANGE k 6 world
    GET k
    STRLEN k
    SETRANGE k 1 ""
    SETRANGE k 100 ""
    STRLEN k
    SETRANGE k 0 J
    GET k
    SETRANGE k -1 x
    SETRANGE k -9223372036854775808 x
    SETRANGE k abc x
    SETRANGE k 1.5 x
    SETRANGE k 9223372036854775807 x
    SETRANGE k 9223372036854775806 xy
    SETRANGE k 536870912 x
    SETRANGE k 536870911 xy
    SETRANGE new 0 ""
    STRLEN new
    SETRANGE new 3 ""
    STRLEN new
    SETRANGE new 3 x
    GET new
    SETRANGE new2 536870912 x
    STRLEN new2
    SETRANGE new2 -1 ""
    SETRANGE new2 abc ""
    SET n 12345
    SETRANGE n 1 x
    GET n
    SET n 12345
    SETRANGE n 0 ""
    GETRANGE n 1 2
    GETRANGE n -2 -1
    SET s "This is a string"
    GETRANGE s 0 3
    GETRANGE s -3 -1
    GETRANGE s 0 -1
    GETRANGE s 10 100
    GETRANGE s 5 3
    GETRANGE s -1 -5
    GETRANGE s -100 -50
    GETRANGE s -100 5
    GETRANGE s 100 200
    GETRANGE s -1 -1
    GETRANGE s 0 0
    GETRANGE s -5 100
    GETRANGE s 0 9223372036854775807
    GETRANGE s -9223372036854775808 -1
    GETRANGE s -9223372036854775807 -9223372036854775808
    GETRANGE s -9223372036854775808 -9223372036854775807
    GETRANGE s 9223372036854775807 0
    GETRANGE s 9223372036854775807 -9223372036854775808
    GETRANGE s 0 9223372036854775808
    GETRANGE s abc 1
    GETRANGE s 1 abc
    GETRANGE missing 0 -1
    GETRANGE missing 0 abc
    GETRANGE missing 5 1
    SET empty ""
    GETRANGE empty 0 -1
    GETRANGE empty 0 0
    GETRANGE empty -1 0
    SUBSTR s 0 3
    SUBSTR s -3 -1
    SUBSTR missing 0 1
    SUBSTR s a 1
    GETRANGE s 0
    SUBSTR s 0
    SETRANGE k 0
  `);

  script('MGET MSET MSETNX', `
    MSET a 1 b 2 c 3
    MGET a b c missing
    MGET missing
    MSET a x a y
    GET a
    MSET a
    MSET a 1 b
    MSET
    MSETNX x 1 y 2
    MSETNX x 1 z 2
    STRLEN z
    MSETNX z 1 z 2
    GET z
    MSETNX q
    MSETNX q 1 r
    MSETNX
    SET t v EX 100
    MSET t w
    TTL t
    MGET a b c x y z t
    MGET
  `);

  script('LCS', `
    SET ka ohmytext
    SET kb mynewtext
    LCS ka kb
    LCS ka kb LEN
    LCS ka kb len
    LCS ka kb IDX
    LCS ka kb IDX WITHMATCHLEN
    LCS ka kb IDX MINMATCHLEN 4
    LCS ka kb IDX MINMATCHLEN 4 WITHMATCHLEN
    LCS ka kb WITHMATCHLEN IDX MINMATCHLEN 2
    LCS ka kb IDX MINMATCHLEN -5
    LCS ka kb IDX MINMATCHLEN 9223372036854775807
    LCS ka kb IDX MINMATCHLEN 99999999999999999999
    LCS ka kb IDX MINMATCHLEN abc
    LCS ka kb MINMATCHLEN
    LCS ka kb MINMATCHLEN 2
    LCS ka kb WITHMATCHLEN
    LCS ka kb LEN IDX
    LCS ka kb IDX LEN
    LCS ka kb LEN LEN
    LCS ka kb FOO
    LCS ka kb "len\\x00junk"
    LCS ka missing
    LCS missing ka IDX
    LCS missing missing2
    LCS missing missing2 LEN
    LCS missing missing2 IDX WITHMATCHLEN
    LCS ka ka
    LCS ka ka IDX WITHMATCHLEN
    SET n1 12345
    SET n2 2345
    LCS n1 n2
    LCS n1 n2 IDX WITHMATCHLEN
    SET x1 "abcXdefYghi"
    SET x2 "abcZdefWghi"
    LCS x1 x2 IDX WITHMATCHLEN
    LCS x1 x2 IDX MINMATCHLEN 3
    SET y1 "aaaaabbbbb"
    SET y2 "bbbbbaaaaa"
    LCS y1 y2
    LCS y1 y2 IDX
    SET z1 "\\x00\\xff\\x00abc"
    SET z2 "abc\\x00\\xff"
    LCS z1 z2
    LCS z1 z2 IDX WITHMATCHLEN
    SET p1 "GTTCCTAATA"
    SET p2 "CGATAATTGAGA"
    LCS p1 p2
    LCS p1 p2 IDX WITHMATCHLEN
    SET q1 "${'ab'.repeat(150)}x${'cd'.repeat(100)}"
    SET q2 "${'ba'.repeat(120)}y${'dc'.repeat(130)}"
    LCS q1 q2
    LCS q1 q2 LEN
    LCS q1 q2 IDX MINMATCHLEN 3 WITHMATCHLEN
    LPUSH list a
    LCS ka list
    LCS list ka
    LCS list ka LEN IDX
    LCS ka list FOO
    LCS ka
    LCS
  `);

  script('MULTI with string commands', `
    MULTI
    SET k 1
    INCR k
    INCRBYFLOAT k 1.5
    APPEND k x
    GETRANGE k 0 -1
    SET k v EX 0
    INCRBY k notanumber
    EXEC
    GET k
    MULTI
    SET k v
    SET
    EXEC
  `);
});

/** A script line argument in redis-cli quoting. */
const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Random sequences over a few keys, drawing values from the inputs that stress parsing
 * (int64 bounds, non-canonical integers, floats, empty and long strings). Seeded, so a
 * failure names a reproducible line.
 */
function randomScript(seed: number, length: number): string {
  const key = fc.constantFrom('a', 'b', 'c');
  const value = fc.constantFrom(
    '0', '1', '-1', '42', '9223372036854775807', '-9223372036854775808', '01', '-0', ' 1', '',
    '10.5', '0.1', '-2.5e3', '1e20', 'abc', 'hello world', 'x'.repeat(50), '3.0', '0x10',
  );
  const offset = fc.integer({ min: -3, max: 20 }).map(String);
  const index = fc.integer({ min: -25, max: 25 }).map(String);
  const setOpts = fc.subarray(['NX', 'XX', 'GET', 'KEEPTTL', 'EX 100', 'PX 200000', `EXAT ${inSec(300)}`, `PXAT ${inMs(400000)}`, 'EX 0']);
  const command = fc.oneof(
    fc.tuple(fc.constantFrom('GET', 'GETDEL', 'STRLEN', 'INCR', 'DECR'), key).map(([c, k]) => `${c} ${k}`),
    fc.tuple(key, value, setOpts).map(([k, v, o]) => `SET ${k} ${q(v)} ${o.join(' ')}`),
    fc.tuple(fc.constantFrom('SETNX', 'GETSET', 'APPEND', 'INCRBY', 'DECRBY', 'INCRBYFLOAT'), key, value).map(([c, k, v]) => `${c} ${k} ${q(v)}`),
    fc.tuple(fc.constantFrom('SETEX', 'PSETEX'), key, fc.constantFrom('0', '100', '200000'), value).map(([c, k, t, v]) => `${c} ${k} ${t} ${q(v)}`),
    fc.tuple(key, fc.constantFrom('', 'PERSIST', 'EX 100', 'PX 0', `PXAT ${inMs(50000)}`, 'EXAT 1')).map(([k, o]) => `GETEX ${k} ${o}`),
    fc.tuple(key, offset, value).map(([k, o, v]) => `SETRANGE ${k} ${o} ${q(v)}`),
    fc.tuple(fc.constantFrom('GETRANGE', 'SUBSTR'), key, index, index).map(([c, k, a, b]) => `${c} ${k} ${a} ${b}`),
    fc.tuple(key, key, value).map(([a, b, v]) => `MSET ${a} ${q(v)} ${b} ${q(v + v)}`),
    fc.tuple(key, key, value).map(([a, b, v]) => `MSETNX ${a} ${q(v)} ${b} ${q(v)}`),
    fc.tuple(key, key).map(([a, b]) => `MGET ${a} ${b} missing`),
    fc.tuple(key, key, fc.constantFrom('', 'LEN', 'IDX', 'IDX WITHMATCHLEN', 'IDX MINMATCHLEN 2')).map(([a, b, o]) => `LCS ${a} ${b} ${o}`),
  );
  return fc.sample(command, { seed, numRuns: length }).join('\n');
}

describe('random string command sequences vs redis-server', () => {
  const script = differentialSuite();
  for (const seed of [1, 2, 3]) script(`seed ${seed}`, randomScript(seed, 150));
});

describe('string encodings vs redis-server (OBJECT ENCODING)', () => {
  const script = differentialSuite();
  script('which commands create int, embstr and raw', `
    SET a 1
    OBJECT ENCODING a
    SET a 12345678901234567890
    OBJECT ENCODING a
    SET a 9223372036854775807
    OBJECT ENCODING a
    SET a 9223372036854775808
    OBJECT ENCODING a
    SET a -9223372036854775808
    OBJECT ENCODING a
    SET a 01
    OBJECT ENCODING a
    SET a " 1"
    OBJECT ENCODING a
    SET a -0
    OBJECT ENCODING a
    SET a +1
    OBJECT ENCODING a
    SET a 0
    OBJECT ENCODING a
    SET a ${'x'.repeat(44)}
    OBJECT ENCODING a
    SET a ${'x'.repeat(45)}
    OBJECT ENCODING a
    SET a ${'1'.repeat(44)}
    OBJECT ENCODING a
    APPEND b hello
    OBJECT ENCODING b
    APPEND b x
    OBJECT ENCODING b
    APPEND c 123
    OBJECT ENCODING c
    APPEND c ""
    OBJECT ENCODING c
    GET c
    INCR c
    OBJECT ENCODING c
    APPEND d ${'y'.repeat(50)}
    OBJECT ENCODING d
    SETRANGE e 0 hi
    OBJECT ENCODING e
    SETRANGE e2 0 12
    OBJECT ENCODING e2
    SET f 5
    SETRANGE f 0 ""
    OBJECT ENCODING f
    SETRANGE f 0 6
    OBJECT ENCODING f
    SET g abc
    OBJECT ENCODING g
    SETRANGE g 1 x
    OBJECT ENCODING g
    INCR h
    OBJECT ENCODING h
    INCRBY h 9223372036854775806
    OBJECT ENCODING h
    INCRBYFLOAT i 3
    OBJECT ENCODING i
    INCRBYFLOAT i 0.5
    OBJECT ENCODING i
    INCRBYFLOAT j 1e50
    OBJECT ENCODING j
    SET k 10
    INCRBYFLOAT k 1
    OBJECT ENCODING k
    GETSET k 7
    OBJECT ENCODING k
    GETSET k seven
    OBJECT ENCODING k
    MSET l1 1 l2 01 l3 ${'z'.repeat(45)}
    OBJECT ENCODING l1
    OBJECT ENCODING l2
    OBJECT ENCODING l3
    MSETNX m1 42 m2 x
    OBJECT ENCODING m1
    OBJECT ENCODING m2
    SETEX n 100 10
    OBJECT ENCODING n
    PSETEX n 100000 ten
    OBJECT ENCODING n
    SETNX o 99
    OBJECT ENCODING o
    SET p 5 GET
    OBJECT ENCODING p
    SET p 6 KEEPTTL
    OBJECT ENCODING p
    GETEX p EX 100
    OBJECT ENCODING p
    SET q 12
    APPEND q 3
    GETRANGE q 0 -1
    OBJECT ENCODING q
    SET r 1
    GETDEL r
    OBJECT ENCODING r
  `);
});

describe('string keyspace events vs redis-server', () => {
  const script = differentialSuite({ 'notify-keyspace-events': 'KEA' });
  script('each write publishes the events Redis publishes', `
    :client 2
    PSUBSCRIBE __keyevent@0__:*
    :client 1
    SET a 1
    SET a 2 EX 100
    SET a 3 KEEPTTL GET
    SET a 4 NX
    SETEX b 10 x
    GETEX b EX 10
    GETEX b PERSIST
    GETEX b PERSIST
    GETEX b EXAT 1
    INCR c
    DECRBY c 5
    INCRBYFLOAT c 1.5
    APPEND c x
    APPEND d x
    SETRANGE d 0 y
    SETRANGE e 2 y
    SETRANGE e 2 ""
    GETDEL e
    GETSET d z
    MSET f 1 f 2
    MSETNX g 1 h 2
    SETNX g 1
    PSETEX i 100000 x
    GET missing
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
    :read
    :read
    :read
  `);
});

describe('strings under a small proto-max-bulk-len vs redis-server', () => {
  const script = differentialSuite({ 'proto-max-bulk-len': '1mb' });
  script('APPEND, SETRANGE and LCS size limits', `
    SETRANGE k 1048576 x
    STRLEN k
    SETRANGE k 1048575 x
    STRLEN k
    APPEND k y
    SETRANGE k 1048575 xy
    SETRANGE k 1048575 z
    GETRANGE k 1048574 -1
    APPEND k ""
    GETDEL k
    APPEND k ${'a'.repeat(1000)}
    SETRANGE k 1047576 ${'b'.repeat(1000)}
    SETRANGE k 1047577 ${'b'.repeat(1000)}
    SET la ${'a'.repeat(511)}
    SET lb ${'a'.repeat(511)}
    LCS la lb LEN
    SET lb ${'a'.repeat(512)}
    LCS la lb LEN
    SET la ${'a'.repeat(512)}
    LCS la lb LEN
    LCS la lb IDX
    LCS la missing
  `);
});

describe('strings over RESP3 vs redis-server', () => {
  const script = differentialSuite();
  script('reply shapes under HELLO 3', `
    ? HELLO 3
    GET missing
    SET k v
    SET k w GET
    SET missing2 v XX
    SET missing2 v XX GET
    SET k v NX
    GETEX missing
    GETDEL missing
    MGET k missing
    INCRBYFLOAT f 1.5
    SETNX k v
    MSETNX k v
    SET ka ohmytext
    SET kb mynewtext
    LCS ka kb IDX
    LCS ka kb IDX MINMATCHLEN 4 WITHMATCHLEN
    LCS ka kb LEN
    LCS missing missing2 IDX
    GETRANGE missing 0 -1
  `);
});
