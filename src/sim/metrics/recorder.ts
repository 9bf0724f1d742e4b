import { LatencyBuffer } from './percentiles.js';
import { Ring } from './ring.js';
import { zeroCounters, type IntervalCounters, type MetricSample } from './sample.js';

/** Virtual ms per sample: short enough to show a stampede's spike, which lasts ~100 ms. */
export const SAMPLE_MS = 100;
/** One hour of samples: the longest scenario (LIMITS.durationMs) fits whole. */
export const SAMPLE_CAPACITY = 36_000;

const PERCENTILES = [0.5, 0.95, 0.99] as const;

/** What the recorder reads from the world when an interval closes. */
export interface Gauges {
  backendInflight: number;
  backendQueue: number;
  /** The node's total commands processed so far (the recorder takes the difference). */
  redisCommandsTotal: number;
  redisKeys: number;
}

/**
 * Collects one interval at a time (counters bumped in place by traffic and backend, latencies
 * buffered) and keeps closed intervals as samples in a bounded ring.
 */
export class MetricsRecorder {
  counters: IntervalCounters = zeroCounters();
  readonly requestLatency = new LatencyBuffer();
  readonly backendLatency = new LatencyBuffer();
  private readonly ring: Ring<MetricSample>;
  private seq = 0;
  private lastCommandsTotal: number | null = null;

  constructor(capacity = SAMPLE_CAPACITY) {
    this.ring = new Ring(capacity);
  }

  /** Close the interval ending at `t` (ms since the start) that lasted `ms`. */
  close(t: number, ms: number, g: Gauges): MetricSample {
    const c = this.counters;
    const [l50, l95, l99] = this.requestLatency.drain(PERCENTILES);
    const [b50, b95, b99] = this.backendLatency.drain(PERCENTILES);
    const ops = this.lastCommandsTotal === null ? 0 : Math.max(0, g.redisCommandsTotal - this.lastCommandsTotal);
    this.lastCommandsTotal = g.redisCommandsTotal;
    const sample: MetricSample = {
      seq: ++this.seq,
      t,
      ms,
      requests: c.requests,
      reads: c.reads,
      writes: c.writes,
      hits: c.hits,
      misses: c.misses,
      stale: c.stale,
      errors: c.errors,
      latencyP50: l50 ?? null,
      latencyP95: l95 ?? null,
      latencyP99: l99 ?? null,
      backendQueries: c.backendQueries,
      backendCompleted: c.backendCompleted,
      backendRejected: c.backendRejected,
      backendTimeouts: c.backendTimeouts,
      backendInflight: g.backendInflight,
      backendQueue: g.backendQueue,
      backendP50: b50 ?? null,
      backendP95: b95 ?? null,
      backendP99: b99 ?? null,
      redisOps: ops,
      redisKeys: g.redisKeys,
    };
    this.counters = zeroCounters();
    this.ring.push(sample);
    return sample;
  }

  /** Forget the node's command count, e.g. after the node restarted. */
  rebaseCommands(total: number): void {
    this.lastCommandsTotal = total;
  }

  last(): MetricSample | undefined {
    return this.ring.last();
  }

  /** Samples after `seq` that are still kept, oldest first. */
  since(seq: number): MetricSample[] {
    const first = this.ring.at(0);
    if (first === undefined) return [];
    const out: MetricSample[] = [];
    for (let i = Math.max(0, seq - first.seq + 1); i < this.ring.size; i++) out.push(this.ring.at(i)!);
    return out;
  }

  /** Samples whose interval ended after `fromT`, oldest first. */
  window(fromT: number): MetricSample[] {
    let lo = 0;
    let hi = this.ring.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ring.at(mid)!.t <= fromT) lo = mid + 1;
      else hi = mid;
    }
    const out: MetricSample[] = [];
    for (let i = lo; i < this.ring.size; i++) out.push(this.ring.at(i)!);
    return out;
  }
}
