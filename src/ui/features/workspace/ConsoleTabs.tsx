import { useEffect, useRef } from 'react';
import { useServices } from '../../client/hooks.js';
import { MAX_TABS, useConsolesStore, type ConsoleTab } from '../../stores/consolesStore.js';
import { ConsolePanel } from './ConsolePanel.js';
import { useFocusReturn } from './focusReturn.js';
import { useOverflowEdges } from './overflowEdges.js';
import './consoleTabs.css';

/** What the tab shows about its connection: db, transaction, subscriptions, lost. */
function tabBadge(t: ConsoleTab): string {
  const c = t.client;
  if (c === null) return '';
  if (c.closed) return 'not connected';
  const parts: string[] = [];
  if (c.db !== 0) parts.push(`db${c.db}`);
  if (c.inMulti) parts.push('TX');
  if (c.subscriptions > 0) parts.push(`sub ${c.subscriptions}`);
  if (c.monitor) parts.push('monitor');
  return parts.join(' · ');
}

/** Console tabs: each one its own connection, kept alive (and receiving) while hidden. */
export function ConsoleTabs() {
  const { consoles } = useServices();
  const tabs = useConsolesStore((s) => s.tabs);
  const active = useConsolesStore((s) => s.active);
  const store = useConsolesStore.getState();
  useFocusReturn(active);
  const list = useRef<HTMLDivElement>(null);
  useOverflowEdges(list);

  // The strip scrolls when the tabs do not fit: the tab brought to the front is scrolled into sight.
  useEffect(() => {
    document.getElementById(`tab-${active}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, tabs.length]);

  const add = () => {
    const tab = store.add();
    if (tab !== null) void consoles.connect(tab.id);
  };
  const close = (id: string) => {
    if (tabs.length === 1) return;
    void consoles.close(id);
    store.close(id);
  };

  return (
    <section className="pane consoles" aria-label="Consoles">
      <div className="tabstrip">
        <div
          className="tablist"
          role="tablist"
          aria-label="Console tabs"
          ref={list}
          onWheel={(e) => {
            // A mouse wheel scrolls the strip sideways (its scrollbar is hidden).
            if (list.current !== null) list.current.scrollLeft += e.deltaY;
          }}
        >
          {tabs.map((t) => {
          const badge = tabBadge(t);
          return (
            <div
              key={t.id}
              className="tab"
              role="tab"
              id={`tab-${t.id}`}
              aria-controls={`panel-${t.id}`}
              aria-selected={t.id === active}
              tabIndex={t.id === active ? 0 : -1}
              data-testid="console-tab"
              onClick={() => store.activate(t.id)}
              onAuxClick={(e) => e.button === 1 && close(t.id)}
            >
              <span>{t.title}</span>
              {badge !== '' && <span className="badge">{badge}</span>}
              {tabs.length > 1 && (
                <button
                  className="close"
                  aria-label={`Close ${t.title}`}
                  title="Close this console (its connection closes)"
                  onClick={(e) => {
                    e.stopPropagation();
                    close(t.id);
                  }}
                >
                  ×
                </button>
              )}
            </div>
          );
        })}
        </div>
        <button className="tab-add" onClick={add} disabled={tabs.length >= MAX_TABS} aria-label="New console" title="New console: a new connection">
          +
        </button>
      </div>
      <div className="tabpanels">
        {tabs.map((t) => (
          <div key={t.id} className="tabpanel" role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={t.id !== active}>
            <ConsolePanel tabId={t.id} active={t.id === active} />
          </div>
        ))}
      </div>
    </section>
  );
}
