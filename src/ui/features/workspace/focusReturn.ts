import { useEffect } from 'react';

/** Where clicks are one-off actions, after which typing should go on in the console. */
const RETURNS_FOCUS = '.header, .timebar, .pane.views, .pane.consoles .tabstrip';
/** What counts as such an action: buttons, tabs, and key rows (which select, nothing more). */
const CONTROLS = 'button, [role=tab], [role=row]';

/**
 * A mouse click on a button, tab or key row in the header, the time bar, the views or the
 * console tab strip gives the keyboard back to the active console, so typing continues where
 * it was. Runs before the control's own handler, which may still move focus where it needs it
 * (a field it opens). Keyboard activation (Enter or Space on a focused button, `detail` 0)
 * leaves focus alone: that user is moving around with keys on purpose.
 */
export function useFocusReturn(activeTab: string): void {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.detail === 0 || !(e.target instanceof Element)) return;
      const control = e.target.closest(CONTROLS);
      if (control === null || control.closest(RETURNS_FOCUS) === null) return;
      document.getElementById(`panel-${activeTab}`)?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [activeTab]);
}
