import { describe, expect, it } from 'vitest';
import { Simulation, MAX_SPEED, MIN_SPEED } from './simulation.js';
import { FakeHost } from './testkit.js';

function sim(): { host: FakeHost; sim: Simulation } {
  const host = new FakeHost();
  return { host, sim: new Simulation({ timeSource: host.now }) };
}

describe('Simulation', () => {
  it('runs a command for a client and returns its reply with the prompt state', () => {
    const { sim: s } = sim();
    const c = s.openClient()!;
    expect(s.execute(c, ['SET', 'k', 'v']).replies).toEqual([{ t: 'status', s: 'OK' }]);
    const r = s.execute(c, ['GET', 'k']);
    expect(r.replies).toEqual(['v']);
    expect(r.client).toMatchObject({ id: c.id, node: 'node-1', host: '127.0.0.1', port: 6379, db: 0, inMulti: false, closed: false });
  });

  it('gives each client its own id and connection', () => {
    const { sim: s } = sim();
    const a = s.openClient()!;
    const b = s.openClient()!;
    expect(a.id).not.toBe(b.id);
    expect(a.conn).not.toBe(b.conn);
    expect(s.openClient('no-such-node')).toBeUndefined();
  });

  it('follows host time scaled by the speed, and stands still while paused', () => {
    const { host, sim: s } = sim();
    const t0 = s.clock.now();
    host.pass(1000);
    expect(s.clock.now() - t0).toBe(1000);
    s.setSpeed(10);
    host.pass(1000);
    expect(s.clock.now() - t0).toBe(11_000);
    s.pause();
    host.pass(5000);
    expect(s.clock.now() - t0).toBe(11_000);
    expect(s.msUntilWakeup()).toBe(Infinity);
    s.resume();
    host.pass(100);
    expect(s.clock.now() - t0).toBe(12_000);
  });

  it('clamps the speed to x0.1 … x100 and ignores nonsense', () => {
    const { sim: s } = sim();
    expect(s.setSpeed(1000).speed).toBe(MAX_SPEED);
    expect(s.setSpeed(0).speed).toBe(MIN_SPEED);
    expect(s.setSpeed(Number.NaN).speed).toBe(MIN_SPEED);
  });

  it('advances and steps the clock while paused, expiring keys that fall due', () => {
    const { sim: s } = sim();
    const c = s.openClient()!;
    s.pause();
    s.execute(c, ['SET', 'k', 'v']);
    const db = s.node()!.server.dbs[0]!;
    db.setExpire('k', s.clock.now() + 5000);
    const before = s.clock.now();
    expect(s.step().now - before).toBe(100);
    s.advance(4000);
    expect(db.dict.has('k')).toBe(true);
    s.advance(2000);
    // Active expiry (serverCron) removed it, not a lookup.
    expect(db.dict.has('k')).toBe(false);
    expect(s.node()!.server.stats.expiredKeys).toBe(1);
    expect(s.advance(-5).now).toBe(s.clock.now());
  });

  it('reports the wake-up in host ms, scaled by the speed', () => {
    const { sim: s } = sim();
    s.tick();
    expect(s.msUntilWakeup()).toBeCloseTo(100);
    s.setSpeed(10);
    expect(s.msUntilWakeup()).toBeCloseTo(10);
  });

  it('closes the connection after the reply to QUIT', () => {
    const { sim: s } = sim();
    const c = s.openClient()!;
    const r = s.execute(c, ['QUIT']);
    expect(r.replies).toEqual([{ t: 'status', s: 'OK' }]);
    expect(r.client.closed).toBe(true);
    expect(s.client(c.id)).toBeUndefined();
    expect(s.node()!.server.clients.size).toBe(0);
  });

  it('closes clients on request without reporting them as lost', () => {
    const { sim: s } = sim();
    const c = s.openClient()!;
    s.closeClient(c.id);
    expect(s.client(c.id)).toBeUndefined();
    expect(s.node()!.server.clients.size).toBe(0);
    expect(s.feed.take()).toBeNull();
  });

  it('reset restarts the node empty, drops every connection and the clock runs at x1 again', () => {
    const { host, sim: s } = sim();
    const c = s.openClient()!;
    s.setSpeed(50);
    s.advance(86_400_000);
    s.pause();
    s.execute(c, ['SET', 'k', 'v']);
    const before = s.node()!.server;
    s.feed.take();
    s.reset();
    expect(s.node()!.server).not.toBe(before);
    expect(s.node()!.server.dbs[0]!.size).toBe(0);
    expect(s.client(c.id)).toBeUndefined();
    const batch = s.feed.take()!;
    expect(batch.closed).toEqual([c.id]);
    expect(batch.resync).toHaveLength(16);
    expect(batch.clock).toMatchObject({ now: host.time, speed: 1, paused: false });
  });
});
