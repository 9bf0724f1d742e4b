import { describe, expect, it } from 'vitest';
import { error, push, status } from '../../protocol/reply.js';
import { encodeReply } from '../resp/encode.js';
import { unsubscribeAll } from '../server/pubsub.js';
import { testNode, type TestClient } from '../testkit.js';

/** Send a command whose replies are read with drain() (call() would consume the first). */
function send(t: TestClient, ...argv: string[]): void {
  t.c.server.exec(t.c, argv);
}

// Reply shapes and texts as redis-server 7.0.15 sends them (pubsub.diff.test.ts compares the
// bytes); these tests cover engine state and what the differential harness cannot observe.

describe('SUBSCRIBE family', () => {
  it('replies once per channel with the running count, repeats included', () => {
    const { client } = testNode();
    const a = client();
    send(a, 'SUBSCRIBE', 'a', 'b', 'a');
    expect(a.drain()).toEqual([push(['subscribe', 'a', 1]), push(['subscribe', 'b', 2]), push(['subscribe', 'a', 2])]);
    send(a, 'PSUBSCRIBE', 'p*');
    expect(a.drain()).toEqual([push(['psubscribe', 'p*', 3])]);
  });

  it('shard channels are counted apart', () => {
    const { client } = testNode();
    const a = client();
    send(a, 'SUBSCRIBE', 'a');
    send(a, 'SSUBSCRIBE', 's1', 's2');
    send(a, 'SUNSUBSCRIBE', 's2');
    expect(a.drain()).toEqual([
      push(['subscribe', 'a', 1]),
      push(['ssubscribe', 's1', 1]),
      push(['ssubscribe', 's2', 2]),
      push(['sunsubscribe', 's2', 1]),
    ]);
  });

  it('unsubscribing with no subscriptions replies one push with a nil channel', () => {
    const { client } = testNode();
    const a = client();
    send(a, 'UNSUBSCRIBE');
    send(a, 'PUNSUBSCRIBE');
    send(a, 'SUNSUBSCRIBE');
    send(a, 'PUNSUBSCRIBE', 'never');
    const out = a.drain();
    expect(out).toEqual([
      push(['unsubscribe', null, 0]),
      push(['punsubscribe', null, 0]),
      push(['sunsubscribe', null, 0]),
      push(['punsubscribe', 'never', 0]),
    ]);
    expect(encodeReply(out[0]!, 2)).toBe('*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n');
    expect(encodeReply(out[0]!, 3)).toBe('>3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n');
  });

  it('unsubscribing from everything leaves no server state behind', () => {
    const { server, client } = testNode();
    const a = client();
    send(a, 'SUBSCRIBE', 'a', 'b');
    send(a, 'PSUBSCRIBE', 'p*');
    send(a, 'SSUBSCRIBE', 's');
    send(a, 'UNSUBSCRIBE');
    send(a, 'PUNSUBSCRIBE');
    send(a, 'SUNSUBSCRIBE');
    expect(a.drain().slice(4)).toEqual([
      push(['unsubscribe', 'a', 2]),
      push(['unsubscribe', 'b', 1]),
      push(['punsubscribe', 'p*', 0]),
      push(['sunsubscribe', 's', 0]),
    ]);
    expect([server.pubsub.channels.size, server.pubsub.patterns.size, server.pubsub.shardChannels.size]).toEqual([0, 0, 0]);
    expect(a.c.inPubSubMode()).toBe(false);
  });

  it('a closed client and unsubscribeAll (RESET) drop every subscription silently', () => {
    const { server, client } = testNode();
    const a = client();
    const b = client();
    for (const t of [a, b]) {
      t.call('SUBSCRIBE', 'ch');
      t.call('PSUBSCRIBE', 'c*');
      t.call('SSUBSCRIBE', 's');
      t.drain();
    }
    server.freeClient(a.c);
    expect(server.pubsub.channels.get('ch')!.size).toBe(1);
    unsubscribeAll(b.c);
    expect(b.drain()).toEqual([]);
    expect(b.c.inPubSubMode()).toBe(false);
    expect([server.pubsub.channels.size, server.pubsub.patterns.size, server.pubsub.shardChannels.size]).toEqual([0, 0, 0]);
    expect(client().call('PUBLISH', 'ch', 'm')).toBe(0);
  });
});

