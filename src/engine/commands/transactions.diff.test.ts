import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

describe('transactions vs redis-server', () => {
  const script = differentialSuite();

  script('MULTI, EXEC, DISCARD and their misuse', `
    EXEC
    DISCARD
    MULTI
    SET k v
    GET k
    INCR n
    EXEC
    MULTI
    EXEC
    MULTI
    multi
    WATCH k
    SET k other
    DISCARD
    GET k
    EXEC
    UNWATCH
    MULTI
    UNWATCH
    EXEC
    MULTI
    SET k x
    EXEC extra
    EXEC
    GET k
    EXEC extra
    DISCARD extra
    MULTI
    DISCARD extra
    EXEC
  `);

  script('errors while queueing abort the transaction, errors while running do not', `
    SET s notanumber
    MULTI
    SET a 1
    GET
    EXEC
    GET a
    MULTI
    SET a 1
    NOSUCHCOMMAND x y
    EXEC
    MULTI
    SET a 1 EX 0
    INCR s
    SET a 2 BADOPTION
    SET a 2
    INCRBYFLOAT s 1
    GET a
    EXEC
    GET a
    MULTI
    GET a b
    SET a 3
    EXEC
    GET a
  `);

  script('WATCH sees writes by other clients and by the same client', `
    SET k 1
    WATCH k
    :client 2
    SET k 2
    :client 1
    MULTI
    SET k 3
    EXEC
    GET k
    WATCH k
    INCR k
    MULTI
    SET k 10
    EXEC
    GET k
    WATCH k other
    :client 2
    SET unrelated 1
    GET k
    :client 1
    MULTI
    INCR k
    EXEC
    WATCH missing
    :client 2
    SET missing now
    :client 1
    MULTI
    GET missing
    EXEC
    WATCH k
    :client 2
    SET k 7
    :client 1
    WATCH j
    UNWATCH
    MULTI
    GET k
    EXEC
  `);

  script('WATCH and keys that expire', `
    SET k v PX 100
    WATCH k
    :sleep 250
    MULTI
    PING
    EXEC
    SET k2 v PX 50
    :sleep 150
    WATCH k2
    MULTI
    PING
    EXEC
    SET k3 v PX 50
    :sleep 150
    WATCH k3
    :client 2
    GET k3
    :client 1
    MULTI
    PING
    EXEC
    SET k4 v PX 50
    :sleep 150
    WATCH k4
    :client 2
    SET k4 new
    :client 1
    MULTI
    PING
    EXEC
    SET k5 v
    WATCH k5
    :client 2
    SET k5 v PX 100000
    :client 1
    MULTI
    PING
    EXEC
  `);

  script('subscribing inside a transaction', `
    MULTI
    SUBSCRIBE x y
    PSUBSCRIBE p*
    SSUBSCRIBE s
    EXEC
    :read
    PING
    UNSUBSCRIBE x y
    :read
    PUNSUBSCRIBE
    :none
  `);

  script('SELECT inside a transaction and flushes of watched keys', `
    MULTI
    SELECT 2
    SET k in2
    SELECT 3
    SET k in3
    EXEC
    GET k
    SELECT 2
    GET k
    WATCH k
    FLUSHDB
    MULTI
    PING
    EXEC
    WATCH nothing
    FLUSHALL
    MULTI
    PING
    EXEC
    SELECT 1
    SET sw 1
    SELECT 0
    WATCH sw
    SWAPDB 0 1
    MULTI
    GET sw
    EXEC
    WATCH neither
    SWAPDB 0 1
    MULTI
    PING
    EXEC
  `);

  script('RESP3: a failed WATCH gives a null, replies keep their RESP3 types', `
    ? HELLO 3
    SET k 1
    WATCH k
    :client 2
    SET k 2
    :client 1
    MULTI
    GET k
    EXEC
    MULTI
    INCRBYFLOAT k 0.5
    GET nothing
    EXEC
  `);

  script('MONITOR sees MULTI, then the executed commands, then EXEC', `
    :client 2
    MONITOR
    :client 1
    MULTI
    SET a 1
    GET a b
    EXEC
    MULTI
    SET a 1
    SELECT 3
    GET a
    EXEC
    EXEC
    :client 2
    ? :read
    ? :read
    ? :read
    ? :read
    ? :read
    ? :read
    ? :read
    ? :read
    :none
  `);
});
