import { createStore, type StoreApi } from 'zustand';
import type { EngineApi, KeyDetail, KeyRow } from '../../../protocol/api.js';
import type { EngineEventBatch } from '../../../protocol/events.js';

/** The calls the browser makes; the comlink proxy satisfies it, and so does a test double. */
export type KeyspaceEngine = {
  [K in 'scanKeys' | 'keyRows' | 'keyDetail']: (...a: Parameters<EngineApi[K]>) => Promise<ReturnType<EngineApi[K]>>;
};

export const STRING_DETAIL_BYTES = 64 * 1024;
export const COLLECTION_DETAIL_ELEMENTS = 200;
/** How long a key that appeared live stays highlighted. */
const FRESH_MS = 1500;
/**
 * Keys created live are added on top one by one; a burst of them (a pasted script, DEBUG
 * POPULATE), or one that would grow the list past this, starts the scan over instead.
 */
export const MAX_ROWS = 5000;

export interface KeyspaceState {
  node: string;
  db: number;
  pattern: string;
  /** Keys in display order: SCAN order, keys created since then on top. */
  rows: KeyRow[];
  cursor: number;
  /** The scan reached cursor 0: every matching key that existed is in `rows`. */
  done: boolean;
  loading: boolean;
  dbSize: number;
  selected: string | null;
  detail: KeyDetail | null;
  /** Key -> host time (performance.now) until which its row is highlighted as new. */
  fresh: ReadonlyMap<string, number>;
  error: string;
}

/**
 * The keyspace browser's data: SCAN pages fetched as the list needs rows, and on every event
 * batch only the rows it names are re-read. It never asks for the whole keyspace.
 */
export class KeyspaceModel {
  readonly store: StoreApi<KeyspaceState>;
  /** Bumped on every restart so late answers to an older scan are dropped. */
  private generation = 0;
  /** Rows per SCAN page: what the list shows at once plus a margin, set by the list. */
  pageSize = 50;

  constructor(
    private readonly engine: KeyspaceEngine,
    private readonly clock: () => number = () => performance.now(),
    init: { db?: number; pattern?: string } = {},
  ) {
    this.store = createStore<KeyspaceState>(() => ({
      node: 'node-1',
      db: init.db ?? 0,
      pattern: init.pattern ?? '',
      rows: [],
      cursor: 0,
      done: false,
      loading: false,
      dbSize: 0,
      selected: null,
      detail: null,
      fresh: new Map(),
      error: '',
    }));
  }

  private get s(): KeyspaceState {
    return this.store.getState();
  }

  private set(patch: Partial<KeyspaceState>): void {
    this.store.setState(patch);
  }

  /** Start the scan over (db or filter changed, db flushed, too many changes to follow). */
  restart(opts: { db?: number; pattern?: string } = {}): Promise<void> {
    this.generation++;
    const keepSelection = opts.db === undefined || opts.db === this.s.db;
    this.set({
      db: opts.db ?? this.s.db,
      pattern: opts.pattern ?? this.s.pattern,
      rows: [],
      cursor: 0,
      done: false,
      loading: false,
      fresh: new Map(),
      error: '',
      ...(keepSelection ? {} : { selected: null, detail: null }),
    });
    return this.loadMore();
  }

  /** Fetch the next SCAN page unless one is in flight or the scan is complete. */
  async loadMore(): Promise<void> {
    const s = this.s;
    if (s.loading || s.done) return;
    const gen = this.generation;
    this.set({ loading: true });
    try {
      const page = await this.engine.scanKeys({ node: s.node, db: s.db, cursor: s.cursor, pattern: s.pattern, count: this.pageSize });
      if (gen !== this.generation) return;
      const known = new Set(this.s.rows.map((r) => r.key));
      const added = page.rows.filter((r) => !known.has(r.key) && known.add(r.key));
      this.set({ rows: [...this.s.rows, ...added], cursor: page.cursor, done: page.cursor === 0, dbSize: page.dbSize, loading: false });
    } catch (e) {
      if (gen === this.generation) this.set({ loading: false, done: true, error: message(e) });
    }
  }

  /** Re-read what a batch says changed in the db on screen. */
  async applyBatch(batch: EngineEventBatch): Promise<void> {
    const s = this.s;
    const size = batch.dbSizes[s.node]?.[s.db];
    if (size !== undefined) this.set({ dbSize: size });
    if (batch.keysOverflow || batch.resync.some((r) => r.node === s.node && r.db === s.db)) {
      await this.restart();
      await this.refreshDetail();
      return;
    }
    const changed = batch.keys.filter((k) => k.node === s.node && k.db === s.db).map((k) => k.key);
    if (changed.length === 0) return;
    const gen = this.generation;
    const res = await this.engine.keyRows({ node: s.node, db: s.db, keys: changed, pattern: s.pattern });
    if (gen !== this.generation) return;
    const byKey = new Map(res.rows.map((r) => [r.key, r]));
    const gone = new Set(res.missing);
    const present = new Set<string>();
    const rows: KeyRow[] = [];
    for (const r of this.s.rows) {
      if (gone.has(r.key)) continue;
      present.add(r.key);
      rows.push(byKey.get(r.key) ?? r);
    }
    const created = res.rows.filter((r) => !present.has(r.key));
    if (created.length > this.pageSize || rows.length + created.length > MAX_ROWS) {
      await this.restart();
      await this.refreshDetail();
      return;
    }
    const now = this.clock();
    const fresh = new Map([...this.s.fresh].filter(([, until]) => until > now));
    for (const r of created) fresh.set(r.key, now + FRESH_MS);
    this.set({ rows: [...created.reverse(), ...rows], dbSize: res.dbSize, fresh });
    if (s.selected !== null && changed.includes(s.selected)) await this.refreshDetail();
  }

  async select(key: string | null): Promise<void> {
    this.set({ selected: key, detail: null });
    await this.refreshDetail();
  }

  private async refreshDetail(): Promise<void> {
    const { selected, node, db } = this.s;
    if (selected === null) return;
    try {
      const detail = await this.engine.keyDetail({ node, db, key: selected, maxBytes: STRING_DETAIL_BYTES, maxElements: COLLECTION_DETAIL_ELEMENTS });
      if (this.s.selected === selected && this.s.db === db) this.set({ detail });
    } catch (e) {
      this.set({ error: message(e) });
    }
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
