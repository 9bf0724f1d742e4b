import { useEffect, useRef } from 'react';
import type { ScenarioLineError } from '../../../protocol/scenario.js';
import { lineMarkers } from './markers.js';
import { monaco } from './monacoSetup.js';

export interface MonacoPaneProps {
  initial: string;
  errors: readonly ScenarioLineError[] | null;
  theme: 'light' | 'dark';
  onChange(text: string): void;
  /** Scroll to and select this line (the nonce makes the same line jump again). */
  reveal: { line: number; nonce: number } | null;
}

/** The scenario text in monaco, with the schema's errors as markers on their lines. */
export default function MonacoPane({ initial, errors, theme, onChange, reveal }: MonacoPaneProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    const model = monaco.editor.createModel(initial, 'markdown');
    const ed = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      wordWrap: 'on',
      fontSize: 13,
      scrollBeyondLastLine: false,
      renderWhitespace: 'boundary',
      tabSize: 2,
      insertSpaces: true,
      ariaLabel: 'Scenario text',
    });
    editor.current = ed;
    const sub = model.onDidChangeContent(() => change.current(model.getValue()));
    ed.focus();
    return () => {
      sub.dispose();
      ed.dispose();
      model.dispose();
      editor.current = null;
    };
    // The editor is created once per mount; the dialog remounts it for another text.
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (model == null) return;
    monaco.editor.setModelMarkers(model, 'scenario-schema', lineMarkers(errors ?? [], model.getLinesContent()));
  }, [errors]);

  useEffect(() => {
    const ed = editor.current;
    if (ed === null || reveal === null) return;
    const line = Math.min(reveal.line, ed.getModel()?.getLineCount() ?? 1);
    ed.revealLineInCenter(line);
    ed.setSelection({ startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: ed.getModel()!.getLineMaxColumn(line) });
    ed.focus();
  }, [reveal]);

  return <div className="monaco-host" ref={host} data-testid="monaco-host" />;
}
