import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

describe('strings vs redis-server', () => {
  const script = differentialSuite();
  script('GET and SET basics', `
    GET missing
    SET k v
    GET k
    SET k "你好"
    GET k
    SET k 123
    GET k
    PING
    PING hello
    ECHO "a\\x00b"
    NOSUCHCOMMAND a b
    GET
    GET a b
  `);
});
