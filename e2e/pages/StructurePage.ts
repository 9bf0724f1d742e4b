import type { Locator, Page } from 'playwright-core';

/** The Structure view: which key it draws, what the drawing holds, its notes and trace. */
export class StructurePage {
  readonly svg: Locator;

  constructor(readonly page: Page) {
    this.svg = page.getByTestId('structure-svg');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Structure' }).click();
    await this.page.getByTestId('structure-view').waitFor();
  }

  /** Type a key into the view (the way to draw a key the keyspace browser does not select). */
  async showKey(key: string): Promise<void> {
    await this.open();
    await this.page.getByTestId('structure-key').fill(key);
    await this.page.getByTestId('structure-key').press('Enter');
  }

  async showKeyspaceDict(): Promise<void> {
    await this.open();
    await this.page.getByTestId('structure-keyspace').click();
  }

  /** Wait until the drawing is of this kind (skiplist, listpack, intset, hashtable, quicklist). */
  async waitForKind(kind: string, timeout = 5000): Promise<void> {
    await this.page.locator(`[data-testid=structure-svg][data-kind="${kind}"] g.viz-root:not(.leaving)[data-kind="${kind}"]`).waitFor({ timeout });
  }

  /** Skiplist nodes drawn (the header excluded), by rank. */
  async skiplistNodes(): Promise<Array<{ rank: number; level: number; text: string }>> {
    return this.svg.locator('g.viz-root:not(.leaving) [data-testid=skiplist-node]').evaluateAll((gs) =>
      gs.map((g) => ({ rank: Number(g.getAttribute('data-rank')), level: Number(g.getAttribute('data-level')), text: g.querySelector('text.member')?.textContent ?? '' })),
    );
  }

  async waitForNodeCount(n: number, timeout = 5000): Promise<void> {
    await this.page.waitForFunction(
      (want) => document.querySelectorAll('[data-testid=structure-svg] g.viz-root:not(.leaving) [data-testid=skiplist-node]').length === want,
      n,
      { timeout },
    );
  }

  /** Wait until every animation has played (the clock must be running). */
  async settled(timeout = 10_000): Promise<void> {
    await this.page.locator('[data-testid=structure-view][data-animating=false]').waitFor({ timeout });
  }

  /** Wait until a skiplist node with this member is drawn. */
  async waitForMember(member: string, timeout = 5000): Promise<void> {
    await this.svg.locator('g.viz-root:not(.leaving) [data-testid=skiplist-node] text.member').getByText(member, { exact: true }).waitFor({ timeout });
  }

  count(testId: string): Promise<number> {
    return this.svg.locator(`g.viz-root:not(.leaving) [data-testid=${testId}]`).count();
  }

  async text(testId: string): Promise<string> {
    return (await this.page.getByTestId(testId).textContent()) ?? '';
  }

  /** The window position the pager shows ("ranks 0–5 of 6"). */
  window(): Promise<string> {
    return this.text('structure-window');
  }
}
