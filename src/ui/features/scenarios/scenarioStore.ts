import { create } from 'zustand';
import type { ScenarioEventData, ScenarioListing, ScenarioSnapshot, ScenarioState } from '../../../protocol/scenario.js';

/** What a loaded scenario is, apart from how it stands (which every batch updates). */
export type LoadedScenario = Omit<ScenarioState, 'snapshot' | 'samples' | 'events'>;

/** A scenario event the panel lists: what its `redis` blocks ran, and what could not be done. */
export type LogEvent = Extract<ScenarioEventData, { type: 'redis' | 'problem' }>;

export interface ScenarioStore {
  catalog: ScenarioListing[] | null;
  loaded: LoadedScenario | null;
  snapshot: ScenarioSnapshot | null;
  log: LogEvent[];
  /** When each step started (virtual ms since the start), by step index: the charts mark them. */
  stepStarts: number[];
  /** Bumped whenever samples were added or dropped (the samples themselves live in the controller). */
  samplesVersion: number;
  /** The step the student chose to read; null follows the scenario. */
  viewStep: number | null;
  /** The name of the fix applied to this run, if any. */
  appliedFix: string | null;
  /** A load or a fix under way. */
  busy: boolean;
  /** Why the last load failed (a broken shared link, an invalid scenario). */
  problem: string | null;
  /**
   * Folded to a narrow rail: the consoles and views get the width back. Folded until the
   * student opens it or a scenario loads.
   */
  folded: boolean;
}

export const useScenarioStore = create<ScenarioStore>(() => ({
  catalog: null,
  loaded: null,
  snapshot: null,
  log: [],
  stepStarts: [],
  samplesVersion: 0,
  viewStep: null,
  appliedFix: null,
  busy: false,
  problem: null,
  folded: true,
}));

/**
 * The step the panel shows: the one the student picked, else the one playing, or the next one
 * to play while the scenario waits between steps (so its narration can be read first).
 */
export function shownStep(s: Pick<ScenarioStore, 'snapshot' | 'viewStep'>): number {
  const snap = s.snapshot;
  if (snap === null) return 0;
  if (s.viewStep !== null) return Math.min(Math.max(0, s.viewStep), snap.steps - 1);
  if (snap.status === 'ready') return 0;
  if (snap.status === 'waiting') return Math.min(snap.step + 1, snap.steps - 1);
  return Math.max(0, snap.step);
}
