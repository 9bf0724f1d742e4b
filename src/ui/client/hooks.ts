import { createContext, useContext, useEffect, useState } from 'react';
import type { KeyspaceModel } from '../features/keyspace/keyspaceModel.js';
import type { Autosaver } from '../features/session/autosave.js';
import type { ConsoleConnections } from '../features/workspace/consoleConnections.js';
import { useClockStore, virtualNow } from '../stores/clockStore.js';
import type { EngineClient } from './engineClient.js';

/** What the app's components share: built once at boot, never replaced. */
export interface AppServices {
  engine: EngineClient;
  keyspace: KeyspaceModel;
  consoles: ConsoleConnections;
  autosave: Autosaver | null;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (s === null) throw new Error('useServices outside of <ServicesContext>');
  return s;
}

/**
 * The virtual time, re-rendering `fps` times a second while the clock runs (and not at all
 * while it is paused): what makes TTLs and the clock display tick.
 */
export function useVirtualNow(fps: number): number {
  const clock = useClockStore((s) => s.clock);
  const [now, setNow] = useState(() => (clock === null ? 0 : virtualNow(clock)));
  useEffect(() => {
    if (clock === null) return;
    setNow(virtualNow(clock));
    if (clock.paused) return;
    const id = setInterval(() => setNow(virtualNow(clock)), 1000 / fps);
    return () => clearInterval(id);
  }, [clock, fps]);
  return now;
}
