import type { Simulation } from './simulation.js';

/** The host's timers, injected so the simulation never touches setTimeout itself. */
export interface HostTimers {
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Browsers clamp shorter timers anyway; at x100 one wake-up then runs several cron periods. */
const MIN_SLEEP_MS = 4;
/** Wake up at least this often so a changed `hz` or a new timer is never far away. */
const MAX_SLEEP_MS = 1000;

/**
 * Keeps a simulation's nodes up to date while its clock runs in real time: sleeps until the
 * next node wake-up (serverCron, a timer), ticks, and plans again. Call `reschedule()` after
 * anything that can move that wake-up: a command, a clock change.
 */
export class RealtimeDriver {
  private handle: unknown = null;

  constructor(
    private readonly sim: Simulation,
    private readonly timers: HostTimers,
  ) {}

  reschedule(): void {
    if (this.handle !== null) this.timers.clearTimer(this.handle);
    this.handle = null;
    const ms = this.sim.msUntilWakeup();
    if (ms === Infinity) return;
    this.handle = this.timers.setTimer(() => {
      this.handle = null;
      this.sim.tick();
      this.reschedule();
    }, Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, ms)));
  }
}
