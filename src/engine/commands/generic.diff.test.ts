import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

/**
 * The keyspace commands against redis-server 7.0.15. Key order (KEYS, SCAN) depends on each
 * side's hash function, so those lines compare unordered (`~`) and SCAN is compared over whole
 * iterations (a COUNT large enough to finish in one call), never by cursor value.
 * Scripts that change the real server's configuration restore it at the end: the server is
 * shared by the whole file.
 */
describe('generic (keyspace) commands vs redis-server', () => {
  const script = differentialSuite();

  script('DEL, UNLINK, EXISTS, TOUCH, TYPE', `
    DEL nokey
    UNLINK nokey
    EXISTS nokey
    TOUCH nokey
    TYPE nokey
    MSET a 1 b 2 c 3
    EXISTS a b c nokey
    EXISTS a a a
    TOUCH a b nokey a
    TYPE a
    TYPE b
    DEL a a nokey
    EXISTS a
    UNLINK b c b
    EXISTS b c
    SET "" empty
    TYPE ""
    EXISTS ""
    DEL ""
    SET "bin\\x00key" v
    EXISTS "bin\\x00key" "bin"
    TYPE "bin\\x00key"
    DEL "bin\\x00key"
    DEL
    UNLINK
    EXISTS
    TOUCH
    TYPE
    TYPE a b
    del A
    Exists A
  `);

  script('EXPIRE family: setting, replacing, removing', `
    SET k v
    EXPIRE k 100
    TTL k
    EXPIRE k 200
    TTL k
    PEXPIRE k 300000
    TTL k
    PEXPIREAT k 4102444800000
    PEXPIRETIME k
    EXPIRETIME k
    EXPIREAT k 4102444800
    PEXPIRETIME k
    EXPIRETIME k
    PERSIST k
    PERSIST k
    TTL k
    PTTL k
    EXPIRETIME k
    PEXPIRETIME k
    TTL nokey
    PTTL nokey
    EXPIRETIME nokey
    PEXPIRETIME nokey
    PERSIST nokey
    EXPIRE nokey 100
    PEXPIRE nokey 100
    EXPIREAT nokey 100
    PEXPIREAT nokey 100
    EXPIREAT k 4102444800123
    PEXPIRETIME k
    EXPIRETIME k
    PEXPIREAT k 4102444800499
    EXPIRETIME k
    PEXPIREAT k 4102444800500
    EXPIRETIME k
    SET k v
    TTL k
    EXPIRE k 100
    SET k v2
    TTL k
  `);

  script('EXPIRE with times in the past deletes the key', `
    SET k v
    EXPIRE k 0
    EXISTS k
    SET k v
    EXPIRE k -1
    EXISTS k
    SET k v
    PEXPIRE k -100
    GET k
    SET k v
    EXPIREAT k 1
    TYPE k
    SET k v
    PEXPIREAT k 0
    EXISTS k
    SET k v
    PEXPIREAT k -5
    EXISTS k
    SET k v
    EXPIREAT k -9223372036854775
    EXISTS k
    SET k v
    PEXPIREAT k -9223372036854775808
    EXISTS k
    SET k v
    PEXPIRE k -9223372036854775808
    EXISTS k
    SET k v
    EXPIRE k -9223372036854775
    EXISTS k
    SET k v
    EXPIRE k 0 NX
    EXISTS k
    SET k v
    EXPIRE k 0 XX
    EXISTS k
    EXPIRE k 1000
    EXPIRE k 0 XX
    EXISTS k
  `);

  script('EXPIRE argument errors and overflow', `
    SET k v
    EXPIRE k abc
    EXPIRE k ""
    EXPIRE k 1.5
    EXPIRE k " 10"
    EXPIRE k "10 "
    EXPIRE k +10
    EXPIRE k 010
    EXPIRE k 9223372036854775807
    EXPIRE k 9223372036854775808
    EXPIRE k 9223372036854775
    EXPIRE k 9223372036854774
    EXPIRE k 9223372036854775806
    EXPIRE k -9223372036854776
    EXPIRE k -9223372036854775808
    EXPIRE k -9223372036854775809
    PEXPIRE k 9223372036854775807
    PEXPIRE k 9223370000000000000
    PEXPIRE k 9200000000000000000
    PEXPIRE k abc
    EXPIREAT k 9223372036854775807
    EXPIREAT k 9223372036854775
    EXPIREAT k 9223372036854776
    EXPIREAT k -9223372036854776
    EXPIREAT k -9223372036854775808
    PEXPIREAT k 9223372036854775807
    PEXPIREAT k 9223372036854775808
    PEXPIREAT k xyz
    TTL k
    EXPIRE k 10 foo
    EXPIRE k abc foo
    EXPIRE nokey 10 foo
    EXPIRE k 10 nx foo
    EXPIRE k 10 "n\\x00x"
    EXPIRE k 10 "bad\\noption"
    EXPIRE k 10 "cut\\x00here"
    EXPIRE k
    EXPIRE
    PEXPIRE k
    EXPIREAT k
    PEXPIREAT k
    TTL
    TTL k k
    PTTL
    EXPIRETIME
    PEXPIRETIME a b
    PERSIST
    PERSIST a b
  `);

  script('EXPIRE NX XX GT LT and their combinations', `
    SET k v
    EXPIRE k 100 XX
    EXPIRE k 100 GT
    EXPIRE k 100 LT
    TTL k
    PERSIST k
    EXPIRE k 100 NX
    EXPIRE k 200 NX
    TTL k
    EXPIRE k 200 XX
    TTL k
    EXPIRE k 100 GT
    EXPIRE k 300 GT
    TTL k
    EXPIRE k 400 LT
    EXPIRE k 50 LT
    TTL k
    EXPIRE k 50 LT
    # GT against the same relative time succeeds only once a millisecond has passed on both sides.
    :sleep 5
    EXPIRE k 50 GT
    EXPIRE k 60 XX GT
    TTL k
    EXPIRE k 70 XX LT
    EXPIRE k 55 XX LT
    TTL k
    EXPIRE k 10 nx xx
    EXPIRE k 10 NX GT
    EXPIRE k 10 NX LT
    EXPIRE k 10 GT LT
    EXPIRE k 10 lt gt
    EXPIRE k 10 NX XX GT LT
    EXPIRE k 10 GT LT NX
    EXPIRE k 10 nx nx
    EXPIRE k 10 xx xx gt gt
    EXPIRE k 10 foo NX XX
    EXPIRE k 10 NX XX foo
    PEXPIRE k 70000 GT
    TTL k
    EXPIREAT k 4102444800 GT
    EXPIRETIME k
    EXPIREAT k 4102444801 LT
    PEXPIREAT k 4102444799000 LT
    PEXPIRETIME k
    PEXPIREAT k 4102444799000 GT
    PEXPIREAT k 4102444799001 GT
    PEXPIRETIME k
    PEXPIREAT k 4102444799001 gt
    PEXPIREAT k 4102444799001 Lt
    PEXPIREAT k 4102444799001 Nx
    PEXPIREAT k 4102444799001 xX
    PERSIST k
    PEXPIREAT k 4102444799000 LT
    PEXPIRETIME k
    PERSIST k
    PEXPIREAT k 4102444799000 GT
    PEXPIRETIME k
    EXPIRE k -1 GT
    EXISTS k
    EXPIRE k -1 LT
    EXISTS k
    EXPIRE nokey 10 NX
    EXPIRE nokey 10 XX GT
  `);

  script('huge expiry times are kept exactly', `
    SET k v
    PEXPIREAT k 9223372036854775807
    PEXPIRETIME k
    EXPIRETIME k
    TYPE k
    PEXPIREAT k 9007199254740993
    PEXPIRETIME k
    EXPIRETIME k
    EXPIREAT k 9223372036854775
    PEXPIRETIME k
    EXPIRETIME k
    EXPIREAT k 9007199254740993 GT
    PEXPIRETIME k
    EXPIREAT k 9007199254740992 LT
    PEXPIRETIME k
    PEXPIREAT k 9007199254740993001 LT
    PEXPIREAT k 9007199254740992999 LT
    PEXPIRETIME k
    RENAME k k2
    PEXPIRETIME k2
    COPY k2 k3
    PEXPIRETIME k3
    MOVE k3 1
    SELECT 1
    PEXPIRETIME k3
    SELECT 0
    PERSIST k2
    PEXPIRETIME k2
  `);

  script('keys with a TTL are reaped lazily when touched', `
    DEBUG SET-ACTIVE-EXPIRE 0
    SET a 1 PX 20
    SET b 2 PX 20
    SET c 3 PX 20
    SET d 4 PX 20
    SET e 5 PX 20
    SET f 6 PX 20
    SET g 7 PX 20
    SET h 8 PX 20
    SET keep v
    :sleep 80
    DBSIZE
    ~ KEYS *
    DBSIZE
    EXISTS a
    DBSIZE
    TYPE b
    TTL c
    DBSIZE
    TOUCH d
    DEL e
    DBSIZE
    EXPIRE f 100
    PERSIST g
    RENAME h x
    DBSIZE
    RANDOMKEY
    DBSIZE
    DEBUG SET-ACTIVE-EXPIRE 1
  `);

  script('SCAN TYPE checks the type before the expiry (7.0 quirk: TYPE none returns stale keys)', `
    DEBUG SET-ACTIVE-EXPIRE 0
    SET a 1 PX 10
    SET b 1 PX 10
    SET live 1
    :sleep 60
    DBSIZE
    ~ SCAN 0 TYPE none COUNT 100
    DBSIZE
    SET c 1 PX 10
    :sleep 60
    ~ SCAN 0 TYPE string COUNT 100
    DBSIZE
    SET d 1 PX 10
    :sleep 60
    ~ SCAN 0 COUNT 100
    DBSIZE
    RANDOMKEY
    DEBUG SET-ACTIVE-EXPIRE 1
  `);

  script('RANDOMKEY', `
    RANDOMKEY
    SET only v
    RANDOMKEY
    RANDOMKEY
    DEL only
    RANDOMKEY
    DEBUG SET-ACTIVE-EXPIRE 0
    SET gone v PX 10
    :sleep 50
    RANDOMKEY
    DBSIZE
    SET gone v PX 10
    SET stays v
    :sleep 50
    RANDOMKEY
    RANDOMKEY
    EXISTS gone
    DBSIZE
    DEBUG SET-ACTIVE-EXPIRE 1
    RANDOMKEY x
  `);

  script('KEYS patterns', `
    MSET hello 1 hallo 2 hxllo 3 hllo 4 heeeello 5 "h[a]llo" 6 "*" 7 "?" 8 "[" 9 "]" 10 "^" 11 "-" 12 "\\\\" 13 a*b 14 A 15 "" 16
    ~ KEYS *
    ~ KEYS **
    ~ KEYS ?
    ~ KEYS h?llo
    ~ KEYS h*llo
    ~ KEYS h[ae]llo
    ~ KEYS h[^e]llo
    ~ KEYS h[a-b]llo
    ~ KEYS h[b-a]llo
    ~ KEYS "h\\\\[a\\\\]llo"
    ~ KEYS "\\\\*"
    ~ KEYS "\\\\?"
    ~ KEYS [
    ~ KEYS "[a"
    ~ KEYS "[^a"
    ~ KEYS []
    ~ KEYS [^]
    ~ KEYS []a]
    ~ KEYS [a-]
    ~ KEYS [-a]
    ~ KEYS "[\\\\"
    ~ KEYS "[\\\\]]"
    ~ KEYS "\\\\"
    ~ KEYS "a\\\\"
    ~ KEYS "[\\\\a]"
    ~ KEYS "[A-a]"
    ~ KEYS "[a-A]"
    ~ KEYS a*b
    ~ KEYS a**b
    ~ KEYS *l*l*o*
    ~ KEYS h*l*l*o*l
    ~ KEYS "[\\x00-\\x7f]"
    ~ KEYS "[a-\\xff]"
    ~ KEYS nomatch*
    ~ KEYS [!a]
    ~ KEYS *a*a*a*a*a*a*a*a*a*b
    KEYS
    KEYS a b
  `);

  script('SCAN: cursors, options and errors', `
    MSET a 1 b 2 c 3 abc 4 bcd 5 xyz 6
    ~ SCAN 0
    ~ SCAN 0 COUNT 100
    ~ SCAN 0 MATCH a*
    ~ SCAN 0 MATCH *b* COUNT 1000
    ~ SCAN 0 match "[ab]"
    ~ SCAN 0 COUNT 1 COUNT 100 MATCH ?
    ~ SCAN 0 MATCH x* MATCH a*
    ~ SCAN 0 MATCH *
    ~ SCAN 0 TYPE string
    ~ SCAN 0 TYPE STRING
    ~ SCAN 0 type String MATCH b*
    ~ SCAN 0 TYPE list
    ~ SCAN 0 TYPE hash
    ~ SCAN 0 TYPE zset
    ~ SCAN 0 TYPE set
    ~ SCAN 0 TYPE stream
    ~ SCAN 0 TYPE nosuchtype
    ~ SCAN 0 TYPE "string\\x00junk"
    ~ SCAN 0 COUNT 9223372036854775807
    ~ SCAN ""
    ~ SCAN +0
    ~ SCAN -0
    ~ SCAN 000
    ? SCAN 0 COUNT 1
    ? SCAN 1
    ? SCAN -1
    ? SCAN 18446744073709551615
    ? SCAN 4294967296
    ? SCAN -18446744073709551615
    SCAN 18446744073709551616
    SCAN -18446744073709551616
    SCAN 99999999999999999999999
    SCAN " 0"
    SCAN "\\t0"
    SCAN "0 "
    SCAN 0x10
    SCAN abc
    SCAN -
    SCAN +
    SCAN 1.0
    SCAN 0 COUNT 0
    SCAN 0 COUNT -1
    SCAN 0 COUNT abc
    SCAN 0 COUNT 1.5
    SCAN 0 COUNT 9223372036854775808
    SCAN 0 COUNT
    SCAN 0 MATCH
    SCAN 0 TYPE
    SCAN 0 foo
    SCAN 0 foo bar
    SCAN 0 MATCH a* TYPE
    SCAN 0 COUNT 10 MATCH
    SCAN abc COUNT 0
    SCAN 0 COUNT 0 foo
    SCAN 0 foo COUNT 0
    SCAN
  `);

  script('SCAN visits every key of a bigger keyspace', `
    DEBUG POPULATE 500 key 3
    ~ SCAN 0 COUNT 10000
    ~ SCAN 0 COUNT 10000 MATCH key:1*
    ~ SCAN 0 COUNT 10000 MATCH key:?9
    ~ SCAN 0 COUNT 10000 TYPE string MATCH *7
    DBSIZE
    ~ KEYS key:4?
  `);

  script('RENAME and RENAMENX', `
    RENAME nokey x
    RENAME nokey nokey
    RENAMENX nokey x
    RENAMENX nokey nokey
    SET a 1
    RENAME a a
    RENAMENX a a
    GET a
    RENAME a b
    GET a
    GET b
    SET c 3
    RENAMENX b c
    GET b
    RENAMENX b d
    GET d
    RENAME d c
    GET c
    EXISTS d
    PEXPIREAT c 4102444800000
    RENAME c e
    PEXPIRETIME e
    TTL c
    SET f 1
    PEXPIREAT f 4102444800001
    RENAME e f
    PEXPIRETIME f
    SET g 1
    RENAME f g
    PEXPIRETIME g
    SET h 12345
    OBJECT ENCODING h
    RENAME h i
    OBJECT ENCODING i
    OBJECT REFCOUNT i
    SET "" empty
    RENAME "" nonempty
    GET nonempty
    RENAME nonempty ""
    GET ""
    RENAME
    RENAME a
    RENAME a b c
    RENAMENX a
    RENAMENX a b c
  `);

  script('MOVE between databases', `
    SET k v
    MOVE k 0
    MOVE k 16
    MOVE k -1
    MOVE k abc
    MOVE k 1.0
    MOVE k " 1"
    MOVE k 01
    MOVE k 2147483648
    MOVE k -2147483649
    MOVE k 99999999999
    MOVE k 99999999999999999999
    MOVE nokey 1
    MOVE nokey 0
    MOVE nokey 16
    MOVE k 1
    EXISTS k
    SELECT 1
    GET k
    SET k other
    SELECT 0
    SET k v
    MOVE k 1
    GET k
    PEXPIREAT k 4102444800000
    MOVE k 2
    SELECT 2
    PEXPIRETIME k
    MOVE k 0
    MOVE k 15
    SELECT 15
    GET k
    PEXPIRETIME k
    SELECT 0
    MOVE
    MOVE k
    MOVE k 1 2
  `);

  script('COPY', `
    COPY
    COPY a
    SET s v
    COPY s s
    COPY s s DB 0
    COPY s s db 1
    COPY s t DB 16
    COPY s t DB -1
    COPY s t DB x
    COPY s t DB 2147483648
    COPY s t DB
    COPY s t foo
    COPY s t REPLACE foo
    COPY s t DB 17 foo
    COPY s t foo DB 17
    COPY s t DB 3 DB x
    COPY s t DB 1 DB 2
    SELECT 2
    GET t
    SELECT 1
    GET t
    GET s
    SELECT 0
    COPY s t
    COPY s t
    COPY s t REPLACE
    COPY s t replace REPLACE
    COPY nokey t
    COPY nokey t REPLACE
    GET t
    SET n 123
    COPY n m
    OBJECT ENCODING m
    GET m
    SET big 12345678901234567
    COPY big big2
    OBJECT ENCODING big2
    OBJECT REFCOUNT big2
    SET e "short string"
    COPY e e2
    OBJECT ENCODING e2
    APPEND e2 " grows"
    OBJECT ENCODING e2
    COPY e2 e3
    OBJECT ENCODING e3
    APPEND e3 more
    GET e2
    GET e3
    SET long "a string longer than forty four bytes, so it is raw"
    COPY long long2
    OBJECT ENCODING long2
    PEXPIREAT s 4102444800000
    COPY s ttl DB 1
    SELECT 1
    PEXPIRETIME ttl
    SELECT 0
    COPY s t REPLACE
    PEXPIRETIME t
  `);

  script('OBJECT subcommands', `
    OBJECT
    OBJECT HELP
    object help
    OBJECT HELP extra
    OBJECT foo
    OBJECT foo bar
    OBJECT ENCODING
    OBJECT ENCODING a b
    OBJECT ENCODING nokey
    OBJECT REFCOUNT nokey
    OBJECT IDLETIME nokey
    OBJECT FREQ nokey
    SET n 0
    OBJECT ENCODING n
    OBJECT REFCOUNT n
    SET n 9999
    OBJECT REFCOUNT n
    SET n 10000
    OBJECT REFCOUNT n
    SET n -1
    OBJECT REFCOUNT n
    OBJECT ENCODING n
    SET n 9223372036854775807
    OBJECT ENCODING n
    SET n 9223372036854775808
    OBJECT ENCODING n
    SET n -9223372036854775808
    OBJECT ENCODING n
    SET n 0123
    OBJECT ENCODING n
    SET n "-0"
    OBJECT ENCODING n
    SET n "+1"
    OBJECT ENCODING n
    SET n 12345678901234567890
    OBJECT ENCODING n
    SET n 1.5
    OBJECT ENCODING n
    SET s abc
    OBJECT ENCODING s
    OBJECT REFCOUNT s
    SET s aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
    OBJECT ENCODING s
    SET s aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
    OBJECT ENCODING s
    SET s ""
    OBJECT ENCODING s
    APPEND s x
    OBJECT ENCODING s
    SETRANGE s 0 y
    OBJECT ENCODING s
    INCR counter
    OBJECT ENCODING counter
    OBJECT REFCOUNT counter
    SET counter 9999
    INCR counter
    OBJECT REFCOUNT counter
    ? OBJECT IDLETIME s
    OBJECT FREQ s
    OBJECT ENCODING S
    Object Encoding s
    OBJECT encoding s
  `);

  script('OBJECT FREQ and IDLETIME follow the maxmemory policy', `
    SET pre v
    CONFIG SET maxmemory-policy allkeys-lfu
    SET x v
    OBJECT FREQ x
    GET x
    OBJECT FREQ x
    OBJECT IDLETIME x
    OBJECT FREQ nokey
    OBJECT IDLETIME nokey
    SET y v
    SET y w
    OBJECT FREQ y
    SET n 5
    OBJECT REFCOUNT n
    CONFIG SET maxmemory 100mb
    SET n2 6
    OBJECT REFCOUNT n2
    CONFIG SET maxmemory-policy volatile-lfu
    OBJECT FREQ x
    CONFIG SET maxmemory-policy allkeys-lru
    SET n3 7
    OBJECT REFCOUNT n3
    OBJECT FREQ x
    ? OBJECT IDLETIME x
    CONFIG SET maxmemory-policy volatile-lru
    OBJECT REFCOUNT n3
    CONFIG SET maxmemory-policy allkeys-random
    SET n4 8
    OBJECT REFCOUNT n4
    CONFIG SET maxmemory-policy volatile-ttl
    SET n5 9
    OBJECT REFCOUNT n5
    CONFIG SET maxmemory 0
    CONFIG SET maxmemory-policy noeviction
    SET n6 10
    OBJECT REFCOUNT n6
  `);

  script('keyspace events and their order', `
    CONFIG SET notify-keyspace-events KEAn
    :client 2
    PSUBSCRIBE __key*
    :client 1
    SET a 1
    COPY a b
    COPY a b REPLACE
    RENAME b c
    RENAMENX c a
    RENAMENX c d
    MOVE d 1
    EXPIRE a 100
    PEXPIRE a 100000 XX
    EXPIREAT a 4102444800
    PEXPIREAT a 4102444800000 GT
    EXPIRE a 100 NX
    PERSIST a
    PERSIST a
    EXPIRE a -1
    DEL nokey a
    SET u 1
    UNLINK u
    SET z 1
    PEXPIREAT z 1
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
    :read
    :read
    :read
    :read
    :none
    PUNSUBSCRIBE
    :client 1
    CONFIG SET notify-keyspace-events ""
  `);

  script('keymiss and expired events', `
    CONFIG SET notify-keyspace-events KEAmn
    DEBUG SET-ACTIVE-EXPIRE 0
    SET short v PX 10
    :sleep 50
    :client 2
    PSUBSCRIBE __key*
    :client 1
    TYPE nokey
    EXISTS nokey
    TTL nokey
    OBJECT ENCODING nokey
    TOUCH nokey
    COPY nokey x
    SCAN 0 TYPE string
    GET short
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
    :none
    PUNSUBSCRIBE
    :client 1
    CONFIG SET notify-keyspace-events ""
    DEBUG SET-ACTIVE-EXPIRE 1
  `);

  script('inside MULTI', `
    MULTI
    SET k v
    EXPIRE k 100
    TTL k
    COPY k k2
    RENAME k2 k3
    TYPE k3
    OBJECT ENCODING k3
    EXISTS k k2 k3
    DEL k k3
    SCAN 0 COUNT 100
    KEYS *
    EXEC
  `);

  script('RESP3 replies', `
    ? HELLO 3
    RANDOMKEY
    OBJECT ENCODING nokey
    OBJECT REFCOUNT nokey
    OBJECT HELP
    TYPE nokey
    SET k 1
    TYPE k
    EXPIRE k 100
    TTL k
    EXISTS k nokey
    ~ KEYS *
    ~ SCAN 0
    SCAN 0 MATCH nomatch
    RENAME nokey x
    COPY k k2
    RENAMENX k2 k
    OBJECT ENCODING k
    OBJECT FREQ k
    DEL k k2
    SCAN x
    ? HELLO 2
  `);
});
