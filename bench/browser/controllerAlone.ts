import { ConsoleController } from '../../src/ui/features/console/controller.js';
import { EngineBackend } from '../../src/ui/features/console/testing/engineBackend.js';
import { FakeTerminal } from '../../src/ui/features/console/testing/fakeTerminal.js';
import { percentile } from './measure.js';

/**
 * The console's own share of a round trip: the controller with an in-process engine and a
 * terminal that only records, in Node. No worker, no xterm, no browser.
 */
export interface ControllerAlone {
  /** ms from the typed Enter to the reply written to the terminal. */
  p50: number;
  p99: number;
  /** ms for the pasted script, until its last reply was written. */
  pasteMs: number;
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

async function idleConsole(): Promise<FakeTerminal> {
  const term = new FakeTerminal(100);
  const controller = new ConsoleController({ terminal: term, backend: new EngineBackend() });
  await controller.start();
  return term;
}

export async function measureControllerAlone(roundTrips: number, pasted: number): Promise<ControllerAlone> {
  const term = await idleConsole();
  const times: number[] = [];
  for (let i = 0; i < roundTrips + 50; i++) {
    term.type(`ECHO rt-${i}`);
    const before = term.written.length;
    const start = performance.now();
    term.type('\r');
    while (!term.written.includes(`"rt-${i}"`, before)) await Promise.resolve();
    if (i >= 50) times.push(performance.now() - start);
    await tick();
  }
  times.sort((a, b) => a - b);

  const pasteTerm = await idleConsole();
  const script = Array.from({ length: pasted }, (_, i) => `SET paste:${i} value-${i}`).join('\r') + '\rECHO paste-done\r';
  const start = performance.now();
  pasteTerm.type(script);
  while (!pasteTerm.written.includes('"paste-done"')) await tick();
  return { p50: percentile(times, 50), p99: percentile(times, 99), pasteMs: performance.now() - start };
}
