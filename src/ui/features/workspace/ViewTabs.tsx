import { Suspense, lazy, useState, type ComponentType } from 'react';
import { useSettingsStore, type ViewId } from '../../stores/settingsStore.js';
import { KeyspaceBrowser } from '../keyspace/KeyspaceBrowser.js';

interface ViewDef {
  id: ViewId;
  title: string;
  /** Views that draw with d3 or edit with monaco are React.lazy, so their code loads on first show. */
  Component: ComponentType;
}

const StructureView = lazy(() => import('../viz/StructureView.js'));
const MetricsView = lazy(() => import('../charts/MetricsView.js'));

const VIEWS: ViewDef[] = [
  { id: 'keyspace', title: 'Keyspace', Component: KeyspaceBrowser },
  { id: 'structure', title: 'Structure', Component: StructureView },
  { id: 'metrics', title: 'Metrics', Component: MetricsView },
];

/** The views area: one tab per view; a view mounts when first shown and stays mounted. */
export function ViewTabs() {
  const view = useSettingsStore((s) => s.view);
  const update = useSettingsStore((s) => s.update);
  const [shown, setShown] = useState<ReadonlySet<ViewId>>(() => new Set([view]));
  const open = (id: ViewId) => {
    update({ view: id });
    setShown((s) => (s.has(id) ? s : new Set([...s, id])));
  };
  return (
    <section className="pane views" aria-label="Views">
      <div className="tabstrip" role="tablist" aria-label="Views">
        {VIEWS.map((v) => (
          <div key={v.id} className="tab" role="tab" aria-selected={v.id === view} tabIndex={v.id === view ? 0 : -1} onClick={() => open(v.id)}>
            {v.title}
          </div>
        ))}
      </div>
      <div className="tabpanels">
        {VIEWS.filter((v) => shown.has(v.id) || v.id === view).map(({ id, Component }) => (
          <div key={id} className="tabpanel" role="tabpanel" hidden={id !== view}>
            <Suspense fallback={<p className="dim view-loading">Loading…</p>}>
              <Component />
            </Suspense>
          </div>
        ))}
      </div>
    </section>
  );
}
