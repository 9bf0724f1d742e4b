import { createStore, type StoreApi } from 'zustand';
import type { EngineEventBatch } from '../../../protocol/events.js';
import type { StructureRequest, StructureSnapshot, TraceRequest } from '../../../protocol/snapshots.js';
import { conversionNote } from './explain.js';
import { followedMember } from './followWrite.js';

/** The one call the structure view makes; the comlink proxy satisfies it, so does a test double. */
export interface StructureEngine {
  structure(req: StructureRequest): Promise<StructureSnapshot>;
}

export type Target = { kind: 'key'; key: string } | { kind: 'keyspace' };

export interface StructureState {
  node: string;
  db: number;
  target: Target | null;
  /** The request's window start (see StructureRequest.from). */
  from: number;
  /** What fits on screen for the kind drawn. */
  count: number;
  /** Entries of a quicklist's opened node that fit. */
  openCount: number;
  /** The quicklist node opened (null: the window's first). */
  openNode: number | null;
  focusMember: string | null;
  trace: TraceRequest | null;
  snapshot: StructureSnapshot | null;
  /** The sizes the snapshot was asked with: a view that needs others asks again first. */
  snapshotSize: { count: number; openCount: number };
  /** Bumped with every new snapshot. */
  version: number;
  /** Why the key last changed encoding while shown (the 129th member, a 65-byte member...). */
  conversion: string | null;
  error: string;
}

/** Window size asked for before the view has measured itself. */
const DEFAULT_COUNT = 16;
/** Re-reads at most this often (host ms) while changes stream in: the view stays live, the frames stay smooth. */
export const MIN_REFRESH_MS = 100;

/**
 * The structure view's data: the snapshot of one key (or of a db's keyspace dict), re-read when
 * an event batch names it, one request in flight at a time. After a write it follows the member
 * the write placed (the window moves to it; a skiplist traces the insert search).
 */
export class StructureModel {
  readonly store: StoreApi<StructureState>;
  private inFlight = false;
  private dirty = false;
  /** Bumped when the target changes: answers about an older target are dropped. */
  private generation = 0;
  /** The last write already followed, per target. */
  private seenWrite = 0;
  /** Keep a rehashing dict's moving index in the window, until the user pages away. */
  private followRehash = true;

  /** When the last re-read was answered (host ms). */
  private answeredAt = -Infinity;

  constructor(
    private readonly engine: StructureEngine,
    private readonly pacing: { now: () => number; wait: (ms: number) => Promise<void>; minMs: number } = {
      now: () => performance.now(),
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      minMs: MIN_REFRESH_MS,
    },
  ) {
    this.store = createStore<StructureState>(() => ({
      node: 'node-1',
      db: 0,
      target: null,
      from: 0,
      count: DEFAULT_COUNT,
      openCount: DEFAULT_COUNT,
      openNode: null,
      focusMember: null,
      trace: null,
      snapshot: null,
      snapshotSize: { count: 0, openCount: 0 },
      version: 0,
      conversion: null,
      error: '',
    }));
  }

  private get s(): StructureState {
    return this.store.getState();
  }

  /** Draw another key, or the db's keyspace dict. */
  show(target: Target, db = this.s.db): Promise<void> {
    if (sameTarget(target, this.s.target) && db === this.s.db) return this.refresh();
    this.generation++;
    this.seenWrite = 0;
    this.followRehash = true;
    this.store.setState({ target, db, from: 0, focusMember: null, trace: null, openNode: null, snapshot: null, conversion: null, error: '' });
    return this.refresh();
  }

  setCount(count: number, openCount = this.s.openCount): Promise<void> {
    const n = Math.max(1, Math.floor(count));
    const o = Math.max(1, Math.floor(openCount));
    if (n === this.s.count && o === this.s.openCount) return Promise.resolve();
    this.store.setState({ count: n, openCount: o });
    return this.refresh();
  }

  /** Draw one quicklist node's listpack. */
  openNodeAt(index: number): Promise<void> {
    this.store.setState({ openNode: index });
    return this.refresh();
  }

  /** Move the window by a screenful. */
  page(direction: -1 | 1): Promise<void> {
    const { snapshot, count } = this.s;
    if (snapshot === null) return Promise.resolve();
    this.followRehash = false;
    this.store.setState({ from: Math.max(0, windowFrom(snapshot) + direction * count), focusMember: null, openNode: null });
    return this.refresh();
  }

  /** Trace the search for a member (score omitted: its current score) and show where it leads. */
  traceSearch(member: string, score: string | undefined, kind: TraceRequest['kind']): Promise<void> {
    this.store.setState({ trace: score === undefined ? { member, kind } : { member, score, kind }, focusMember: null });
    return this.refresh();
  }

