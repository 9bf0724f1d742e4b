import { pathToFileURL } from 'node:url';
import { RedisServer } from '../src/engine/server/server.js';
import { ManualClock } from '../src/engine/time/clock.js';
import { headlessRunner } from '../src/sim/scenario/headless.js';
import { parseScenario } from '../src/sim/scenario/parse.js';
import { table } from './report.js';

/**
 * Scenario runner throughput: a scenario of 1,000,000 simulated requests (10,000 per virtual
 * second for 100 s, zipf over 100,000 keys, 5% writes, cache-aside) played headless, against
 * a peer in the same run: the same number of Redis commands sent straight to server.exec,
 * which is the floor the runner's overhead (events, backend model, metrics) sits on.
 * `npx tsx bench/scenario.ts`, or as a section of `npm run bench`.
 */
const SCENARIO = `---
title: One million requests
description: Throughput of the scenario runner.
level: advanced
seed: 1
---

\`\`\`sim
backend:
  latency: 10ms
  concurrency: 400
  queue: 10000
traffic web:
  rate: 10000/s
  keys: item:{1..100000}
  distribution: zipf(1)
  reads: 95%
  ttl: 30s
advance: 100s
\`\`\`

\`\`\`expect
mean cache.hit_ratio > 50%
total requests over run > 990000
\`\`\`
`;

interface RunResult {
  wallMs: number;
  requests: number;
  commands: number;
  virtualMs: number;
  samples: number;
  passed: boolean;
}

function runScenario(hostNow: () => number): RunResult {
  const parsed = parseScenario(SCENARIO);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const started = hostNow();
  const r = headlessRunner(parsed.scenario);
  r.runToEnd();
  const wallMs = hostNow() - started;
  const snap = r.snapshot();
  const samples = r.samples();
  return {
    wallMs,
    requests: samples.reduce((a, s) => a + s.requests, 0),
    commands: samples.reduce((a, s) => a + s.redisOps, 0),
    virtualMs: snap.time,
    samples: samples.length,
    passed: snap.outcome === 'passed',
  };
}

/** The peer: `commands` GET/SET pairs' worth of commands straight into one engine node. */
function rawExec(commands: number, hostNow: () => number): number {
  const server = new RedisServer({ clock: new ManualClock() });
  const c = server.createClient({ sink: () => {} });
  const value = '.'.repeat(100);
  const started = hostNow();
  for (let i = 0; i < commands; i++) {
    const key = `item:${(i * 7919) % 100_000}`;
    if (i % 10 === 0) server.exec(c, ['SET', key, value, 'PX', '30000']);
    else server.exec(c, ['GET', key]);
  }
  return hostNow() - started;
}

export async function benchScenario(): Promise<string> {
  const hostNow = (): number => performance.now();
  // One warm-up run so the JIT has seen the code, then the measured one.
  runScenario(hostNow);
  const run = runScenario(hostNow);
  const rawMs = rawExec(run.commands, hostNow);
  const perReq = (run.wallMs * 1000) / run.requests;
  return (
    table(
      ['what', 'requests', 'Redis commands', 'virtual s', 'wall ms', 'µs / request', 'goals'],
      [
        ['scenario runner', String(run.requests), String(run.commands), (run.virtualMs / 1000).toFixed(0), run.wallMs.toFixed(0), perReq.toFixed(2), run.passed ? 'passed' : 'FAILED'],
        ['server.exec only (peer)', '—', String(run.commands), '—', rawMs.toFixed(0), '—', '—'],
      ],
    ) + `\nRunner / peer wall time: ${(run.wallMs / rawMs).toFixed(2)}x; target: 1,000,000 requests in ≤ 10,000 ms.\n`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchScenario());
}
