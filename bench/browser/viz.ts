import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, launchBrowser } from '../../e2e/support/browser.js';
import { serveStatic } from '../../e2e/support/staticServer.js';
import { pasteAndWait, percentile, PROBE_SCRIPT, promptTime, roundTrip } from './measure.js';

/**
 * Structure views under load (not a test): frames per second and main-thread long tasks while
 * commands change the structure on screen. Builds the app into a temporary directory, drives
 * Debian's chromium, writes bench/browser-viz-results.md.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const MEMBERS = 20_000;
const PASTED = 10_000;
const TYPED = 20;
/** Time between typed commands: a person reading the view, not a paste. */
const THINK_MS = 400;
/** Measurements go on this long after the last reply, while the view catches up. */
const SETTLE_MS = 1000;

/** A frame recorder and a long-task observer, both off until a measurement starts. */
const RECORDER = `
(() => {
  const rec = { on: false, frames: [], long: [] };
  window.__viz = rec;
  new PerformanceObserver((list) => { if (rec.on) for (const e of list.getEntries()) rec.long.push(e.duration); }).observe({ type: 'longtask' });
  const loop = (t) => { if (rec.on) rec.frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
})();
`;

interface Measured {
  what: string;
  seconds: number;
  fps: number;
  p99FrameMs: number;
  longTasks: number;
  longestTaskMs: number;
}

async function measure(page: Page, what: string, work: () => Promise<void>): Promise<Measured> {
  await page.evaluate(() => {
    const r = (window as unknown as { __viz: { on: boolean; frames: number[]; long: number[] } }).__viz;
    r.frames = [];
    r.long = [];
    r.on = true;
  });
  await work();
  const { frames, long } = await page.evaluate(() => {
    const r = (window as unknown as { __viz: { on: boolean; frames: number[]; long: number[] } }).__viz;
    r.on = false;
    return { frames: r.frames, long: r.long };
  });
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  const seconds = (frames.at(-1)! - frames[0]!) / 1000;
  return {
    what,
    seconds,
    fps: (frames.length - 1) / seconds,
    p99FrameMs: percentile(gaps, 99),
    longTasks: long.length,
    longestTaskMs: long.length === 0 ? 0 : Math.max(...long),
  };
}

/** Paste a script and wait for its last reply, then for the view to catch up. */
async function paste(page: Page, script: string, done: string): Promise<void> {
  await pasteAndWait(page, `${script}\nECHO ${done}\n`, `"${done}"`);
  await page.waitForTimeout(SETTLE_MS);
}

/** The same work with the Keyspace tab in front: the peer the structure view is compared with. */
async function showKeyspaceTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Keyspace' }).click();
  await page.locator('[data-testid=console] .xterm-screen').click();
}

async function showKey(page: Page, key: string | null): Promise<void> {
  await page.getByRole('tab', { name: 'Structure' }).click();
  if (key === null) await page.getByTestId('structure-keyspace').click();
  else {
    await page.getByTestId('structure-key').fill(key);
    await page.getByTestId('structure-key').press('Enter');
  }
  await page.locator('[data-testid=structure-view][data-animating=false] [data-testid=structure-svg] g.viz-root:not(.leaving)').waitFor();
  await page.locator('[data-testid=console] .xterm-screen').click();
}

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'redsim-viz-bench-'));
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const load = loadavg()[0]!;
  const site = await serveStatic(out);
  const b = await launchBrowser();
  const results: Measured[] = [];
  try {
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.addInitScript(PROBE_SCRIPT);
    await page.addInitScript(RECORDER);
    await page.goto(site.url);
    await promptTime(page);
    await page.locator('[data-testid=console] .xterm-screen').click();

    const lines: string[] = [];
    for (let i = 0; i < MEMBERS; i += 1000) {
      const pairs = Array.from({ length: 1000 }, (_, j) => `${i + j} m:${i + j}`).join(' ');
      lines.push(`ZADD big ${pairs}`);
    }
    await pasteAndWait(page, lines.join('\n') + '\nECHO loaded\n', '"loaded"');
    await showKey(page, 'big');

    const zadds = (tag: string) => Array.from({ length: PASTED }, (_, i) => `ZADD big ${(i * 7919) % MEMBERS}.5 ${tag}:${i}`).join('\n');
    results.push(await measure(page, `Skiplist of ${MEMBERS.toLocaleString('en-US')}: ${PASTED.toLocaleString('en-US')} pasted ZADDs, each traced and followed`, () => paste(page, zadds('a'), 'zadds-done')));
    await showKeyspaceTab(page);
    results.push(await measure(page, `peer: the same ZADDs with the Keyspace tab in front`, () => paste(page, zadds('b'), 'zadds-done-2')));
    await showKey(page, 'big');
    results.push(await measure(page, `Skiplist: ${TYPED} ZADDs typed ${THINK_MS} ms apart, each search and insert animated`, async () => {
      for (let i = 0; i < TYPED; i++) {
        await roundTrip(page, `ZADD big ${i * 997}.25 typed:${i}`, '(integer) 1');
        await page.waitForTimeout(THINK_MS);
      }
      await page.locator('[data-testid=structure-view][data-animating=false]').waitFor({ timeout: 30_000 });
    }));

    const hsets = Array.from({ length: PASTED }, (_, i) => `HSET h f${i} v${i}`).join('\n');
    await roundTrip(page, 'HSET h f v', '(integer) 1');
    await showKey(page, 'h');
    results.push(await measure(page, `Hash: ${PASTED.toLocaleString('en-US')} pasted HSETs (listpack → hashtable, rehashes drawn)`, () => paste(page, hsets, 'hsets-done')));

    await roundTrip(page, 'DEBUG POPULATE 262144', 'OK');
    await showKey(page, null);
    results.push(await measure(page, 'Keyspace dict of 262,145 keys rehashing on the clock (serverCron), polled for 3 s', async () => {
      await roundTrip(page, 'SET one-more 1', 'OK');
      await page.waitForTimeout(3000);
    }));
    await roundTrip(page, 'DEBUG POPULATE 524288', 'OK');
    await showKeyspaceTab(page);
    results.push(await measure(page, 'peer: the same with the Keyspace tab in front (524,289 keys)', async () => {
      await roundTrip(page, 'SET two-more 1', 'OK');
      await page.waitForTimeout(3000);
    }));
  } finally {
    await b.close();
    await site.close();
    rmSync(out, { recursive: true, force: true });
  }

  const chromium = execFileSync(CHROMIUM, ['--version']).toString().trim();
  const lines = [
    '# Structure views benchmark',
    '',
    `Measured by \`npx tsx bench/browser/viz.ts\` on ${new Date().toISOString().slice(0, 10)}: ${chromium}, headless,`,
    `${process.platform}/${process.arch}, Node ${process.version}, load average ${load.toFixed(1)} on ${cpus().length} cores at the start.`,
    'Frames are requestAnimationFrame callbacks on the page; long tasks are the main thread\'s PerformanceObserver "longtask"',
    'entries (> 50 ms). Target: >= 55 fps and no long task. Numbers are data, not assertions.',
    '',
    '| While | Duration | fps | p99 frame | Long tasks (> 50 ms) | Longest |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) => `| ${r.what} | ${r.seconds.toFixed(1)} s | ${r.fps.toFixed(1)} | ${r.p99FrameMs.toFixed(1)} ms | ${r.longTasks} | ${r.longestTaskMs.toFixed(0)} ms |`,
    ),
    '',
  ];
  writeFileSync(resolve(ROOT, 'bench/browser-viz-results.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

await main();
