import { readFileSync } from 'node:fs';
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
    await r.press('Enter');
    await r.waitFor(/\[5\]> TTL ttl-key\n\(integer\) -2\n127\.0\.0\.1:6379\[5\]>$/);
  });

  it('exports the session as a JSON file and imports it back', async () => {
    const c = app.console(0);
    await c.focus();
    expect(await c.run('SELECT 0')).toBe('OK');
    expect(await c.run('SET bytes "\\x00\\xff\\r\\n"')).toBe('OK');
    const download = app.page.waitForEvent('download');
    await app.page.getByTestId('export').click();
    const file = await (await download).path();
    const snap = JSON.parse(readFileSync(file, 'utf8')) as { format: string; dbs: Array<{ db: number; keys: Array<{ key: string }> }> };
    expect(snap.format).toBe('redsim-session');
    expect(snap.dbs.map((d) => d.db)).toEqual([0, 5]);
    expect(snap.dbs[0]!.keys.map((k) => k.key).sort()).toEqual(['bytes', 'persisted', 'ttl-key']);

    await c.focus();
    expect(await c.run('FLUSHALL')).toBe('OK');
    await app.keyspace.waitForNoKey('persisted');
    await app.page.getByTestId('import-file').setInputFiles(file);
    await app.page.getByTestId('notice').getByText(/^Imported 4 keys from /).waitFor();
    await app.keyspace.waitForKey('persisted');
    await c.focus();
    expect(await c.run('GET bytes')).toBe('"\\x00\\xff\\r\\n"');
    expect(await c.run('TTL ttl-key')).toBe('(integer) 100');

    await app.page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nope"}') });
    await app.page.getByTestId('notice').getByText(/^Import failed: not a redsim session: format/).waitFor();
    await c.focus();
    expect(await c.run('DBSIZE')).toBe('(integer) 3');
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
