import { compressToEncodedURIComponent } from 'lz-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from './pages/AppPage.js';
import { MetricsChartPage } from './pages/MetricsChartPage.js';
import { ScenarioEditorPage } from './pages/ScenarioEditorPage.js';
import { ScenarioPanelPage } from './pages/ScenarioPanelPage.js';
import type { Browser } from './support/browser.js';
import { openApp, shotPath } from './support/session.js';

let app: AppPage;
let browser: Browser;
let panel: ScenarioPanelPage;
let charts: MetricsChartPage;
let editor: ScenarioEditorPage;

beforeAll(async () => {
  ({ app, browser } = await openApp());
  panel = new ScenarioPanelPage(app.page);
  charts = new MetricsChartPage(app.page);
  editor = new ScenarioEditorPage(app.page);
});
afterAll(async () => {
  await browser.close();
  expect(app.errors).toEqual([]);
  expect(app.dialogs).toEqual([]);
});

const statuses = async (): Promise<string[]> => (await panel.goals()).map((g) => g.status);

describe('cache stampede', () => {
  it('starts from the list and shows its first step, with the Metrics view in front', async () => {
    await panel.start('cache-stampede');
    expect(await panel.title()).toBe('Cache stampede');
    expect(await panel.shownStep()).toBe(0);
    expect(await panel.status()).toMatchObject({ status: 'ready' });
    await charts.root.waitFor();
    expect(await statuses()).toEqual(['pending', 'pending']);
  });

  it('plays step 1 as the test hook moves the clock: the cache answers, goals turn green', async () => {
    await app.hook('advanceClock', 10_000);
    await panel.waitForStatus('waiting');
    await panel.showStep(0);
    expect(await statuses()).toEqual(['passed', 'passed']);
    expect(await panel.trafficSummary()).toContain('shoppers: 5,000 req/s (naive)');
    await expect.poll(async () => (await charts.data('backend')).points).toBeGreaterThanOrEqual(100);
  });

  it('step 2: the key expires and the database queries spike far past its capacity', async () => {
    await app.hook('advanceClock', 15_000);
    await expect.poll(async () => (await charts.data('backend')).peak).toBeGreaterThan(2000);
    const backend = await charts.data('backend');
    expect(backend.reference).toBe(500);
    expect(backend.peak).toBeGreaterThan(backend.reference! * 4);
    expect((await charts.data('hitRatio')).low).toBeLessThan(0.5);
    expect((await charts.data('errors')).peak).toBeGreaterThan(0);
    await charts.screenshot(shotPath('stampede-chart-before-fix'));
    await app.screenshot(shotPath('stampede-before-fix'));
  });

  it('the traffic does not flood the console, but MONITOR in a console tab sees it', async () => {
    const first = app.console(0);
    expect(await first.text()).not.toContain('product:42');
    const monitor = await app.addTab();
    await monitor.type('MONITOR');
    await monitor.press('Enter');
    await monitor.waitFor('OK');
    await app.hook('advanceClock', 100);
    await monitor.waitFor(/\[0 10\.0\.0\.\d:5100\d\] "GET" "product:42"/);
    await monitor.press('Control+C');
    await app.activateTab(0);
    expect(await first.text()).not.toContain('product:42');
  });

  it('step 3 unchanged: the goals fail, each saying why', async () => {
    await app.hook('advanceClock', 30_000);
    await panel.waitForStatus('finished');
    expect(await panel.status()).toMatchObject({ outcome: 'failed', text: 'All steps played: 3 goals failed (see below).' });
    const goals = await panel.goals();
    expect(goals.map((g) => [g.check, g.status])).toEqual([
      ['peak backend.qps < 500', 'failed'],
      ['total errors == 0', 'failed'],
      ['peak latency.p99 < 500ms', 'failed'],
    ]);
    expect(goals[0]!.reason).toMatch(/^peak backend\.qps over the step is [\d.]+\/s; the goal is < 500\/s\. When product:42 expired/);
    await app.screenshot(shotPath('stampede-goals-failed'));
  });

  it('applying the fix replays to step 3; its stampede is gone and every goal turns green', async () => {
    await panel.applyFix(0);
    expect(await panel.status()).toMatchObject({ status: 'waiting' });
    expect(await panel.shownStep()).toBe(2);
    await app.hook('advanceClock', 30_000);
    await panel.waitForStatus('finished');
    expect(await panel.status()).toMatchObject({ outcome: 'passed' });
    expect(await statuses()).toEqual(['passed', 'passed', 'passed']);
    await expect.poll(async () => (await charts.data('backend')).stepWorst).not.toBeNull();
    const backend = await charts.data('backend');
    // The replayed step 2 still had its stampede; the fixed step 3 stays under the capacity.
    expect(backend.peak).toBeGreaterThan(backend.reference!);
    expect(backend.stepWorst).toBeLessThan(backend.reference!);
    expect((await charts.data('errors')).stepWorst).toBe(0);
    await charts.screenshot(shotPath('stampede-chart-after-fix'));
    await app.screenshot(shotPath('stampede-after-fix'));
  });

  it('Run plays in real time until paused, and pausing freezes the charts', async () => {
    await panel.reset();
    await panel.waitForStatus('ready');
    await panel.run();
    await panel.waitForStatus('playing');
    await expect.poll(async () => (await charts.data('backend')).points).toBeGreaterThan(0);
    await panel.run();
    await panel.waitForStatus('paused');
    // The pause goes through the clock hook too, which waits for the batch the pause sends.
    await app.hook('setPaused', true);
    const frozen = await charts.data('backend');
    const at = await app.hook('virtualNow');
    await app.page.waitForTimeout(300);
    expect(await charts.data('backend')).toEqual(frozen);
    expect(await app.hook('virtualNow')).toBe(at);
  });
});

