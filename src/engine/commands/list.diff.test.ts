import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

/** A list of n elements "e0".."e<n-1>" pushed in one command. */
const elements = (n: number, prefix = 'e'): string => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

describe('list commands vs redis-server', () => {
  const script = differentialSuite();

  script('LPUSH RPUSH LPUSHX RPUSHX, replies and types', `
    LPUSH l a
    LPUSH l b c
    RPUSH l d e f
    LRANGE l 0 -1
    LLEN l
    TYPE l
    OBJECT ENCODING l
    LPUSHX l x
    RPUSHX l y z
    LPUSHX missing x
    RPUSHX missing x y
    EXISTS missing
    LRANGE l 0 -1
    LPUSH l ""
    RPUSH l "a\\x00b" "\\xff\\xfe"
    LRANGE l 0 -1
    LPUSH l 1 -1 0 9223372036854775807 -9223372036854775808 9223372036854775808 007 +5 1.5
    LRANGE l 0 -1
    SET s v
    LPUSH s a
    RPUSH s a
    LPUSHX s a
    RPUSHX s a
    LPUSH
    LPUSH l
    RPUSH l
    LPUSHX l
    RPUSHX
    lpush lower a
    LRANGE lower 0 -1
  `);

  script('LRANGE and LINDEX index arithmetic', `
    RPUSH l ${elements(10)}
    LRANGE l 0 0
    LRANGE l 0 -1
    LRANGE l -1 -1
    LRANGE l -3 -1
    LRANGE l -100 100
    LRANGE l 5 2
    LRANGE l 9 9
    LRANGE l 10 20
    LRANGE l -11 0
    LRANGE l 3 -8
    LRANGE l 3 -7
    LRANGE l -9223372036854775808 9223372036854775807
    LRANGE l 9223372036854775807 -9223372036854775808
    LRANGE l a 1
    LRANGE l 0 b
    LRANGE l 1.5 2
    LRANGE l " 1" 2
    LRANGE missing 0 -1
    LRANGE missing a b
    LINDEX l 0
    LINDEX l 9
    LINDEX l 10
    LINDEX l -1
    LINDEX l -10
    LINDEX l -11
    LINDEX l 9223372036854775807
    LINDEX l -9223372036854775808
    LINDEX l abc
    LINDEX missing 0
    LINDEX missing abc
    SET s v
    LINDEX s 0
    LINDEX s abc
    LRANGE s 0 -1
    LRANGE s a b
    LLEN s
    LLEN missing
  `);

  script('LPOP and RPOP with and without COUNT', `
    RPUSH l a b c d e
    LPOP l
    RPOP l
    LRANGE l 0 -1
    LPOP l 2
    RPUSH l x y z
    RPOP l 2
    LPOP l 0
    RPOP l 0
    LPOP l 100
    EXISTS l
    LPOP l
    LPOP l 1
    LPOP l 0
    RPOP l 5
    RPUSH l 1 2 3
    LPOP l -1
    LPOP l abc
    LPOP l 1.0
    LPOP l 9223372036854775807
    RPUSH l 1 2 3
    RPOP l 9223372036854775808
    LPOP l 1 2
    RPOP l 1 2 3
    LPOP
    SET s v
    LPOP s
    RPOP s 1
    LPOP s 0
    LPOP s -1
    LPOP missing -1
  `);

  script('LINSERT', `
    RPUSH l a b c b
    LINSERT l BEFORE b x
    LINSERT l AFTER b y
    LRANGE l 0 -1
    LINSERT l after c z
    LINSERT l BeFoRe a first
    LINSERT l AFTER b last-b
    LINSERT l BEFORE nothere x
    LINSERT l MIDDLE a x
    LINSERT missing BEFORE a x
    LINSERT missing MIDDLE a x
    EXISTS missing
    LRANGE l 0 -1
    RPUSH n 1 2 3 100
    LINSERT n BEFORE 2 1.5
    LINSERT n AFTER 02 x
    LINSERT n AFTER 100 101
    LRANGE n 0 -1
    SET s v
    LINSERT s BEFORE a b
    LINSERT s MIDDLE a b
    LINSERT l BEFORE a
  `);

  script('LSET', `
    RPUSH l a b c
    LSET l 0 x
    LSET l -1 z
    LSET l 1 "a much longer value than before, long enough to change the entry encoding"
    LRANGE l 0 -1
    LSET l 3 nope
    LSET l -4 nope
    LSET l abc v
    LSET missing 0 v
    LSET missing abc v
    SET s v
    LSET s 0 v
    LSET s abc v
    LSET l 9223372036854775807 v
    LSET l 1 12345
    LINDEX l 1
  `);

  script('LTRIM', `
    RPUSH l ${elements(10)}
    LTRIM l 1 -2
    LRANGE l 0 -1
    LTRIM l 0 100
    LRANGE l 0 -1
    LTRIM l -3 -1
    LRANGE l 0 -1
    LTRIM l 2 1
    EXISTS l
    RPUSH l a b c
    LTRIM l 5 10
    EXISTS l
    RPUSH l a b c
    LTRIM l -100 -50
    EXISTS l
    LTRIM missing 0 1
    LTRIM missing a b
    RPUSH l a b c
    LTRIM l a 1
    LTRIM l 0 1.5
    SET s v
    LTRIM s 0 1
    LTRIM s a b
    LTRIM l -9223372036854775808 9223372036854775807
    LRANGE l 0 -1
  `);

  script('LREM', `
    RPUSH l a b a c a b a
    LREM l 2 a
    LRANGE l 0 -1
    LREM l -1 a
    LRANGE l 0 -1
    LREM l 0 b
    LRANGE l 0 -1
    LREM l 0 zzz
    LREM l 1 c
    LREM l 0 a
    EXISTS l
    LREM missing 0 a
    LREM missing x a
    RPUSH l 1 2 1 2
    LREM l x 1
    LREM l -9223372036854775808 1
    LRANGE l 0 -1
    LREM l 9223372036854775807 2
    EXISTS l
    SET s v
    LREM s 0 v
    LREM s x v
  `);

  script('LPOS with RANK, COUNT and MAXLEN', `
    RPUSH l a b c 1 2 3 c c
    LPOS l c
    LPOS l c RANK 2
    LPOS l c RANK -1
    LPOS l c RANK -3
    LPOS l c RANK 4
    LPOS l c COUNT 0
    LPOS l c COUNT 2
    LPOS l c COUNT 2 RANK 2
    LPOS l c COUNT 0 RANK -1
    LPOS l c COUNT 1 RANK -2
    LPOS l c MAXLEN 3
    LPOS l c MAXLEN 5
    LPOS l c COUNT 0 MAXLEN 7
    LPOS l c RANK -1 MAXLEN 2
    LPOS l c RANK -1 MAXLEN 1
    LPOS l x
    LPOS l x COUNT 3
    LPOS l 1
    LPOS l 01
    LPOS l c RANK 0
    LPOS l c RANK abc
    LPOS l c RANK -9223372036854775808
    LPOS l c RANK -9223372036854775808 COUNT 2
    LPOS l c RANK -9223372036854775808 COUNT 0
    LPOS l c RANK 9223372036854775807
    LPOS l c RANK -9223372036854775807
    LPOS l c COUNT -1
    LPOS l c COUNT abc
    LPOS l c MAXLEN -1
    LPOS l c MAXLEN abc
    LPOS l c RANK
    LPOS l c COUNT
    LPOS l c BOGUS 1
    LPOS l c rank 2 count 1 maxlen 0
    LPOS missing c
    LPOS missing c COUNT 1
    LPOS missing c RANK 0
    LPOS missing c COUNT -1
    SET s v
    LPOS s v
    LPOS s v COUNT 1
    LPOS s v RANK 0
  `);

  script('LMOVE and RPOPLPUSH', `
    RPUSH src a b c
    LMOVE src dst LEFT RIGHT
    LMOVE src dst RIGHT LEFT
    LRANGE src 0 -1
    LRANGE dst 0 -1
    LMOVE src dst left left
    EXISTS src
    LMOVE src dst LEFT RIGHT
    RPOPLPUSH dst dst
    LRANGE dst 0 -1
    LMOVE dst dst LEFT RIGHT
    LRANGE dst 0 -1
    RPOPLPUSH dst other
    RPOPLPUSH missing other
    LMOVE missing other LEFT LEFT
    LMOVE dst other UP LEFT
    LMOVE dst other LEFT DOWN
    LMOVE missing other UP LEFT
    SET s v
    LMOVE s dst LEFT LEFT
    LMOVE dst s LEFT LEFT
    RPOPLPUSH dst s
    RPOPLPUSH s dst
    LRANGE dst 0 -1
    RPUSH one x
    LMOVE one one LEFT RIGHT
    LRANGE one 0 -1
    RPOPLPUSH one elsewhere
    EXISTS one
  `);

  script('LMPOP', `
    RPUSH a 1 2 3
    RPUSH b x y
    LMPOP 2 a b LEFT
    LMPOP 2 a b RIGHT COUNT 10
    LMPOP 2 a b RIGHT COUNT 1
    LMPOP 2 nope b LEFT COUNT 5
    LMPOP 2 a b LEFT
    LMPOP 1 a LEFT COUNT 0
    LMPOP 1 a LEFT COUNT -1
    LMPOP 1 a LEFT COUNT abc
    LMPOP 0 a LEFT
    LMPOP -1 a LEFT
    LMPOP abc a LEFT
    LMPOP 2 a LEFT
    LMPOP 1 a MIDDLE
    LMPOP 1 a LEFT COUNT
    LMPOP 1 a LEFT COUNT 1 COUNT 1
    LMPOP 1 a LEFT BOGUS
    LMPOP 9223372036854775807 a LEFT
    SET s v
    LMPOP 2 missing s LEFT
    RPUSH c 1
    LMPOP 2 c s LEFT
    LMPOP 2 s c LEFT
  `);

  script('keyspace notifications of list commands', `
    CONFIG SET notify-keyspace-events KEA
    :client 2
    PSUBSCRIBE __key*__:*
    :client 1
    RPUSH l a b c
    LPUSH l z
    LINSERT l AFTER a x
    LSET l 0 q
    LPOP l
    RPOP l 2
    LTRIM l 0 0
    LREM l 0 a
    RPUSH l a b
    LMOVE l m LEFT RIGHT
    RPOPLPUSH l m
    LMPOP 1 m RIGHT COUNT 5
    LTRIM nothere 0 1
    RPUSH l 1
    LTRIM l 0 5
    :client 2
    ${':read\n'.repeat(38)}
    :none
    :client 1
    CONFIG SET notify-keyspace-events ""
  `);
});

