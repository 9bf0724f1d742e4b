import { openDB, type IDBPDatabase } from 'idb';

const DB_NAME = 'redsim';
const DB_VERSION = 1;
const STORE = 'autosave';

/** What autosave keeps, one IndexedDB record each so they are written independently. */
export type SavedRecord = 'session' | 'consoles' | 'settings';

export interface SavedState {
  session: unknown;
  consoles: unknown;
  settings: unknown;
}

/**
 * The autosave store in IndexedDB. Everything read back is `unknown`: an old version of the
 * app, another tab or a hand-edited profile may have written it, so callers validate.
 */
export class AutosaveStorage {
  private constructor(private readonly db: IDBPDatabase) {}

  /** Null when IndexedDB is unavailable (some private modes): the app runs without autosave. */
  static async open(): Promise<AutosaveStorage | null> {
    try {
      const db = await openDB(DB_NAME, DB_VERSION, {
        upgrade(d) {
          if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE);
        },
      });
      return new AutosaveStorage(db);
    } catch {
      return null;
    }
  }

  async load(): Promise<SavedState> {
    const tx = this.db.transaction(STORE, 'readonly');
    const [session, consoles, settings] = await Promise.all([
      tx.store.get('session'),
      tx.store.get('consoles'),
      tx.store.get('settings'),
    ]);
    return { session, consoles, settings };
  }

  async save(records: Partial<Record<SavedRecord, unknown>>): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    for (const [k, v] of Object.entries(records)) void tx.store.put(v, k);
    await tx.done;
  }

  async clear(): Promise<void> {
    await this.db.clear(STORE);
  }
}