  clearTrace(): Promise<void> {
    this.store.setState({ trace: null });
    return this.refresh();
  }

  /** Re-read the snapshot when the batch says it may have changed. */
  applyBatch(batch: EngineEventBatch): Promise<void> {
    const { target, node, db } = this.s;
    if (target === null) return Promise.resolve();
    const inDb = (k: { node: string; db: number }) => k.node === node && k.db === db;
    const relevant =
      batch.keysOverflow ||
      batch.clock !== undefined ||
      batch.resync.some(inDb) ||
      (target.kind === 'keyspace' ? batch.keys.some(inDb) : batch.keys.some((k) => inDb(k) && k.key === target.key));
    return relevant ? this.refresh() : Promise.resolve();
  }

  /** Fetch now, or once more after the request in flight when one is. */
  async refresh(): Promise<void> {
    if (this.s.target === null) return;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    try {
      do {
        this.dirty = false;
        const early = this.answeredAt + this.pacing.minMs - this.pacing.now();
        if (early > 0) await this.pacing.wait(early);
        await this.fetchOnce();
        this.answeredAt = this.pacing.now();
      } while (this.dirty);
    } finally {
      this.inFlight = false;
    }
  }

  private async fetchOnce(): Promise<void> {
    const gen = this.generation;
    const size = { count: this.s.count, openCount: this.s.openCount };
    let snap = await this.request();
    if (snap === null || gen !== this.generation) return;
    const w = snap.lastWrite;
    if (w !== null && w.seq > this.seenWrite) {
      const first = this.seenWrite === 0 && this.s.snapshot === null;
      this.seenWrite = w.seq;
      const member = first ? null : followedMember(w, snap.kind);
      if (member !== null) {
        this.store.setState({ focusMember: member, trace: snap.kind === 'skiplist' ? { member, kind: 'insert' } : null });
        snap = await this.request();
        if (snap === null || gen !== this.generation) return;
      } else if (!first) {
        this.store.setState({ trace: null });
      }
    }
    if (this.followRehash && snap.kind === 'hashtable' && snap.rehashIdx >= 0 && !inWindow(snap.tables[0].buckets, snap.rehashIdx)) {
      this.store.setState({ from: Math.max(0, snap.rehashIdx - 1) });
      snap = await this.request();
      if (snap === null || gen !== this.generation) return;
    }
    const prev = this.s.snapshot;
    // Nothing moved (a poll, a clock batch): keep the drawing, and whatever it is animating.
    const asked = this.s.snapshotSize;
    if (prev !== null && asked.count === size.count && asked.openCount === size.openCount && JSON.stringify(prev) === JSON.stringify(snap)) return;
    const conversion = conversionNote(prev, snap) ?? this.s.conversion;
    this.store.setState({ snapshot: snap, snapshotSize: size, version: this.s.version + 1, from: windowFrom(snap), conversion, error: '' });
  }

  private async request(): Promise<StructureSnapshot | null> {
    const { target, node, db, from, count, openCount, openNode, focusMember, trace } = this.s;
    if (target === null) return null;
    const req: StructureRequest = { node, db, key: target.kind === 'key' ? target.key : null, from, count, openCount };
    if (openNode !== null) req.openNode = openNode;
    if (focusMember !== null) req.focusMember = focusMember;
    if (trace !== null) req.trace = trace;
    try {
      return await this.engine.structure(req);
    } catch (e) {
      this.store.setState({ error: e instanceof Error ? e.message : String(e) });
      return null;
    }
  }

  /**
   * A rehash also moves without keyspace events: on reads (HGET makes a step) and, for the
   * keyspace dict, on the clock (serverCron). While a drawn dict rehashes the view polls.
   */
  wantsPolling(): boolean {
    const snap = this.s.snapshot;
    return snap !== null && snap.kind === 'hashtable' && snap.rehashIdx !== -1;
  }
}

function inWindow(buckets: ReadonlyArray<{ index: number }>, index: number): boolean {
  return buckets.length > 0 && index >= buckets[0]!.index && index <= buckets.at(-1)!.index;
}

function sameTarget(a: Target | null, b: Target | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && (a.kind === 'keyspace' || a.key === (b as { key: string }).key);
}

/** The `from` that asks for the window a snapshot shows. */
export function windowFrom(s: StructureSnapshot): number {
  switch (s.kind) {
    case 'skiplist':
      return s.nodes[0]?.rank ?? 1;
    case 'listpack':
      return s.listpack.entries[0]?.index ?? 0;
    case 'intset':
      return s.start;
    case 'hashtable':
      return s.tables[0].buckets[0]?.index ?? s.tables[1].buckets[0]?.index ?? 0;
    case 'quicklist':
      return s.nodes[0]?.index ?? 0;
    default:
      return 0;
  }
}
