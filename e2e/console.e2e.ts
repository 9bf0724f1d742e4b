import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from './pages/AppPage.js';
import type { Browser } from './support/browser.js';
import { openApp, shotPath } from './support/session.js';

let app: AppPage;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await openApp());
  await app.console(0).focus();
});
afterAll(async () => {
  await app.screenshot(shotPath('console'));
  expect(app.errors).toEqual([]);
  await browser.close();
});

describe('console', () => {
  it('prints replies exactly as redis-cli does', async () => {
    const c = app.console(0);
    expect(await c.run('SET hello world')).toBe('OK');
    expect(await c.run('GET hello')).toBe('"world"');
    expect(await c.run('INCR counter')).toBe('(integer) 1');
    expect(await c.run('GET missing')).toBe('(nil)');
    expect(await c.run('MGET hello missing')).toBe('1) "world"\n2) (nil)');
    expect(await c.run('KEYS nothing:*')).toBe('(empty array)');
    expect(await c.run('SET utf8 "你好"')).toBe('OK');
    expect(await c.run('GET utf8')).toBe('"\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd"');
    expect(await c.run('STRLEN utf8')).toBe('(integer) 6');
    expect(await c.run('FOO bar')).toBe("(error) ERR unknown command 'FOO', with args beginning with: 'bar'");
  });

  it('completes command names with TAB and hints their arguments', async () => {
    const c = app.console(0);
    await c.type('incrbyf');
    await c.press('Tab');
    await c.waitFor(/> INCRBYFLOAT key increment$/m);
    await c.type(' counter');
    await c.waitFor(/> INCRBYFLOAT counter increment$/m);
    await c.type(' 1.5');
    await c.press('Enter');
    await c.waitFor('"2.5"');
  });

  it('recalls history with the up arrow', async () => {
    const c = app.console(0);
    await c.run('GET hello');
    await c.press('ArrowUp');
    await c.waitFor(/> GET hello$/);
    await c.press('ArrowUp');
    await c.waitFor(/> INCRBYFLOAT counter 1.5$/);
    await c.press('Enter');
    await c.waitFor('"4"');
  });

  it('shows (TX) in the prompt inside MULTI and the tab says so', async () => {
    const c = app.console(0);
    expect(await c.run('MULTI', /\(TX\)> $/)).toBe('OK');
    expect(await app.page.getByTestId('console-tab').first().textContent()).toContain('TX');
    expect(await c.run('SET a 1', /\(TX\)> $/)).toBe('QUEUED');
    expect(await c.run('INCR a', /\(TX\)> $/)).toBe('QUEUED');
    expect(await c.run('EXEC')).toBe('1) OK\n2) (integer) 2');
    expect(await c.text()).toMatch(/127\.0\.0\.1:6379>$/);
  });

  it('keeps the db in the prompt', async () => {
    const c = app.console(0);
    expect(await c.run('SELECT 2', /\[2\]> $/)).toBe('OK');
    expect(await c.run('SELECT 0')).toBe('OK');
  });
});
