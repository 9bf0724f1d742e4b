import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TABS, sanitizeSavedTabs, useConsolesStore } from './consolesStore.js';
import { defaultSettings, sanitizeSettings } from './settingsStore.js';
import { virtualNow } from './clockStore.js';

describe('consoles store', () => {
  beforeEach(() => useConsolesStore.getState().replaceAll([], 0));

  it('always keeps one tab, names new ones, and caps their number', () => {
    const s = useConsolesStore.getState;
    expect(s().tabs.map((t) => t.title)).toEqual(['Console 1']);
    s().close(s().tabs[0]!.id);
    expect(s().tabs).toHaveLength(1);
    for (let i = 0; i < 20; i++) s().add();
    expect(s().tabs).toHaveLength(MAX_TABS);
    expect(s().tabs[1]!.title).toBe('Console 2');
    expect(s().active).toBe(s().tabs.at(-1)!.id);
    s().close(s().active);
    expect(s().active).toBe(s().tabs.at(-1)!.id);
  });

  it('restores saved tabs and reads untrusted storage defensively', () => {
    expect(sanitizeSavedTabs({ tabs: [{ title: 'A', history: ['GET a', 3] }, { title: 7 }, null], active: 0 })).toEqual({
      tabs: [{ title: 'A', history: ['GET a'] }],
      active: 0,
    });
    expect(sanitizeSavedTabs('garbage')).toEqual({ tabs: [], active: 0 });
    useConsolesStore.getState().replaceAll([{ title: 'A', history: [] }, { title: 'B', history: ['PING'] }], 9);
    const { tabs, active } = useConsolesStore.getState();
    expect(active).toBe(tabs[1]!.id);
    expect(tabs[1]!.history).toEqual(['PING']);
  });
});

describe('settings', () => {
  it('keeps only well-formed saved fields', () => {
    const d = defaultSettings(true);
    expect(d.theme).toBe('dark');
    expect(sanitizeSettings({ theme: 'neon', keyspaceDb: 99, keyspacePattern: 'user:*', consoleShare: 0.6 }, d)).toEqual({
      ...d,
      keyspacePattern: 'user:*',
      consoleShare: 0.6,
    });
    expect(sanitizeSettings(null, d)).toBe(d);
  });
});

describe('virtual clock extrapolation', () => {
  it('runs with the host clock at its speed, or stands still while paused', () => {
    const c = { now: 1000, hostTime: 50, speed: 10, paused: false, stepMs: 100 };
    expect(virtualNow(c, 150)).toBe(2000);
    expect(virtualNow({ ...c, paused: true }, 150)).toBe(1000);
  });
});
