import type { Prng } from '../../engine/time/prng.js';
import type { Arrivals } from '../scenario/format.js';

/** How far `even` arrivals stray from their slot, so that generators never move in lockstep. */
export const EVEN_JITTER = 0.1;

/**
 * Milliseconds until the next request of a stream at `rate` per second: exponential gaps for a
 * Poisson stream (independent users), or the mean gap ± EVEN_JITTER for an evenly paced one.
 */
export function nextGap(prng: Prng, rate: number, arrivals: Arrivals): number {
  const mean = 1000 / rate;
  if (arrivals === 'even') return mean * (1 + EVEN_JITTER * (2 * prng.next() - 1));
  return -Math.log(1 - prng.next()) * mean;
}
