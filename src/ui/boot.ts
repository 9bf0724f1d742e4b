import type { ClockState } from '../protocol/events.js';
import type { EngineClient } from './client/engineClient.js';
import type { AppServices } from './client/hooks.js';
import { KeyspaceModel } from './features/keyspace/keyspaceModel.js';
import { Autosaver } from './features/session/autosave.js';
import { AutosaveStorage } from './features/session/storage.js';
import { ConsoleConnections } from './features/workspace/consoleConnections.js';
import { useClockStore, virtualNow } from './stores/clockStore.js';
import { sanitizeSavedTabs, useConsolesStore } from './stores/consolesStore.js';
import { useEngineInfoStore } from './stores/engineInfoStore.js';
import { useNoticeStore } from './stores/noticeStore.js';
import { currentSettings, defaultSettings, sanitizeSettings, useSettingsStore } from './stores/settingsStore.js';
import { installTestHook } from './testHook.js';

function consolesRecord(): unknown {
  const { tabs, active } = useConsolesStore.getState();
  return { tabs: tabs.map((t) => ({ title: t.title, history: t.history })), active: tabs.findIndex((t) => t.id === active) };
}

/**
 * With the worker starting, restore the autosave (settings, consoles, then the dataset), and wire the
 * one event subscription to the clock, the keyspace view, the consoles and autosave.
 */
export async function boot(engine: EngineClient): Promise<AppServices> {
  engine.worker.addEventListener('error', (e) => {
    useNoticeStore.getState().show('error', `The engine failed to start: ${e.message || 'the worker script could not run'}`);
  });
  const storage = await AutosaveStorage.open();
  const saved = storage === null ? null : await storage.load().catch(() => null);

  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  useSettingsStore.setState(sanitizeSettings(saved?.settings, defaultSettings(prefersDark)));
  const restoredTabs = sanitizeSavedTabs(saved?.consoles);
  useConsolesStore.getState().replaceAll(restoredTabs.tabs, restoredTabs.active);

  // Not awaited: the worker answers in call order, so the restore lands before any command a
  // console sends, and the UI can draw while the worker is still starting.
  if (saved?.session != null) {
    void engine.api.importSession(saved.session).then((r) => {
      if (!r.ok) useNoticeStore.getState().show('error', `The autosaved data could not be restored: ${r.error}`);
    });
  }
  void engine.api.hello().then((info) => {
    useEngineInfoStore.setState({ info });
    useClockStore.getState().setClock(info.clock);
  });

  const settings = useSettingsStore.getState();
  const keyspace = new KeyspaceModel(engine.api, undefined, { db: settings.keyspaceDb, pattern: settings.keyspacePattern });
  const consoles = new ConsoleConnections(engine);
  consoles.onState = (tabId, state) => useConsolesStore.getState().setClient(tabId, state);
  const autosave = storage === null ? null : new Autosaver(storage, { engine: engine.api, consoles: consolesRecord, settings: currentSettings });

  engine.onBatch((batch) => {
    if (batch.clock !== undefined) useClockStore.getState().setClock(batch.clock);
    if (batch.eventCount > 0 || batch.resync.length > 0 || batch.clock !== undefined) autosave?.mark('session');
    void keyspace.applyBatch(batch);
  });
  if (autosave !== null) {
    useConsolesStore.subscribe((s, prev) => {
      if (s.tabs.length !== prev.tabs.length || s.tabs.some((t, i) => t.history !== prev.tabs[i]?.history || t.title !== prev.tabs[i]?.title) || s.active !== prev.active) {
        autosave.mark('consoles');
      }
    });
    useSettingsStore.subscribe(() => autosave.mark('settings'));
    // Best effort when the tab goes away; the debounced saves have normally run already.
    window.addEventListener('pagehide', () => void autosave.flush());
  }
  void keyspace.restart();

  installTestHook({
    async advanceClock(ms) {
      const applied = nextBatch(engine.onBatch.bind(engine));
      useClockStore.getState().setClock(await engine.api.advance(ms));
      await applied;
    },
    async setPaused(paused) {
      const applied = nextBatch(engine.onBatch.bind(engine));
      useClockStore.getState().setClock(await (paused ? engine.api.pause() : engine.api.resume()));
      await applied;
    },
    flushAutosave: async () => autosave?.flush(),
    virtualNow: () => {
      const c: ClockState | null = useClockStore.getState().clock;
      return c === null ? 0 : virtualNow(c);
    },
  });

  return { engine, keyspace, consoles, autosave };
}

/** Resolves after the next event batch has been handed to every listener (and their re-reads). */
function nextBatch(onBatch: (fn: () => void) => () => void): Promise<void> {
  return new Promise((resolve) => {
    const off = onBatch(() => {
      off();
      // Listeners re-read rows asynchronously; one more macrotask lets their answers land.
      setTimeout(resolve, 0);
    });
  });
}
