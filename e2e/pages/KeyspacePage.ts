import type { Locator, Page } from 'playwright-core';

/** The keyspace browser: the rows it shows, a row's TTL, the selected key's detail. */
export class KeyspacePage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('key-row');
  }

  row(key: string): Locator {
    return this.rows().filter({ has: this.page.getByTestId('key-name').getByText(key, { exact: true }) });
  }

  async keyNames(): Promise<string[]> {
    return this.page.getByTestId('key-name').allTextContents();
  }

  async waitForKey(key: string, timeout = 5000): Promise<void> {
    await this.row(key).waitFor({ state: 'visible', timeout });
  }

  async waitForNoKey(key: string, timeout = 5000): Promise<void> {
    await this.row(key).waitFor({ state: 'detached', timeout });
  }

  async ttl(key: string): Promise<string> {
    return (await this.row(key).getByTestId('key-ttl').textContent()) ?? '';
  }

  async select(key: string): Promise<void> {
    await this.row(key).click();
    await this.page.getByTestId('detail-key').getByText(key, { exact: true }).waitFor();
  }

  async detailValue(): Promise<string> {
    return (await this.page.getByTestId('detail-value').textContent()) ?? '';
  }

  async filter(pattern: string): Promise<void> {
    await this.page.getByTestId('keyspace-filter').fill(pattern);
  }
}
