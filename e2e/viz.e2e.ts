import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from './pages/AppPage.js';
import { StructurePage } from './pages/StructurePage.js';
import type { Browser } from './support/browser.js';
import { openApp, shotPath } from './support/session.js';

let app: AppPage;
let browser: Browser;
let view: StructurePage;

beforeAll(async () => {
  ({ app, browser } = await openApp());
  view = new StructurePage(app.page);
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  expect(app.dialogs).toEqual([]);
  await browser.close();
});

/** Run a line in the first console (the views take the focus when clicked). */
async function run(line: string): Promise<string> {
  const c = app.console(0);
  await c.focus();
  return c.run(line);
}

describe('structure views', () => {
  it('draws the key selected in the keyspace browser, and a ZADD typed in the console adds its node', async () => {
    await run('CONFIG SET zset-max-listpack-entries 4');
    expect(await run('ZADD board 10 ada 20 bob 30 cy 40 dee 50 eve')).toBe('(integer) 5');
    await app.keyspace.waitForKey('board');
    await app.keyspace.select('board');
    await view.open();
    await view.waitForKind('skiplist');
    expect(await view.text('structure-encoding')).toBe('skiplist');
    expect((await view.skiplistNodes()).map((n) => n.text)).toEqual(['ada', 'bob', 'cy', 'dee', 'eve']);
    expect(await view.count('skiplist-header')).toBe(1);

    expect(await run('ZADD board 25 newcomer')).toBe('(integer) 1');
    await view.waitForNodeCount(6);
    const nodes = await view.skiplistNodes();
    expect(nodes.map((n) => n.text)).toEqual(['ada', 'bob', 'newcomer', 'cy', 'dee', 'eve']);
    expect(nodes.map((n) => n.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(nodes[2]!.level).toBeGreaterThanOrEqual(1);
    expect(await view.text('trace-summary')).toContain("ZADD's search for newcomer (score 25)");
    expect(await view.text('structure-lastwrite')).toBe('last: ZADD board 25 newcomer');
    await view.settled();
    expect(await app.page.locator('g.col.inserted text.member').textContent()).toBe('newcomer');
    await app.screenshot(shotPath('viz-skiplist'));
  });

  it('holds animations while the clock is paused and plays them as it steps', async () => {
    await app.hook('setPaused', true);
    // Snapshots closer than StructureCanvas's STREAM_MS (250 ms) to the previous one are drawn
    // without animation; let the previous test's updates fall outside that window first.
    await app.page.waitForTimeout(400);
    await run('ZADD board 35 paused');
    await view.waitForMember('paused');
    const hint = app.page.getByText('The clock is paused: the animation waits');
    await hint.waitFor();
    const frozen = await app.page.locator('g.col.inserted rect.lvl').first().evaluate((r) => getComputedStyle(r).opacity);
    expect(frozen).toBe('0');
    await app.screenshot(shotPath('viz-paused'));
    await app.hook('advanceClock', 5000);
    await hint.waitFor({ state: 'detached' });
    expect(await app.page.locator('g.col.inserted rect.lvl').first().evaluate((r) => getComputedStyle(r).opacity)).toBe('1');
    await app.hook('setPaused', false);
  });

  it('shows a small zset as a listpack and says why it converts', async () => {
    await run('ZADD small 1 a 2 b 3 c 4 d');
    await view.showKey('small');
    await view.waitForKind('listpack');
    expect(await view.count('listpack-entry')).toBe(8);
    expect(await view.text('structure-info')).toContain('members 4 / 4');
    await app.screenshot(shotPath('viz-listpack'));
    await run('ZADD small 5 e');
    await view.waitForKind('skiplist');
    expect(await view.text('structure-conversion')).toBe('Converted listpack → skiplist + dict: 5 members > zset-max-listpack-entries (4).');
  });

  it('widens an intset from 16 to 32 bits', async () => {
    await run('SADD nums 3 1 2');
    await view.showKey('nums');
    await view.waitForKind('intset');
    expect(await view.svg.locator('[data-testid=intset-value]').allTextContents()).toEqual(['1[0]', '2[1]', '3[2]']);
    await run('SADD nums 70000');
    await app.page.getByTestId('structure-conversion').getByText('Upgraded int16 → int32').waitFor();
    expect(await view.text('structure-explain')).toContain('Set: intset (int32).');
    await app.screenshot(shotPath('viz-intset'));
  });

  it('draws both tables of a rehashing dict and follows the rehash index', async () => {
    await run('CONFIG SET hash-max-listpack-entries 0');
    await run('HSET h f1 v f2 v f3 v f4 v');
    await view.showKey('h');
    await view.waitForKind('hashtable');
    expect(await view.count('dict-table-1')).toBe(0);
    await run('HSET h f5 v');
    await view.svg.locator('[data-testid=dict-table-1]').waitFor();
    expect(await view.svg.locator('[data-testid=dict-table-0] text.title').textContent()).toContain('rehashidx 0');
    await app.screenshot(shotPath('viz-rehash'));
    // Reads move the rehash too (one bucket per lookup): the view polls while it runs.
    for (let i = 0; i < 4; i++) await run('HGET h f1');
    await view.svg.locator('[data-testid=dict-table-1]').waitFor({ state: 'detached' });
    expect(await view.svg.locator('[data-testid=dict-table-0] text.title').textContent()).toContain('ht[0] · 8 buckets · 5 entries');
  });

  it('draws the keyspace dict and a quicklist whose nodes open', async () => {
    await view.showKeyspaceDict();
    await view.waitForKind('hashtable');
    expect(await view.text('structure-info')).toMatch(/keyspace dict · \d+ keys/);
    await run('CONFIG SET list-max-listpack-size 2');
    await run('RPUSH jobs a b c d e');
    await view.showKey('jobs');
    await view.waitForKind('quicklist');
    expect(await view.count('quicklist-node')).toBe(3);
    await view.svg.locator('[data-testid=quicklist-node]').nth(2).click();
    await app.page.locator('[data-testid=structure-svg] .ql-caption').getByText("node 2's listpack").waitFor();
    expect(await view.count('listpack-entry')).toBe(1);
    await app.screenshot(shotPath('viz-quicklist'));
  });

  it('draws hostile members as text', async () => {
    await run('ZADD "<img src=x onerror=alert(1)>" 1 "<b>bold</b>"');
    await view.showKey('<img src=x onerror=alert(1)>');
    await view.waitForKind('listpack');
    expect(await view.svg.locator('[data-testid=listpack-entry] text.value').first().textContent()).toBe('<b>bold</b>');
    expect(await app.page.evaluate(() => document.querySelectorAll('img[src="x"], svg b').length)).toBe(0);
  });
});
