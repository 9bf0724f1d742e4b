/**
 * One metric sample: what happened during one interval of virtual time. Counts are per
 * interval (rates are count / interval); gauges are the highest value seen during the interval;
 * latencies are percentiles of what completed in it (null when nothing did). Plain data: it
 * crosses the worker boundary as is and feeds the charts.
 */
export interface MetricSample {
  /** Increases by one per sample, from 1. */
  seq: number;
  /** Virtual ms since the scenario started, at the end of the interval. */
  t: number;
  /** Length of the interval in ms. */
  ms: number;

  /** Application requests that arrived. */
  requests: number;
  reads: number;
  writes: number;
  /** Reads answered by Redis (first look, or after waiting for a rebuild). */
  hits: number;
  /** Reads that went to the database. */
  misses: number;
  /** Reads answered with a stale copy while another request rebuilt the value. */
  stale: number;
  /** Requests that failed (database refused or timed out, waited too long for a rebuild). */
  errors: number;
  latencyP50: number | null;
  latencyP95: number | null;
  latencyP99: number | null;

  /** Queries that reached the database, whatever became of them. */
  backendQueries: number;
  backendCompleted: number;
  backendRejected: number;
  backendTimeouts: number;
  backendInflight: number;
  backendQueue: number;
  backendP50: number | null;
  backendP95: number | null;
  backendP99: number | null;

  /** Commands the node processed (traffic, scenario and consoles alike). */
  redisOps: number;
  /** Keys in db 0 at the end of the interval. */
  redisKeys: number;
}

/** The counters of the interval in progress: traffic and backend bump them directly. */
export interface IntervalCounters {
  requests: number;
  reads: number;
  writes: number;
  hits: number;
  misses: number;
  stale: number;
  errors: number;
  backendQueries: number;
  backendCompleted: number;
  backendRejected: number;
  backendTimeouts: number;
}

export function zeroCounters(): IntervalCounters {
  return {
    requests: 0,
    reads: 0,
    writes: 0,
    hits: 0,
    misses: 0,
    stale: 0,
    errors: 0,
    backendQueries: 0,
    backendCompleted: 0,
    backendRejected: 0,
    backendTimeouts: 0,
  };
}
