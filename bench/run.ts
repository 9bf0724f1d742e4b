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
 * `npm run bench`: runs the default sections, prints the report and writes it to
 * bench/results.md (about three minutes on an idle machine). `npm run bench -- <section>...`
 * runs the named ones, including the long million-element ones, and only prints.
 * Results are data, never assertions.
 */
interface Section {
  title: string;
  run: () => Promise<string>;
  /** Part of the default run (results.md); the others are run by name. */
  byDefault: boolean;
}

const SECTIONS: Record<string, Section> = {
  engine: { title: 'Engine in process vs ioredis-mock', run: benchEngine, byDefault: true },
  server: { title: 'RESP server vs redis-server', run: benchServer, byDefault: true },
  populate: { title: 'DEBUG POPULATE', run: benchPopulate, byDefault: true },
  scenario: { title: 'Scenario runner', run: benchScenario, byDefault: true },
  zset: { title: 'Sorted sets at 1,000,000 members', run: benchZset, byDefault: false },
  collections: { title: 'Hashes and sets', run: benchCollections, byDefault: false },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS).filter((n) => SECTIONS[n]!.byDefault);
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
