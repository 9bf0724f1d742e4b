/**
 * The LFU half of the object's 24-bit `lru` field (evict.c, Redis 7.0). Under an LFU
 * maxmemory-policy the field holds, instead of the LRU clock:
 *
 *   16 bits: last decrement time, in minutes (mod 65536) | 8 bits: logarithmic counter
 *
 * New objects start at LFU_INIT_VAL so they are not evicted before they had a chance to be
 * used; each access increments the counter with a probability that falls as it grows
 * (lfu-log-factor), and the counter decays by one every lfu-decay-time minutes.
 */
export const LFU_INIT_VAL = 5;

/** LFUGetTimeInMinutes */
export function lfuTimeInMinutes(nowMs: number): number {
  return Math.floor(nowMs / 60_000) & 65535;
}

/** The `lru` field of an object created now under an LFU policy (createObject). */
export function lfuInitial(nowMs: number): number {
  return (lfuTimeInMinutes(nowMs) << 8) | LFU_INIT_VAL;
}

/** LFUTimeElapsed: minutes since `ldt`, across the 16-bit wrap. */
function lfuTimeElapsed(ldt: number, nowMs: number): number {
  const now = lfuTimeInMinutes(nowMs);
  return now >= ldt ? now - ldt : 65535 - ldt + now;
}

/** LFUDecrAndReturn: the counter after the decay due since the last access (OBJECT FREQ). */
export function lfuDecrAndReturn(lru: number, nowMs: number, decayTime: number): number {
  const ldt = lru >>> 8;
  const counter = lru & 255;
  const periods = decayTime > 0 ? Math.floor(lfuTimeElapsed(ldt, nowMs) / decayTime) : 0;
  if (periods === 0) return counter;
  return periods > counter ? 0 : counter - periods;
}

/** LFULogIncr: `r` is a uniform random number in [0, 1). */
function lfuLogIncr(counter: number, logFactor: number, r: number): number {
  if (counter === 255) return 255;
  const baseval = Math.max(0, counter - LFU_INIT_VAL);
  const p = 1 / (baseval * logFactor + 1);
  return r < p ? counter + 1 : counter;
}

/** updateLFU: decay, then count this access, stamping the current minute. */
export function lfuTouch(lru: number, nowMs: number, decayTime: number, logFactor: number, r: number): number {
  const counter = lfuLogIncr(lfuDecrAndReturn(lru, nowMs, decayTime), logFactor, r);
  return (lfuTimeInMinutes(nowMs) << 8) | counter;
}
