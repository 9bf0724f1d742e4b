import { create } from 'zustand';
import type { ScenarioLineError } from '../../../protocol/scenario.js';

export interface EditorStore {
  open: boolean;
  /** What is being edited, for the dialog's title (`Cache stampede`, `a shared link`). */
  origin: string;
  text: string;
  /** The schema's errors as last checked; null until the first check. */
  errors: ScenarioLineError[] | null;
  /** The text changed since the last check (whose errors stay shown meanwhile). */
  checking: boolean;
  /** Steps of the text when it is valid. */
  steps: number;
  /** Bumped by every openEditor: the editor starts over on the new text. */
  session: number;
}

export const useEditorStore = create<EditorStore>(() => ({ open: false, origin: '', text: '', errors: null, checking: true, steps: 0, session: 0 }));

/** Open the scenario editor on a copy of `text` (errors already known, e.g. a shared link's, show at once). */
export function openEditor(text: string, origin: string, errors: ScenarioLineError[] | null = null): void {
  useEditorStore.setState((s) => ({ open: true, origin, text, errors, checking: true, steps: 0, session: s.session + 1 }));
}

export function closeEditor(): void {
  useEditorStore.setState({ open: false });
}
