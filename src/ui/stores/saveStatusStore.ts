import { create } from 'zustand';

export type SaveStatus = 'off' | 'saved' | 'pending' | 'saving' | 'error';

interface SaveStatusStore {
  status: SaveStatus;
  error: string;
  set(status: SaveStatus, error?: string): void;
}

/** What the header shows about autosave. */
export const useSaveStatusStore = create<SaveStatusStore>((set) => ({
  status: 'off',
  error: '',
  set: (status, error = '') => set({ status, error }),
}));
