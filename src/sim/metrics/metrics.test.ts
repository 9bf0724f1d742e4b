import { describe, expect, it } from 'vitest';
import { aggregate, METRICS, sampleValue } from './catalog.js';
import { LatencyBuffer } from './percentiles.js';
import { MetricsRecorder } from './recorder.js';
import { Ring } from './ring.js';
import type { MetricSample } from './sample.js';

const GAUGES = { backendInflight: 0, backendQueue: 0, redisCommandsTotal: 0, redisKeys: 0 };

/** Close one 100 ms interval with these counts. */
function interval(m: MetricsRecorder, t: number, counts: Partial<MetricsRecorder['counters']>, gauges: Partial<typeof GAUGES> = {}): MetricSample {
  Object.assign(m.counters, counts);
  return m.close(t, 100, { ...GAUGES, ...gauges });
}

describe('LatencyBuffer', () => {
  it('gives exact nearest-rank percentiles and empties itself', () => {
    const b = new LatencyBuffer();
    for (let i = 1000; i >= 1; i--) b.add(i);
    expect(b.drain([0.5, 0.95, 0.99, 1])).toEqual([500, 950, 990, 1000]);
    expect(b.drain([0.5])).toEqual([null]);
    b.add(7);
    expect(b.drain([0.01, 0.99])).toEqual([7, 7]);
  });
});

describe('Ring', () => {
  it('keeps the last `capacity` items in order', () => {
    const r = new Ring<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect([r.at(0), r.at(1), r.at(2), r.last(), r.at(3), r.at(-1), r.size]).toEqual([3, 4, 5, 5, undefined, undefined, 3]);
  });
});

describe('MetricsRecorder', () => {
  it('closes intervals into samples with counts, peaks and command deltas', () => {
    const m = new MetricsRecorder();
    m.rebaseCommands(1000);
    m.requestLatency.add(3);
    m.requestLatency.add(1);
    const s = interval(m, 100, { requests: 2, hits: 2, reads: 2 }, { backendQueue: 4, redisCommandsTotal: 1250, redisKeys: 9 });
    expect(s).toMatchObject({ seq: 1, t: 100, ms: 100, requests: 2, hits: 2, latencyP50: 1, latencyP99: 3, backendQueue: 4, redisOps: 250, redisKeys: 9, backendP50: null });
    expect(m.counters.requests).toBe(0);
    const s2 = interval(m, 200, {}, { redisCommandsTotal: 1300 });
    expect(s2.redisOps).toBe(50);
  });

  it('answers samples since a sequence number and over a time window, within its capacity', () => {
    const m = new MetricsRecorder(5);
    for (let i = 1; i <= 8; i++) interval(m, i * 100, { requests: i });
    expect(m.since(0).map((s) => s.seq)).toEqual([4, 5, 6, 7, 8]);
    expect(m.since(6).map((s) => s.seq)).toEqual([7, 8]);
    expect(m.since(8)).toEqual([]);
    expect(m.window(600).map((s) => s.t)).toEqual([700, 800]);
    expect(m.window(-Infinity)).toHaveLength(5);
  });
});

describe('metric aggregates', () => {
  const m = new MetricsRecorder();
  const samples = [
    interval(m, 100, { requests: 10, hits: 9, misses: 1, backendQueries: 1 }, { backendQueue: 3 }),
    interval(m, 200, { requests: 100, hits: 10, misses: 90, backendQueries: 90 }, { backendQueue: 50 }),
    interval(m, 300, { requests: 0 }, { backendQueue: 0 }),
  ];
  const agg = (name: string, a: Parameters<typeof aggregate>[2]) => aggregate(METRICS[name]!, samples, a);

  it('rates: per second; peak of the samples, mean and total over the window', () => {
    expect(agg('backend.qps', 'peak')).toBe(900);
    expect(agg('backend.qps', 'min')).toBe(0);
    expect(agg('backend.qps', 'mean')).toBeCloseTo(303.33, 2);
    expect(agg('backend.qps', 'total')).toBe(91);
    expect(agg('backend.qps', 'last')).toBe(0);
  });

  it('ratios: the mean is the ratio of the sums, not the mean of the ratios', () => {
    expect(agg('cache.hit_ratio', 'mean')).toBeCloseTo(19 / 110, 10);
    expect(agg('cache.hit_ratio', 'peak')).toBeCloseTo(0.9, 10);
    // The quiet last interval has no reads: no value, so `last` looks further back.
    expect(sampleValue(METRICS['cache.hit_ratio']!, samples[2]!)).toBeNull();
    expect(agg('cache.hit_ratio', 'last')).toBeCloseTo(0.1, 10);
  });

  it('gauges and latencies: values as sampled; nothing for an empty window', () => {
    expect(agg('backend.queue', 'peak')).toBe(50);
    expect(agg('backend.queue', 'mean')).toBeCloseTo(53 / 3, 10);
    expect(agg('latency.p99', 'peak')).toBeNull();
    expect(aggregate(METRICS['requests']!, [], 'mean')).toBeNull();
  });
});
