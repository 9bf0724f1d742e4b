import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchCollections } from './collections.js';
import { benchEngine } from './engine.js';
import { benchPopulate } from './populate.js';
import { benchScenario } from './scenario.js';
import { benchServer } from './server.js';
import { benchZset } from './zset.js';

/**
 * `npm run bench [section...]`: runs the benchmark sections (all by default), prints the
 * report and writes it to bench/results.md. Results are data, never assertions.
 */
const SECTIONS: Record<string, { title: string; run: () => Promise<string> }> = {
  engine: { title: 'Engine in process vs ioredis-mock', run: benchEngine },
  server: { title: 'RESP server vs redis-server', run: benchServer },
  populate: { title: 'DEBUG POPULATE', run: benchPopulate },
  zset: { title: 'Sorted sets at 1,000,000 members', run: benchZset },
  collections: { title: 'Hashes and sets', run: benchCollections },
  scenario: { title: 'Scenario runner', run: benchScenario },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS);
  let report = `# redsim benchmarks\n\n${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}\n`;
  for (const name of names) {
    const section = SECTIONS[name];
    if (section === undefined) throw new Error(`unknown section ${name}; known: ${Object.keys(SECTIONS).join(', ')}`);
    const started = Date.now();
    const body = await section.run();
    report += `\n## ${section.title}\n\n${body}\n_${((Date.now() - started) / 1000).toFixed(1)} s_\n`;
  }
  console.log(report);
  if (wanted.length === 0) fs.writeFileSync(path.join(import.meta.dirname, 'results.md'), report);
}

await main();
