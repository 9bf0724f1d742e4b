import { create } from 'zustand';

export type Theme = 'light' | 'dark';
/** Every view the views area can show (a saved setting naming another one is dropped). */
export const VIEW_IDS = ['keyspace', 'structure', 'metrics'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface Settings {
  theme: Theme;
  view: ViewId;
  /** The keyspace browser's db and filter. */
  keyspaceDb: number;
  keyspacePattern: string;
  /** Share of the workspace width given to the consoles (the views get the rest). */
  consoleShare: number;
}

export function defaultSettings(prefersDark: boolean): Settings {
  return { theme: prefersDark ? 'dark' : 'light', view: 'keyspace', keyspaceDb: 0, keyspacePattern: '', consoleShare: 0.5 };
}

interface SettingsStore extends Settings {
  update(patch: Partial<Settings>): void;
}

export const useSettingsStore = create<SettingsStore>((set) => ({
  ...defaultSettings(false),
  update: (patch) => set(patch),
}));

/** The persistable part of the store (no functions). */
export function currentSettings(): Settings {
  const { theme, view, keyspaceDb, keyspacePattern, consoleShare } = useSettingsStore.getState();
  return { theme, view, keyspaceDb, keyspacePattern, consoleShare };
}

/** Settings read back from storage are untrusted: keep only well-formed fields. */
export function sanitizeSettings(raw: unknown, fallback: Settings): Settings {
  if (raw === null || typeof raw !== 'object') return fallback;
  const r = raw as Record<string, unknown>;
  return {
    theme: r.theme === 'dark' || r.theme === 'light' ? r.theme : fallback.theme,
    view: VIEW_IDS.includes(r.view as ViewId) ? (r.view as ViewId) : fallback.view,
    keyspaceDb: Number.isInteger(r.keyspaceDb) && (r.keyspaceDb as number) >= 0 && (r.keyspaceDb as number) < 16 ? (r.keyspaceDb as number) : fallback.keyspaceDb,
    keyspacePattern: typeof r.keyspacePattern === 'string' ? r.keyspacePattern : fallback.keyspacePattern,
    consoleShare: typeof r.consoleShare === 'number' && r.consoleShare >= 0.25 && r.consoleShare <= 0.75 ? r.consoleShare : fallback.consoleShare,
  };
}
