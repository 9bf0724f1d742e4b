import { create } from 'zustand';
import type { ClockState } from '../../protocol/events.js';
import { hostNow } from '../client/hostTime.js';

interface ClockStore {
  clock: ClockState | null;
  setClock(clock: ClockState): void;
}

/** The virtual clock as the worker last reported it; the present is extrapolated locally. */
export const useClockStore = create<ClockStore>((set) => ({
  clock: null,
  setClock: (clock) => set({ clock }),
}));

/** Virtual time now, from a sampled state and the host time elapsed since the sample. */
export function virtualNow(clock: ClockState, host = hostNow()): number {
  return clock.paused ? clock.now : clock.now + (host - clock.hostTime) * clock.speed;
}
