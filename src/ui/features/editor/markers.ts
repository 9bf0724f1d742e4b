import type { ScenarioLineError } from '../../../protocol/scenario.js';

/** Monaco's MarkerSeverity.Error (kept here so this module stays free of monaco). */
const SEVERITY_ERROR = 8;

export interface LineMarker {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * The schema's errors as editor markers: each underlines the whole line it names (from its first
 * non-blank character), on a line that exists even if the text changed since it was checked.
 */
export function lineMarkers(errors: readonly ScenarioLineError[], lines: readonly string[]): LineMarker[] {
  return errors.map((e) => {
    const n = Math.min(Math.max(1, e.line), Math.max(1, lines.length));
    const text = lines[n - 1] ?? '';
    const start = text.length - text.trimStart().length + 1;
    return {
      severity: SEVERITY_ERROR,
      message: e.message,
      startLineNumber: n,
      startColumn: Math.min(start, text.length + 1),
      endLineNumber: n,
      endColumn: Math.max(text.length + 1, start + 1),
    };
  });
}
