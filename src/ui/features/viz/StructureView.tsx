import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { StructureSnapshot } from '../../../protocol/snapshots.js';
import { useServices } from '../../client/hooks.js';
import { useClockStore } from '../../stores/clockStore.js';
import { utf8Bytes, utf8Text } from '../console/utf8.js';
import type { Pick } from './draw/context.js';
import { explain } from './explain.js';
import { InfoBar } from './InfoBar.js';
import { StructureCanvas } from './StructureCanvas.js';
import { StructureModel } from './structureModel.js';
import { TracePanel } from './TracePanel.js';
import { useAnimationLoop } from './useAnimationLoop.js';
import './viz.css';

/** How often a dict is re-read while it rehashes (host ms). */
const POLL_MS = 200;

/**
 * The structure view: the selected key's encoding drawn from worker snapshots (skiplist,
 * listpack, intset, dict), or a db's keyspace dict, following every command that changes it.
 */
export default function StructureView() {
  const { engine, keyspace } = useServices();
  const model = useMemo(() => new StructureModel(engine.api), [engine]);
  const { animator, kick, animating } = useAnimationLoop();
  const snapshot = useStore(model.store, (s) => s.snapshot);
  const target = useStore(model.store, (s) => s.target);
  const conversion = useStore(model.store, (s) => s.conversion);
  const error = useStore(model.store, (s) => s.error);
  const selected = useStore(keyspace.store, (s) => s.selected);
  const db = useStore(keyspace.store, (s) => s.db);
  const paused = useClockStore((s) => s.clock?.paused ?? false);
  const [follow, setFollow] = useState(true);
  const [typed, setTyped] = useState('');

  useEffect(() => engine.onBatch((b) => void model.applyBatch(b)), [engine, model]);
  useEffect(() => {
    if (follow && selected !== null) {
      setTyped(utf8Text(selected));
      void model.show({ kind: 'key', key: selected }, db);
    }
  }, [follow, selected, db, model]);
  const polling = snapshot !== null && model.wantsPolling();
  useEffect(() => {
    if (!polling) return;
    const id = setInterval(() => void model.refresh(), POLL_MS);
    return () => clearInterval(id);
  }, [polling, model]);

  const onPick = (p: Pick) => {
    if (p.kind === 'member') void model.traceSearch(p.member, undefined, 'rank');
    else void model.openNodeAt(p.index);
  };
  const about = snapshot === null ? null : explain(snapshot);

  return (
    <div className="viz" data-testid="structure-view" data-animating={animating}>
      <form
        className="viz-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed !== '') {
            setFollow(false);
            void model.show({ kind: 'key', key: utf8Bytes(typed) }, db);
          }
        }}
      >
        <input
          className="mono key"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="Key to draw (or select one in Keyspace)"
          aria-label="Key to draw"
          spellCheck={false}
          data-testid="structure-key"
        />
        <button type="submit">Show</button>
        <label className="follow" title="Draw the key selected in the Keyspace tab">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> follow selection
        </label>
        <button type="button" onClick={() => void model.show({ kind: 'keyspace' }, db)} aria-pressed={target?.kind === 'keyspace'} title={`Draw the dict that holds db${db}'s keys`} data-testid="structure-keyspace">
          Keyspace dict
        </button>
      </form>
      {error !== '' && <div className="viz-error">{error}</div>}
      {snapshot === null ? (
        <div className="viz-empty dim">Select a key in the Keyspace tab, type one above, or draw the keyspace dict. Then run commands in the console and watch it change.</div>
      ) : (
        <>
          <InfoBar s={snapshot}>
            <Pager model={model} s={snapshot} />
          </InfoBar>
          <details className="viz-explain" data-testid="structure-explain">
            <summary>
              <strong>{about!.title}.</strong> <span className="lead">{about!.text}</span>
            </summary>
          </details>
          {conversion !== null && (
            <div className="viz-conversion" data-testid="structure-conversion">
              {conversion}
            </div>
          )}
          {animating && paused && <div className="viz-paused">The clock is paused: the animation waits for ▶ Play, or moves one cron period per Step.</div>}
        </>
      )}
      <StructureCanvas model={model} animator={animator} kick={kick} onPick={onPick} />
      {snapshot?.kind === 'skiplist' && <TracePanel model={model} s={snapshot} />}
      {about !== null && (
        <div className="viz-commands" title="Type or paste them in the console">
          <span className="dim">Try:</span>
          {about.commands.map((c) => (
            <code key={c}>{c}</code>
          ))}
        </div>
      )}
    </div>
  );
}

/** ◀ ▶ and where the window is. */
function Pager({ model, s }: { model: StructureModel; s: StructureSnapshot }) {
  const where = position(s);
  if (where === null) return null;
  return (
    <span className="pager">
      <button type="button" aria-label="Previous window" onClick={() => void model.page(-1)}>
        ◀
      </button>
      <span className="mono dim" data-testid="structure-window">
        {where}
      </span>
      <button type="button" aria-label="Next window" onClick={() => void model.page(1)}>
        ▶
      </button>
    </span>
  );
}

function position(s: StructureSnapshot): string | null {
  const range = (a: number, b: number, of: number, what: string) => (b < a ? `no ${what}` : `${what} ${a}–${b} of ${of.toLocaleString('en-US')}`);
  switch (s.kind) {
    case 'skiplist':
      return range((s.nodes[0]?.rank ?? 1) - 1, (s.nodes.at(-1)?.rank ?? 0) - 1, s.length, 'ranks');
    case 'listpack':
      return range(s.listpack.entries[0]?.index ?? 0, s.listpack.entries.at(-1)?.index ?? -1, s.listpack.numEntries, 'entries');
    case 'intset':
      return range(s.start, s.start + s.values.length - 1, s.length, 'values');
    case 'hashtable': {
      const t = s.tables[0].size >= s.tables[1].size ? s.tables[0] : s.tables[1];
      return range(t.buckets[0]?.index ?? 0, t.buckets.at(-1)?.index ?? -1, t.size, 'buckets');
    }
    case 'quicklist':
      return range(s.nodes[0]?.index ?? 0, s.nodes.at(-1)?.index ?? -1, s.nodeCount, 'nodes');
    default:
      return null;
  }
}
