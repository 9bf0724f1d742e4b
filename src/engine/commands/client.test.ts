import { describe, expect, it } from 'vitest';
import { error, OK } from '../../protocol/reply.js';
import { testNode } from '../testkit.js';

function lines(r: unknown): string[] {
  return (r as { s: string }).s.split('\n').filter((l) => l !== '');
}

function fields(line: string): Record<string, string> {
  return Object.fromEntries(line.trim().split(' ').map((f) => f.split('=') as [string, string]));
}

describe('CLIENT LIST / INFO', () => {
  it('age and idle come from the virtual clock; lines follow connection order; ID lists in the order asked', () => {
    const { clock, client } = testNode();
    const a = client();
    clock.advance(5000);
    const b = client();
    clock.advance(3000);
    a.call('PING');
    clock.advance(2000);
    const list = lines(b.call('CLIENT', 'LIST')).map(fields);
    expect(list.map((f) => [f.id, f.age, f.idle, f.cmd])).toEqual([
      [String(a.c.id), '10', '2', 'ping'],
      [String(b.c.id), '5', '0', 'client|list'],
    ]);
    const byId = lines(b.call('CLIENT', 'LIST', 'ID', String(b.c.id), String(a.c.id), String(b.c.id)));
    expect(byId.map((l) => fields(l).id)).toEqual([String(b.c.id), String(a.c.id), String(b.c.id)]);
  });

  it('flags: O monitor, P pub/sub, x MULTI, d dirty CAS, e no-evict, N otherwise', () => {
    const { client } = testNode();
    const m = client();
    m.call('MONITOR');
    const p = client();
    p.call('SUBSCRIBE', 'ch');
    const x = client();
    x.call('WATCH', 'k');
    x.call('MULTI');
    const e = client();
    e.call('CLIENT', 'NO-EVICT', 'on');
    e.call('SET', 'k', 'touched');
    const flags = lines(e.call('CLIENT', 'LIST')).map((l) => fields(l).flags);
    expect(flags).toEqual(['O', 'P', 'xd', 'e']);
  });
});

describe('CLIENT KILL', () => {
  it('frees the other connections now and closes the caller after its reply', () => {
    const { server, client } = testNode();
    const a = client();
    const b = client();
    const c = client();
    let closed = 0;
    b.c.onClose = () => closed++;
    expect(a.call('CLIENT', 'KILL', b.c.addr)).toEqual(OK);
    expect(closed).toBe(1);
    expect(server.clients.has(b.c.id)).toBe(false);
    expect(a.call('CLIENT', 'KILL', 'ADDR', a.c.addr, 'SKIPME', 'no')).toBe(1);
    expect(a.c.closeAfterReply).toBe(true);
    expect(server.clients.has(a.c.id)).toBe(true);
    expect(c.call('CLIENT', 'KILL', 'LADDR', c.c.laddr)).toBe(1);
    expect(server.clients.has(a.c.id)).toBe(false);
    expect(c.call('CLIENT', 'KILL', b.c.addr)).toEqual(error('ERR No such client'));
  });

  it('filters combine: ID, TYPE, USER', () => {
    const { server, client } = testNode();
    const a = client();
    const b = client();
    const p = client();
    p.call('SUBSCRIBE', 'ch');
    expect(a.call('CLIENT', 'KILL', 'TYPE', 'pubsub', 'ID', String(b.c.id))).toBe(0);
    expect(a.call('CLIENT', 'KILL', 'TYPE', 'normal', 'USER', 'default')).toBe(1);
    expect([...server.clients.keys()]).toEqual([a.c.id, p.c.id]);
    expect(server.pubsub.channels.get('ch')?.size).toBe(1);
    expect(a.call('CLIENT', 'KILL', 'TYPE', 'PUBSUB')).toBe(1);
    expect(server.pubsub.channels.size).toBe(0);
  });
});

describe('idle connections', () => {
  it('give their buffers back after 2 seconds, as clientsCron does', () => {
    const { clock, client } = testNode();
    const a = client();
    a.call('SUBSCRIBE', 'ch');
    const b = client();
    clock.advance(1999);
    expect(fields(lines(b.call('CLIENT', 'LIST'))[0]!)).toMatchObject({ 'qbuf-free': '20474', rbs: '16384', 'tot-mem': '37688' });
    clock.advance(1);
    const idle = fields(lines(b.call('CLIENT', 'LIST'))[0]!);
    expect(idle).toMatchObject({ idle: '2', 'qbuf-free': '0', rbs: '1024', rbp: '0', 'tot-mem': '1856' });
    expect(fields(lines(b.call('CLIENT', 'LIST'))[1]!)).toMatchObject({ 'qbuf-free': '20448', rbs: '16384', 'tot-mem': '37658' });
  });
});
