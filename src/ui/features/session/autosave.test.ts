import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionSnapshot } from '../../../protocol/api.js';
import { useSaveStatusStore } from '../../stores/saveStatusStore.js';
import type { Engine } from '../../client/engineClient.js';
import { Autosaver } from './autosave.js';
import { AutosaveStorage } from './storage.js';

const snapshot: SessionSnapshot = { format: 'redsim-session', version: 1, clock: { now: 1, speed: 1, paused: false }, dbs: [] };

async function setup() {
  const storage = (await AutosaveStorage.open())!;
  await storage.clear();
  let exports = 0;
  const engine = { exportSessionText: async () => (exports++, { text: JSON.stringify(snapshot), keys: 0 }) } as unknown as Engine;
  const saver = new Autosaver(storage, { engine, consoles: () => ({ tabs: [{ title: 'Console 1', history: ['PING'] }] }), settings: () => ({ theme: 'dark' }) });
  return { storage, saver, exports: () => exports };
}

afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('writes only the records marked dirty, and reads them back', async () => {
    const { storage, saver, exports } = await setup();
    saver.mark('consoles');
    await saver.flush();
    expect(exports()).toBe(0);
    expect(await storage.load()).toEqual({ session: undefined, consoles: { tabs: [{ title: 'Console 1', history: ['PING'] }] }, settings: undefined });
    saver.mark('session');
    saver.mark('settings');
    await saver.flush();
    expect(exports()).toBe(1);
    expect(await storage.load()).toMatchObject({ session: JSON.stringify(snapshot), settings: { theme: 'dark' } });
    expect(useSaveStatusStore.getState().status).toBe('saved');
  });

  it('waits for a quiet moment, but not forever', async () => {
    const { saver, exports } = await setup();
    // fake-indexeddb schedules with setImmediate, which stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    saver.mark('session');
    expect(useSaveStatusStore.getState().status).toBe('pending');
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(400);
      saver.mark('session');
    }
    // Changes kept coming every 400 ms; the 3 s cap still wrote.
    expect(exports()).toBeGreaterThanOrEqual(1);
    await saver.flush();
    expect(useSaveStatusStore.getState().status).toBe('saved');
  });

  it('Reset forgets everything saved', async () => {
    const { storage, saver } = await setup();
    saver.mark('session');
    await saver.flush();
    saver.mark('settings');
    await saver.clear();
    await saver.flush();
    expect(await storage.load()).toEqual({ session: undefined, consoles: undefined, settings: undefined });
  });
});
