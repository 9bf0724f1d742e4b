import { useEffect, useMemo, useRef } from 'react';
import { useServices } from '../../client/hooks.js';
import { useConsolesStore } from '../../stores/consolesStore.js';
import { useSettingsStore } from '../../stores/settingsStore.js';
import { Console, type HistoryStore } from '../console/index.js';
import { terminalTheme } from '../console/terminalTheme.js';

/** One tab's console: its connection's backend and its history, kept in the consoles store. */
export function ConsolePanel({ tabId, active }: { tabId: string; active: boolean }) {
  const { consoles } = useServices();
  const theme = useSettingsStore((s) => s.theme);
  const box = useRef<HTMLDivElement>(null);
  const backend = useMemo(() => consoles.backend(tabId), [consoles, tabId]);
  const history = useMemo<HistoryStore>(
    () => ({
      load: () => useConsolesStore.getState().tabs.find((t) => t.id === tabId)?.history ?? [],
      save: (lines) => useConsolesStore.getState().setHistory(tabId, [...lines]),
    }),
    [tabId],
  );

  // Typing goes to the console of the tab just brought to the front.
  useEffect(() => {
    if (active) box.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }, [active]);

  const onQuit = () => {
    const { tabs, close } = useConsolesStore.getState();
    if (tabs.length > 1) {
      void consoles.close(tabId);
      close(tabId);
    }
  };

  // The box's margin shows the terminal's own background, so the two read as one surface.
  return (
    <div className="console-box" ref={box} data-testid="console" data-tab={tabId} style={{ background: terminalTheme(theme).background }}>
      <Console backend={backend} history={history} onQuit={onQuit} theme={theme} className="console" />
    </div>
  );
}
