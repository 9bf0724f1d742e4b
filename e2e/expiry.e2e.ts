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
  expect(app.errors).toEqual([]);
  await browser.close();
});

describe('virtual clock', () => {
  it('expires keys as the test hook moves the clock; the keyspace TTL follows', async () => {
    const c = app.console(0);
    await app.hook('setPaused', true);
    expect(await c.run('SET session:1 token EX 10')).toBe('OK');
    expect(await c.run('SET forever yes')).toBe('OK');
    await app.keyspace.waitForKey('session:1');
    expect(await app.keyspace.ttl('session:1')).toBe('10s');
    expect(await app.keyspace.ttl('forever')).toBe('—');

    await app.hook('advanceClock', 4000);
    expect(await app.keyspace.ttl('session:1')).toBe('6.0s');
    expect(await c.run('TTL session:1')).toBe('(integer) 6');
    await app.screenshot(shotPath('expiry'));

    expect(await c.run('PTTL session:1')).toBe('(integer) 6000');
    // Past its time the key is logically expired; the next serverCron (every 100 ms at hz 10)
    // finds it, so move one cron period beyond.
    await app.hook('advanceClock', 6100);
    // Nobody touched the key: active expiry (serverCron) removed it as the clock passed.
    await app.keyspace.waitForNoKey('session:1');
    expect(await c.run('DBSIZE')).toBe('(integer) 1');
    expect(await c.run('GET session:1')).toBe('(nil)');
    expect(await app.keyspace.keyNames()).toEqual(['forever']);
  });

  it('pausing freezes expiry: a paused clock lets no time pass', async () => {
    const c = app.console(0);
    const before = await app.hook('virtualNow');
    expect(await c.run('SET brief x PX 50')).toBe('OK');
    // The one real wait in the suite: what is tested is that real time passing changes nothing.
    await app.page.waitForTimeout(200);
    expect(await c.run('EXISTS brief')).toBe('(integer) 1');
    expect(await app.hook('virtualNow')).toBe(before);
  });

  it('the time bar steps and advances the same clock', async () => {
    const before = await app.hook('virtualNow');
    await app.page.getByTestId('clock-step').click();
    await app.page.waitForFunction((t) => window.__redsim!.virtualNow() === t + 100, before);
    await app.page.getByTestId('advance-seconds').fill('60');
    await app.page.getByTestId('advance-button').click();
    await app.page.waitForFunction((t) => window.__redsim!.virtualNow() === t + 60_100, before);
    await app.page.getByTestId('clock-toggle').click();
    await app.page.getByText('running ×1').waitFor();
    await app.page.getByTestId('clock-speed').selectOption('100');
    await app.page.getByText('running ×100').waitFor();
  });
});
