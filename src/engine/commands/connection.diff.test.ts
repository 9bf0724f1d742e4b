import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

// Connection ids differ between the engine and the long-running real server, so replies that
// carry one (HELLO, CLIENT ID) are compared by shape here and by content in connection.test.ts.
describe('connection commands vs redis-server', () => {
  const script = differentialSuite();

  script('PING and ECHO', `
    PING
    PING hello
    PING ""
    PING a b
    ECHO
    ECHO a b
    ECHO ""
    ECHO "a\\x00b\\xff"
  `);

  script('PING while subscribed, in RESP2 and RESP3', `
    SUBSCRIBE ch
    PING
    PING msg
    GET k
    UNSUBSCRIBE
    PING
    ? HELLO 3
    SUBSCRIBE ch
    PING
    PING msg
  `);

  script('SELECT', `
    SELECT 16
    SELECT -1
    SELECT x
    SELECT 1.0
    SELECT " 1"
    SELECT 01
    SELECT 99999999999
    SELECT 2147483648
    SELECT -2147483649
    SELECT ""
    SET k v
    SELECT 15
    GET k
    SET k other
    SELECT 0
    GET k
    SELECT 15
    GET k
    FLUSHDB
  `);

  script('AUTH without a password configured', `
    AUTH x
    AUTH a b
    AUTH a b c
    AUTH default ""
    AUTH default anything
    AUTH DEFAULT anything
    GET k
  `);

  script('HELLO errors and options', `
    HELLO 4
    HELLO 1
    HELLO 0
    HELLO -1
    HELLO x
    HELLO 3.0
    HELLO 99999999999999999999
    HELLO 2 foo
    HELLO 2 foo bar
    HELLO 2 AUTH
    HELLO 2 AUTH a
    HELLO 2 AUTH a b
    HELLO 2 SETNAME
    HELLO 2 SETNAME "a b"
    HELLO 2 SETNAME x foo
    ? HELLO
    ? HELLO 2 AUTH default x
    ? HELLO 2 SETNAME myname
    CLIENT GETNAME
    ? HELLO 2 SETNAME x SETNAME y
    CLIENT GETNAME
    ? hello 3 setname ""
    CLIENT GETNAME
    CONFIG GET hz
    ? HELLO 2
    CLIENT GETNAME
    CONFIG GET hz
  `);

  script('RESET clears the connection state', `
    ? HELLO 3 SETNAME before
    SELECT 5
    SET k v
    MULTI
    SET a b
    RESET
    EXEC
    CLIENT GETNAME
    GET k
    SELECT 5
    GET k
    WATCH k
    RESET
    EXEC
    SUBSCRIBE ch
    RESET
    GET k
    SELECT 5
    FLUSHDB
  `);

  script('QUIT', `
    QUIT
  `);

  script('requirepass: NOAUTH, AUTH, HELLO AUTH and RESET', `
    CONFIG SET requirepass secret
    :client 2
    GET k
    PING
    HELLO 2
    HELLO 2 AUTH default wrong
    AUTH wrong
    AUTH default wrong
    AUTH nobody secret
    AUTH secret
    GET k
    RESET
    GET k
    ? HELLO 3 AUTH default secret
    GET k
    :client 3
    AUTH default secret
    SET k v
    :client 1
    GET k
    CONFIG SET requirepass ""
    :client 4
    GET k
  `);
});
