/** Something that can run a callback at a later virtual time (ms since the scenario started). */
export interface Scheduler {
  readonly now: number;
  at(t: number, fn: () => void): void;
}

interface Pending {
  t: number;
  seq: number;
  fn: () => void;
}

/**
 * The scenario's discrete-event queue: a binary min-heap ordered by (time, insertion order), so
 * events due at the same time run in the order they were scheduled and a run replays exactly.
 */
export class EventQueue implements Scheduler {
  now = 0;
  private heap: Pending[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedule `fn` at `t`; a time in the past means now. */
  at(t: number, fn: () => void): void {
    const e: Pending = { t: t < this.now ? this.now : t, seq: this.seq++, fn };
    const h = this.heap;
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(e, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = e;
  }

  /** When the next event is due; Infinity when none is. */
  peek(): number {
    return this.heap.length === 0 ? Infinity : this.heap[0]!.t;
  }

  /** Take the next event, move `now` to its time and run it. */
  runNext(): void {
    const h = this.heap;
    const top = h[0];
    if (top === undefined) return;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(h[r]!, h[l]!) ? r : l;
        if (!before(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    this.now = top.t;
    top.fn();
  }

  /** Move time forward with nothing due (the caller checked `peek()`). */
  moveTo(t: number): void {
    if (t > this.now) this.now = t;
  }
}

function before(a: Pending, b: Pending): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}
