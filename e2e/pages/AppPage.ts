import type { Page } from 'playwright-core';
import type { RedsimTestHook } from '../../src/ui/testHook.js';
import { ConsolePage } from './ConsolePage.js';
import { KeyspacePage } from './KeyspacePage.js';

const PROMPT = '127.0.0.1:6379>';

/** The whole app: navigation, console tabs, the keyspace view, the time bar, the test hook. */
export class AppPage {
  readonly keyspace: KeyspacePage;
  /** Uncaught page errors and console errors seen so far (a test expects none). */
  readonly errors: string[] = [];
  /** Dialogs opened by the page (an XSS payload that ran would open one). */
  readonly dialogs: string[] = [];

  constructor(
    readonly page: Page,
    readonly url: string,
  ) {
    this.keyspace = new KeyspacePage(page);
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('dialog', (d) => {
      this.dialogs.push(d.message());
      void d.dismiss();
    });
  }

  /** Navigate and wait until the first console shows its prompt. */
  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.ready();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  private async ready(): Promise<void> {
    await this.console(0).waitFor(PROMPT, 15_000);
  }

  console(i: number): ConsolePage {
    return new ConsolePage(this.page, i);
  }

  async activateTab(i: number): Promise<ConsolePage> {
    await this.page.getByTestId('console-tab').nth(i).click();
    const c = this.console(i);
    await c.focus();
    return c;
  }

  async addTab(): Promise<ConsolePage> {
    const n = await this.page.getByTestId('console-tab').count();
    await this.page.getByRole('button', { name: 'New console' }).click();
    const c = this.console(n);
    await c.waitFor(PROMPT);
    await c.focus();
    return c;
  }

  /** The typed test hook: moves the virtual clock, flushes autosave. Never sleeps. */
  hook<K extends keyof RedsimTestHook>(name: K, ...args: Parameters<RedsimTestHook[K]>): Promise<Awaited<ReturnType<RedsimTestHook[K]>>> {
    return this.page.evaluate(
      ([n, a]) => (window.__redsim![n] as (...x: unknown[]) => unknown)(...a),
      [name, args] as const,
    ) as Promise<Awaited<ReturnType<RedsimTestHook[K]>>>;
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
