import { create } from 'zustand';
import type { ClientState } from '../../protocol/api.js';

/** One console tab: its own connection (db, MULTI, subscriptions) and its own history. */
export interface ConsoleTab {
  /** Stable within a page load; React key and test id. */
  id: string;
  title: string;
  /** The client's last known state; null while connecting or after the server closed it. */
  client: ClientState | null;
  /** Oldest first, as redis-cli's history file. */
  history: string[];
}

export const MAX_TABS = 8;
export const MAX_HISTORY = 1000;

interface ConsolesStore {
  tabs: ConsoleTab[];
  active: string;
  add(init?: { title?: string; history?: string[] }): ConsoleTab | null;
  close(id: string): void;
  activate(id: string): void;
  setClient(id: string, client: ClientState | null): void;
  setHistory(id: string, history: string[]): void;
  replaceAll(tabs: Array<{ title: string; history: string[] }>, active: number): void;
}

let nextTab = 1;

function newTab(title: string | undefined, history: string[] | undefined, taken: ConsoleTab[]): ConsoleTab {
  const id = `console-${nextTab++}`;
  let n = taken.length + 1;
  while (title === undefined && taken.some((t) => t.title === `Console ${n}`)) n++;
  return { id, title: title ?? `Console ${n}`, client: null, history: (history ?? []).slice(-MAX_HISTORY) };
}

export const useConsolesStore = create<ConsolesStore>((set, get) => ({
  tabs: [],
  active: '',
  add(init) {
    const { tabs } = get();
    if (tabs.length >= MAX_TABS) return null;
    const tab = newTab(init?.title, init?.history, tabs);
    set({ tabs: [...tabs, tab], active: tab.id });
    return tab;
  },
  close(id) {
    const { tabs, active } = get();
    const i = tabs.findIndex((t) => t.id === id);
    if (i === -1 || tabs.length === 1) return;
    const rest = tabs.filter((t) => t.id !== id);
    set({ tabs: rest, active: active === id ? rest[Math.max(0, i - 1)]!.id : active });
  },
  activate: (id) => set({ active: id }),
  setClient: (id, client) => set({ tabs: get().tabs.map((t) => (t.id === id ? { ...t, client } : t)) }),
  setHistory: (id, history) =>
    set({ tabs: get().tabs.map((t) => (t.id === id ? { ...t, history: history.slice(-MAX_HISTORY) } : t)) }),
  replaceAll(saved, active) {
    const tabs: ConsoleTab[] = [];
    for (const s of saved.slice(0, MAX_TABS)) tabs.push(newTab(s.title, s.history, tabs));
    if (tabs.length === 0) tabs.push(newTab(undefined, undefined, tabs));
    set({ tabs, active: tabs[Math.min(Math.max(0, active), tabs.length - 1)]!.id });
  },
}));

/** Saved console tabs are untrusted storage: keep well-formed titles and history lines. */
export function sanitizeSavedTabs(raw: unknown): { tabs: Array<{ title: string; history: string[] }>; active: number } {
  const r = (raw ?? {}) as { tabs?: unknown; active?: unknown };
  const tabs = Array.isArray(r.tabs)
    ? r.tabs.flatMap((t: unknown) => {
        const o = (t ?? {}) as { title?: unknown; history?: unknown };
        if (typeof o.title !== 'string') return [];
        const history = Array.isArray(o.history) ? o.history.filter((l): l is string => typeof l === 'string') : [];
        return [{ title: o.title.slice(0, 40), history }];
      })
    : [];
  return { tabs, active: typeof r.active === 'number' ? r.active : 0 };
}