describe('quicklist structure vs redis-server (MEMORY USAGE)', () => {
  const script = differentialSuite();

  script('nodes fill by bytes (list-max-listpack-size -2) and split on insert', `
    RPUSH l ${elements(500, 'value-')}
    MEMORY USAGE l
    MEMORY USAGE l SAMPLES 0
    LPUSH l ${elements(300, 'head-')}
    MEMORY USAGE l SAMPLES 0
    LINSERT l AFTER value-250 inserted
    MEMORY USAGE l SAMPLES 0
    LINSERT l BEFORE head-10 inserted2
    MEMORY USAGE l SAMPLES 0
    LREM l 0 inserted
    MEMORY USAGE l SAMPLES 0
    LTRIM l 100 -100
    MEMORY USAGE l SAMPLES 0
    LSET l 5 ${'x'.repeat(300)}
    MEMORY USAGE l SAMPLES 0
    LPOP l 50
    RPOP l 50
    MEMORY USAGE l SAMPLES 0
    LRANGE l 0 -1
  `);

  script('count-limited nodes after CONFIG SET list-max-listpack-size 4', `
    CONFIG SET list-max-listpack-size 4
    RPUSH l ${elements(10)}
    MEMORY USAGE l SAMPLES 0
    LINSERT l AFTER e1 x
    LINSERT l BEFORE e4 y
    LINSERT l AFTER e3 z
    MEMORY USAGE l SAMPLES 0
    LRANGE l 0 -1
    LREM l 0 e5
    LPUSH l h1 h2 h3
    MEMORY USAGE l SAMPLES 0
    LRANGE l 0 -1
    CONFIG SET list-max-listpack-size 1
    RPUSH one a b c
    MEMORY USAGE one SAMPLES 0
    LINSERT one AFTER b x
    MEMORY USAGE one SAMPLES 0
    CONFIG SET list-max-listpack-size -1
    RPUSH big ${elements(400, 'longer-value-')}
    MEMORY USAGE big SAMPLES 0
    CONFIG SET list-max-listpack-size -5
    RPUSH huge ${elements(3000, 'v')}
    MEMORY USAGE huge SAMPLES 0
    CONFIG SET list-max-listpack-size 100000
    RPUSH clamp ${elements(200)}
    MEMORY USAGE clamp SAMPLES 0
    CONFIG SET list-max-listpack-size -100
    RPUSH clamp2 ${elements(200)}
    MEMORY USAGE clamp2 SAMPLES 0
    MEMORY USAGE l
    SORT l ALPHA STORE stored
    MEMORY USAGE stored SAMPLES 0
    CONFIG SET list-max-listpack-size -2
  `);

  script('large elements and integer entries', `
    RPUSH l ${elements(20, '12345')}
    RPUSH l ${'y'.repeat(5000)} ${'z'.repeat(9000)}
    LPUSH l ${'w'.repeat(70)}
    MEMORY USAGE l SAMPLES 0
    LINSERT l AFTER 123455 ${'q'.repeat(8000)}
    MEMORY USAGE l SAMPLES 0
    LRANGE l 0 3
    LSET l 0 ${'k'.repeat(10000)}
    MEMORY USAGE l SAMPLES 0
    LINDEX l -1
    RPUSH ints 1 -1 127 128 4095 -4096 32767 -32768 8388607 -8388608 2147483647 -2147483648 9223372036854775807
    MEMORY USAGE ints
  `);
});

