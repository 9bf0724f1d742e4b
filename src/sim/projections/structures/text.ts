import { MAX_TEXT_BYTES, MAX_WINDOW } from '../../../protocol/snapshots.js';

/** A byte string cut to what a snapshot carries; the view shows its real size beside it. */
export function clip(s: string): string {
  return s.length <= MAX_TEXT_BYTES ? s : s.slice(0, MAX_TEXT_BYTES);
}

/** A request's window size, whatever the UI sent: 1..MAX_WINDOW. */
export function windowSize(count: unknown): number {
  const n = Math.floor(Number(count));
  return Number.isFinite(n) ? Math.max(1, Math.min(MAX_WINDOW, n)) : 1;
}

/** A request's window start: a non-negative integer. */
export function windowStart(from: unknown): number {
  const n = Math.floor(Number(from));
  return Number.isFinite(n) && n > 0 ? n : 0;
}
