import { repr } from '../../protocol/repr.js';
import type { Reply } from '../../protocol/reply.js';
import { aggregate, METRICS } from '../metrics/catalog.js';
import type { MetricsRecorder } from '../metrics/recorder.js';
import type { Aggregate, Comparison, MetricGoal, RedisGoal, Window } from './format.js';
import { formatDuration } from './units.js';

/** One evaluation of a goal: whether it holds, what was measured, and if not, why. */
export interface Verdict {
  met: boolean;
  value: number | string | null;
  reason: string | null;
}

export function compare(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}

export function windowText(w: Window): string {
  return w.kind === 'last' ? `over the last ${formatDuration(w.ms)}` : w.kind === 'run' ? 'over the run' : 'over the step';
}

/** A metric value in its unit (a `total` is a plain count), rounded for people. */
export function formatMetric(metric: string, v: number, aggregate?: Aggregate): string {
  const kind = METRICS[metric]?.kind;
  const round = (x: number): string => String(Math.round(x * 100) / 100);
  if (aggregate === 'total') return round(v);
  if (kind === 'ratio') return `${round(v * 100)}%`;
  if (kind === 'latency') return `${round(v)} ms`;
  if (kind === 'rate') return `${round(v)}/s`;
  return round(v);
}

/** `now` and `stepStart` are ms since the scenario started. */
export function evaluateMetricGoal(g: MetricGoal, metrics: MetricsRecorder, now: number, stepStart: number): Verdict {
  const def = METRICS[g.metric]!;
  const from = g.window.kind === 'step' ? stepStart : g.window.kind === 'run' ? -Infinity : now - g.window.ms;
  const v = aggregate(def, metrics.window(from), g.aggregate);
  const what = `${g.aggregate} ${g.metric} ${windowText(g.window)}`;
  if (v === null) return { met: false, value: null, reason: `no data yet for ${what}` };
  if (compare(v, g.op, g.value)) return { met: true, value: v, reason: null };
  const show = (x: number): string => formatMetric(g.metric, x, g.aggregate);
  return { met: false, value: v, reason: `${what} is ${show(v)}; the goal is ${g.op} ${show(g.value)}` };
}

/** Judge the first reply of a redis check against its expected value. */
export function judgeRedisGoal(g: RedisGoal, reply: Reply | undefined): Verdict {
  const shown = reply === undefined ? '(no reply)' : formatReply(reply);
  const miss = (why: string): Verdict => ({ met: false, value: shown, reason: `${g.source} ${why}` });
  if (reply === undefined) return miss('got no reply');
  if (isTagged(reply, 'error')) return miss(`replied ${shown}`);
  const expected = g.value;
  const isNil = reply === null || isTagged(reply, 'nilarray');
  let met: boolean;
  if (expected === null) {
    met = g.op === '==' ? isNil : g.op === '!=' ? !isNil : false;
  } else if (isNil) {
    // nil equals no value and orders with none.
    met = g.op === '!=';
  } else {
    const got = scalar(reply);
    if (got === null) return miss(`replied ${shown}, which is not a single value`);
    const a = typeof expected === 'number' ? Number(got) : got;
    if (typeof expected === 'number' && (typeof a !== 'number' || Number.isNaN(a))) return miss(`replied ${shown}, not a number`);
    if (typeof a === 'number' && typeof expected === 'number') met = compare(a, g.op, expected);
    else if (g.op === '==' || g.op === '!=') met = (a === expected) === (g.op === '==');
    else return miss(`replied ${shown}; text cannot be compared with ${g.op}`);
  }
  const expectedText = expected === null ? 'nil' : typeof expected === 'number' ? String(expected) : repr(expected);
  return met ? { met, value: shown, reason: null } : miss(`replied ${shown}; the goal is ${g.op} ${expectedText}`);
}

function isTagged(r: Reply, t: string): boolean {
  return r !== null && typeof r === 'object' && !Array.isArray(r) && (r as { t: string }).t === t;
}

/** A reply that is one value (integer, bulk, status, double, bool) as a string or number. */
function scalar(r: Reply): string | number | null {
  if (typeof r === 'string' || typeof r === 'number') return r;
  if (typeof r === 'bigint') return Number(r);
  if (r === null || Array.isArray(r)) return null;
  switch (r.t) {
    case 'status':
    case 'verbatim':
      return r.s;
    case 'double':
      return r.v;
    case 'bool':
      return r.v ? 1 : 0;
    default:
      return null;
  }
}

function formatReply(r: Reply): string {
  if (r === null) return '(nil)';
  if (typeof r === 'string') return repr(r);
  if (typeof r === 'number' || typeof r === 'bigint') return `(integer) ${r}`;
  if (Array.isArray(r)) return `(array of ${r.length})`;
  switch (r.t) {
    case 'error':
      return `(error) ${r.s}`;
    case 'status':
      return r.s;
    case 'nilarray':
      return '(nil)';
    case 'double':
      return `(double) ${r.v}`;
    case 'bool':
      return `(boolean) ${r.v}`;
    case 'verbatim':
      return repr(r.s);
    default:
      return `(${r.t} of ${r.v.length})`;
  }
}
