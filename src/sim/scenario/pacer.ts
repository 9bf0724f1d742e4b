import type { HostTimers } from '../realtime.js';
import type { ScenarioRunner } from './runner.js';

/** How often a playing scenario moves forward (one animation frame, as near as timers get). */
export const PACER_FRAME_MS = 16;
/**
 * The most virtual time one wake-up plays. At x100 a frame is 1.6 s of traffic; a host that
 * fell behind (a background tab) skips time rather than freezing to catch up.
 */
export const PACER_MAX_CHUNK_MS = 2000;

/**
 * Plays a scenario in real time in the browser: while the runner is playing, wakes every frame
 * and advances it by the host time that passed times the speed. The host lends its timers and
 * clock; the speed is read at every wake-up (the Simulation's speed control). Call `sync()`
 * after anything that may start or stop playing (run, pause, step, reset).
 */
export class ScenarioPacer {
  private handle: unknown = null;
  private last = 0;

  constructor(
    private readonly runner: ScenarioRunner,
    private readonly timers: HostTimers,
    private readonly hostTime: () => number,
    private readonly speed: () => number,
    /** After every wake-up that moved time (push events and samples to the UI). */
    private readonly onAdvance: () => void = () => {},
  ) {}

  get active(): boolean {
    return this.handle !== null;
  }

  sync(): void {
    if (this.runner.status === 'playing') {
      if (this.handle === null) {
        this.last = this.hostTime();
        this.arm();
      }
    } else if (this.handle !== null) {
      this.timers.clearTimer(this.handle);
      this.handle = null;
    }
  }

  private arm(): void {
    this.handle = this.timers.setTimer(() => this.wake(), PACER_FRAME_MS);
  }

  private wake(): void {
    this.handle = null;
    const now = this.hostTime();
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.runner.advance(Math.min(PACER_MAX_CHUNK_MS, elapsed * this.speed()));
    this.onAdvance();
    if (this.runner.status === 'playing') this.arm();
  }
}
