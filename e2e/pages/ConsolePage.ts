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
    for (;;) {
      const last = await this.text();
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

  /** Type a line and press Enter without waiting for anything (a command that blocks). */
  async enter(line: string): Promise<void> {
    await this.type(line);
    await this.press('Enter');
  }

  /** The screen's last `n` non-empty lines. */
  async lastLines(n: number): Promise<string[]> {
    return (await this.lines()).filter((l) => l !== '').slice(-n);
  }

  /** Whether the terminal's hidden input has the keyboard: what is typed next goes to this console. */
  async hasFocus(): Promise<boolean> {
    return this.root.locator('textarea').evaluate((t) => t === document.activeElement);
  }

  /** The colour xterm paints the terminal's background with (it follows the app's theme). */
  async background(): Promise<string> {
    return this.root.locator('.xterm-scrollable-element').evaluate((v) => getComputedStyle(v).backgroundColor);
  }

  /**
   * Type a line, press Enter, wait for the next prompt after it; returns what was printed in
   * between. The echoed line may wrap over several rows.
   */
  async run(line: string, prompt: RegExp = PROMPT_AT_END): Promise<string> {
    const before = await this.text();
    await this.type(line);
    await this.press('Enter');
    const deadline = Date.now() + 5000;
    for (;;) {
      const rows = (await this.lines()).filter((l) => l !== '');
      const out = rows.length > 0 && prompt.test(rows.at(-1)! + ' ') ? outputAfterEcho(rows, line) : null;
      if (out !== null && (await this.text()) !== before) return out;
      if (Date.now() > deadline) throw new Error(`no prompt after ${line}; screen:\n${rows.join('\n')}`);
      await this.page.waitForTimeout(10);
    }
  }
}

const PROMPT_AT_END = /(\d+\.\d+\.\d+\.\d+:\d+(\[\d+\])?(\(TX\))?|not connected)> $/;
const PROMPT_AT_START = /^(\d+\.\d+\.\d+\.\d+:\d+(\[\d+\])?(\(TX\))?|not connected)> /;

/** The rows between the last echo of `line` (joined across wrapped rows) and the final prompt. */
function outputAfterEcho(rows: string[], line: string): string | null {
  const last = rows.length - 1;
  // Rows are right-trimmed, so a wrap right after a space loses it: compare without spaces.
  const want = line.replace(/ /g, '');
  for (let p = last - 1; p >= 0; p--) {
    if (!PROMPT_AT_START.test(rows[p]!)) continue;
    let echoed = rows[p]!.replace(/ /g, '');
    let q = p;
    while (!echoed.endsWith(want) && q + 1 < last) echoed += rows[++q]!.replace(/ /g, '');
    return echoed.endsWith(want) ? rows.slice(q + 1, last).join('\n') : null;
  }
  return null;
}
