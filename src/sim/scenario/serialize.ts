import { repr } from '../../protocol/repr.js';
import { METRICS } from '../metrics/catalog.js';
import type { Block, GoalSpec, Scenario, SimStatement, Step } from './format.js';
import { BACKEND_FIELDS, META_FIELDS, TRAFFIC_FIELDS, WARM_FIELDS } from './schema.js';
import { quoteIfNeeded } from './simSyntax.js';
import { formatDuration } from './units.js';
import { utf8Text } from './utf8.js';

/**
 * Scenario → text in the scenario format, canonical: what `parseScenario` reads back into the
 * same scenario. Lets the editor round-trip a scenario a form has changed, and a shared link
 * carry the text.
 */
export function serializeScenario(s: Scenario): string {
  const front = (Object.keys(META_FIELDS) as Array<keyof typeof META_FIELDS>)
    .filter((k) => s.meta[k] !== undefined)
    .map((k) => `${META_FIELDS[k].key}: ${quoteIfNeeded((META_FIELDS[k].format as (v: unknown) => string)(s.meta[k]))}`);
  return `---\n${front.join('\n')}\n---\n\n${s.steps.map(serializeStep).join('\n\n---\n\n')}\n`;
}

function serializeStep(step: Step): string {
  return step.blocks.map(serializeBlock).join('\n\n');
}

function serializeBlock(b: Block): string {
  switch (b.kind) {
    case 'text':
      return b.markdown;
    case 'redis':
      return fenced('redis', b.commands.map((c) => c.source).join('\n'));
    case 'sim':
      return fenced('sim', b.statements.map(serializeStatement).join('\n'));
    case 'expect':
      return fenced('expect', b.goals.map(serializeGoal).join('\n'));
    case 'hint':
      return fenced('hint', b.markdown);
  }
}

/** A fence longer than any backtick run at a line start inside, so the body cannot close it. */
function fenced(kind: string, body: string): string {
  let longest = 0;
  for (const m of body.matchAll(/^ {0,3}(`{3,})/gm)) longest = Math.max(longest, m[1]!.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return body === '' ? `${fence}${kind}\n${fence}` : `${fence}${kind}\n${body}\n${fence}`;
}

function fields<T>(table: Record<string, { key: string; format: (v: never) => string }>, values: Partial<T>): string {
  return (Object.keys(table) as Array<keyof T & string>)
    .filter((k) => values[k] !== undefined)
    .map((k) => `\n  ${table[k]!.key}: ${quoteIfNeeded((table[k]!.format as (v: unknown) => string)(values[k]))}`)
    .join('');
}

export function serializeStatement(s: SimStatement): string {
  switch (s.kind) {
    case 'backend':
      return `backend:${fields(BACKEND_FIELDS, s.settings)}`;
    case 'traffic':
      return `traffic ${s.name}:${fields(TRAFFIC_FIELDS, s.settings)}`;
    case 'warm':
      return `warm:${fields(WARM_FIELDS, { keys: s.keys, ttl: s.ttl, ttlJitter: s.ttlJitter, valueSize: s.valueSize })}`;
    case 'stop':
      return `stop: ${s.name}`;
    case 'advance':
      return `advance: ${formatDuration(s.ms)}`;
  }
}

export function serializeGoal(g: GoalSpec): string {
  const head = g.always ? 'always ' : '';
  let check: string;
  if (g.kind === 'redis') {
    check = `redis ${g.source} ${g.op} ${redisValue(g.value)}`;
  } else {
    const window = g.window.kind === 'step' ? '' : g.window.kind === 'run' ? ' over run' : ` over last ${formatDuration(g.window.ms)}`;
    const value = METRICS[g.metric]?.kind === 'latency' ? `${g.value}ms` : String(g.value);
    check = `${g.aggregate} ${g.metric}${window} ${g.op} ${value}`;
  }
  return g.message === '' ? `${head}${check}` : `${head}${check}\n  ${g.message}`;
}

/** A reply value as the expect syntax reads it back: nil, a number, a word, or a quoted string. */
function redisValue(v: number | string | null): string {
  if (v === null) return 'nil';
  if (typeof v === 'number') return String(v);
  if (/^[A-Za-z_:.@/+-][\w:.@/+-]*$/.test(v) && v !== 'nil' && !/^-?\d+(\.\d+)?$/.test(v)) return v;
  const text = utf8Text(v);
  if (text === null) return repr(v);
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (c < 32 || c === 127) out += repr(ch).slice(1, -1);
    else out += ch;
  }
  return `${out}"`;
}

