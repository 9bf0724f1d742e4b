import { expose } from 'comlink';
import { createEngineApi } from '../src/sim/engineApi.js';
import { Simulation } from '../src/sim/simulation.js';

// The worker is the host: it lends the simulation its wall clock, timers and frames.
const hostTime = (): number => performance.timeOrigin + performance.now();
const requestFrame =
  typeof self.requestAnimationFrame === 'function'
    ? (fn: () => void) => void self.requestAnimationFrame(() => fn())
    : (fn: () => void) => void setTimeout(fn, 16);

const sim = new Simulation({ timeSource: hostTime, seed: 1 });

expose(
  createEngineApi(sim, {
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    requestFrame,
  }),
);
