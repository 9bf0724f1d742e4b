import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
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

describe('console in the app', () => {
  it('follows the light/dark theme, keeping its screen', async () => {
    const c = app.console(0);
    const theme = () => app.page.evaluate(() => document.documentElement.dataset.theme);
    expect(await c.run('ECHO "in the light"')).toBe('"in the light"');
    expect(await theme()).toBe('light');
    expect(await c.background()).toBe('rgb(255, 255, 255)');
    await app.page.getByTestId('theme-toggle').click();
    expect(await theme()).toBe('dark');
    expect(await c.background()).toBe('rgb(15, 18, 22)');
    expect(await c.text()).toContain('127.0.0.1:6379> ECHO "in the light"\n"in the light"');
    expect(await c.run('ECHO "in the dark"')).toBe('"in the dark"');
    await app.screenshot(shotPath('console-dark'));
    await app.page.getByTestId('theme-toggle').click();
    expect(await c.background()).toBe('rgb(255, 255, 255)');
  });

  it('gives the keyboard back after a click on a header, time bar or keyspace control', async () => {
    const c = app.console(0);
    expect(await c.run('SET clicked 1')).toBe('OK');
    await app.keyspace.waitForKey('clicked');
    const controls: Array<[string, Locator]> = [
      ['theme toggle', app.page.getByTestId('theme-toggle')],
      ['clock step', app.page.getByTestId('clock-step')],
      ['key row', app.keyspace.row('clicked')],
      ['value display', app.page.getByRole('radio', { name: 'redis-cli' })],
      ['console tab', app.page.getByTestId('console-tab').first()],
    ];
    for (const [name, control] of controls) {
      await control.click();
      expect([name, await c.hasFocus()]).toEqual([name, true]);
      expect(await c.run(`ECHO "after ${name}"`)).toBe(`"after ${name}"`);
    }
  });

  it('leaves a clicked text field focused: typing goes there, not to the console', async () => {
    const c = app.console(0);
    const filter = app.page.getByTestId('keyspace-filter');
    await filter.click();
    await c.type('cl*');
    expect(await c.hasFocus()).toBe(false);
    expect(await filter.inputValue()).toBe('cl*');
    await app.keyspace.filter('');
    await c.focus();
  });

  it('keeps eight tabs reachable: the strip scrolls to the front tab and "+" stays in sight', async () => {
    const page = app.page;
    for (let i = 0; i < 7; i++) await app.addTab();
    const tabs = page.getByTestId('console-tab');
    expect(await tabs.count()).toBe(8);
    const strip = await box(page.locator('.pane.consoles .tabstrip'));
    const newest = await box(tabs.nth(7));
    expect(newest.x + newest.width).toBeLessThanOrEqual(strip.x + strip.width);
    const plus = await box(page.getByRole('button', { name: 'New console' }));
    expect(plus.x + plus.width).toBeLessThanOrEqual(strip.x + strip.width);
    expect(await app.console(7).run('ECHO eighth')).toBe('"eighth"');
    await app.screenshot(shotPath('console-8-tabs'));
    for (let i = 7; i > 0; i--) await page.getByRole('button', { name: `Close Console ${i + 1}` }).click();
    expect(await tabs.count()).toBe(1);
    await app.console(0).focus();
  });

  it('lays out the app at 1280x720 with nothing overlapping or cut off', async () => {
    const page = app.page;
    expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
    for (const container of ['.header', '.timebar', '.pane.consoles .tabstrip', '.pane.views .tabstrip']) {
      expect([container, await overlapping(page, container)]).toEqual([container, []]);
    }
    const terminal = await box(page.getByTestId('console').first().locator('.xterm-screen'));
    const pane = await box(page.locator('.pane.consoles'));
    expect(terminal.x).toBeGreaterThanOrEqual(pane.x);
    expect(terminal.y).toBeGreaterThanOrEqual(pane.y);
    expect(terminal.x + terminal.width).toBeLessThanOrEqual(pane.x + pane.width);
    expect(terminal.y + terminal.height).toBeLessThanOrEqual(pane.y + pane.height);
    const timebar = await box(page.locator('.timebar'));
    expect(timebar.y + timebar.height).toBeLessThanOrEqual(720);
    await app.screenshot(shotPath('console-1280x720'));
  });
});

async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (b === null) throw new Error('not visible');
  return b;
}

/**
 * Visible controls and texts inside `container` whose boxes intersect another's, or that
 * reach past the window's right edge, as "a / b" descriptions.
 */
function overlapping(page: Page, container: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (root === null) return [`${sel} missing`];
    const items = [...root.querySelectorAll('button, input, select, label, span, img, [role=tab]')].filter((el) => {
      const r = el.getBoundingClientRect();
      // Only leaves: a label around its input would "overlap" it.
      return r.width > 0 && r.height > 0 && !el.querySelector('button, input, select, span, img');
    });
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}(${(el.textContent ?? '').trim().slice(0, 20)})`;
    const found: string[] = [];
    items.forEach((a, i) => {
      const ra = a.getBoundingClientRect();
      if (ra.right > window.innerWidth) found.push(`${name(a)} past the right edge`);
      for (const b of items.slice(i + 1)) {
        const rb = b.getBoundingClientRect();
        if (ra.left < rb.right - 0.5 && rb.left < ra.right - 0.5 && ra.top < rb.bottom - 0.5 && rb.top < ra.bottom - 0.5) found.push(`${name(a)} / ${name(b)}`);
      }
    });
    return found;
  }, container);
}
