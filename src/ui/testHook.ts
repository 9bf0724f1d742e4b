/**
 * The hook end-to-end tests drive the app through, installed on `window.__redsim`. It only does
 * what a user can do with the time bar and the autosave indicator, but without waiting for
 * real time to pass: a test moves the virtual clock, it never sleeps.
 */
export interface RedsimTestHook {
  /** Move the virtual clock forward; resolves once the views have received the result. */
  advanceClock(ms: number): Promise<void>;
  /** Pause or resume the virtual clock. */
  setPaused(paused: boolean): Promise<void>;
  /** Write pending autosave records now; resolves when they are stored. */
  flushAutosave(): Promise<void>;
  /** The current virtual time, as the time bar shows it. */
  virtualNow(): number;
}

declare global {
  interface Window {
    __redsim?: RedsimTestHook;
  }
}

export function installTestHook(hook: RedsimTestHook): void {
  window.__redsim = hook;
}
