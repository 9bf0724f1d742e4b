import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from './pages/AppPage.js';
import type { Browser } from './support/browser.js';
import { openApp, shotPath } from './support/session.js';

let app: AppPage;
let browser: Browser;
const foreign: string[] = [];

beforeAll(async () => {
  ({ app, browser } = await openApp());
  const origin = new URL(app.url).origin;
  browser.context.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
  });
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  await browser.close();
});

describe('app shell', () => {
  it('fits 1280x720 without scrolling the page, in both themes', async () => {
    const c = app.console(0);
    await c.focus();
    for (let i = 0; i < 12; i++) await c.run(`SET user:${i} ${'x'.repeat(i * 5 + 1)}`);
    await c.run('SET cache:home "<html>...</html>" EX 3600');
    await app.keyspace.waitForKey('cache:home');
    await app.keyspace.select('cache:home');
    const overflow = await app.page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });
    await app.screenshot(shotPath('light'));
    await app.page.getByTestId('theme-toggle').click();
    await app.screenshot(shotPath('dark'));
  });

  it('lists only what fits on screen and loads more while scrolling', async () => {
    const c = app.console(0);
    await c.focus();
    await c.run('DEBUG POPULATE 5000 bulk');
    const count = app.page.getByTestId('keyspace-count');
    await count.getByText('5,013 in db0').waitFor();
    const listed = async () => Number(/^([\d,]+)/.exec((await count.textContent())!)![1]!.replace(/,/g, ''));
    const before = await listed();
    expect(before).toBeLessThan(200);
    expect(await count.textContent()).toMatch(/^\d+\+ listed/);
    expect(await app.keyspace.rows().count()).toBeLessThan(60);
    await app.page.locator('.keylist-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await app.page.waitForFunction(
      (n) => Number(/^([\d,]+)/.exec(document.querySelector('[data-testid=keyspace-count]')!.textContent!)![1]!.replace(/,/g, '')) > n,
      before,
    );
    expect(await app.keyspace.rows().count()).toBeLessThan(60);
    await app.keyspace.filter('user:1*');
    await count.getByText(/^3 listed/).waitFor();
    expect((await app.keyspace.keyNames()).sort()).toEqual(['user:1', 'user:10', 'user:11']);
  });

  it('never reaches beyond its own origin', () => {
    expect(foreign).toEqual([]);
  });
});