describe('PUBLISH', () => {
  it('delivers to channel then pattern subscribers and counts every delivery', () => {
    const { client } = testNode();
    const a = client();
    const b = client();
    a.call('SUBSCRIBE', 'news');
    a.call('PSUBSCRIBE', 'n*', 'x*');
    b.call('PSUBSCRIBE', 'n*');
    a.drain();
    b.drain();
    expect(client().call('PUBLISH', 'news', 'hi')).toBe(3);
    expect(a.drain()).toEqual([push(['message', 'news', 'hi']), push(['pmessage', 'n*', 'news', 'hi'])]);
    expect(b.drain()).toEqual([push(['pmessage', 'n*', 'news', 'hi'])]);
  });

  it('a RESP3 client publishing to its own channel gets the message before the count', () => {
    const { client } = testNode();
    const a = client();
    a.c.resp = 3;
    send(a, 'SUBSCRIBE', 'ch');
    a.drain();
    send(a, 'PUBLISH', 'ch', 'm');
    const out = a.drain();
    expect(out.map((r) => encodeReply(r, 3)).join('')).toBe('>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$1\r\nm\r\n:1\r\n');
  });

  it('SPUBLISH reaches shard subscribers only, never patterns', () => {
    const { client } = testNode();
    const a = client();
    const b = client();
    a.call('SSUBSCRIBE', 'ch');
    b.call('SUBSCRIBE', 'ch');
    b.call('PSUBSCRIBE', '*');
    a.drain();
    b.drain();
    expect(client().call('SPUBLISH', 'ch', 'm')).toBe(1);
    expect(a.drain()).toEqual([push(['smessage', 'ch', 'm'])]);
    expect(b.drain()).toEqual([]);
  });

  it('keyspace notifications are published per notify-keyspace-events', () => {
    const { server, client } = testNode();
    const sub = client();
    sub.call('PSUBSCRIBE', '__key*__:*');
    sub.drain();
    const a = client();
    a.call('SET', 'k', 'v');
    expect(sub.drain()).toEqual([]);
    server.config.set('notify-keyspace-events', 'KEA');
    a.call('SET', 'k', 'v');
    expect(sub.drain()).toEqual([
      push(['pmessage', '__key*__:*', '__keyspace@0__:k', 'set']),
      push(['pmessage', '__key*__:*', '__keyevent@0__:set', 'k']),
    ]);
    server.config.set('notify-keyspace-events', 'Kg');
    a.call('SET', 'k', 'v');
    expect(sub.drain()).toEqual([]);
  });
});

describe('RESP2 subscribe mode', () => {
  it('allows only the subscription commands, PING (as an array), QUIT and RESET', () => {
    const { client } = testNode();
    const a = client();
    a.call('SSUBSCRIBE', 's');
    a.drain();
    expect(a.call('GET', 'x')).toEqual(
      error("ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context"),
    );
    expect(a.call('PUBSUB', 'NUMPAT')).toEqual(
      error("ERR Can't execute 'pubsub|numpat': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context"),
    );
    expect(a.call('PING')).toEqual(['pong', '']);
    expect(a.call('PING', 'hi')).toEqual(['pong', 'hi']);
    a.call('SUNSUBSCRIBE');
    expect(a.call('GET', 'x')).toBeNull();
  });

  it('RESP3 has no restriction', () => {
    const { client } = testNode();
    const a = client();
    a.c.resp = 3;
    a.call('SUBSCRIBE', 'ch');
    a.drain();
    expect(a.call('GET', 'x')).toBeNull();
    expect(a.call('PING')).toEqual(status('PONG'));
  });
});

describe('PUBSUB', () => {
  it('introspects channels, shard channels and patterns', () => {
    const { client } = testNode();
    const a = client();
    const b = client();
    a.call('SUBSCRIBE', 'news.a', 'sport');
    b.call('SUBSCRIBE', 'news.a');
    a.call('PSUBSCRIBE', 'x*', 'y*');
    b.call('PSUBSCRIBE', 'x*');
    a.call('SSUBSCRIBE', 'shard');
    const q = client();
    expect(q.call('PUBSUB', 'CHANNELS')).toEqual(['news.a', 'sport']);
    expect(q.call('PUBSUB', 'CHANNELS', 'news.*')).toEqual(['news.a']);
    expect(q.call('PUBSUB', 'NUMSUB', 'news.a', 'sport', 'none')).toEqual(['news.a', 2, 'sport', 1, 'none', 0]);
    expect(q.call('PUBSUB', 'NUMSUB')).toEqual([]);
    expect(q.call('PUBSUB', 'NUMPAT')).toBe(2);
    expect(q.call('PUBSUB', 'SHARDCHANNELS')).toEqual(['shard']);
    expect(q.call('PUBSUB', 'SHARDNUMSUB', 'shard', 'news.a')).toEqual(['shard', 1, 'news.a', 0]);
  });

  it('CHANNELS and SHARDCHANNELS take at most one pattern', () => {
    const { client } = testNode();
    const q = client();
    expect(q.call('PUBSUB', 'channels', 'a', 'b')).toEqual(
      error("ERR unknown subcommand or wrong number of arguments for 'channels'. Try PUBSUB HELP."),
    );
    expect(q.call('pubsub', 'SHARDCHANNELS', 'a', 'b')).toEqual(
      error("ERR unknown subcommand or wrong number of arguments for 'SHARDCHANNELS'. Try PUBSUB HELP."),
    );
  });
});
