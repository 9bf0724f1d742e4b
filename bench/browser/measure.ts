import type { Page } from 'playwright-core';

/**
 * In-page probes: an observer on the terminal's rows that notes, with the page's own clock,
 * when a given text is first drawn, and when Enter went down. Installed before the app runs.
 */
export const PROBE_SCRIPT = `
(() => {
  const probe = { enterAt: 0, promptAt: 0, waits: [] };
  window.__bench = probe;
  addEventListener('keydown', (e) => { if (e.key === 'Enter') probe.enterAt = performance.now(); }, true);
  const check = () => {
    const rows = document.querySelector('[data-testid=console] .xterm-rows');
    if (rows === null) return;
    const text = rows.textContent;
    if (probe.promptAt === 0 && text.includes('127.0.0.1:6379>')) probe.promptAt = performance.now();
    for (const w of probe.waits) if (w.at === 0 && text.includes(w.text)) { w.at = performance.now(); w.resolve(w.at); }
    probe.waits = probe.waits.filter((w) => w.at === 0);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  probe.waitFor = (text) => new Promise((resolve) => { probe.waits.push({ text, at: 0, resolve }); check(); });
})();
`;

interface Probe {
  enterAt: number;
  promptAt: number;
  waitFor(text: string): Promise<number>;
}

declare global {
  interface Window {
    __bench: Probe;
  }
}

/** ms from navigation start to the console's first prompt. */
export async function promptTime(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__bench.promptAt > 0, undefined, { timeout: 30_000 });
  return page.evaluate(() => window.__bench.promptAt);
}

/** File names (under assets/) of the scripts the page itself fetched before the prompt. */
export async function scriptsBeforePrompt(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((r) => r.name.endsWith('.js') && (r as PerformanceResourceTiming).responseEnd <= window.__bench.promptAt)
      .map((r) => r.name.slice(r.name.indexOf('assets/'))),
  );
}

/** Type a command, press Enter, return ms from Enter to the reply text appearing on screen. */
export async function roundTrip(page: Page, command: string, reply: string): Promise<number> {
  await page.keyboard.insertText(command);
  const drawn = page.evaluate((r) => window.__bench.waitFor(r), reply);
  await page.keyboard.press('Enter');
  const at = await drawn;
  return at - (await page.evaluate(() => window.__bench.enterAt));
}

/** Paste a script into the terminal as a clipboard paste; ms until `doneText` is drawn. */
export async function pasteAndWait(page: Page, script: string, doneText: string): Promise<number> {
  return page.evaluate(
    async ([text, done]) => {
      const target = document.querySelector<HTMLTextAreaElement>('[data-testid=console] textarea')!;
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      const t0 = performance.now();
      const drawn = window.__bench.waitFor(done);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      return (await drawn) - t0;
    },
    [script, doneText] as const,
  );
}

export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
