import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from './pages/AppPage.js';
import type { Browser } from './support/browser.js';
import { openApp } from './support/session.js';

let app: AppPage;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await openApp());
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  await browser.close();
});

describe('autosave', () => {
  it('keeps data, TTLs, console history and settings across a reload', async () => {
    const c = app.console(0);
    await c.focus();
    await app.hook('setPaused', true);
    expect(await c.run('SET persisted "survives reload"')).toBe('OK');
    expect(await c.run('SET ttl-key v EX 100')).toBe('OK');
    expect(await c.run('SELECT 5', /\[5\]> $/)).toBe('OK');
    expect(await c.run('SET in-db5 yes', /\[5\]> $/)).toBe('OK');
    await app.page.getByTestId('theme-toggle').click();
    const theme = await app.page.evaluate(() => document.documentElement.dataset.theme);
    await app.hook('flushAutosave');

    await app.reload();
    expect(await app.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    const r = app.console(0);
    await r.focus();
    expect(await r.run('GET persisted')).toBe('"survives reload"');
    expect(await r.run('TTL ttl-key')).toBe('(integer) 100');
    expect(await r.run('SELECT 5', /\[5\]> $/)).toBe('OK');
    expect(await r.run('GET in-db5', /\[5\]> $/)).toBe('"yes"');
    await app.keyspace.waitForKey('persisted');
    await r.press('ArrowUp');
    await r.press('ArrowUp');
    await r.press('ArrowUp');
    await r.waitFor(/\[5\]> TTL ttl-key$/);
  });

  it('Reset empties everything, including what is saved', async () => {
    await app.page.getByTestId('reset').click();
    await app.page.getByTestId('reset-confirm').click();
    await app.keyspace.waitForNoKey('persisted');
    await app.hook('flushAutosave');
    await app.reload();
    const c = app.console(0);
    await c.focus();
    expect(await c.run('DBSIZE')).toBe('(integer) 0');
  });
});
