import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

/**
 * Blocking list and sorted-set commands against a real redis-server: connection 2 (and 3, 4)
 * block with `:send`, connection 1 makes keys ready, `:read` takes the late replies, `:none`
 * checks that a client is still waiting.
 */
describe('blocking commands vs redis-server', () => {
  const script = differentialSuite();

  script('timeout parsing, arity and immediate pops', `
    BLPOP l abc
    BLPOP l -1
    BLPOP l -0.5
    BLPOP l inf
    BLPOP l -inf
    BLPOP l +inf
    BLPOP l 1e30
    BLPOP l nan
    BLPOP l ""
    BLPOP l "1 "
    BLPOP l " 1"
    BLPOP l 0x
    BLPOP l 9223372036854775808
    BLPOP l 9223372036854775.808
    BLPOP l "1\\x00"
    BRPOP l abc
    BLMOVE l d LEFT RIGHT abc
    BLMOVE l d LEFT RIGHT -1
    BLMOVE l d UP RIGHT abc
    BLMOVE l d LEFT DOWN -1
    BRPOPLPUSH l d abc
    BRPOPLPUSH l d -5
    BLMPOP abc 1 l LEFT
    BLMPOP -1 1 l LEFT
    BLMPOP abc 0 l LEFT
    BLMPOP abc 1 l MIDDLE
    BLMPOP abc 1 l LEFT COUNT 0
    BLMPOP 0 2 l LEFT
    BLMPOP 0 1 l LEFT COUNT
    BLMPOP 0 1 l LEFT BOGUS 1
    BZPOPMIN z abc
    BZPOPMAX z -1
    BZMPOP abc 1 z MIN
    BZMPOP abc 1 z MIDDLE
    BZMPOP 0 0 z MIN
    BZMPOP 0 1 z MIN COUNT -2
    BLPOP
    BLPOP l
    BRPOP l
    BLMOVE a b LEFT RIGHT
    BRPOPLPUSH a b
    BLMPOP 0 1
    BZPOPMIN z
    RPUSH l a b c d e f g h i j
    BLPOP l 0
    BRPOP l 0
    BLPOP missing l 0
    BRPOP missing other l 1
    BLPOP l 0.01
    BLMPOP 0 2 missing l LEFT COUNT 2
    BLMPOP 0 1 l RIGHT COUNT 10
    EXISTS l
    RPUSH l x y
    BLMOVE l d RIGHT LEFT 0
    BRPOPLPUSH l d 0
    EXISTS l
    LRANGE d 0 -1
    BLMOVE d d LEFT RIGHT 1
    LRANGE d 0 -1
    SET s v
    BLPOP s 0
    BLPOP missing s 0
    BLPOP d s 0
    BLPOP s d abc
    BLMOVE s d LEFT LEFT 0
    BLMOVE d s LEFT LEFT 0
    BRPOPLPUSH d s 0
    BLMPOP 0 2 missing s LEFT
    BZPOPMIN s 0
    ZADD z 1 a 2 b 3 c
    BZPOPMIN z 0
    BZPOPMAX missing z 0
    BZMPOP 0 1 z MAX COUNT 5
    EXISTS z
    ZADD z 1 a
    BZMPOP 0 2 missing z MIN
    BZPOPMIN d 0
    BZMPOP 0 1 d MIN
  `);

  script('timeouts reply a nil array', `
    BLPOP missing 0.05
    BRPOP a b 0.02
    BLMOVE missing dst LEFT RIGHT 0.02
    BRPOPLPUSH missing dst 0.02
    BLMPOP 0.02 2 a b LEFT
    BZPOPMIN z 0.02
    BZPOPMAX z y 0.02
    BZMPOP 0.02 1 z MIN COUNT 3
    BLPOP missing 0.0001
    BLPOP missing 1e-400
    EXISTS dst
    ? HELLO 3
    BLPOP missing 0.02
    BLMOVE missing dst LEFT RIGHT 0.02
    BRPOPLPUSH missing dst 0.02
    BZMPOP 0.02 1 z MAX
  `);

  script('a pushed key serves the first client blocked on it', `
    :client 2
    :send BLPOP q 0
    :none
    :client 3
    :send BRPOP q 0
    :client 4
    :send BLPOP other q 0
    :client 1
    RPUSH q a b
    :client 2
    :read
    :client 3
    :read
    :client 4
    :none
    :client 1
    EXISTS q
    LPUSH q c d
    :client 4
    :read
    :client 1
    LRANGE q 0 -1
  `);

  script('a client waiting on several keys is served by whichever is pushed', `
    :client 2
    :send BLPOP k1 k2 k3 0
    :client 3
    :send BLPOP k2 0
    :client 1
    RPUSH k2 x
    :client 2
    :read
    :client 3
    :none
    :client 1
    RPUSH k1 y
    EXISTS k1
    RPUSH k2 z
    :client 3
    :read
    :client 2
    :send BRPOP dup dup dup 0
    :client 1
    RPUSH dup 1 2
    :client 2
    :read
    :client 1
    LRANGE dup 0 -1
  `);

  script('MULTI/EXEC: pushes are served after EXEC, blocking commands do not block inside', `
    :client 2
    :send BLPOP q 0
    :client 3
    :send BLPOP q 0
    :client 1
    MULTI
    RPUSH q a
    RPUSH q b
    LPOP q
    EXEC
    :client 2
    :read
    :client 3
    :none
    :client 1
    MULTI
    RPUSH q c
    LPOP q
    EXEC
    :client 3
    :none
    :client 1
    MULTI
    BLPOP nothing 0
    BRPOP nothing 10
    BLMOVE nothing d LEFT LEFT 0
    BRPOPLPUSH nothing d 0
    BLMPOP 0 1 nothing LEFT
    BZPOPMIN nothing 0
    BZMPOP 0 1 nothing MAX
    RPUSH full x
    BLPOP full 0
    EXEC
    MULTI
    RPUSH q z
    EXEC
    :client 3
    :read
  `);

  script('the key deleted or turned into another type while clients wait', `
    :client 2
    :send BLPOP k 0
    :client 3
    :send BZPOPMIN k 0
    :client 1
    SET k string
    :client 2
    :none
    :client 1
    LPUSH k x
    DEL k
    ZADD k 1 m
    :client 3
    :read
    :client 2
    :none
    :client 1
    RPUSH k a
    :client 2
    :read
    :client 1
    EXISTS k
  `);

  script('BLMOVE and BRPOPLPUSH served later, chaining into another waiter', `
    :client 2
    :send BLMOVE a b LEFT RIGHT 0
    :client 3
    :send BRPOPLPUSH b c 0
    :client 4
    :send BLPOP c 0
    :client 1
    RPUSH a x y
    :client 2
    :read
    :client 3
    :read
    :client 4
    :read
    :client 1
    LRANGE a 0 -1
    EXISTS b c
    SET s v
    :client 2
    :send BLMOVE e s LEFT RIGHT 0
    :client 1
    RPUSH e 1
    :client 2
    :read
    :client 1
    LRANGE e 0 -1
    :client 2
    :send BLMOVE f f RIGHT LEFT 0
    :client 1
    RPUSH f 1 2
    :client 2
    :read
    :client 1
    LRANGE f 0 -1
  `);

  script('BLMPOP and the sorted-set pops served later', `
    :client 2
    :send BLMPOP 0 2 m1 m2 RIGHT COUNT 3
    :client 3
    :send BLMPOP 0 1 m2 LEFT
    :client 1
    RPUSH m2 a b c d
    :client 2
    :read
    :client 3
    :read
    :client 1
    EXISTS m2
    :client 2
    :send BZPOPMIN z1 z2 0
    :client 3
    :send BZMPOP 0 1 z2 MAX COUNT 2
    :client 4
    :send BZPOPMAX z2 0
    :client 1
    ZADD z2 1 a 2 b 3 c 4 d
    :client 2
    :read
    :client 3
    :read
    :client 4
    :read
    :client 1
    ZRANGE z2 0 -1 WITHSCORES
    :client 2
    ? HELLO 3
    :send BZPOPMIN z3 0
    :client 1
    ZADD z3 1.5 m
    :client 2
    :read
    :send BZMPOP 0 1 z3 MIN
    :client 1
    ZADD z3 2 n
    :client 2
    :read
  `);

  script('keys made ready by SORT STORE, LMOVE, RENAME, COPY, MOVE and SWAPDB', `
    RPUSH src 3 1 2
    :client 2
    :send BLPOP dst 0
    :client 1
    SORT src STORE dst
    :client 2
    :read
    :send BLPOP viamove 0
    :client 1
    LMOVE src viamove LEFT LEFT
    :client 2
    :read
    :send BLPOP renamed 0
    :client 1
    RPUSH tmp r
    RENAME tmp renamed
    :client 2
    :read
    :send BLPOP copied 0
    :client 1
    RPUSH orig c
    COPY orig copied
    :client 2
    :read
    :send BLPOP moved 0
    :client 1
    SELECT 1
    RPUSH moved m
    MOVE moved 0
    SELECT 0
    :client 2
    :read
    :send BLPOP swapped 0
    :client 1
    SELECT 1
    RPUSH swapped s
    SWAPDB 0 1
    SELECT 0
    :client 2
    :read
    :client 1
    SWAPDB 0 1
    :client 2
    :send BLPOP overwritten 0
    :client 1
    SET overwritten text
    SORT src STORE overwritten
    TYPE overwritten
    :client 2
    :none
    :client 1
    DEL overwritten
    RPUSH overwritten again
    :client 2
    :read
  `);

  script('databases are separate, and commands sent while blocked wait their turn', `
    :client 2
    SELECT 1
    :send BLPOP q 0
    :send PING
    :send LLEN q
    :client 1
    RPUSH q db0
    :client 2
    :none
    :client 1
    SELECT 1
    RPUSH q db1 second
    :client 2
    :read
    :read
    :read
    :client 1
    LRANGE q 0 -1
    SELECT 0
    LRANGE q 0 -1
  `);

  script('served pops notify and CLIENT UNBLOCK errors', `
    CONFIG SET notify-keyspace-events KEA
    :client 3
    PSUBSCRIBE __keyevent*
    :client 2
    :send BLPOP q 0
    :client 1
    RPUSH q a
    :client 2
    :read
    :send BLMOVE q2 d RIGHT LEFT 0
    :client 1
    RPUSH q2 b
    :client 2
    :read
    :client 3
    ${':read\n'.repeat(7)}
    :none
    :client 1
    CONFIG SET notify-keyspace-events ""
    CLIENT UNBLOCK 999999
    CLIENT UNBLOCK 999999 TIMEOUT
    CLIENT UNBLOCK 999999 ERROR
    CLIENT UNBLOCK 999999 BOGUS
    CLIENT UNBLOCK abc
    CLIENT UNBLOCK abc BOGUS
    CLIENT UNBLOCK 1 TIMEOUT extra
    CLIENT UNBLOCK
  `);
});
