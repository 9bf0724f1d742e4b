/**
 * Animations on the virtual clock (DESIGN.md invariant 3 seen from the UI): progress is virtual
 * time elapsed, so pausing the clock freezes every animation, stepping the clock steps them,
 * and x0.5 plays them at half speed. With prefers-reduced-motion each one jumps to its end.
 * Framework-free: the view's frame loop calls `tick()`.
 */
export type Apply = (p: number) => void;

interface Tween {
  start: number;
  duration: number;
  apply: Apply;
  ease: (p: number) => number;
}

export const easeInOut = (p: number): number => (p < 0.5 ? 4 * p * p * p : 1 - (-2 * p + 2) ** 3 / 2);
export const linear = (p: number): number => p;

export class Animator {
  private tweens: Tween[] = [];

  constructor(
    /** Virtual time in ms. */
    private readonly now: () => number,
    private readonly reducedMotion: () => boolean,
  ) {}

  get active(): boolean {
    return this.tweens.length > 0;
  }

  /**
   * Run `apply` with progress 0..1 over `duration` virtual ms, `delay` ms from now. It is
   * applied at 0 on the next tick, so the drawing starts from the animation's first frame.
   */
  add(duration: number, apply: Apply, delay = 0, ease: (p: number) => number = easeInOut): void {
    if (this.reducedMotion()) {
      apply(1);
      return;
    }
    this.tweens.push({ start: this.now() + delay, duration: Math.max(1, duration), apply, ease });
  }

  /** Apply every animation at the present virtual time; true while some are unfinished. */
  tick(): boolean {
    const now = this.now();
    const running: Tween[] = [];
    for (const t of this.tweens) {
      const p = Math.min(1, Math.max(0, (now - t.start) / t.duration));
      t.apply(t.ease(p));
      if (p < 1) running.push(t);
    }
    this.tweens = running;
    return running.length > 0;
  }

  /** Jump every animation to its end (a newer snapshot is about to be drawn). */
  finish(): void {
    const all = this.tweens;
    this.tweens = [];
    for (const t of all) t.apply(1);
  }
}
