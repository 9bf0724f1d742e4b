import { SESSION_FORMAT, SESSION_VERSION, type SessionDb, type SessionSnapshot } from '../../protocol/api.js';
import { isString, stringBytes } from '../../engine/types/object.js';
import type { Simulation } from '../simulation.js';

/**
 * The dataset of the first node as a session file: every db's keys, values and absolute
 * expiry times, read straight from the dicts (no command runs, so nothing shows up in
 * MONITOR or the statistics). Keys whose TTL already passed are left out, as a BGSAVE would.
 */
export function snapshotSession(sim: Simulation): SessionSnapshot {
  const clock = sim.clockState();
  const dbs: SessionDb[] = [];
  for (const db of sim.node()!.server.dbs) {
    if (db.size === 0) continue;
    const keys: SessionDb['keys'] = [];
    for (const e of db.dict.entries()) {
      const when = db.getExpire(e.key);
      if (when >= 0 && when <= clock.now) continue;
      const v = e.val;
      keys.push({
        key: e.key,
        expireAt: when < 0 ? null : when,
        value: isString(v) ? { type: 'string', value: stringBytes(v) } : v.elements(Infinity),
      });
    }
    if (keys.length > 0) dbs.push({ db: db.id, keys });
  }
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    clock: { now: clock.now, speed: clock.speed, paused: clock.paused },
    dbs,
  };
}
