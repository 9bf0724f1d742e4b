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
    for (let i = 0; i < 40; i++) await c.run(`SET user:${i} ${'x'.repeat(i * 3 + 1)}`);
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
    await app.page.getByTestId('keyspace-count').getByText('5,041 in db0').waitFor();
    const rendered = await app.keyspace.rows().count();
    expect(rendered).toBeLessThan(60);
    const listed = await app.page.getByTestId('keyspace-count').textContent();
    expect(listed).toMatch(/^\d+\+ listed/);
    await app.page.locator('.keylist-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await app.page.waitForFunction(() => !/^[0-9,]+\+ listed · 5,041/.test(document.querySelector('[data-testid=keyspace-count]')!.textContent!) || document.querySelectorAll('[data-testid=key-row]').length > 0);
    await app.keyspace.filter('user:1*');
    await app.page.waitForFunction(() => document.querySelector('[data-testid=keyspace-count]')!.textContent!.startsWith('11 listed'));
  });

  it('never reaches beyond its own origin', () => {
    expect(foreign).toEqual([]);
  });
});
