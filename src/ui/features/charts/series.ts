import type { MetricPoint } from '../../../protocol/scenario.js';

/**
 * Metric samples → what the charts plot. Pure, so the numbers a chart shows can be tested
 * without a browser.
 */

export type ChartId = 'backend' | 'hitRatio' | 'latency' | 'errors';
export type ChartUnit = 'rate' | 'ratio' | 'ms';

export interface ChartDef {
  id: ChartId;
  title: string;
  /** What the student should read from it. */
  help: string;
  unit: ChartUnit;
  /**
   * Which extreme of a bucket is drawn when there are more samples than pixels: the worst one,
   * so a spike of one 100 ms sample stays visible in an hour-long run.
   */
  worst: 'max' | 'min';
  value: (s: MetricPoint) => number | null;
}

const perSecond = (count: number, s: MetricPoint): number => (count * 1000) / s.ms;

export const CHARTS: readonly ChartDef[] = [
  {
    id: 'backend',
    title: 'Database queries',
    help: 'Queries reaching the database per second (cache misses and writes). Above the capacity line, queries queue, slow down and fail.',
    unit: 'rate',
    worst: 'max',
    value: (s) => perSecond(s.backendQueries, s),
  },
  {
    id: 'hitRatio',
    title: 'Cache hit ratio',
    help: 'Share of reads Redis answered. Every miss is a trip to the database.',
    unit: 'ratio',
    worst: 'min',
    value: (s) => {
      const served = s.hits + s.stale;
      return served + s.misses > 0 ? served / (served + s.misses) : null;
    },
  },
  {
    id: 'latency',
    title: 'Request latency p99',
    help: '99% of application requests finished faster than this.',
    unit: 'ms',
    worst: 'max',
    value: (s) => s.latencyP99,
  },
  {
    id: 'errors',
    title: 'Errors',
    help: 'Requests that failed per second: the database refused them or they timed out.',
    unit: 'rate',
    worst: 'max',
    value: (s) => perSecond(s.errors, s),
  },
];

export interface ChartPoint {
  /** Virtual ms since the scenario started (the end of the sample or bucket). */
  t: number;
  v: number | null;
}

export interface ChartSeries {
  def: ChartDef;
  points: ChartPoint[];
  /** The highest and lowest plotted values (null when nothing is plotted). */
  max: number | null;
  min: number | null;
  /** The latest value. */
  last: number | null;
  /** The worst value since the current step started (null without a step or data). */
  stepWorst: number | null;
  /** A horizontal line to compare with (the database's capacity). */
  reference: { value: number; label: string } | null;
}

export interface ChartsModel {
  from: number;
  to: number;
  series: ChartSeries[];
}

export interface ModelOptions {
  /** The window shown, in virtual ms since the start. */
  from: number;
  to: number;
  /** At most this many points per chart (about one per pixel). */
  maxPoints: number;
  capacityQps: number | null;
  /** When the step under way started: its worst value is shown apart from the window's. */
  stepFrom: number | null;
}

/** The samples whose interval overlaps [from, to], bucketed to at most `maxPoints`. */
export function chartsModel(samples: readonly MetricPoint[], opts: ModelOptions): ChartsModel {
  const first = lowerBound(samples, opts.from);
  const visible = samples.slice(first).filter((s) => s.t - s.ms < opts.to);
  const size = Math.max(1, Math.ceil(visible.length / Math.max(1, opts.maxPoints)));
  const series = CHARTS.map((def) => {
    const points: ChartPoint[] = [];
    for (let i = 0; i < visible.length; i += size) {
      const bucket = visible.slice(i, i + size);
      let v: number | null = null;
      for (const s of bucket) {
        const x = def.value(s);
        if (x !== null && (v === null || (def.worst === 'max' ? x > v : x < v))) v = x;
      }
      points.push({ t: bucket.at(-1)!.t, v });
    }
    const values = points.flatMap((p) => (p.v === null ? [] : [p.v]));
    const last = visible.length === 0 ? null : def.value(visible.at(-1)!);
    const stepValues = opts.stepFrom === null ? [] : samples.slice(lowerBound(samples, opts.stepFrom)).flatMap((s) => def.value(s) ?? []);
    const reference = def.id === 'backend' && opts.capacityQps !== null ? { value: opts.capacityQps, label: `capacity ${formatValue(opts.capacityQps, 'rate')}` } : null;
    return {
      def,
      points,
      max: values.length === 0 ? null : Math.max(...values),
      min: values.length === 0 ? null : Math.min(...values),
      last,
      stepWorst: stepValues.length === 0 ? null : def.worst === 'max' ? Math.max(...stepValues) : Math.min(...stepValues),
      reference,
    };
  });
  return { from: opts.from, to: opts.to, series };
}

/** The first sample whose interval ends after `t` (samples are in time order). */
function lowerBound(samples: readonly MetricPoint[], t: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (samples[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A value as the charts label it: `3,920/s`, `99.5%`, `1,000 ms`. */
export function formatValue(v: number, unit: ChartUnit): string {
  if (unit === 'ratio') return `${(Math.round(v * 1000) / 10).toLocaleString('en-US')}%`;
  const rounded = v >= 100 ? Math.round(v) : Math.round(v * 10) / 10;
  return unit === 'ms' ? `${rounded.toLocaleString('en-US')} ms` : `${rounded.toLocaleString('en-US')}/s`;
}

/** Virtual ms since the start as an axis label: `45s`, `2m05s`. */
export function formatClock(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
