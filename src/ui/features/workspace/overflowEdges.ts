import { useEffect, type RefObject } from 'react';

/**
 * Marks a sideways-scrolling element with `data-more-left` / `data-more-right` while some of
 * its content is out of sight on that side, so CSS can fade that edge: the hint that there is
 * more to scroll to.
 */
export function useOverflowEdges(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const update = () => {
      el.toggleAttribute('data-more-left', el.scrollLeft > 0);
      el.toggleAttribute('data-more-right', el.scrollLeft + el.clientWidth < el.scrollWidth - 1);
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(el);
    // Tabs coming and going change the content's width, not the element's.
    const changed = new MutationObserver(update);
    changed.observe(el, { childList: true });
    return () => {
      el.removeEventListener('scroll', update);
      resized.disconnect();
      changed.disconnect();
    };
  }, [ref]);
}
