import type { Engine } from '../../client/engineClient.js';
import { useSaveStatusStore } from '../../stores/saveStatusStore.js';
import type { AutosaveStorage, SavedRecord } from './storage.js';

/** Writes follow changes after a short quiet period, but never later than MAX_WAIT_MS. */
const QUIET_MS = 600;
const MAX_WAIT_MS = 3000;

export interface AutosaveSources {
  engine: Engine;
  consoles(): unknown;
  settings(): unknown;
}

/**
 * Autosave: records marked dirty are written to IndexedDB shortly after the changes stop.
 * The dataset is exported from the worker only when a batch says the keyspace changed, and as
 * JSON text: one string to copy and store, however many keys there are.
 */
export class Autosaver {
  private readonly dirty = new Set<SavedRecord>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstDirtyAt = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: AutosaveStorage,
    private readonly sources: AutosaveSources,
  ) {
    useSaveStatusStore.getState().set('saved');
  }

  mark(record: SavedRecord): void {
    if (this.dirty.size === 0) this.firstDirtyAt = performance.now();
    this.dirty.add(record);
    useSaveStatusStore.getState().set('pending');
    if (this.timer !== null) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(QUIET_MS, this.firstDirtyAt + MAX_WAIT_MS - performance.now()));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Write everything dirty now; resolves when it is on disk. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.running.then(() => this.write());
    return this.running;
  }

  private async write(): Promise<void> {
    if (this.dirty.size === 0) return;
    const records = [...this.dirty];
    this.dirty.clear();
    const status = useSaveStatusStore.getState();
    status.set('saving');
    try {
      const out: Partial<Record<SavedRecord, unknown>> = {};
      for (const r of records) {
        out[r] = r === 'session' ? (await this.sources.engine.exportSessionText()).text : r === 'consoles' ? this.sources.consoles() : this.sources.settings();
      }
      await this.storage.save(out);
      useSaveStatusStore.getState().set(this.dirty.size > 0 ? 'pending' : 'saved');
    } catch (e) {
      for (const r of records) this.dirty.add(r);
      useSaveStatusStore.getState().set('error', e instanceof Error ? e.message : String(e));
    }
  }

  /** Forget everything saved (Reset) and stop pending writes. */
  async clear(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
    await this.running;
    await this.storage.clear();
    useSaveStatusStore.getState().set('saved');
  }
}
