import { isError, type Reply } from '../src/protocol/reply.js';
import { RedisServer } from '../src/engine/server/server.js';
import { ManualClock } from '../src/engine/time/clock.js';
import { KEYS, type PopulateResult } from './populate.js';

/** Runs under `node --expose-gc`: prints a PopulateResult as JSON. */
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

const server = new RedisServer({ clock: new ManualClock() });
const seen: { reply: Reply } = { reply: null };
const client = server.createClient({ sink: (r) => (seen.reply = r) });
gc();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
server.exec(client, ['DEBUG', 'POPULATE', String(KEYS)]);
const ms = performance.now() - started;
gc();
const heap = process.memoryUsage().heapUsed - before;
const keys = server.dbs[0]!.size;
const result: PopulateResult = isError(seen.reply)
  ? { ms: 0, bytesPerKey: 0, error: seen.reply.s }
  : keys !== KEYS
    ? { ms: 0, bytesPerKey: 0, error: `${keys} keys after DEBUG POPULATE ${KEYS}` }
    : { ms, bytesPerKey: heap / keys };
process.stdout.write(JSON.stringify(result));
