import { create } from 'zustand';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

interface NoticeStore {
  notice: Notice | null;
  show(kind: Notice['kind'], text: string): void;
  clear(): void;
}

const SHOW_MS = 8000;
let timer: ReturnType<typeof setTimeout> | undefined;

/** One line of feedback in the header (import result, autosave trouble). */
export const useNoticeStore = create<NoticeStore>((set) => ({
  notice: null,
  show(kind, text) {
    clearTimeout(timer);
    set({ notice: { kind, text } });
    timer = setTimeout(() => set({ notice: null }), SHOW_MS);
  },
  clear: () => set({ notice: null }),
}));
