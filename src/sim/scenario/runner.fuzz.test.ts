import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headlessRunner } from './headless.js';
import { parseScenario } from './parse.js';

/** Small random steps: whatever they declare, the runner plays them to the end without throwing. */
const statement = fc.oneof(
  fc.record({
    name: fc.constantFrom('a', 'b'),
    rate: fc.integer({ min: 0, max: 300 }),
    keys: fc.constantFrom('k', 'k:{1..50}', 'x:{0..3}:y'),
    distribution: fc.constantFrom('uniform', 'zipf', 'zipf(2)'),
    reads: fc.integer({ min: 0, max: 100 }),
    strategy: fc.constantFrom('naive', 'mutex', 'early-refresh'),
    onBusy: fc.constantFrom('wait', 'stale'),
    ttl: fc.integer({ min: 1, max: 3000 }),
    jitter: fc.integer({ min: 0, max: 90 }),
    duration: fc.option(fc.integer({ min: 1, max: 2000 })),
  }).map(
    (t) =>
      `traffic ${t.name}:\n  rate: ${t.rate}/s\n  keys: ${t.keys}\n  distribution: ${t.distribution}\n  reads: ${t.reads}%\n  strategy: ${t.strategy}\n  on_busy: ${t.onBusy}\n  ttl: ${t.ttl}ms\n  ttl_jitter: ${t.jitter}%\n  lock_ttl: 50ms\n  retry: 5ms\n  wait: 200ms` +
      (t.duration === null ? '' : `\n  duration: ${t.duration}ms`),
  ),
  fc.record({ latency: fc.integer({ min: 1, max: 200 }), concurrency: fc.integer({ min: 1, max: 20 }), queue: fc.integer({ min: 0, max: 50 }), timeout: fc.integer({ min: 1, max: 500 }) }).map(
    (b) => `backend:\n  latency: ${b.latency}ms\n  concurrency: ${b.concurrency}\n  queue: ${b.queue}\n  timeout: ${b.timeout}ms`,
  ),
  fc.integer({ min: 1, max: 1500 }).map((ms) => `advance: ${ms}ms`),
  fc.constantFrom('stop: all', 'warm:\n  keys: k:{1..50}\n  ttl: 1s\n  ttl_jitter: 50%'),
);
const command = fc.constantFrom('FLUSHALL', 'DEL k', 'SET k v PX 10', 'CLIENT KILL TYPE normal', 'CONFIG SET hz 100', 'INCR k', 'EXPIRE k 0');
const goal = fc.constantFrom('always last backend.queue < 10', 'peak latency.p99 < 100ms', 'redis EXISTS k == 1', 'total errors over run == 0', 'mean cache.hit_ratio over last 1s > 50%');
const step = fc
  .record({ commands: fc.array(command, { maxLength: 3 }), statements: fc.array(statement, { minLength: 1, maxLength: 4 }), goals: fc.array(goal, { maxLength: 3 }) })
  .map((s) => `\`\`\`redis\n${s.commands.join('\n')}\n\`\`\`\n\n\`\`\`sim\n${s.statements.join('\n')}\n\`\`\`\n\n\`\`\`expect\n${s.goals.join('\n')}\n\`\`\``);

describe('ScenarioRunner on random scenarios', () => {
  it('plays every valid one to the end, its clock at the sum of its advances', () => {
    let played = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 3 }), (steps) => {
        const text = `---\ntitle: Fuzz\ndescription: Random steps.\nlevel: advanced\n---\n\n${steps.join('\n\n---\n\n')}\n`;
        const parsed = parseScenario(text);
        if (!parsed.ok) return;
        const r = headlessRunner(parsed.scenario);
        r.runToEnd();
        played++;
        expect(r.status).toBe('finished');
        const advances = [...text.matchAll(/advance: (\d+)ms/g)].reduce((a, m) => a + Number(m[1]), 0);
        expect(r.time).toBe(advances);
        expect(r.snapshot().goals.every((g) => g.status === 'passed' || g.status === 'failed')).toBe(true);
      }),
      { numRuns: 40 },
    );
    expect(played).toBeGreaterThan(30);
  });
});
