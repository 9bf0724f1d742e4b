import type { ScenarioListing } from '../../../protocol/scenario.js';
import { openEditor } from '../editor/editorStore.js';

/** The built-in scenarios, to start one or to open a copy in the editor. */
export function ScenarioCatalog({ catalog, busy, onStart }: { catalog: readonly ScenarioListing[] | null; busy: boolean; onStart: (id: string) => void }) {
  return (
    <div className="catalog">
      <p className="dim">
        Guided experiments with application traffic, a database behind the cache and charts of what happens. Starting one restarts the node: the keys you have now are
        replaced.
      </p>
      {catalog === null ? (
        <p className="dim">Loading…</p>
      ) : (
        <ul>
          {catalog.map((c) => (
            <li key={c.id} className="catalog-item" data-testid="catalog-item" data-id={c.id}>
              <div className="catalog-head">
                <strong>{c.title}</strong>
                <span className="level" data-level={c.level}>
                  {c.level}
                </span>
              </div>
              <p>{c.description}</p>
              <div className="group">
                <button className="primary" disabled={busy} onClick={() => onStart(c.id)} data-testid="start-scenario">
                  Start
                </button>
                <button onClick={() => openEditor(c.text, `${c.title} (a copy)`)} title="Open a copy in the editor: change it, run it, share it" data-testid="edit-builtin">
                  Open in editor
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
