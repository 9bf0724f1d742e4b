import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

describe('server commands vs redis-server', () => {
  const script = differentialSuite();

  script('DBSIZE, FLUSHDB, FLUSHALL', `
    DBSIZE
    DBSIZE x
    SET a 1
    SET b 2
    DBSIZE
    SELECT 1
    SET c 3
    DBSIZE
    FLUSHDB x
    FLUSHDB ASYNC SYNC
    FLUSHDB async
    DBSIZE
    SELECT 0
    DBSIZE
    FLUSHDB SYNC
    DBSIZE
    SET a 1
    SELECT 2
    SET b 1
    FLUSHALL x
    FLUSHALL a b
    FLUSHALL
    DBSIZE
    SELECT 0
    DBSIZE
    FLUSHALL ASYNC
    FLUSHALL sync
  `);

  script('FLUSHDB and FLUSHALL invalidate WATCH on existing keys', `
    SET k v
    WATCH k
    :client 2
    FLUSHDB
    :client 1
    MULTI
    GET k
    EXEC
    WATCH nothere
    :client 2
    FLUSHALL
    :client 1
    MULTI
    PING
    EXEC
  `);

  script('SWAPDB', `
    SWAPDB 0
    SWAPDB 0 16
    SWAPDB -1 0
    SWAPDB x 0
    SWAPDB 0 x
    SWAPDB 99999999999 0
    SWAPDB 0 99999999999
    SWAPDB 1.5 0
    SET a in0
    SELECT 1
    SET b in1
    SWAPDB 0 1
    GET a
    GET b
    DBSIZE
    SELECT 0
    GET a
    GET b
    SWAPDB 0 0
    GET b
    SWAPDB 1 0
    GET a
    FLUSHALL
  `);

  script('SWAPDB and WATCH', `
    SET k v
    WATCH k
    :client 2
    SWAPDB 0 1
    :client 1
    MULTI
    GET k
    EXEC
    :client 2
    SWAPDB 0 1
    FLUSHALL
  `);

  script('TIME', `
    ? TIME
    TIME x
  `);

  script('MONITOR: refusals and silence', `
    MONITOR x
    MULTI
    MONITOR
    EXEC
    MONITOR
    :client 2
    SET a b
    :client 1
    ? :read
    RESET
    PING
  `);

  script('INFO argument handling', `
    INFO nosuch
    INFO NOSUCH nosuch2
    ? INFO
    ? INFO all
    ? INFO everything
    ? INFO default
    ? INFO server clients
    ? INFO keyspace cpu
    INFO modules
    INFO module_list
    INFO cluster
    INFO KEYSPACE
    SET a 1
    SET b 2
    SELECT 3
    SET c 3
    INFO keyspace
    FLUSHALL
    INFO keyspace
    CONFIG RESETSTAT
    INFO errorstats
    GET
    NOSUCH
    HELLO 4
    INFO errorstats
    ? HELLO 3
    INFO nosuch
    INFO cluster
  `);
});
