import { describe, expect, it } from 'vitest';
import type { EngineApi } from '../../../protocol/api.js';
import type { EngineEventBatch } from '../../../protocol/events.js';
import { testEngine } from '../../../sim/testkit.js';
import type { EngineClient } from '../../client/engineClient.js';
import type { ConsoleOutput } from '../console/backend.js';
import { ConsoleConnections } from './consoleConnections.js';

/** The real engine API behind promises, as comlink would present it, with the batch fan-out. */
function setup() {
  const e = testEngine();
  const listeners = new Set<(b: EngineEventBatch) => void>();
  e.api.subscribe((b) => listeners.forEach((fn) => fn(b)));
  const calls: string[] = [];
  const api = new Proxy(e.api, {
    get: (target, name: keyof EngineApi) => (...args: unknown[]) => {
      calls.push(String(name));
      return Promise.resolve((target[name] as (...a: unknown[]) => unknown)(...args));
    },
  });
  const client = { api, onBatch: (fn: (b: EngineEventBatch) => void) => (listeners.add(fn), () => listeners.delete(fn)) };
  const conns = new ConsoleConnections(client as unknown as EngineClient);
  const outputs = (tab: string) => {
    const seen: ConsoleOutput[] = [];
    conns.backend(tab).onOutput((o) => seen.push(o));
    return seen;
  };
  return { e, conns, outputs, calls };
}

describe('ConsoleConnections', () => {
  it('gives each tab its own connection and hands replies over before execute resolves', async () => {
    const { conns, outputs } = setup();
    const a = outputs('a');
    const b = outputs('b');
    await conns.backend('a').execute([['SELECT', '2']]);
    await conns.backend('b').execute([['PING']]);
    expect(a).toEqual([{ replies: [{ t: 'status', s: 'OK' }], resp: 2 }]);
    expect(b).toEqual([{ replies: [{ t: 'status', s: 'PONG' }], resp: 2 }]);
    expect((await conns.backend('a').clientState()).db).toBe(2);
    expect((await conns.backend('b').clientState()).db).toBe(0);
  });

  it('routes pub/sub messages from event batches to the subscribed tab', async () => {
    const { e, conns, outputs } = setup();
    const sub = outputs('sub');
    await conns.backend('sub').execute([['SUBSCRIBE', 'news']]);
    await conns.backend('pub').execute([['PUBLISH', 'news', 'hi']]);
    e.host.frame();
    expect(sub.at(-1)).toEqual({ replies: [{ t: 'push', v: ['message', 'news', 'hi'] }], resp: 2 });
  });

  it('runs a pipeline in one worker call, replies in order', async () => {
    const { conns, outputs, calls } = setup();
    const out = outputs('t');
    const commands = Array.from({ length: 600 }, (_, i) => ['ECHO', String(i)]);
    await conns.backend('t').execute(commands);
    expect(calls.filter((c) => c === 'executeMany')).toHaveLength(1);
    expect(out.flatMap((o) => o.replies)).toEqual(commands.map((c) => c[1]));
  });

  it('reports a connection the server closed, and reset opens a fresh one', async () => {
    const { e, conns, outputs } = setup();
    const out = outputs('t');
    await conns.backend('t').clientState();
    const server = e.sim.node()!.server;
    server.freeClient([...server.clients.values()][0]!);
    e.host.frame();
    expect(out.at(-1)).toEqual({ replies: [], resp: 2, closed: true });
    const fresh = await conns.backend('t').reset();
    expect(fresh.closed).toBe(false);
    await conns.backend('t').execute([['PING']]);
    expect(out.at(-1)).toEqual({ replies: [{ t: 'status', s: 'PONG' }], resp: 2 });
  });

  it('tells the tab about its state only when it changed', async () => {
    const { conns } = setup();
    const dbs: number[] = [];
    conns.onState = (_tab, state) => dbs.push(state?.db ?? -1);
    await conns.backend('t').execute([['PING']]);
    await conns.backend('t').execute([['PING'], ['PING']]);
    expect(dbs).toEqual([0]);
    await conns.backend('t').execute([['SELECT', '4'], ['PING'], ['SELECT', '4']]);
    expect(dbs).toEqual([0, 4]);
  });

  it('QUIT closes the connection with its reply', async () => {
    const { conns, outputs } = setup();
    const out = outputs('t');
    await conns.backend('t').execute([['QUIT']]);
    expect(out).toEqual([{ replies: [{ t: 'status', s: 'OK' }], resp: 2, closed: true }]);
  });

  it('closing a tab closes its connection', async () => {
    const { e, conns } = setup();
    await conns.backend('t').execute([['PING']]);
    expect(e.sim.node()!.server.clients.size).toBe(1);
    await conns.close('t');
    expect(e.sim.node()!.server.clients.size).toBe(0);
  });
});
