import { useSettingsStore, type ViewId } from '../../stores/settingsStore.js';
import { KeyspaceBrowser } from '../keyspace/KeyspaceBrowser.js';

const VIEWS: Array<{ id: ViewId; title: string }> = [{ id: 'keyspace', title: 'Keyspace' }];

/**
 * The views area. The keyspace browser is part of the first load; views that draw with d3
 * or edit with monaco join this list as React.lazy components so their code loads on demand.
 */
export function ViewTabs() {
  const view = useSettingsStore((s) => s.view);
  const update = useSettingsStore((s) => s.update);
  return (
    <section className="pane views" aria-label="Views">
      <div className="tabstrip" role="tablist" aria-label="Views">
        {VIEWS.map((v) => (
          <div
            key={v.id}
            className="tab"
            role="tab"
            aria-selected={v.id === view}
            tabIndex={v.id === view ? 0 : -1}
            onClick={() => update({ view: v.id })}
          >
            {v.title}
          </div>
        ))}
      </div>
      <div className="tabpanels">
        <div className="tabpanel" role="tabpanel" hidden={view !== 'keyspace'}>
          <KeyspaceBrowser />
        </div>
      </div>
    </section>
  );
}
