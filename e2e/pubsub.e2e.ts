import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from './pages/AppPage.js';
import type { Browser } from './support/browser.js';
import { openApp, shotPath } from './support/session.js';

let app: AppPage;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await openApp());
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  await browser.close();
});

describe('console tabs', () => {
  it('each tab is its own connection: a PUBLISH in tab 2 reaches the SUBSCRIBE in tab 1', async () => {
    const sub = app.console(0);
    await sub.focus();
    await sub.type('SUBSCRIBE news');
    await sub.press('Enter');
    await sub.waitFor('1) "subscribe"\n2) "news"\n3) (integer) 1');

    const pub = await app.addTab();
    expect(await pub.run('PUBLISH news "hello from tab 2"')).toBe('(integer) 1');
    expect(await pub.run('CLIENT LIST')).toMatch(/sub=1/);

    await app.activateTab(0);
    await sub.waitFor('1) "message"\n2) "news"\n3) "hello from tab 2"');
    await app.screenshot(shotPath('pubsub'));
  });

  it('tabs keep their own db and can be closed', async () => {
    const second = await app.activateTab(1);
    expect(await second.run('SELECT 3', /\[3\]> $/)).toBe('OK');
    expect(await app.page.getByTestId('console-tab').nth(1).textContent()).toContain('db3');
    const third = await app.addTab();
    expect(await third.run('SET only-in-db0 1')).toBe('OK');
    await app.page.getByRole('button', { name: 'Close Console 3' }).click();
    expect(await app.page.getByTestId('console-tab').count()).toBe(2);
    expect(await app.console(1).run('EXISTS only-in-db0', /\[3\]> $/)).toBe('(integer) 0');
  });
});
