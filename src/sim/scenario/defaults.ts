import type { BackendSettings, TrafficSettings } from './format.js';

/** A modest database: ~500 queries per second at 20 ms each across 10 slots. */
export const BACKEND_DEFAULTS: BackendSettings = {
  latency: 20,
  latencyPerQuery: 0,
  jitter: 0.1,
  concurrency: 10,
  queue: 100,
  timeout: 2000,
};

/** Everything but `rate` and `keys`, which a traffic must state when it starts. */
export const TRAFFIC_DEFAULTS: Omit<TrafficSettings, 'rate' | 'keys'> = {
  distribution: { kind: 'uniform' },
  reads: 1,
  valueSize: 100,
  arrivals: 'poisson',
  strategy: 'naive',
  ttl: 60_000,
  ttlJitter: 0,
  lockTtl: 2000,
  retry: 20,
  wait: 3000,
  onBusy: 'wait',
  beta: 1,
};
