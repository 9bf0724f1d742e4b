import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from './pages/AppPage.js';
import type { Browser } from './support/browser.js';
import { openApp, shotPath } from './support/session.js';

let app: AppPage;
let browser: Browser;

const WAITING = 'Waiting for the reply... (press Ctrl-C to cancel)';
const PROMPT = '127.0.0.1:6379>';

beforeAll(async () => {
  ({ app, browser } = await openApp());
  // Time moves only when a test moves it: a blocking timeout then expires exactly when told.
  await app.hook('setPaused', true);
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  await browser.close();
});

describe('blocking commands across console tabs', () => {
  it('BLPOP in tab 1 waits, RPUSH in tab 2 serves it, and tab 1 gets its prompt back', async () => {
    const waiter = app.console(0);
    await waiter.focus();
    await waiter.enter('BLPOP q 0');
    await waiter.waitFor(WAITING);
    expect(await waiter.lastLines(2)).toEqual([`${PROMPT} BLPOP q 0`, WAITING]);
    await app.screenshot(shotPath('blpop-waiting'));

    const pusher = await app.addTab();
    expect(await pusher.run('RPUSH q x')).toBe('(integer) 1');
    // The element went to the blocked client, not into the list.
    expect(await pusher.run('LLEN q')).toBe('(integer) 0');

    await app.activateTab(0);
    await waiter.waitFor(`${PROMPT} BLPOP q 0\n1) "q"\n2) "x"\n${PROMPT}`);
    expect(await waiter.lastLines(4)).toEqual([`${PROMPT} BLPOP q 0`, '1) "q"', '2) "x"', PROMPT]);
    expect(await waiter.run('PING')).toBe('PONG');
    await app.screenshot(shotPath('blpop-served'));
  });

  it('a BLPOP timeout expires when the virtual clock passes it', async () => {
    const waiter = app.console(0);
    await waiter.enter('BLPOP nothing-here 5');
    await waiter.waitFor(WAITING);
    await app.hook('advanceClock', 4900);
    expect(await waiter.lastLines(2)).toEqual([`${PROMPT} BLPOP nothing-here 5`, WAITING]);
    await app.hook('advanceClock', 200);
    await waiter.waitFor(`${PROMPT} BLPOP nothing-here 5\n(nil)\n${PROMPT}`);
    expect(await waiter.lastLines(3)).toEqual([`${PROMPT} BLPOP nothing-here 5`, '(nil)', PROMPT]);
  });

  it('Ctrl-C gives up a blocked BLPOP: its connection closes and a later RPUSH stays in the list', async () => {
    const waiter = app.console(0);
    await waiter.enter('BLPOP later 0');
    await waiter.waitFor(WAITING);
    await waiter.press('Control+C');
    await waiter.waitFor(`${PROMPT} BLPOP later 0\n^C\n${PROMPT}`);
    expect(await waiter.run('RPUSH later y')).toBe('(integer) 1');
    expect(await waiter.run('LRANGE later 0 -1')).toBe('1) "y"');
  });
});
