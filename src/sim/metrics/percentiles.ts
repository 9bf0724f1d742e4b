/**
 * Latencies of one interval, kept exactly (a growable Float64Array) and sorted once when the
 * interval closes: an interval holds at most rate × interval values, so exact percentiles are
 * cheaper than they sound and never disagree with a hand computation.
 */
export class LatencyBuffer {
  private values = new Float64Array(256);
  private n = 0;

  add(ms: number): void {
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.n++] = ms;
  }

  /** Nearest-rank percentiles (p in 0–1) of what was added, then empties the buffer. */
  drain(ps: readonly number[]): Array<number | null> {
    if (this.n === 0) return ps.map(() => null);
    const sorted = this.values.subarray(0, this.n).sort();
    const out = ps.map((p) => sorted[Math.min(this.n - 1, Math.max(0, Math.ceil(p * this.n) - 1))]!);
    this.n = 0;
    return out;
  }
}
