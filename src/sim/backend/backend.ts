import type { BackendSettings } from '../scenario/format.js';
import type { Scheduler } from '../scenario/eventQueue.js';
import type { MetricsRecorder } from '../metrics/recorder.js';
import type { Prng } from '../../engine/time/prng.js';

/** What became of a query: answered, refused by a full queue, or given up on by the caller. */
export type QueryOutcome = 'ok' | 'rejected' | 'timeout';

interface Query {
  submitted: number;
  done: (outcome: QueryOutcome, latencyMs: number) => void;
  state: 'waiting' | 'running' | 'finished';
}

/**
 * The database behind the cache, as a queueing model on the virtual clock (M/G/c with a finite
 * queue): `concurrency` queries are served at once, each taking `latency` plus
 * `latencyPerQuery` for every other query running beside it (contention), varied by `jitter`;
 * the rest wait in a FIFO queue of at most `queue`, and beyond that the database refuses them.
 * A caller gives up after `timeout`: a waiting query leaves the queue then, a running one keeps
 * its slot busy until it finishes — wasted work, which is how an overloaded database melts.
 */
export class Backend {
  private running = 0;
  private waiting: Query[] = [];
  private head = 0;
  private waitingCount = 0;
  private peakRunning = 0;
  private peakWaiting = 0;

  constructor(
    private readonly sched: Scheduler,
    private readonly prng: Prng,
    private readonly metrics: MetricsRecorder,
    public settings: BackendSettings,
  ) {}

  get inflight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waitingCount;
  }

  /** Queries per second the database sustains when idle queries do not slow each other. */
  get capacityQps(): number {
    return (this.settings.concurrency * 1000) / this.settings.latency;
  }

  configure(settings: Partial<BackendSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.pump();
  }

  /** Send a query; `done` runs later, on the virtual clock, with the latency the caller saw. */
  query(done: (outcome: QueryOutcome, latencyMs: number) => void): void {
    this.metrics.counters.backendQueries++;
    const q: Query = { submitted: this.sched.now, done, state: 'waiting' };
    if (this.running < this.settings.concurrency) {
      this.start(q);
    } else if (this.waitingCount < this.settings.queue) {
      this.waiting.push(q);
      this.waitingCount++;
      if (this.waitingCount > this.peakWaiting) this.peakWaiting = this.waitingCount;
      this.sched.at(q.submitted + this.settings.timeout, () => {
        if (q.state !== 'waiting') return;
        q.state = 'finished';
        this.waitingCount--;
        this.fail(q, 'timeout');
      });
    } else {
      this.metrics.counters.backendRejected++;
      q.state = 'finished';
      this.sched.at(this.sched.now, () => done('rejected', 0));
    }
  }

  /** The highest in-flight and queue lengths since the last call (what a sample reports). */
  takePeaks(): { inflight: number; queue: number } {
    const peaks = { inflight: this.peakRunning, queue: this.peakWaiting };
    this.peakRunning = this.running;
    this.peakWaiting = this.waitingCount;
    return peaks;
  }

  private start(q: Query): void {
    const s = this.settings;
    q.state = 'running';
    this.running++;
    if (this.running > this.peakRunning) this.peakRunning = this.running;
    const base = s.latency + s.latencyPerQuery * (this.running - 1);
    const service = base * (1 + s.jitter * (2 * this.prng.next() - 1));
    const now = this.sched.now;
    const end = now + service;
    const deadline = q.submitted + s.timeout;
    if (end > deadline) {
      this.sched.at(deadline, () => {
        q.state = 'finished';
        this.fail(q, 'timeout');
      });
    }
    this.sched.at(end, () => {
      this.running--;
      this.pump();
      if (q.state !== 'running') return;
      q.state = 'finished';
      const latency = end - q.submitted;
      this.metrics.counters.backendCompleted++;
      this.metrics.backendLatency.add(latency);
      q.done('ok', latency);
    });
  }

  /** The caller gives up: its latency is the time it waited, counted with the answered ones. */
  private fail(q: Query, outcome: 'timeout'): void {
    const latency = this.sched.now - q.submitted;
    this.metrics.counters.backendTimeouts++;
    this.metrics.backendLatency.add(latency);
    q.done(outcome, latency);
  }

  /** Start waiting queries while slots are free, oldest first. */
  private pump(): void {
    while (this.running < this.settings.concurrency && this.waitingCount > 0) {
      const q = this.waiting[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting = this.waiting.slice(this.head);
        this.head = 0;
      }
      if (q.state !== 'waiting') continue;
      this.waitingCount--;
      this.start(q);
    }
  }
}
