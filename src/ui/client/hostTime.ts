/**
 * Host time in ms since the epoch, on the same scale as the worker's time source, so a
 * ClockState sampled there can be extrapolated here.
 */
export function hostNow(): number {
  return performance.timeOrigin + performance.now();
}
