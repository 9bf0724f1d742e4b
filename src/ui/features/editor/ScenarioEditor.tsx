import { lazy, Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useServices } from '../../client/hooks.js';
import { useSettingsStore } from '../../stores/settingsStore.js';
import { scenarioController } from '../scenarios/scenarioController.js';
import { ShareButton } from '../share/ShareButton.js';
import { closeEditor, useEditorStore } from './editorStore.js';
import './editor.css';

// Monaco is large: it loads the first time the editor opens, never with the app.
const MonacoPane = lazy(() => import('./MonacoPane.js'));

/** Checking waits for a pause in typing, so the worker is not asked at every keystroke. */
const VALIDATE_DELAY_MS = 250;

/** The scenario editor: any scenario's text in monaco, checked against the schema as you type. */
export function ScenarioEditor() {
  const open = useEditorStore((s) => s.open);
  const session = useEditorStore((s) => s.session);
  if (!open) return null;
  return createPortal(<EditorDialog key={session} />, document.body);
}

function EditorDialog() {
  const { engine } = useServices();
  const controller = scenarioController(engine);
  const { origin, text, errors, checking, steps } = useEditorStore();
  const theme = useSettingsStore((s) => s.theme);
  const [initial] = useState(text);
  const [reveal, setReveal] = useState<{ line: number; nonce: number } | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    let current = true;
    const t = setTimeout(() => {
      void engine.api.scenarioValidate(text).then((r) => {
        if (current) useEditorStore.setState(r.ok ? { errors: [], steps: r.steps, checking: false } : { errors: r.errors, steps: 0, checking: false });
      });
    }, VALIDATE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(t);
    };
  }, [engine, text]);

  const run = async () => {
    setRunning(true);
    const r = await controller.load({ text });
    setRunning(false);
    if (r.ok) closeEditor();
    else useEditorStore.setState({ errors: r.errors, checking: false });
  };

  const valid = !checking && errors !== null && errors.length === 0;
  return (
    <div className="editor-backdrop">
      <div className="editor-dialog" role="dialog" aria-modal="true" aria-label="Scenario editor" data-testid="scenario-editor">
        <header className="editor-head">
          <h2>Scenario editor</h2>
          <span className="dim editor-origin">{origin}</span>
          <div className="spacer" />
          <span className="editor-status" data-testid="editor-status" data-valid={checking ? 'checking' : String(valid)}>
            {checking || errors === null ? 'Checking…' : valid ? `✓ Valid: ${steps} ${steps === 1 ? 'step' : 'steps'}` : `✗ ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}`}
          </span>
          <ShareButton text={text} />
          <button className="primary" disabled={!valid || running} onClick={() => void run()} title="Restart the node and load this scenario" data-testid="editor-run">
            ▶ Run this scenario
          </button>
          <button onClick={closeEditor} aria-label="Close the editor" data-testid="editor-close">
            Close
          </button>
        </header>
        <div className="editor-main">
          <Suspense fallback={<p className="dim editor-loading">Loading the editor…</p>}>
            <MonacoPane
              initial={initial}
              errors={errors}
              theme={theme}
              reveal={reveal}
              onChange={(t) => useEditorStore.setState({ text: t, checking: true })}
            />
          </Suspense>
        </div>
        {errors !== null && errors.length > 0 && (
          <ul className="editor-problems" aria-label="Problems" data-testid="editor-problems">
            {errors.map((e, i) => (
              <li key={i}>
                <button className="linklike" onClick={() => setReveal({ line: e.line, nonce: i + (reveal?.nonce ?? 0) + 1 })}>
                  <span className="mono">line {e.line}</span> {e.message}
                </button>
              </li>
            ))}
          </ul>
        )}
        <footer className="editor-help dim">
          Steps are separated by <code className="mono">---</code> lines. Fenced blocks: <code className="mono">redis</code> commands,{' '}
          <code className="mono">sim</code> traffic, backend and time (<code className="mono">advance: 10s</code>), <code className="mono">expect</code> goals,{' '}
          <code className="mono">hint</code>. The text is data: it is checked against the schema, never run as code.
        </footer>
      </div>
    </div>
  );
}
