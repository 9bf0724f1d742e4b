import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from './pages/AppPage.js';
import type { Browser } from './support/browser.js';
import { openApp, shotPath } from './support/session.js';

let app: AppPage;
let browser: Browser;
const KEY = '<img src=x onerror=alert(1)>';

beforeAll(async () => {
  // Wide enough that the hostile line and its reply fit on one terminal row each.
  ({ app, browser } = await openApp({ width: 1920, height: 1080 }));
  await app.console(0).focus();
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  await browser.close();
});

describe('hostile keys and values are inert text', () => {
  it('in the console and in the keyspace browser', async () => {
    const c = app.console(0);
    const value = '<script>alert(2)</script>\\x1b[31mRED\\x1b[0m\\x1b]0;owned\\x07<b>bold</b>';
    expect(await c.run(`SET "${KEY}" "${value}"`)).toBe('OK');
    // sdscatrepr: ESC as \x1b, BEL as \a.
    expect(await c.run(`GET "${KEY}"`)).toBe('"<script>alert(2)</script>\\x1b[31mRED\\x1b[0m\\x1b]0;owned\\a<b>bold</b>"');
    expect(await c.run('KEYS *')).toBe(`1) "${KEY}"`);

    await app.keyspace.waitForKey(KEY);
    await app.keyspace.select(KEY);
    expect(await app.keyspace.detailValue()).toBe('<script>alert(2)</script>\\x1b[31mRED\\x1b[0m\\x1b]0;owned\\x07<b>bold</b>');
    await app.page.getByRole('radio', { name: 'redis-cli' }).click();
    expect(await app.keyspace.detailValue()).toBe('"<script>alert(2)</script>\\x1b[31mRED\\x1b[0m\\x1b]0;owned\\a<b>bold</b>"');
    await app.screenshot(shotPath('inert'));

    const injected = await app.page.evaluate(() => ({
      imgs: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.scripts].filter((s) => s.textContent?.includes('alert')).length,
      bold: document.querySelectorAll('.keyspace b, .xterm b').length,
      title: document.title,
    }));
    expect(injected).toEqual({ imgs: 0, scripts: 0, bold: 0, title: 'redsim — a Redis you can see inside' });
    expect(app.dialogs).toEqual([]);
  });
});
