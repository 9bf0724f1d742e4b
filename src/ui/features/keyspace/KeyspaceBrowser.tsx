import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../client/hooks.js';
import { useSettingsStore } from '../../stores/settingsStore.js';
import { KeyDetailPane } from './KeyDetailPane.js';
import { KeyList } from './KeyList.js';
import './keyspace.css';

const DATABASES = 16;
/** Typing in the filter restarts the scan once the typing pauses. */
const FILTER_DELAY_MS = 200;

/** Keys of one db, SCANned page by page as the list scrolls, with the selected key's value. */
export function KeyspaceBrowser() {
  const { keyspace } = useServices();
  const db = useStore(keyspace.store, (s) => s.db);
  const dbSize = useStore(keyspace.store, (s) => s.dbSize);
  const loaded = useStore(keyspace.store, (s) => s.rows.length);
  const done = useStore(keyspace.store, (s) => s.done);
  const error = useStore(keyspace.store, (s) => s.error);
  const update = useSettingsStore((s) => s.update);
  const [filter, setFilter] = useState(() => keyspace.store.getState().pattern);

  useEffect(() => {
    const pattern = filter.trim();
    if (pattern === keyspace.store.getState().pattern) return;
    const t = setTimeout(() => {
      update({ keyspacePattern: pattern });
      void keyspace.restart({ pattern });
    }, FILTER_DELAY_MS);
    return () => clearTimeout(t);
  }, [filter, keyspace, update]);

  const changeDb = (n: number) => {
    update({ keyspaceDb: n });
    void keyspace.restart({ db: n });
  };

  return (
    <div className="keyspace">
      <div className="keyspace-toolbar">
        <label>
          <span className="sr-only">Database</span>
          <select value={db} onChange={(e) => changeDb(Number(e.target.value))} aria-label="Database" data-testid="keyspace-db">
            {Array.from({ length: DATABASES }, (_, i) => (
              <option key={i} value={i}>
                db{i}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          className="mono filter"
          placeholder="Filter: SCAN MATCH pattern, e.g. user:*"
          aria-label="Filter keys by pattern"
          value={filter}
          spellCheck={false}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="keyspace-filter"
        />
        <span className="count dim" data-testid="keyspace-count" title="Keys listed so far / DBSIZE">
          {done ? `${loaded.toLocaleString('en-US')} listed` : `${loaded.toLocaleString('en-US')}+ listed`} · {dbSize.toLocaleString('en-US')} in db{db}
        </span>
      </div>
      {error !== '' && <div className="keyspace-error">{error}</div>}
      <KeyList />
      <KeyDetailPane />
    </div>
  );
}
