import type { LineError, SourceLine } from './markdown.js';

/**
 * The declaration syntax of `sim` blocks (and of the front matter): a small, strict subset of
 * YAML. A statement is `head: value`, or `head name:` followed by fields indented by the same
 * number of spaces, one `key: value` per line. `#` after a space starts a comment. Values are
 * plain text to the end of the line, or quoted ("..." with JSON escapes, '...' with '' for ').
 * No lists, no nesting deeper than one level, no tabs: anything else is an error with its line.
 */

export interface RawField {
  key: string;
  value: string;
  line: number;
}

export interface RawStatement {
  head: string;
  /** The word between the head and the colon (`traffic web:` → `web`). */
  name: string | null;
  /** Text after the colon on the statement's own line, or null when fields follow. */
  value: string | null;
  line: number;
  fields: RawField[];
}

const STATEMENT = /^([A-Za-z_][\w-]*)(?:\s+([A-Za-z0-9_.-]+))?\s*:(?:\s+(.*))?$/;
const FIELD = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/;

export function parseDeclarations(lines: readonly SourceLine[]): { statements: RawStatement[]; errors: LineError[] } {
  const statements: RawStatement[] = [];
  const errors: LineError[] = [];
  let current: RawStatement | null = null;
  let fieldIndent = -1;
  for (const { n, text } of lines) {
    const stripped = stripComment(text);
    if (stripped === null) {
      errors.push({ line: n, message: 'a quoted value is not closed' });
      continue;
    }
    if (stripped.trim() === '') continue;
    const indentText = /^[ \t]*/.exec(stripped)![0];
    if (indentText.includes('\t')) {
      errors.push({ line: n, message: 'indent with spaces, not tabs' });
      continue;
    }
    const indent = indentText.length;
    const body = stripped.trim();
    if (indent === 0) {
      const m = STATEMENT.exec(body);
      if (m === null) {
        errors.push({ line: n, message: `expected a declaration like "advance: 10s" or "traffic web:", got "${body}"` });
        current = null;
        continue;
      }
      const value = m[3] === undefined || m[3] === '' ? null : unquote(m[3], n, errors);
      current = { head: m[1]!, name: m[2] ?? null, value, line: n, fields: [] };
      fieldIndent = -1;
      statements.push(current);
      continue;
    }
    if (current === null) {
      errors.push({ line: n, message: 'this indented line belongs to no declaration above it' });
      continue;
    }
    if (current.value !== null) {
      errors.push({ line: n, message: `"${current.head}: ${current.value}" takes no indented fields` });
      continue;
    }
    if (fieldIndent === -1) fieldIndent = indent;
    if (indent !== fieldIndent) {
      errors.push({ line: n, message: `indent every field of "${current.head}" by the same ${fieldIndent} spaces` });
      continue;
    }
    const f = FIELD.exec(body);
    if (f === null || f[2] === undefined || f[2] === '') {
      errors.push({ line: n, message: `expected a field like "rate: 5000/s", got "${body}"` });
      continue;
    }
    if (current.fields.some((x) => x.key === f[1])) {
      errors.push({ line: n, message: `"${f[1]}" is already set above` });
      continue;
    }
    const value = unquote(f[2], n, errors);
    if (value !== null) current.fields.push({ key: f[1]!, value, line: n });
  }
  return { statements, errors };
}

/** The line without its comment, or null when a quote is left open. */
function stripComment(line: string): string | null {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s:]/.test(line[i - 1]!))) {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return line.slice(0, i);
    }
  }
  return quote === null ? line : null;
}

function unquote(raw: string, line: number, errors: LineError[]): string | null {
  const s = raw.trim();
  if (s.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(s);
      if (typeof v === 'string') return v;
    } catch {
      // reported below
    }
    errors.push({ line, message: `not a valid quoted value: ${s}` });
    return null;
  }
  if (s.startsWith("'")) {
    const inner = s.slice(1, -1);
    if (s.length >= 2 && s.endsWith("'") && !inner.replace(/''/g, '').includes("'")) return inner.replace(/''/g, "'");
    errors.push({ line, message: `not a valid quoted value: ${s}` });
    return null;
  }
  return s;
}

/** A value written so that `unquote` gives it back: plain when that is unambiguous. */
export function quoteIfNeeded(s: string): string {
  if (s === '' || /^[\s"'#]|\s$|\s#|[\n\r]/.test(s)) return JSON.stringify(s);
  return s;
}