describe('compressed quicklist nodes vs redis-server (MEMORY USAGE with list-compress-depth)', () => {
  const script = differentialSuite({ 'list-compress-depth': '1' });

  script('interior nodes take the size lzf_compress gives them', `
    RPUSH text ${elements(3000, 'item:')}
    MEMORY USAGE text SAMPLES 0
    RPUSH same ${Array.from({ length: 3000 }, () => 'hello world').join(' ')}
    MEMORY USAGE same SAMPLES 0
    RPUSH ints ${Array.from({ length: 3000 }, (_, i) => String(i * 7919)).join(' ')}
    MEMORY USAGE ints SAMPLES 0
    LINSERT text AFTER item:1500 inserted
    LSET text 1000 replaced
    LREM text 0 item:2000
    MEMORY USAGE text SAMPLES 0
    LPOP text 500
    RPOP text 500
    MEMORY USAGE text SAMPLES 0
    LRANGE text 995 1005
    LINDEX text 1200
    MEMORY USAGE text
    CONFIG SET list-compress-depth 2
    RPUSH deeper ${elements(4000, 'x')}
    MEMORY USAGE deeper SAMPLES 0
    CONFIG SET list-compress-depth 1
  `);
});

describe('list commands over RESP3 vs redis-server', () => {
  const script = differentialSuite();
  script('reply shapes under HELLO 3', `
    ? HELLO 3
    LPOP missing
    LPOP missing 1
    LPOP missing 0
    RPUSH l a b
    LPOP l 0
    LMPOP 1 missing LEFT
    LPOS l x
    LPOS l x COUNT 1
    LINDEX l 5
    LMOVE missing l LEFT LEFT
    LMPOP 1 l LEFT COUNT 5
  `);
});
