import type { Locator, Page } from 'playwright-core';

/**
 * One console tab's terminal. Reads what xterm drew (its DOM rows), types through the
 * keyboard like a person would.
 */
export class ConsolePage {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    readonly tabIndex: number,
  ) {
    this.root = page.getByTestId('console').nth(tabIndex);
  }

  async focus(): Promise<void> {
    await this.root.locator('.xterm-screen').click();
  }

  /** The lines on screen, right-trimmed, as a person reads them. */
  async lines(): Promise<string[]> {
    return this.root.locator('.xterm-rows > div').evaluateAll((rows) =>
      rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+$/, '')),
    );
  }

  async text(): Promise<string> {
    return (await this.lines()).join('\n').replace(/\n+$/, '');
  }

  /** Wait until the screen contains `expected` (a string or a pattern). */
  async waitFor(expected: string | RegExp, timeout = 5000): Promise<string> {
    const deadline = Date.now() + timeout;
    let last = '';
    for (;;) {
      last = await this.text();
      if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
      if (Date.now() > deadline) throw new Error(`console never showed ${String(expected)}; screen:\n${last}`);
      await this.page.waitForTimeout(20);
    }
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Type a line, press Enter, wait for the next prompt after it; returns what was printed. */
  async run(line: string, prompt: string | RegExp = /\d+\.\d+\.\d+\.\d+:\d+(\[\d+\])?(\(TX\))?> $/): Promise<string> {
    const before = (await this.lines()).filter((l) => l !== '').length;
    await this.type(line);
    await this.press('Enter');
    const deadline = Date.now() + 5000;
    for (;;) {
      const lines = (await this.lines()).filter((l) => l !== '');
      const last = lines.at(-1) ?? '';
      const fresh = lines.slice(Math.max(0, before - 1));
      const idx = fresh.findIndex((l) => l.endsWith(line));
      if (idx !== -1 && fresh.length > idx + 1 && matchesPrompt(last + ' ', prompt)) return fresh.slice(idx + 1, -1).join('\n');
      if (Date.now() > deadline) throw new Error(`no prompt after ${line}; screen:\n${lines.join('\n')}`);
      await this.page.waitForTimeout(10);
    }
  }
}

function matchesPrompt(line: string, prompt: string | RegExp): boolean {
  return typeof prompt === 'string' ? line.endsWith(prompt) : prompt.test(line);
}