describe('cache avalanche', () => {
  it('every key expires together: the database floods; TTL jitter fixes it', async () => {
    await panel.leave();
    await panel.start('cache-avalanche');
    await app.hook('advanceClock', 20_000);
    await panel.waitForStatus('waiting');
    await app.hook('advanceClock', 50_000);
    await expect.poll(async () => (await charts.data('backend')).peak).toBeGreaterThan(1000);
    const flood = await charts.data('backend');
    expect(flood.peak).toBeGreaterThan(flood.reference!);
    await app.hook('advanceClock', 80_000);
    await panel.waitForStatus('finished');
    expect(await statuses()).toEqual(['failed', 'failed', 'failed']);
    await app.screenshot(shotPath('avalanche-before-fix'));

    await panel.applyFix(0);
    await app.hook('advanceClock', 80_000);
    await panel.waitForStatus('finished');
    expect(await panel.status()).toMatchObject({ outcome: 'passed' });
    expect(await statuses()).toEqual(['passed', 'passed', 'passed']);
    await expect.poll(async () => (await charts.data('backend')).stepWorst).toBeLessThan(500);
    await app.screenshot(shotPath('avalanche-after-fix'));
  });
});

describe('editor and shared links', () => {
  it('edits a built-in in monaco, with the schema errors marked on their lines', async () => {
    await panel.leave();
    await panel.openBuiltinInEditor('cache-stampede');
    await editor.ready();
    expect(await editor.validity()).toBe('true');
    expect(await editor.statusText()).toBe('✓ Valid: 3 steps');
    await editor.replace('80ms', 'fast');
    expect(await editor.validity()).toBe('false');
    expect(await editor.problems()).toEqual(['line 21 latency: expected a duration like 250ms, 20s, 5m or 1h, got "fast"']);
    await expect.poll(() => editor.errorSquiggles()).toBeGreaterThan(0);
    await app.screenshot(shotPath('editor-error'));
    await editor.replace('fast', '80ms');
    expect(await editor.validity()).toBe('true');
    await editor.replace('title: Cache stampede', 'title: My stampede');
    expect(await editor.validity()).toBe('true');
  });

  it('a shared link round-trips the edited scenario into a fresh page', async () => {
    const url = await editor.shareUrl();
    expect(url).toMatch(/#scenario=[A-Za-z0-9+$-]+$/);
    await editor.run();
    expect(await panel.title()).toBe('My stampede');

    const other = await browser.context.newPage();
    await other.goto(url);
    const otherPanel = new ScenarioPanelPage(other);
    await otherPanel.root.getByTestId('step-view').waitFor();
    expect(await otherPanel.title()).toBe('My stampede');
    expect(new URL(other.url()).hash).toBe('');
    expect(await otherPanel.shareUrl()).toBe(url);
    await other.close();
  });

  it('a link is data: invalid scenarios open in the editor, damaged links load nothing, markup stays text', async () => {
    const base = app.url;
    const hostile = [
      '---',
      'title: <img src=x onerror=alert(1)>',
      'description: <script>alert(2)</script>',
      'level: beginner',
      '---',
      '',
      '# Hello <b>there</b>',
      '',
      'Click [me](javascript:alert(3)) or <img src=x onerror=alert(4)>.',
      '',
      '```redis',
      'SET k v',
      '```',
    ].join('\n');
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const p = new ScenarioPanelPage(page);
    await page.goto(`${base}#scenario=${compressToEncodedURIComponent(hostile).slice(0, 40)}`);
    await p.root.getByTestId('scenario-problem').waitFor();
    expect(await p.problem()).toMatch(/^This shared link could not be opened: the link is damaged/);
    expect(await p.root.getByTestId('catalog-item').count()).toBe(2);

    await page.goto(`${base}#scenario=${compressToEncodedURIComponent(hostile)}`);
    await p.root.getByTestId('step-view').waitFor();
    expect(await p.title()).toBe('<img src=x onerror=alert(1)>');
    expect(await p.root.getByTestId('step-view').textContent()).toContain('Click [me](javascript:alert(3)) or <img src=x onerror=alert(4)>.');
    expect(await p.root.locator('img, b, a[href^="javascript"], script').count()).toBe(0);

    await page.goto(`${base}#scenario=${compressToEncodedURIComponent(hostile.replace('level: beginner', 'level: expert'))}`);
    await p.root.getByTestId('scenario-problem').waitFor();
    expect(await p.problem()).toBe('The shared scenario has an error; it is open in the editor.');
    expect(await p.title()).toBe('<img src=x onerror=alert(1)>');
    const e = new ScenarioEditorPage(page);
    await e.ready();
    expect(await e.problems()).toEqual(['line 4 level: expected one of beginner, intermediate, advanced, got "expert"']);
    await e.close();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
