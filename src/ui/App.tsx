import { useEffect, type ReactNode } from 'react';
import { Header } from './features/workspace/Header.js';
import { Workspace } from './features/workspace/Workspace.js';
import { TimeBar } from './features/timeline/TimeBar.js';
import { useSettingsStore } from './stores/settingsStore.js';

/**
 * The app shell: header, the workspace (consoles and views side by side, with room for a
 * scenario panel passed as `aside`), and the time bar.
 */
export function App({ aside }: { aside?: ReactNode }) {
  const theme = useSettingsStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <Header />
      <Workspace aside={aside} />
      <TimeBar />
    </div>
  );
}
