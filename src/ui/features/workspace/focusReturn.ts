import { useEffect } from 'react';

/** Areas whose buttons are one-off actions: clicking one should not leave the console without the keyboard. */
const RETURNS_FOCUS = '.header, .timebar, .pane.views, .pane.consoles .tabstrip';

/**
 * A mouse click on a button in the header, the time bar, the views or the console tab strip
 * gives the keyboard back to the active console, so typing continues where it was. Runs before
 * the button's own handler, which may still move focus where it needs it (a field it opens).
 * Keyboard activation (Enter or Space on a focused button, `detail` 0) leaves focus alone: that
 * user is moving around with keys on purpose.
 */
export function useFocusReturn(activeTab: string): void {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.detail === 0 || !(e.target instanceof Element)) return;
      const control = e.target.closest('button, [role=tab]');
      if (control === null || control.closest(RETURNS_FOCUS) === null) return;
      document.getElementById(`panel-${activeTab}`)?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [activeTab]);
}
