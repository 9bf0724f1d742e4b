/**
 * Regenerates src/engine/commands/redis-commands.json from a live redis-server 7.0:
 * COMMAND INFO and COMMAND DOCS as RESP3 replies, so COMMAND, hints, completion and HELP carry
 * Redis's own metadata (arity, flags, key specs, summaries, argument docs) byte for byte.
 * Run with: npx tsx scripts/dump-command-docs.ts
 */
import fs from 'node:fs';
import { RespConnection } from '../src/node/testing/respConnection.js';
import { startRealRedis } from '../src/node/testing/realRedis.js';
import type { Reply } from '../src/protocol/reply.js';

const real = await startRealRedis();
const conn = await RespConnection.connect(real.port);
await conn.call(['HELLO', '3']);
const info = (await conn.call(['COMMAND', 'INFO'])).reply as Reply[];
const docs = (await conn.call(['COMMAND', 'DOCS'])).reply as { t: 'map'; v: Reply[] };
conn.close();
await real.stop();

// An array, not an object keyed by name: loaders that turn JSON keys into named exports choke
// on command names such as `eval` and `function`.
const out: Array<{ name: string; info: Reply; docs: Reply }> = [];
const docsByName = new Map<string, Reply>();
for (let i = 0; i < docs.v.length; i += 2) docsByName.set(docs.v[i] as string, docs.v[i + 1]!);
for (const entry of info) {
  const name = (entry as Reply[])[0] as string;
  out.push({ name, info: entry, docs: docsByName.get(name) ?? null });
}
const file = new URL('../src/engine/commands/redis-commands.json', import.meta.url);
fs.writeFileSync(file, JSON.stringify(out));
console.log(`wrote ${out.length} commands`);
