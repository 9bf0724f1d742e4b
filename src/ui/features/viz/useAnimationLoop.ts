import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClockStore, virtualNow } from '../../stores/clockStore.js';
import { Animator } from './animator.js';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * An Animator on the virtual clock, and the frame loop that drives it: it runs while some
 * animation is unfinished and the clock runs, and ticks once more whenever the clock moves
 * (a Step while paused advances the animations by one cron period).
 */
export function useAnimationLoop(): { animator: Animator; kick: () => void; animating: boolean } {
  const animator = useMemo(
    () =>
      new Animator(() => {
        const clock = useClockStore.getState().clock;
        return clock === null ? 0 : virtualNow(clock);
      }, reducedMotion),
    [],
  );
  const [animating, setAnimating] = useState(false);
  const frame = useRef(0);
  const kick = useCallback(() => {
    if (frame.current !== 0) return;
    const run = () => {
      frame.current = 0;
      const more = animator.tick();
      setAnimating(more);
      const clock = useClockStore.getState().clock;
      if (more && clock !== null && !clock.paused) frame.current = requestAnimationFrame(run);
    };
    frame.current = requestAnimationFrame(run);
  }, [animator]);
  useEffect(() => useClockStore.subscribe(kick), [kick]);
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    },
    [],
  );
  return { animator, kick, animating };
}
