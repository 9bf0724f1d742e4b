/**
 * The Markdown layer of the scenario format: front matter between the first two `---` lines,
 * then steps separated by lines of `---`, each made of narration text and fenced blocks. Only
 * fences tagged redis, sim, expect or hint are taken out of the narration; any other fence is
 * narration (and a `---` inside it does not split steps). Every line keeps its 1-based number
 * so later errors can point at it.
 */

export interface SourceLine {
  n: number;
  text: string;
}

export type FenceKind = 'redis' | 'sim' | 'expect' | 'hint';
export const FENCE_KINDS: readonly FenceKind[] = ['redis', 'sim', 'expect', 'hint'];

export interface RawFence {
  kind: FenceKind;
  line: number;
  lines: SourceLine[];
}

export type RawPart = { kind: 'text'; lines: SourceLine[] } | { kind: 'fence'; fence: RawFence };

export interface RawStep {
  line: number;
  parts: RawPart[];
}

export interface RawDocument {
  front: SourceLine[];
  steps: RawStep[];
}

export interface LineError {
  line: number;
  message: string;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)(.*)$/;
const SEPARATOR = /^---\s*$/;

export function splitDocument(source: string): { doc: RawDocument; errors: LineError[] } {
  const lines = source.split('\n').map((t, i) => ({ n: i + 1, text: t }));
  const errors: LineError[] = [];
  const doc: RawDocument = { front: [], steps: [] };
  if (lines.length === 0 || !SEPARATOR.test(lines[0]!.text)) {
    errors.push({ line: 1, message: 'a scenario starts with front matter: a line "---", fields such as "title: ...", then another "---"' });
    return { doc, errors };
  }
  const close = lines.findIndex((l, i) => i > 0 && SEPARATOR.test(l.text));
  if (close === -1) {
    errors.push({ line: 1, message: 'the front matter opened here is never closed by a "---" line' });
    return { doc, errors };
  }
  doc.front = lines.slice(1, close);
  let step: RawStep | null = null;
  let text: SourceLine[] = [];
  const flushText = (): void => {
    if (text.length > 0 && step !== null) step.parts.push({ kind: 'text', lines: text });
    text = [];
  };
  const finishStep = (separatorLine: number): void => {
    flushText();
    if (step === null) return;
    if (step.parts.every((p) => p.kind === 'text' && p.lines.every((l) => l.text.trim() === ''))) {
      errors.push({ line: separatorLine, message: `step ${doc.steps.length + 1} is empty: remove the extra "---" line or write the step` });
    } else {
      step.line = firstContentLine(step);
      doc.steps.push(step);
    }
    step = null;
  };

  let i = close + 1;
  while (i < lines.length) {
    const l = lines[i]!;
    if (SEPARATOR.test(l.text)) {
      finishStep(l.n);
      i++;
      continue;
    }
    step ??= { line: l.n, parts: [] };
    const open = FENCE_OPEN.exec(l.text);
    if (open === null || (open[2]![0] === '`' && open[4]!.includes('`'))) {
      text.push(l);
      i++;
      continue;
    }
    const indent = open[1]!.length;
    const marker = open[2]!;
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    const end = lines.findIndex((c, j) => j > i && closing.test(c.text));
    if (end === -1) {
      errors.push({ line: l.n, message: `the code block opened here with ${marker} is never closed` });
      return { doc, errors };
    }
    const kind = open[3]!.toLowerCase();
    if ((FENCE_KINDS as readonly string[]).includes(kind)) {
      flushText();
      const body = lines.slice(i + 1, end).map((c) => ({ n: c.n, text: stripIndent(c.text, indent) }));
      step.parts.push({ kind: 'fence', fence: { kind: kind as FenceKind, line: l.n, lines: body } });
    } else {
      text.push(...lines.slice(i, end + 1));
    }
    i = end + 1;
  }
  finishStep(lines.length);
  if (doc.steps.length === 0 && errors.length === 0) {
    errors.push({ line: close + 1, message: 'a scenario needs at least one step after the front matter' });
  }
  return { doc, errors };
}

/** Where the step really begins: blank lines after a separator are not part of it. */
function firstContentLine(step: RawStep): number {
  for (const p of step.parts) {
    if (p.kind === 'fence') return p.fence.line;
    const l = p.lines.find((x) => x.text.trim() !== '');
    if (l !== undefined) return l.n;
  }
  return step.line;
}

/** CommonMark: a fence indented by N spaces removes up to N spaces from each of its lines. */
function stripIndent(s: string, n: number): string {
  let k = 0;
  while (k < n && s[k] === ' ') k++;
  return s.slice(k);
}
