import { describe, expect, it } from 'vitest';
import { NIL_ARRAY } from '../../protocol/reply.js';
import { testNode, type TestNode } from '../testkit.js';

/** Move the virtual clock and let the node run what became due. */
function advance(n: TestNode, ms: number): void {
  n.clock.advance(ms);
  n.server.tick();
}

/** Everything the node propagated (replication / AOF stream), as argv lists. */
function propagated(n: TestNode): string[][] {
  const out: string[][] = [];
  n.server.onPropagate((_db, argv) => out.push(argv));
  return out;
}

function info(n: TestNode, field: string): string {
  const c = n.client();
  const text = (c.call('INFO', 'clients') as { s: string }).s;
  n.server.freeClient(c.c);
  return text.split('\r\n').find((l) => l.startsWith(`${field}:`))!.slice(field.length + 1);
}

describe('blocked clients (blocked.c)', () => {
  it('times out on the virtual clock once now passes the timeout, with a nil array', () => {
    const n = testNode();
    const c = n.client();
    expect(c.call('BLPOP', 'q', '1.5')).toBeUndefined();
    expect(c.c.blocked).toMatchObject({ type: 'list', command: 'blpop', keys: ['q'] });
    advance(n, 1500);
    expect(c.drain()).toEqual([]);
    advance(n, 1);
    expect(c.drain()).toEqual([NIL_ARRAY]);
    expect(c.c.blocked).toBeNull();
    expect(n.server.blocking.blockedClients).toBe(0);
  });

  it('rounds a timeout up to the next millisecond, and waits forever on 0', () => {
    const n = testNode();
    const c = n.client();
    const forever = n.client();
    c.call('BRPOP', 'q', '0.0001');
    forever.call('BRPOP', 'q', '0');
    advance(n, 1);
    expect(c.drain()).toEqual([]);
    advance(n, 1);
    expect(c.drain()).toEqual([NIL_ARRAY]);
    advance(n, 10_000_000);
    expect(forever.drain()).toEqual([]);
    expect(forever.c.blocked).not.toBeNull();
  });

  it('serves the clients blocked on a key first come, first served', () => {
    const n = testNode();
    const [a, b, c, pusher] = [n.client(), n.client(), n.client(), n.client()];
    a.call('BLPOP', 'q', '0');
    b.call('BRPOP', 'q', '0');
    c.call('BLPOP', 'q', '0');
    expect(n.server.blocking.clientsBlockedOn(n.server.dbs[0]!, 'q')).toEqual([a.c, b.c, c.c]);
    expect(pusher.call('RPUSH', 'q', 'x', 'y')).toBe(2);
    expect(a.drain()).toEqual([['q', 'x']]);
    expect(b.drain()).toEqual([['q', 'y']]);
    expect(c.drain()).toEqual([]);
    expect(pusher.call('EXISTS', 'q')).toBe(0);
    pusher.call('LPUSH', 'q', 'z');
    expect(c.drain()).toEqual([['q', 'z']]);
  });

  it('serves a client waiting on several keys from the first one made ready, then forgets the others', () => {
    const n = testNode();
    const [a, b, pusher] = [n.client(), n.client(), n.client()];
    a.call('BLPOP', 'k1', 'k2', 'k1', '0');
    b.call('BLPOP', 'k1', '0');
    expect(a.c.blocked!.keys).toEqual(['k1', 'k2']);
    pusher.call('MULTI');
    pusher.call('RPUSH', 'k2', 'from-k2');
    pusher.call('RPUSH', 'k1', 'from-k1');
    pusher.call('EXEC');
    expect(a.drain()).toEqual([['k2', 'from-k2']]);
    expect(b.drain()).toEqual([['k1', 'from-k1']]);
    expect(n.server.blocking.clientsBlockedOn(n.server.dbs[0]!, 'k1')).toEqual([]);
  });

  it('propagates what was served as the non-blocking command it amounts to', () => {
    const n = testNode();
    const stream = propagated(n);
    const [a, b, c, d, pusher] = [n.client(), n.client(), n.client(), n.client(), n.client()];
    a.call('BLPOP', 'l', '0');
    b.call('BLMOVE', 'm', 'dst', 'RIGHT', 'LEFT', '0');
    c.call('BLMPOP', '0', '1', 'p', 'RIGHT', 'COUNT', '5');
    d.call('BZPOPMAX', 'z', '0');
    pusher.call('RPUSH', 'l', 'v');
    pusher.call('RPUSH', 'm', 'v');
    pusher.call('RPUSH', 'p', '1', '2');
    pusher.call('ZADD', 'z', '1', 'a');
    pusher.call('RPUSH', 'now', 'x', 'y');
    pusher.call('BRPOP', 'now', '0');
    pusher.call('BRPOPLPUSH', 'now', 'dst', '0');
    expect(stream).toEqual([
      ['RPUSH', 'l', 'v'],
      ['LPOP', 'l'],
      ['RPUSH', 'm', 'v'],
      ['LMOVE', 'm', 'dst', 'RIGHT', 'LEFT'],
      ['RPUSH', 'p', '1', '2'],
      ['RPOP', 'p', '2'],
      ['ZADD', 'z', '1', 'a'],
      ['ZPOPMAX', 'z'],
      ['RPUSH', 'now', 'x', 'y'],
      ['RPOP', 'now'],
      ['RPOPLPUSH', 'now', 'dst'],
    ]);
    expect(d.drain()).toEqual([['z', 'a', { t: 'double', v: 1 }]]);
  });

  it('does not block inside MULTI: the wait answers at once as a timeout would', () => {
    const n = testNode();
    const c = n.client();
    c.call('MULTI');
    c.call('BLPOP', 'q', '0');
    c.call('BLMOVE', 'q', 'd', 'LEFT', 'LEFT', '0');
    c.call('BZMPOP', '0', '1', 'z', 'MIN');
    expect(c.call('EXEC')).toEqual([NIL_ARRAY, null, NIL_ARRAY]);
    expect(c.c.blocked).toBeNull();
  });

  it('keeps the commands a blocked connection sends until it is unblocked, then runs them in order', () => {
    const n = testNode();
    const c = n.client();
    const pusher = n.client();
    c.call('BLPOP', 'q', '0');
    expect(c.call('PING')).toBeUndefined();
    expect(c.call('LLEN', 'q')).toBeUndefined();
    pusher.call('RPUSH', 'q', 'a', 'b');
    expect(c.drain()).toEqual([['q', 'a'], { t: 'status', s: 'PONG' }, 1]);
  });

  it('a command run after unblocking may block again; what follows it keeps waiting', () => {
    const n = testNode();
    const c = n.client();
    const pusher = n.client();
    c.call('BLPOP', 'q', '0');
    c.call('BLPOP', 'q', '0');
    c.call('PING');
    pusher.call('RPUSH', 'q', 'one');
    expect(c.drain()).toEqual([['q', 'one']]);
    expect(c.c.blocked).not.toBeNull();
    pusher.call('RPUSH', 'q', 'two');
    expect(c.drain()).toEqual([['q', 'two'], { t: 'status', s: 'PONG' }]);
  });

  it('forgets a client that disconnects or is killed while blocked', () => {
    const n = testNode();
    const [a, b, admin] = [n.client(), n.client(), n.client()];
    a.call('BLPOP', 'q', '10');
    b.call('BLPOP', 'q', '0');
    expect(info(n, 'blocked_clients')).toBe('2');
    expect(info(n, 'clients_in_timeout_table')).toBe('1');
    n.server.freeClient(a.c);
    expect(admin.call('CLIENT', 'KILL', 'ID', String(b.c.id))).toBe(1);
    expect(info(n, 'blocked_clients')).toBe('0');
    expect(info(n, 'clients_in_timeout_table')).toBe('0');
    admin.call('RPUSH', 'q', 'x');
    expect(admin.call('LLEN', 'q')).toBe(1);
    advance(n, 20_000);
    expect(a.drain()).toEqual([]);
  });

  it('CLIENT UNBLOCK ends the wait with the timeout reply or an UNBLOCKED error', () => {
    const n = testNode();
    const [a, b, admin] = [n.client(), n.client(), n.client()];
    a.call('BZPOPMIN', 'z', '0');
    b.call('BRPOPLPUSH', 'l', 'd', '0');
    expect(admin.call('CLIENT', 'UNBLOCK', String(a.c.id))).toBe(1);
    expect(admin.call('CLIENT', 'UNBLOCK', String(a.c.id))).toBe(0);
    expect(admin.call('CLIENT', 'UNBLOCK', String(b.c.id), 'error')).toBe(1);
    expect(a.drain()).toEqual([NIL_ARRAY]);
    expect(b.drain()).toEqual([{ t: 'error', s: 'UNBLOCKED client unblocked via CLIENT UNBLOCK' }]);
    expect(admin.call('CLIENT', 'UNBLOCK', String(admin.c.id))).toBe(0);
  });

  it('shows the blocked state in CLIENT LIST (flag b) and on the client', () => {
    const n = testNode();
    const [a, admin] = [n.client(), n.client()];
    a.call('BLMPOP', '3', '2', 'x', 'y', 'LEFT');
    const list = (admin.call('CLIENT', 'LIST') as { s: string }).s;
    expect(list).toMatch(new RegExp(`id=${a.c.id} .* flags=b .* cmd=blmpop `));
    expect(a.c.blocked).toMatchObject({ command: 'blmpop', keys: ['x', 'y'], timeout: n.server.now + 3000 });
  });

  it('serves a BLMOVE destination made ready by another served BLMOVE in the same round', () => {
    const n = testNode();
    const [a, b, pusher] = [n.client(), n.client(), n.client()];
    a.call('BLMOVE', 'one', 'two', 'LEFT', 'RIGHT', '0');
    b.call('BLPOP', 'two', '0');
    pusher.call('RPUSH', 'one', 'hop');
    expect(a.drain()).toEqual(['hop']);
    expect(b.drain()).toEqual([['two', 'hop']]);
    expect(pusher.call('EXISTS', 'one', 'two')).toBe(0);
  });

  it('a timer of a client already served never fires', () => {
    const n = testNode();
    const [a, pusher] = [n.client(), n.client()];
    a.call('BLPOP', 'q', '1');
    pusher.call('RPUSH', 'q', 'v');
    expect(a.drain()).toEqual([['q', 'v']]);
    advance(n, 5000);
    expect(a.drain()).toEqual([]);
  });
});
