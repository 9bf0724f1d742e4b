import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../../protocol/scenario.js';
import { chartsModel, formatClock, formatValue } from './series.js';

function sample(seq: number, over: Partial<MetricPoint> = {}): MetricPoint {
  return {
    seq,
    t: seq * 100,
    ms: 100,
    requests: 500,
    reads: 500,
    writes: 0,
    hits: 500,
    misses: 0,
    stale: 0,
    errors: 0,
    latencyP50: 0.2,
    latencyP95: 0.3,
    latencyP99: 0.5,
    backendQueries: 0,
    backendCompleted: 0,
    backendRejected: 0,
    backendTimeouts: 0,
    backendInflight: 0,
    backendQueue: 0,
    redisOps: 500,
    redisKeys: 1,
    ...over,
  };
}

const series = (m: ReturnType<typeof chartsModel>, id: string) => m.series.find((s) => s.def.id === id)!;

describe('chart model', () => {
  const run = Array.from({ length: 600 }, (_, i) => sample(i + 1));
  // A stampede: one 100 ms sample where 392 misses reach the database.
  run[199] = sample(200, { hits: 108, misses: 392, backendQueries: 392, errors: 17, latencyP99: 1000.5 });

  it('plots per-second rates, the hit ratio and p99 of every sample when they fit', () => {
    const m = chartsModel(run, { from: 0, to: 60_000, maxPoints: 1000, capacityQps: 500, stepFrom: null });
    const backend = series(m, 'backend');
    expect(backend.points).toHaveLength(600);
    expect(backend.max).toBe(3920);
    expect(backend.reference).toEqual({ value: 500, label: 'capacity 500/s' });
    expect(series(m, 'hitRatio').min).toBeCloseTo(0.216);
    expect(series(m, 'latency').max).toBe(1000.5);
    expect(series(m, 'errors').max).toBe(170);
    expect(series(m, 'errors').last).toBe(0);
    expect(backend.stepWorst).toBeNull();
  });

  it('tells the worst value of the step under way apart from the window', () => {
    const m = chartsModel(run, { from: 0, to: 60_000, maxPoints: 1000, capacityQps: 500, stepFrom: 25_000 });
    expect(series(m, 'backend').max).toBe(3920);
    expect(series(m, 'backend').stepWorst).toBe(0);
    expect(series(m, 'hitRatio').stepWorst).toBe(1);
    expect(chartsModel(run, { from: 0, to: 60_000, maxPoints: 1000, capacityQps: 500, stepFrom: 15_000 }).series[0]!.stepWorst).toBe(3920);
  });

  it('keeps a one-sample spike when there are more samples than pixels', () => {
    const m = chartsModel(run, { from: 0, to: 60_000, maxPoints: 100, capacityQps: 500, stepFrom: null });
    expect(series(m, 'backend').points).toHaveLength(100);
    expect(series(m, 'backend').max).toBe(3920);
    expect(series(m, 'hitRatio').min).toBeCloseTo(0.216);
  });

  it('shows only the window, and nothing for a metric without data', () => {
    const quiet = run.map((s) => (s.seq > 300 ? { ...s, reads: 0, hits: 0, misses: 0, latencyP99: null } : s));
    const m = chartsModel(quiet, { from: 30_000, to: 60_000, maxPoints: 1000, capacityQps: null, stepFrom: null });
    expect(series(m, 'backend').points[0]!.t).toBe(30_100);
    expect(series(m, 'backend').max).toBe(0);
    expect(series(m, 'backend').reference).toBeNull();
    expect(series(m, 'hitRatio').max).toBeNull();
    expect(series(m, 'latency').last).toBeNull();
  });

  it('formats values and times for people', () => {
    expect(formatValue(3920, 'rate')).toBe('3,920/s');
    expect(formatValue(2.25, 'rate')).toBe('2.3/s');
    expect(formatValue(0.9951, 'ratio')).toBe('99.5%');
    expect(formatValue(1000.5, 'ms')).toBe('1,001 ms');
    expect(formatClock(45_000)).toBe('45s');
    expect(formatClock(125_000)).toBe('2m05s');
  });
});
