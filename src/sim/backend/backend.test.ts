import { describe, expect, it } from 'vitest';
import { Prng } from '../../engine/time/prng.js';
import { MetricsRecorder } from '../metrics/recorder.js';
import { EventQueue } from '../scenario/eventQueue.js';
import type { BackendSettings } from '../scenario/format.js';
import { Backend, type QueryOutcome } from './backend.js';

const FIXED: BackendSettings = { latency: 10, latencyPerQuery: 0, jitter: 0, concurrency: 2, queue: 3, timeout: 100 };

function setup(settings: Partial<BackendSettings> = {}) {
  const queue = new EventQueue();
  const metrics = new MetricsRecorder();
  const backend = new Backend(queue, new Prng(1), metrics, { ...FIXED, ...settings });
  const results: Array<{ at: number; outcome: QueryOutcome; latency: number }> = [];
  const send = (): void => backend.query((outcome, latency) => results.push({ at: queue.now, outcome, latency }));
  const runAll = (): void => {
    while (queue.size > 0) queue.runNext();
  };
  return { queue, metrics, backend, results, send, runAll };
}

describe('Backend', () => {
  it('serves up to `concurrency` queries at once and queues the rest in order', () => {
    const { backend, results, send, runAll } = setup();
    for (let i = 0; i < 5; i++) send();
    expect([backend.inflight, backend.queued]).toEqual([2, 3]);
    runAll();
    expect(results.map((r) => [r.at, r.latency])).toEqual([
      [10, 10],
      [10, 10],
      [20, 20],
      [20, 20],
      [30, 30],
    ]);
  });

  it('refuses queries beyond the queue, right away', () => {
    const { metrics, results, send, runAll } = setup();
    for (let i = 0; i < 7; i++) send();
    runAll();
    expect(results.filter((r) => r.outcome === 'rejected').map((r) => r.at)).toEqual([0, 0]);
    expect(metrics.counters).toMatchObject({ backendQueries: 7, backendCompleted: 5, backendRejected: 2, backendTimeouts: 0 });
  });

  it('times out queries that wait too long; a running one keeps its slot until it finishes', () => {
    const { backend, metrics, results, queue, send } = setup({ latency: 80, timeout: 100, queue: 10 });
    for (let i = 0; i < 4; i++) send();
    // Two run (0–80), two wait; at 80 those start and would end at 160 > their 100 ms deadline.
    while (queue.peek() <= 100) queue.runNext();
    expect(results.map((r) => [r.at, r.outcome])).toEqual([
      [80, 'ok'],
      [80, 'ok'],
      [100, 'timeout'],
      [100, 'timeout'],
    ]);
    expect(backend.inflight).toBe(2);
    while (queue.peek() <= 160) queue.runNext();
    expect(backend.inflight).toBe(0);
    expect(metrics.counters.backendTimeouts).toBe(2);
  });

  it('drops a query from the queue when its caller gives up before it starts', () => {
    const { backend, results, queue, send } = setup({ latency: 500, timeout: 100, concurrency: 1, queue: 5 });
    send();
    send();
    while (queue.peek() <= 100) queue.runNext();
    expect(results).toEqual([
      { at: 100, outcome: 'timeout', latency: 100 },
      { at: 100, outcome: 'timeout', latency: 100 },
    ]);
    expect([backend.inflight, backend.queued]).toEqual([1, 0]);
  });

  it('slows down under load (latency per concurrent query) and varies by its jitter', () => {
    const loaded = setup({ latencyPerQuery: 5, concurrency: 4, queue: 0 });
    for (let i = 0; i < 4; i++) loaded.send();
    loaded.runAll();
    expect(loaded.results.map((r) => r.latency)).toEqual([10, 15, 20, 25]);

    const jittered = setup({ jitter: 0.5, concurrency: 1000, queue: 0 });
    for (let i = 0; i < 1000; i++) jittered.send();
    jittered.runAll();
    const lat = jittered.results.map((r) => r.latency);
    expect(Math.min(...lat)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...lat)).toBeLessThanOrEqual(15);
    expect(lat.reduce((a, b) => a + b, 0) / lat.length).toBeCloseTo(10, 0);
  });

  it('sustains concurrency / latency queries per second under a steady overload', () => {
    const { backend, metrics, queue } = setup({ latency: 20, concurrency: 10, queue: 50, timeout: 10_000 });
    expect(backend.capacityQps).toBe(500);
    // 1000 queries per second for 2 s, twice the capacity.
    for (let t = 0; t < 2000; t++) queue.at(t, () => backend.query(() => {}));
    while (queue.peek() <= 2000) queue.runNext();
    expect(metrics.counters.backendCompleted).toBeGreaterThanOrEqual(990);
    expect(metrics.counters.backendCompleted).toBeLessThanOrEqual(1000);
    expect(metrics.counters.backendRejected).toBeGreaterThan(900);
  });

  it('reports the highest in-flight and queue lengths between samples', () => {
    const { backend, send, runAll } = setup();
    for (let i = 0; i < 5; i++) send();
    runAll();
    expect(backend.takePeaks()).toEqual({ inflight: 2, queue: 3 });
    expect(backend.takePeaks()).toEqual({ inflight: 0, queue: 0 });
  });

  it('starts waiting queries when it gets more slots', () => {
    const { backend, send } = setup();
    for (let i = 0; i < 5; i++) send();
    backend.configure({ concurrency: 5 });
    expect([backend.inflight, backend.queued]).toEqual([5, 0]);
  });
});
