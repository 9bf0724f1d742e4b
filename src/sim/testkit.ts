import { createEngineApi, type EngineHost } from './engineApi.js';
import { Simulation } from './simulation.js';
import type { EngineApi } from '../protocol/api.js';

/**
 * A host for tests: host time, timers and animation frames all move only when the test says
 * so, which makes the real-time driver and the frame batching observable.
 */
export class FakeHost implements EngineHost {
  time = 1_700_000_000_000;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private frames: Array<() => void> = [];
  private nextId = 1;

  readonly now = (): number => this.time;

  setTimer(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  requestFrame(fn: () => void): void {
    this.frames.push(fn);
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Let host time pass, firing due timers in order. */
  pass(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const t = this.timers[0];
      if (t === undefined || t.at > end) break;
      this.timers.shift();
      this.time = t.at;
      t.fn();
    }
    this.time = end;
  }

  /** Run the callbacks waiting for the next animation frame. */
  frame(): void {
    const fs = this.frames;
    this.frames = [];
    for (const f of fs) f();
  }
}

export function testEngine(): { host: FakeHost; sim: Simulation; api: EngineApi } {
  const host = new FakeHost();
  const sim = new Simulation({ timeSource: host.now });
  return { host, sim, api: createEngineApi(sim, host) };
}
