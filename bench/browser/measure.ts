import type { Page } from 'playwright-core';

/**
 * In-page probes, installed before the app runs, all on the page's own clock:
 * - when Enter went down, when the page next posted to the worker (the command going out) and
 *   when the worker's next message came back (the reply);
 * - when text was processed by xterm (the console's `console-written` event, see Console.tsx);
 * - when text reached xterm's DOM rows (xterm updates them in its animation frame, right
 *   before the browser paints).
 */
export const PROBE_SCRIPT = `
(() => {
  const now = () => performance.now();
  const probe = { enterAt: 0, postAt: 0, replyAt: 0, promptAt: 0, waits: [] };
  window.__bench = probe;
  addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    probe.enterAt = now();
    probe.postAt = 0;
    probe.replyAt = 0;
  }, true);
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...args) {
    if (probe.enterAt > 0 && probe.postAt === 0) probe.postAt = now();
    return post.apply(this, args);
  };
  const listen = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, fn, ...rest) {
    if (type !== 'message') return listen.call(this, type, fn, ...rest);
    const timed = (ev) => {
      if (probe.postAt > 0 && probe.replyAt === 0) probe.replyAt = now();
      return typeof fn === 'function' ? fn.call(this, ev) : fn.handleEvent(ev);
    };
    return listen.call(this, type, timed, ...rest);
  };
  const settle = () => {
    for (const w of probe.waits) if (w.parsedAt > 0 && w.paintedAt > 0) w.resolve({ parsedAt: w.parsedAt, paintedAt: w.paintedAt });
    probe.waits = probe.waits.filter((w) => w.parsedAt === 0 || w.paintedAt === 0);
  };
  addEventListener('console-written', (e) => {
    const t = now();
    for (const w of probe.waits) if (w.parsedAt === 0 && e.detail.includes(w.text)) w.parsedAt = t;
    settle();
  });
  const painted = () => {
    const rows = document.querySelector('[data-testid=console] .xterm-rows');
    if (rows === null) return;
    const t = now();
    const text = rows.textContent;
    if (probe.promptAt === 0 && text.includes('127.0.0.1:6379>')) probe.promptAt = t;
    for (const w of probe.waits) if (w.paintedAt === 0 && text.includes(w.text)) w.paintedAt = t;
    settle();
  };
  new MutationObserver(painted).observe(document, { subtree: true, childList: true, characterData: true });
  probe.waitFor = (text) => new Promise((resolve) => { probe.waits.push({ text, parsedAt: 0, paintedAt: 0, resolve }); });
  probe.expect = (text) => { probe.expected = probe.waitFor(text); };
})();
`;

interface Drawn {
  parsedAt: number;
  paintedAt: number;
}

interface Probe {
  enterAt: number;
  postAt: number;
  replyAt: number;
  promptAt: number;
  waitFor(text: string): Promise<Drawn>;
  /** Start waiting for `text` now; `expected` resolves when it is drawn. */
  expect(text: string): void;
  expected: Promise<Drawn>;
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

/** One command's round trip, each stage in ms after Enter went down. */
export interface RoundTrip {
  /** The command was posted to the worker. */
  posted: number;
  /** The worker's reply arrived on the page. */
  replied: number;
  /** xterm had processed the reply (it is in the terminal). */
  parsed: number;
  /** The reply was in xterm's DOM rows (xterm's next animation frame). */
  painted: number;
}

/** Spreads Enter presses evenly over [0, 1): the golden ratio's multiples, modulo 1. */
let pause = 0;
const PAUSE_STEP = (Math.sqrt(5) - 1) / 2;

/**
 * Type a command, press Enter, time the stages until `reply` is on screen. Between the typed
 * line being drawn and Enter there is a pause of 0–100 ms, different each time: a person's
 * Enter bears no relation to the page's timers (the time bar redraws every 50–100 ms), while
 * a fixed pause would lock the benchmark into one phase of them.
 */
export async function roundTrip(page: Page, command: string, reply: string): Promise<RoundTrip> {
  await page.keyboard.type(command);
  pause = (pause + PAUSE_STEP) % 1;
  await page.evaluate((ms) => new Promise((r) => requestAnimationFrame(() => setTimeout(r, ms))), pause * 100);
  // Registered before the key goes out: the reply can be drawn before another evaluate gets in.
  await page.evaluate((r) => window.__bench.expect(r), reply);
  await page.keyboard.press('Enter');
  const d = await page.evaluate(() => window.__bench.expected);
  const p = await page.evaluate(() => ({ enterAt: window.__bench.enterAt, postAt: window.__bench.postAt, replyAt: window.__bench.replyAt }));
  return { posted: p.postAt - p.enterAt, replied: p.replyAt - p.enterAt, parsed: d.parsedAt - p.enterAt, painted: d.paintedAt - p.enterAt };
}

/** Paste a script into the terminal as a clipboard paste; ms until `doneText` was parsed and painted. */
export async function pasteAndWait(page: Page, script: string, doneText: string): Promise<{ parsed: number; painted: number }> {
  return page.evaluate(
    async ([text, done]) => {
      const target = document.querySelector<HTMLTextAreaElement>('[data-testid=console] textarea')!;
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      const t0 = performance.now();
      const drawn = window.__bench.waitFor(done);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      const d = await drawn;
      return { parsed: d.parsedAt - t0, painted: d.paintedAt - t0 };
    },
    [script, doneText] as const,
  );
}

export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
