import { describe } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';

describe('pub/sub vs redis-server', () => {
  const script = differentialSuite();

  script('subscribe, unsubscribe and the RESP2 subscribe mode', `
    SUBSCRIBE a b a
    :read
    :read
    PSUBSCRIBE p* p*
    :read
    SSUBSCRIBE s1 s2
    :read
    GET x
    PUBSUB NUMPAT
    MULTI
    PING
    PING hi
    ping a b
    UNSUBSCRIBE a nope
    :read
    PUNSUBSCRIBE p*
    UNSUBSCRIBE b
    GET x
    SUNSUBSCRIBE s1
    SUNSUBSCRIBE s2
    GET x
    PING
    UNSUBSCRIBE
    PUNSUBSCRIBE
    SUNSUBSCRIBE
    PUNSUBSCRIBE never
    SUBSCRIBE
    PSUBSCRIBE
    SSUBSCRIBE
    :none
  `);

  script('unsubscribing from everything at once (Redis gives no order)', `
    SUBSCRIBE a b c
    :read
    :read
    PSUBSCRIBE x* y*
    :read
    ? UNSUBSCRIBE
    ? :read
    ? :read
    ? PUNSUBSCRIBE
    ? :read
    PUBSUB NUMSUB a b c
    :none
    UNSUBSCRIBE
  `);

  script('PUBLISH reaches channel then pattern subscribers', `
    SUBSCRIBE news
    PSUBSCRIBE n*
    :client 2
    SUBSCRIBE news other
    :read
    :client 3
    PSUBSCRIBE *s
    :client 4
    PUBLISH news hello
    PUBLISH nope x
    PUBLISH zzz x
    PUBLISH "bin\\x00chan" "bin\\x00msg\\r\\n"
    :client 1
    :read
    :read
    :read
    :none
    :client 2
    :read
    :none
    :client 3
    :read
    :none
    :client 2
    UNSUBSCRIBE news
    :client 4
    PUBLISH news again
    PUBLISH other last
    :client 2
    :read
    :none
  `);

  script('binary channel names and glob patterns', `
    PSUBSCRIBE "h?llo" "h[ae]llo" "h[^e]llo" "\\\\*x" "caf\\xc3\\xa9*"
    :read
    :read
    :read
    :read
    SUBSCRIBE "a\\x00b"
    :client 2
    PUBLISH hallo 1
    PUBLISH "*x" 2
    PUBLISH "caf\\xc3\\xa9s" 3
    PUBLISH "a\\x00b" 4
    :client 1
    ? :read
    ? :read
    ? :read
    :read
    :read
    :read
    :none
  `);

  script('shard channels in a standalone server', `
    SSUBSCRIBE ch
    :client 2
    SUBSCRIBE ch
    PSUBSCRIBE *
    :client 3
    SPUBLISH ch m
    PUBSUB SHARDCHANNELS
    PUBSUB SHARDCHANNELS c*
    PUBSUB SHARDCHANNELS x*
    PUBSUB SHARDNUMSUB ch nope
    PUBSUB SHARDNUMSUB
    SPUBLISH nobody m
    SPUBLISH ch
    :client 1
    :read
    :none
    :client 2
    :none
  `);

  script('PUBSUB introspection and argument errors', `
    PUBSUB CHANNELS
    PUBSUB NUMPAT
    :client 2
    SUBSCRIBE news.tech news.art sport
    :read
    :read
    PSUBSCRIBE a* b* a*
    :read
    :read
    :client 3
    SUBSCRIBE news.tech
    PSUBSCRIBE a*
    :client 4
    ~ PUBSUB CHANNELS
    ~ PUBSUB CHANNELS news.*
    PUBSUB CHANNELS nothing*
    PUBSUB CHANNELS [
    pubsub channels a b
    PUBSUB NUMSUB news.tech sport none news.tech
    PUBSUB NUMSUB
    PUBSUB NUMPAT
    PUBSUB NUMPAT x
    PUBSUB HELP
    PUBSUB HELP x
    PUBSUB
    PUBSUB nosuch
    PUBLISH
    PUBLISH a
    PUBLISH a b c
    SPUBLISH a
  `);

  script('RESP3: pushes, no subscribe-mode limits, own messages before the reply', `
    ? HELLO 3
    SUBSCRIBE ch
    PUBLISH ch m
    :read
    GET x
    PING
    PING x
    PSUBSCRIBE c*
    PUBLISH ch m2
    :read
    :read
    MULTI
    PUBLISH ch m3
    EXEC
    :read
    :read
    UNSUBSCRIBE
    PUNSUBSCRIBE
    UNSUBSCRIBE
    SUNSUBSCRIBE
    PUBSUB NUMSUB ch
    :none
  `);
});
