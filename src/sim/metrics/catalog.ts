import type { Aggregate } from '../scenario/format.js';
import type { MetricSample } from './sample.js';

/**
 * The metrics a goal can name, how each is read from a sample, and how a window of samples
 * is summarised. Rates are per virtual second; latencies in ms; ratios 0–1.
 */

export type MetricKind = 'rate' | 'ratio' | 'gauge' | 'latency';
export const AGGREGATES: readonly Aggregate[] = ['peak', 'min', 'mean', 'last', 'total'];

export interface MetricDef {
  name: string;
  kind: MetricKind;
  description: string;
  /** rate: the count in one sample. */
  count?: (s: MetricSample) => number;
  /** ratio: numerator and denominator counts in one sample. */
  num?: (s: MetricSample) => number;
  den?: (s: MetricSample) => number;
  /** gauge, latency: the value of one sample. */
  value?: (s: MetricSample) => number | null;
}

const rate = (name: string, description: string, count: (s: MetricSample) => number): MetricDef => ({ name, kind: 'rate', description, count });
const gauge = (name: string, description: string, value: (s: MetricSample) => number): MetricDef => ({ name, kind: 'gauge', description, value });
const latency = (name: string, description: string, value: (s: MetricSample) => number | null): MetricDef => ({ name, kind: 'latency', description, value });

const served = (s: MetricSample): number => s.hits + s.stale;

export const METRICS: Readonly<Record<string, MetricDef>> = Object.fromEntries(
  ([
    rate('requests', 'application requests per second', (s) => s.requests),
    rate('reads', 'read requests per second', (s) => s.reads),
    rate('writes', 'write requests per second', (s) => s.writes),
    rate('errors', 'failed requests per second', (s) => s.errors),
    rate('cache.hits', 'reads answered by Redis per second', (s) => s.hits),
    rate('cache.misses', 'reads that went to the database per second', (s) => s.misses),
    rate('cache.stale', 'reads answered with a stale copy per second', (s) => s.stale),
    { name: 'cache.hit_ratio', kind: 'ratio', description: 'share of reads answered by Redis', num: served, den: (s: MetricSample) => served(s) + s.misses } satisfies MetricDef,
    latency('latency.p50', 'median request latency (ms)', (s) => s.latencyP50),
    latency('latency.p95', '95th percentile request latency (ms)', (s) => s.latencyP95),
    latency('latency.p99', '99th percentile request latency (ms)', (s) => s.latencyP99),
    rate('backend.qps', 'queries reaching the database per second', (s) => s.backendQueries),
    rate('backend.completed', 'queries the database answered per second', (s) => s.backendCompleted),
    rate('backend.rejected', 'queries refused by a full queue per second', (s) => s.backendRejected),
    rate('backend.timeouts', 'queries that timed out per second', (s) => s.backendTimeouts),
    rate('backend.errors', 'queries refused or timed out per second', (s) => s.backendRejected + s.backendTimeouts),
    gauge('backend.inflight', 'queries running on the database (highest in the interval)', (s) => s.backendInflight),
    gauge('backend.queue', 'queries waiting for the database (highest in the interval)', (s) => s.backendQueue),
    latency('backend.p50', 'median database query latency, queueing included (ms)', (s) => s.backendP50),
    latency('backend.p95', '95th percentile database query latency (ms)', (s) => s.backendP95),
    latency('backend.p99', '99th percentile database query latency (ms)', (s) => s.backendP99),
    rate('redis.ops', 'commands Redis processed per second', (s) => s.redisOps),
    gauge('redis.keys', 'keys in db 0', (s) => s.redisKeys),
  ] as MetricDef[]).map((d) => [d.name, d]),
);

/** What a goal means when it names no aggregate: the whole window for counts, the worst for the rest. */
export function defaultAggregate(kind: MetricKind): Aggregate {
  return kind === 'rate' || kind === 'ratio' ? 'mean' : kind === 'gauge' ? 'last' : 'peak';
}

/** `total` adds counts up; it means nothing for a ratio, a gauge or a latency. */
export function aggregateAllowed(kind: MetricKind, agg: Aggregate): boolean {
  return agg !== 'total' || kind === 'rate';
}

/** The value of one sample in the metric's unit, null when the sample has no data for it. */
export function sampleValue(def: MetricDef, s: MetricSample): number | null {
  switch (def.kind) {
    case 'rate':
      return s.ms > 0 ? (def.count!(s) * 1000) / s.ms : null;
    case 'ratio': {
      const den = def.den!(s);
      return den > 0 ? def.num!(s) / den : null;
    }
    default:
      return def.value!(s);
  }
}

/**
 * Summarise a window. `mean` of a rate is the window's count over its length and `mean` of a
 * ratio is the ratio of the window's sums (not an average of per-sample values, which would
 * weigh a quiet interval like a busy one). Null when the window has no data.
 */
export function aggregate(def: MetricDef, samples: readonly MetricSample[], agg: Aggregate): number | null {
  if (samples.length === 0) return null;
  if (agg === 'total') return def.count === undefined ? null : samples.reduce((a, s) => a + def.count!(s), 0);
  if (agg === 'mean' && def.kind === 'rate') {
    const ms = samples.reduce((a, s) => a + s.ms, 0);
    return ms > 0 ? (samples.reduce((a, s) => a + def.count!(s), 0) * 1000) / ms : null;
  }
  if (agg === 'mean' && def.kind === 'ratio') {
    const den = samples.reduce((a, s) => a + def.den!(s), 0);
    return den > 0 ? samples.reduce((a, s) => a + def.num!(s), 0) / den : null;
  }
  if (agg === 'last') {
    for (let i = samples.length - 1; i >= 0; i--) {
      const v = sampleValue(def, samples[i]!);
      if (v !== null) return v;
    }
    return null;
  }
  let acc: number | null = null;
  let sum = 0;
  let n = 0;
  for (const s of samples) {
    const v = sampleValue(def, s);
    if (v === null) continue;
    sum += v;
    n++;
    acc = acc === null ? v : agg === 'min' ? Math.min(acc, v) : Math.max(acc, v);
  }
  if (agg === 'mean') return n > 0 ? sum / n : null;
  return acc;
}
