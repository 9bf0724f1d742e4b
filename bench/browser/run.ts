import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, launchBrowser } from '../../e2e/support/browser.js';
import { serveStatic } from '../../e2e/support/staticServer.js';
import { cpus, loadavg } from 'node:os';
import { buildWithGraph } from './buildGraph.js';
import { pasteAndWait, percentile, PROBE_SCRIPT, promptTime, roundTrip, scriptsBeforePrompt } from './measure.js';

/**
 * Browser benchmark (not a test): what a student feels. Builds the app, serves dist/ like a
 * static host, drives Debian's chromium, and writes bench/browser-results.md.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ROUND_TRIPS = 1000;
const PASTED = 10_000;
const LOADS = 5;

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const chunks = await buildWithGraph(ROOT);
  const gz = (file: string) => gzipSync(readFileSync(resolve(ROOT, 'dist', file)), { level: 9 }).length;
  const load = loadavg()[0]!;

  const site = await serveStatic(resolve(ROOT, 'dist'));
  const loads: number[] = [];
  let fetched: string[] = [];
  for (let i = 0; i < LOADS; i++) {
    const b = await launchBrowser();
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.addInitScript(PROBE_SCRIPT);
    await page.goto(site.url);
    loads.push(await promptTime(page));
    fetched = await scriptsBeforePrompt(page);
    await b.close();
  }
  // What the page ran before the console was usable; the worker's script is counted apart.
  const initial = chunks.filter((c) => fetched.includes(c.fileName));
  const workerFile = fetched.find((f) => f.includes('worker'));
  const initialGzip = initial.reduce((n, c) => n + gz(c.fileName), 0);
  const workerGzip = workerFile === undefined ? 0 : gz(workerFile);
  const lazyOnly = (pkg: string) => !initial.some((c) => c.moduleIds.some((m) => m.includes(`/node_modules/${pkg}/`)));

  const b = await launchBrowser();
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.addInitScript(PROBE_SCRIPT);
  await page.goto(site.url);
  await promptTime(page);
  await page.locator('[data-testid=console] .xterm-screen').click();
  for (let i = 0; i < 20; i++) await roundTrip(page, `ECHO warm-${i}`, `"warm-${i}"`);
  const trips: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) trips.push(await roundTrip(page, `ECHO rt-${i}`, `"rt-${i}"`));
  trips.sort((a, b2) => a - b2);

  const script = Array.from({ length: PASTED }, (_, i) => `SET paste:${i} value-${i}`).join('\n') + '\nECHO paste-done\n';
  const pasteMs = await pasteAndWait(page, script, '"paste-done"');
  const dbsize = await roundTrip(page, 'DBSIZE', `(integer) ${PASTED}`);
  await b.close();
  await site.close();
  loads.sort((a, b2) => a - b2);

  const chromium = execFileSync(CHROMIUM, ['--version']).toString().trim();
  const lines = [
    '# Browser benchmark',
    '',
    `Measured by \`npm run bench:browser\` (bench/browser/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${chromium}, headless,`,
    `${process.platform}/${process.arch}, Node ${process.version}, load average ${load.toFixed(1)} on ${cpus().length} cores at the start.`,
    'The build is served from a sub-path by a static server on loopback.',
    'Numbers are data, not assertions; they vary with the machine and its load.',
    '',
    '| What | Result |',
    '|---|---|',
    `| Console round trip, Enter → reply drawn (${ROUND_TRIPS} × \`ECHO\`) | p50 ${ms(percentile(trips, 50))}, p99 ${ms(percentile(trips, 99))}, max ${ms(trips.at(-1)!)} |`,
    `| ${PASTED.toLocaleString('en-US')} pasted \`SET\` commands, paste → last reply drawn | ${ms(pasteMs)} (${Math.round(PASTED / (pasteMs / 1000)).toLocaleString('en-US')} commands/s) |`,
    `| Time to usable console (navigation → prompt drawn, median of ${LOADS} fresh profiles) | ${ms(percentile(loads, 50))} (min ${ms(loads[0]!)}, max ${ms(loads.at(-1)!)}) |`,
    `| Initial JS: scripts the page ran before the prompt, gzip -9 (${initial.map((c) => c.fileName).join(', ')}) | ${kib(initialGzip)} |`,
    `| Engine worker script, gzip -9 (${workerFile ?? 'none'}, loads in parallel) | ${kib(workerGzip)} |`,
    `| d3 / monaco in the initial chunks | ${lazyOnly('d3') && lazyOnly('monaco-editor') ? 'no' : 'YES'} |`,
    '',
    `After the paste, \`DBSIZE\` came back in ${ms(dbsize)}.`,
    '',
  ];
  writeFileSync(resolve(ROOT, 'bench/browser-results.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

await main();
