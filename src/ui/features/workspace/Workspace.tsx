import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useSettingsStore } from '../../stores/settingsStore.js';
import { ConsoleTabs } from './ConsoleTabs.js';
import { ViewTabs } from './ViewTabs.js';

const MIN_SHARE = 0.25;
const MAX_SHARE = 0.75;

/** Consoles on the left, views on the right, a draggable splitter between them. */
export function Workspace({ aside }: { aside?: ReactNode }) {
  const share = useSettingsStore((s) => s.consoleShare);
  const update = useSettingsStore((s) => s.update);
  const ref = useRef<HTMLElement>(null);
  const setShare = (v: number) => update({ consoleShare: Math.min(MAX_SHARE, Math.max(MIN_SHARE, v)) });

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => {
      const box = ref.current?.getBoundingClientRect();
      if (box !== undefined) setShare((ev.clientX - box.left) / box.width);
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowLeft') setShare(share - 0.02);
    if (e.key === 'ArrowRight') setShare(share + 0.02);
  };

  const columns = `minmax(0, ${share}fr) 8px minmax(0, ${1 - share}fr)${aside === undefined ? '' : ' 8px auto'}`;
  return (
    <main className="workspace" ref={ref} style={{ gridTemplateColumns: columns }}>
      <ConsoleTabs />
      <div
        className="splitter"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize consoles and views"
        aria-valuenow={Math.round(share * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <ViewTabs />
      {aside !== undefined && (
        <>
          <div />
          {aside}
        </>
      )}
    </main>
  );
}
