/**
 * The one source of time for engine and simulation (DESIGN.md invariant 3). Engine code never
 * reads the wall clock; the host (Node server, worker, test) injects a Clock.
 *
 * Times are milliseconds since the Unix epoch as a float, so microsecond-precision replies
 * (TIME, MONITOR) come from the same value.
 */
export interface Clock {
  now(): number;
}

/** Tests: time moves only when told to. */
export class ManualClock implements Clock {
  constructor(private t = 1_700_000_000_000) {}
  now(): number {
    return this.t;
  }
  set(ms: number): void {
    this.t = ms;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * Follows a host time source, scaled (x0.1 … x100) and pausable; what the UI drives and, at
 * speed 1, what the Node server runs on. `source` is the host's wall clock in ms, injected so
 * this module stays free of Date/performance.
 */
export class ScaledClock implements Clock {
  private baseVirtual: number;
  private baseReal: number;
  private speedFactor = 1;
  private paused = false;

  constructor(private readonly source: () => number, start?: number) {
    this.baseReal = source();
    this.baseVirtual = start ?? this.baseReal;
  }

  now(): number {
    if (this.paused) return this.baseVirtual;
    return this.baseVirtual + (this.source() - this.baseReal) * this.speedFactor;
  }

  get speed(): number {
    return this.speedFactor;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  private rebase(): void {
    this.baseVirtual = this.now();
    this.baseReal = this.source();
  }

  setSpeed(factor: number): void {
    this.rebase();
    this.speedFactor = factor;
  }

  pause(): void {
    this.rebase();
    this.paused = true;
  }

  resume(): void {
    this.baseReal = this.source();
    this.paused = false;
  }

  /** Jump the virtual clock forward (time bar "advance N seconds", step). */
  advance(ms: number): void {
    this.rebase();
    this.baseVirtual += ms;
  }
}
