import { describe, expect, it } from 'vitest';
import { error, map, OK, status } from '../../protocol/reply.js';
import { testNode } from '../testkit.js';

// Reply texts come from redis-server 7.0.15 (connection.diff.test.ts compares them byte for
// byte); these tests cover what carries a connection id or needs engine state.

describe('HELLO', () => {
  it('describes the server with the connection id, in the protocol just chosen', () => {
    const { client } = testNode();
    client();
    const b = client();
    expect(b.call('HELLO', '3')).toEqual(
      map(['server', 'redis', 'version', '7.0.15', 'proto', 3, 'id', b.c.id, 'mode', 'standalone', 'role', 'master', 'modules', []]),
    );
    expect(b.c.resp).toBe(3);
    expect(b.call('HELLO')).toEqual(
      map(['server', 'redis', 'version', '7.0.15', 'proto', 3, 'id', 2, 'mode', 'standalone', 'role', 'master', 'modules', []]),
    );
    b.call('HELLO', '2', 'SETNAME', 'named');
    expect(b.c.resp).toBe(2);
    expect(b.c.name).toBe('named');
  });

  it('reports cluster mode and the replica role', () => {
    const { server, client } = testNode({ config: { 'cluster-enabled': 'yes' } });
    server.isReplica = true;
    const reply = client().call('HELLO') as { v: unknown[] };
    expect(reply.v.slice(8, 12)).toEqual(['mode', 'cluster', 'role', 'replica']);
  });
});

describe('AUTH and requirepass', () => {
  it('new connections must authenticate once a password is set; existing ones stay in', () => {
    const { client } = testNode();
    const a = client();
    expect(a.call('CONFIG', 'SET', 'requirepass', 'pw')).toEqual(OK);
    expect(a.call('GET', 'k')).toBeNull();
    const b = client();
    expect(b.call('GET', 'k')).toEqual(error('NOAUTH Authentication required.'));
    expect(b.call('AUTH', 'nope')).toEqual(error('WRONGPASS invalid username-password pair or user is disabled.'));
    expect(b.call('AUTH', 'pw')).toEqual(OK);
    expect(b.call('GET', 'k')).toBeNull();
    expect(b.call('RESET')).toEqual(status('RESET'));
    expect(b.c.authenticated).toBe(false);
  });

  it('starting with requirepass makes every connection authenticate', () => {
    const { client } = testNode({ config: { requirepass: 'pw' } });
    const a = client();
    expect(a.call('PING')).toEqual(error('NOAUTH Authentication required.'));
    expect((a.call('HELLO', '3', 'AUTH', 'default', 'pw') as { t: string }).t).toBe('map');
    expect(a.call('PING')).toEqual(status('PONG'));
  });

  it('MONITOR sees AUTH and HELLO AUTH secrets redacted, the argv itself untouched', () => {
    const { client } = testNode();
    const m = client();
    m.call('MONITOR');
    const a = client();
    const argv = ['AUTH', 'user', 'secret'];
    a.c.server.exec(a.c, argv);
    a.call('HELLO', '2', 'AUTH', 'default', 'secret', 'SETNAME', 'n');
    a.call('GET', 'k');
    const lines = m.drain().map((r) => (r as { s: string }).s.replace(/^\S+ \[0 \S+\] /, ''));
    expect(lines).toEqual([
      '"AUTH" "(redacted)" "(redacted)"',
      '"HELLO" "2" "AUTH" "(redacted)" "(redacted)" "SETNAME" "n"',
      '"GET" "k"',
    ]);
    expect(argv).toEqual(['AUTH', 'user', 'secret']);
  });
});

describe('QUIT and RESET', () => {
  it('QUIT replies OK and asks the connection to close after the reply', () => {
    const { client } = testNode();
    const a = client();
    expect(a.call('QUIT')).toEqual(OK);
    expect(a.c.closeAfterReply).toBe(true);
  });

  it('RESET stops MONITOR, leaves pub/sub and MULTI, forgets the name and the db', () => {
    const { server, client } = testNode();
    const a = client();
    a.call('MONITOR');
    a.call('SUBSCRIBE', 'ch');
    a.call('PSUBSCRIBE', 'p*');
    a.call('SELECT', '4');
    a.call('CLIENT', 'SETNAME', 'me');
    a.call('WATCH', 'k');
    a.call('MULTI');
    a.drain();
    expect(a.call('RESET')).toEqual(status('RESET'));
    expect(server.monitors.has(a.c)).toBe(false);
    expect(a.c.monitor).toBe(false);
    expect(a.c.inPubSubMode()).toBe(false);
    expect(server.pubsub.channels.size + server.pubsub.patterns.size).toBe(0);
    expect(a.c.inMulti).toBe(false);
    expect(a.c.watched).toHaveLength(0);
    expect(a.c.db.id).toBe(0);
    expect(a.c.name).toBe('');
    expect(a.drain()).toEqual([]);
  });
});

describe('SELECT', () => {
  it('is refused in cluster mode except for db 0', () => {
    const { client } = testNode({ config: { 'cluster-enabled': 'yes' } });
    const a = client();
    expect(a.call('SELECT', '1')).toEqual(error('ERR SELECT is not allowed in cluster mode'));
    expect(a.call('SELECT', '0')).toEqual(OK);
  });

  it('accepts every db of a server started with more databases', () => {
    const { client } = testNode({ config: { databases: '20' } });
    const a = client();
    expect(a.call('SELECT', '19')).toEqual(OK);
    expect(a.call('SELECT', '20')).toEqual(error('ERR DB index is out of range'));
  });
});
