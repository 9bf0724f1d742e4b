import { splitArgs } from '../../protocol/splitargs.js';
import { AGGREGATES, aggregateAllowed, defaultAggregate, METRICS, type MetricDef } from '../metrics/catalog.js';
import type { Aggregate, Comparison, GoalSpec, Window } from './format.js';
import type { LineError, SourceLine } from './markdown.js';
import { refusedCommand } from './redisPolicy.js';
import { utf8Bytes } from './utf8.js';
import { closest } from './suggest.js';
import { parseDuration } from './units.js';

/**
 * `expect` blocks: one goal per line, the lines indented under it say why it is not met yet.
 *
 *   [always] [peak|min|mean|last|total] <metric> [over step|run|last <duration>] <op> <value>
 *   [always] redis <command...> <op> <value>
 *
 * The window defaults to the step; `always` checks the goal at every sample of the step
 * instead of once at its end. Values take the metric's unit: 500 or 500/s for rates, 95% or
 * 0.95 for ratios, 200 or 200ms or 1.5s for latencies; `nil` matches a nil reply.
 */

export const COMPARISONS: readonly Comparison[] = ['<=', '>=', '==', '!=', '<', '>'];
const METRIC_NAMES = Object.keys(METRICS);

export function parseExpectBlock(lines: readonly SourceLine[], errors: LineError[]): GoalSpec[] {
  const goals: GoalSpec[] = [];
  let current: GoalSpec | null = null;
  let sawGoalLine = false;
  let messageLines: string[] = [];
  const finish = (): void => {
    if (current !== null) current.message = messageLines.join(' ');
    messageLines = [];
  };
  for (const { n, text } of lines) {
    if (text.trim() === '' || /^#/.test(text)) continue;
    if (/^\s/.test(text)) {
      if (!sawGoalLine) errors.push({ line: n, message: 'an indented message belongs under the goal it explains' });
      messageLines.push(text.trim());
      continue;
    }
    finish();
    sawGoalLine = true;
    current = parseGoal(text.trim(), n, errors);
    if (current !== null) goals.push(current);
  }
  finish();
  return goals;
}

function parseGoal(line: string, n: number, errors: LineError[]): GoalSpec | null {
  const err = (message: string): null => {
    errors.push({ line: n, message });
    return null;
  };
  let rest = line;
  let always = false;
  if (/^always\s/.test(rest)) {
    always = true;
    rest = rest.slice('always'.length).trim();
  }
  if (/^redis(\s|$)/.test(rest)) return parseRedisGoal(rest.slice('redis'.length).trim(), always, n, err);

  const tokens = rest.split(/\s+/);
  let i = 0;
  let aggregate: Aggregate | null = null;
  if ((AGGREGATES as readonly string[]).includes(tokens[0]!)) aggregate = tokens[i++] as Aggregate;
  const name = tokens[i++];
  if (name === undefined) return err('a goal names a metric after the aggregate, e.g. "peak backend.qps < 500"');
  const def = METRICS[name];
  if (def === undefined) {
    const guess = closest(name, METRIC_NAMES);
    return err(`unknown metric "${name}"${guess === null ? '' : ` (did you mean ${guess}?)`}; the metrics are ${METRIC_NAMES.join(', ')}`);
  }
  if (aggregate !== null && !aggregateAllowed(def.kind, aggregate)) return err(`"total" adds up counts; ${name} is a ${def.kind}`);
  let window: Window = { kind: 'step' };
  if (tokens[i] === 'over') {
    i++;
    const w = tokens[i++];
    if (w === 'step' || w === 'run') {
      window = { kind: w };
    } else if (w === 'last') {
      const d = parseDuration(tokens[i++] ?? '');
      if (!d.ok) return err(`over last: ${d.error}`);
      if (d.value <= 0) return err('over last needs a duration above 0');
      window = { kind: 'last', ms: d.value };
    } else {
      return err(`expected "over step", "over run" or "over last <duration>", got "over ${w ?? ''}"`);
    }
  }
  const op = tokens[i++];
  if (op === undefined || !(COMPARISONS as readonly string[]).includes(op)) {
    return err(`expected a comparison (${COMPARISONS.join(' ')}) after ${name}, got ${op === undefined ? 'the end of the line' : `"${op}"`}`);
  }
  const valueText = tokens[i++];
  if (valueText === undefined) return err(`expected a value after ${op}`);
  if (i < tokens.length) return err(`unexpected "${tokens.slice(i).join(' ')}" after the value`);
  const value = metricValue(def, valueText);
  if (typeof value === 'string') return err(value);
  return { kind: 'metric', line: n, always, metric: name, aggregate: aggregate ?? defaultAggregate(def.kind), window, op: op as Comparison, value, message: '' };
}

/** The threshold in the metric's unit, or why the text is not one. */
function metricValue(def: MetricDef, text: string): number | string {
  const m = /^(\d+(?:\.\d+)?)(%|\/s|ms|s|m)?$/.exec(text);
  if (m === null) return `expected a number after the comparison, got "${text}"`;
  const n = Number(m[1]);
  switch (m[2]) {
    case undefined:
      return n;
    case '%':
      return def.kind === 'ratio' ? n / 100 : `a percentage compares with a ratio such as cache.hit_ratio, not ${def.name}`;
    case '/s':
      return def.kind === 'rate' ? n : `"/s" goes with a rate; ${def.name} is a ${def.kind}`;
    default: {
      if (def.kind !== 'latency') return `a duration compares with a latency, not ${def.name}`;
      const d = parseDuration(text);
      return d.ok ? d.value : d.error;
    }
  }
}

function parseRedisGoal(text: string, always: boolean, n: number, err: (m: string) => null): GoalSpec | null {
  const spans = tokenSpans(text);
  if (spans === null) return err('unbalanced quotes in the redis check');
  const last = spans.length === 0 ? '' : text.slice(spans[spans.length - 1]!.start, spans[spans.length - 1]!.end);
  if ((COMPARISONS as readonly string[]).includes(last) && spans.length >= 2) return err(`expected a value after ${last}`);
  if (spans.length < 3) return err('a redis check is "redis <command> <comparison> <value>", e.g. "redis EXISTS product:42 == 1"');
  const opSpan = spans[spans.length - 2]!;
  const valueSpan = spans[spans.length - 1]!;
  const op = text.slice(opSpan.start, opSpan.end);
  if (!(COMPARISONS as readonly string[]).includes(op)) return err(`expected a comparison (${COMPARISONS.join(' ')}) before the last word, got "${op}"`);
  const source = text.slice(0, opSpan.start).trim();
  const argv = splitArgs(utf8Bytes(source))!;
  const refused = refusedCommand(argv);
  if (refused !== null) return err(refused);
  const valueText = text.slice(valueSpan.start, valueSpan.end);
  const unquoted = splitArgs(utf8Bytes(valueText))![0]!;
  const value = valueText === 'nil' ? null : /^-?\d+(\.\d+)?$/.test(valueText) ? Number(valueText) : unquoted;
  return { kind: 'redis', line: n, always, source, argv, op: op as Comparison, value, message: '' };
}

/** Where each argument starts and ends, split the way splitArgs splits; null on open quotes. */
function tokenSpans(s: string): Array<{ start: number; end: number }> | null {
  const out: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    const start = i;
    let quote: string | null = null;
    while (i < s.length && (quote !== null || !/\s/.test(s[i]!))) {
      const c = s[i]!;
      if (quote === null && (c === '"' || c === "'")) quote = c;
      else if (quote !== null && c === '\\') i++;
      else if (c === quote) quote = null;
      i++;
    }
    if (quote !== null) return null;
    out.push({ start, end: i });
  }
  return splitArgs(utf8Bytes(s)) === null ? null : out;
}
