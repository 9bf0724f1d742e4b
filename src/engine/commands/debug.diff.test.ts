import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

describe('DEBUG vs redis-server', () => {
  const script = differentialSuite();

  script('argument checks and HELP', `
    DEBUG
    DEBUG HELP
    debug help
    DEBUG HELP x
    DEBUG NOSUCH
    DEBUG sleep
    DEBUG SLEEP 1 2
    DEBUG POPULATE
    DEBUG POPULATE 1 p 5 extra
    DEBUG OBJECT
    DEBUG OBJECT a b
    DEBUG SET-ACTIVE-EXPIRE
    DEBUG ERROR
  `);

  script('POPULATE: names, values, sizes, existing keys', `
    DEBUG POPULATE -1
    DEBUG POPULATE x
    DEBUG POPULATE 1 p -1
    DEBUG POPULATE 1 p x
    DEBUG POPULATE 0
    DBSIZE
    DEBUG POPULATE 3
    ~ KEYS *
    GET key:0
    GET key:2
    DEBUG POPULATE 2 foo 10
    GET foo:0
    GET foo:1
    DEBUG POPULATE 2 foo 3
    GET foo:1
    DEBUG POPULATE 1 z 3
    GET z:0
    DEBUG POPULATE 2 bar 0
    GET bar:1
    DEBUG POPULATE 1 "" 50
    GET :0
    SET key:5 existing
    DEBUG POPULATE 7
    GET key:5
    GET key:6
    DBSIZE
    DEBUG POPULATE 2 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
    KEYS a*
    SELECT 4
    DEBUG POPULATE 2 db4
    DBSIZE
    SELECT 0
    DBSIZE
    OBJECT ENCODING key:1
    FLUSHALL
  `);

  script('OBJECT: errors, encodings, refcounts', `
    DEBUG OBJECT nosuch
    SET s hello
    ? DEBUG OBJECT s
    DEBUG ERROR "FOO bar"
    DEBUG ERROR "x\\ny"
    DEBUG ERROR ""
    FLUSHALL
  `);

  script('SLEEP: the reply comes after the delay, other clients wait', `
    DEBUG SLEEP 0
    DEBUG SLEEP x
    DEBUG SLEEP -1
    DEBUG SLEEP 0.05
    SET k v
    MULTI
    DEBUG SLEEP 0.01
    GET k
    EXEC
    DEL k
  `);

  // Which bucket a key lands in depends on the hash function (Redis seeds siphash randomly), so
  // chain distributions are compared exactly only where one key leaves no choice.
  script('HTSTATS', `
    DEBUG HTSTATS 0
    SET a 1
    DEBUG HTSTATS 0
    SET b 2 EX 100
    ? DEBUG HTSTATS 0
    DEBUG HTSTATS 16
    DEBUG HTSTATS -1
    DEBUG HTSTATS x
    DEBUG HTSTATS 99999999999999999999
    DEBUG HTSTATS 0 full
    DEBUG HTSTATS
    FLUSHALL
  `);

  script('SET-ACTIVE-EXPIRE', `
    DEBUG SET-ACTIVE-EXPIRE 0
    DEBUG SET-ACTIVE-EXPIRE x
    DEBUG SET-ACTIVE-EXPIRE 2
    DEBUG SET-ACTIVE-EXPIRE 1
  `);
});
