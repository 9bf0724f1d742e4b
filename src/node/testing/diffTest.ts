import { afterAll, beforeAll, expect, it } from 'vitest';
import { DifferentialHarness, describeDivergences } from './differential.js';

/**
 * Declares differential tests in a test file: one real redis-server per file, one `it` per
 * script; a test fails listing every reply that differs from real Redis.
 */
export function differentialSuite(configOverrides: Record<string, string> = {}): (name: string, script: string) => void {
  let harness: DifferentialHarness;
  beforeAll(async () => {
    harness = await DifferentialHarness.start(configOverrides);
  });
  afterAll(async () => {
    await harness?.stop();
  });
  return (name, script) => {
    it(name, async () => {
      const r = await harness.run(script);
      expect(r.compared).toBeGreaterThan(0);
      if (r.divergences.length > 0) expect.fail(`${r.divergences.length} divergence(s) from redis-server:\n${describeDivergences(r)}`);
    });
  };
}
