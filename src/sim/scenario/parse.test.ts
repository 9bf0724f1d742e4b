import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './format.js';
import { parseScenario, type LineError } from './parse.js';

const FRONT = `---
title: Tiny
description: A scenario for tests.
level: beginner
seed: 3
---
`;

function errorsOf(text: string): LineError[] {
  const r = parseScenario(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

/** The line number of the first line of `text` containing `needle` (1-based). */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i === -1) throw new Error(`no line with ${needle}`);
  return i + 1;
}

describe('parseScenario', () => {
  it('reads front matter, steps, narration and every block kind in document order', () => {
    const text = `${FRONT}
# Warm up

Some *narration*.

\`\`\`redis
SET greeting "hello world"
# a comment
GET greeting
\`\`\`

\`\`\`sim
backend:
  latency: 20ms   # per query
  concurrency: 5
traffic web:
  rate: 1000/s
  keys: page:{1..100}
  distribution: zipf(1.2)
  reads: 90%
  strategy: mutex
advance: 1.5s
\`\`\`

\`\`\`expect
always peak backend.qps over last 2s < 400/s
  The database is overloaded.
mean cache.hit_ratio >= 95%
redis GET greeting == "hello world"
redis EXISTS nothing == 0
\`\`\`

\`\`\`hint
Try \`strategy: mutex\`.
\`\`\`

---

Second step, no heading.

\`\`\`text
---
not a separator inside a fence
\`\`\`
`;
    const r = parseScenario(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const s = r.scenario;
    expect(s.meta).toEqual({ title: 'Tiny', description: 'A scenario for tests.', level: 'beginner', topology: 'single', seed: 3 });
    expect(s.steps.map((x) => x.title)).toEqual(['Warm up', 'Step 2']);
    expect(s.steps[0]!.line).toBe(lineOf(text, '# Warm up'));
    const [narration, redis, sim, expectBlock, hint] = s.steps[0]!.blocks;
    expect(narration).toEqual({ kind: 'text', markdown: '# Warm up\n\nSome *narration*.' });
    expect(redis).toEqual({
      kind: 'redis',
      commands: [
        { line: lineOf(text, 'SET greeting'), source: 'SET greeting "hello world"', argv: ['SET', 'greeting', 'hello world'] },
        { line: lineOf(text, 'GET greeting'), source: 'GET greeting', argv: ['GET', 'greeting'] },
      ],
    });
    expect(sim).toEqual({
      kind: 'sim',
      statements: [
        { kind: 'backend', line: lineOf(text, 'backend:'), settings: { latency: 20, concurrency: 5 } },
        {
          kind: 'traffic',
          line: lineOf(text, 'traffic web:'),
          name: 'web',
          settings: {
            rate: 1000,
            keys: { prefix: 'page:', suffix: '', first: 1, last: 100, range: true },
            distribution: { kind: 'zipf', s: 1.2 },
            reads: 0.9,
            strategy: 'mutex',
          },
        },
        { kind: 'advance', line: lineOf(text, 'advance:'), ms: 1500 },
      ],
    });
    expect(expectBlock).toEqual({
      kind: 'expect',
      goals: [
        {
          kind: 'metric',
          line: lineOf(text, 'always peak'),
          always: true,
          metric: 'backend.qps',
          aggregate: 'peak',
          window: { kind: 'last', ms: 2000 },
          op: '<',
          value: 400,
          message: 'The database is overloaded.',
        },
        { kind: 'metric', line: lineOf(text, 'mean cache'), always: false, metric: 'cache.hit_ratio', aggregate: 'mean', window: { kind: 'step' }, op: '>=', value: 0.95, message: '' },
        { kind: 'redis', line: lineOf(text, 'redis GET'), always: false, source: 'GET greeting', argv: ['GET', 'greeting'], op: '==', value: 'hello world', message: '' },
        { kind: 'redis', line: lineOf(text, 'redis EXISTS'), always: false, source: 'EXISTS nothing', argv: ['EXISTS', 'nothing'], op: '==', value: 0, message: '' },
      ],
    });
    expect(hint).toEqual({ kind: 'hint', markdown: 'Try `strategy: mutex`.' });
    expect(s.steps[1]!.blocks).toEqual([{ kind: 'text', markdown: 'Second step, no heading.\n\n```text\n---\nnot a separator inside a fence\n```' }]);
  });

  it('takes Windows line endings, a BOM, and writes commands as UTF-8 (Latin-1 letters too)', () => {
    const text = `\uFEFF${FRONT}\n\`\`\`redis\nSET k "你好é"\n\`\`\`\n`.replace(/\n/g, '\r\n');
    const r = parseScenario(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const block = r.scenario.steps[0]!.blocks[0]!;
    expect(block.kind === 'redis' && block.commands[0]!.argv[2]).toBe('\xe4\xbd\xa0\xe5\xa5\xbd\xc3\xa9');
  });

  it('applies metric defaults: mean for rates and ratios, last for gauges, peak for latencies', () => {
    const r = parseScenario(`${FRONT}\n\`\`\`expect\nerrors == 0\ncache.hit_ratio > 0.5\nbackend.queue < 10\nlatency.p99 < 1s\n\`\`\`\n`);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const b = r.scenario.steps[0]!.blocks[0]!;
    expect(b.kind === 'expect' && b.goals.map((g) => (g.kind === 'metric' ? [g.aggregate, g.value] : null))).toEqual([
      ['mean', 0],
      ['mean', 0.5],
      ['last', 10],
      ['peak', 1000],
    ]);
  });

  /**
   * Each case: a body (after FRONT), text on the line the error must point at (its `nth`
   * occurrence in the body, default 1) and part of the message.
   */
  const broken: Array<[string, string, string, string, number?]> = [
    ['unknown sim field', '```sim\nbackend:\n  latncy: 20ms\n```', 'latncy', 'backend has no field "latncy"'],
    ['bad duration', '```sim\nbackend:\n  latency: 20 ms\n```', 'latency:', 'expected a duration like 250ms'],
    ['zero latency', '```sim\nbackend:\n  latency: 0ms\n```', 'latency:', 'must be above 0ms'],
    ['concurrency not a number', '```sim\nbackend:\n  concurrency: many\n```', 'concurrency', 'expected a whole number'],
    ['rate above the limit', '```sim\ntraffic a:\n  rate: 1000000/s\n  keys: k\n```', 'rate:', `at most ${LIMITS.rate}/s`],
    ['unknown strategy', '```sim\ntraffic a:\n  rate: 10/s\n  keys: k\n  strategy: lock\n```', 'strategy:', 'expected one of naive, mutex, early-refresh'],
    ['bad zipf', '```sim\ntraffic a:\n  rate: 10/s\n  keys: k\n  distribution: zipf(0)\n```', 'distribution', 'zipf exponent must be above 0'],
    ['backwards key range', '```sim\ntraffic a:\n  rate: 10/s\n  keys: k:{9..1}\n```', 'keys:', 'ends before it starts'],
    ['traffic without a name', '```sim\ntraffic:\n  rate: 10/s\n```', 'traffic:', 'name the traffic'],
    ['traffic started without keys', '```sim\ntraffic a:\n  rate: 10/s\n```', 'traffic a:', 'needs "keys"'],
    ['stop of an unknown traffic', '```sim\nstop: ghosts\n```', 'stop:', 'no traffic named "ghosts"'],
    ['unknown declaration', '```sim\nfaults:\n  kill: node-1\n```', 'faults:', 'unknown declaration "faults"'],
    ['advance without a value', '```sim\nadvance:\n```', 'advance:', 'write the value on the same line'],
    ['advance too long', '```sim\nadvance: 2h\n```', 'advance:', 'at most 30m'],
    ['tab indentation', '```sim\nbackend:\n\tlatency: 20ms\n```', 'latency', 'spaces, not tabs'],
    ['uneven fields', '```sim\nbackend:\n  latency: 20ms\n    queue: 5\n```', 'queue', 'by the same 2 spaces'],
    ['duplicate field', '```sim\nbackend:\n  queue: 5\n  queue: 6\n```', 'queue: 6', 'already set above'],
    ['open quote in sim', '```sim\nwarm:\n  keys: "k\n  ttl: 1s\n```', 'keys:', 'quoted value is not closed'],
    ['warm without ttl', '```sim\nwarm:\n  keys: k:{1..3}\n```', 'warm:', 'warm needs "ttl"'],
    ['unbalanced redis quotes', '```redis\nSET k "v\n```', 'SET k', 'unbalanced quotes'],
    ['refused command', '```redis\nMONITOR\n```', 'MONITOR', 'run it in a console'],
    ['unknown metric', '```expect\npeak backend.qpss < 5\n```', 'qpss', 'did you mean backend.qps?'],
    ['missing comparison', '```expect\npeak backend.qps 5\n```', 'backend.qps', 'expected a comparison'],
    ['total of a ratio', '```expect\ntotal cache.hit_ratio > 1\n```', 'total', '"total" adds up counts'],
    ['duration on a rate', '```expect\npeak backend.qps < 5s\n```', 'backend.qps', 'a duration compares with a latency'],
    ['bad window', '```expect\npeak backend.qps over yesterday < 5\n```', 'yesterday', 'expected "over step"'],
    ['message without goal', '```expect\n  just a message\n```', 'just a message', 'belongs under the goal'],
    ['redis check without value', '```expect\nredis GET k ==\n```', 'redis GET', 'expected a value after =='],
    ['redis check without command', '```expect\nredis == 1\n```', 'redis ==', 'redis <command> <comparison> <value>'],
    ['unclosed fence', '```sim\nadvance: 1s\n', '```sim', 'never closed'],
    ['empty step', 'text\n\n---\n\n---\n\nmore', '---', 'step 2 is empty', 2],
  ];

  it.each(broken)('reports %s on the right line', (_name, body, needle, message, nth = 1) => {
    const text = `${FRONT}\n${body}\n`;
    const bodyStart = FRONT.split('\n').length;
    const hits = body.split('\n').flatMap((l, i) => (l.includes(needle) ? [bodyStart + i + 1] : []));
    expect(errorsOf(text)).toContainEqual({ line: hits[nth - 1], message: expect.stringContaining(message) as string });
  });

  it('checks the front matter', () => {
    expect(errorsOf('no front matter\n')).toEqual([{ line: 1, message: expect.stringContaining('starts with front matter') as string }]);
    expect(errorsOf('---\ntitle: x\n')[0]!.message).toContain('never closed');
    const errors = errorsOf('---\ntitle: T\nlevel: expert\ncolour: red\nseed: -1\n---\n\nstep\n');
    expect(errors).toEqual([
      { line: 1, message: 'the front matter needs "description"' },
      { line: 3, message: 'level: expected one of beginner, intermediate, advanced, got "expert"' },
      { line: 4, message: expect.stringContaining('the front matter has no field "colour"') as string },
      { line: 5, message: 'seed: expected a whole number, got "-1"' },
    ]);
    expect(errorsOf('---\ntitle: T\ndescription: D\nlevel: beginner\ntopology: cluster\n---\n\nstep\n')).toEqual([
      { line: 5, message: 'topology: expected one of single, got "cluster"' },
    ]);
  });

  it('reports every error, sorted by line', () => {
    const errors = errorsOf(`${FRONT}\n\`\`\`sim\nbackend:\n  queue: lots\n\`\`\`\n\n\`\`\`expect\nnonsense < 1\n\`\`\`\n`);
    expect(errors.map((e) => e.line)).toEqual([10, 14]);
  });

  it('refuses text that is too long to share, and scenarios over budget', () => {
    expect(errorsOf(`${FRONT}\n${'x'.repeat(LIMITS.chars)}`)[0]!.message).toContain('fits in a shared link');
    const budget = `${FRONT}\n\`\`\`sim\ntraffic a:\n  rate: 100000/s\n  keys: k\nadvance: 30m\nadvance: 30m\nadvance: 1s\n\`\`\`\n`;
    expect(errorsOf(budget)).toEqual([
      { line: 12, message: expect.stringContaining(`the limit is ${LIMITS.requests}`) as string },
      { line: 14, message: 'the scenario would last longer than 60 minutes of virtual time' },
    ]);
  });

  it('counts a burst only for its duration, and forgets it once it ended', () => {
    const burst = `${FRONT}\n\`\`\`sim\ntraffic a:\n  rate: 100000/s\n  keys: k\n  duration: 10s\nadvance: 30m\ntraffic a:\n  rate: 5/s\n\`\`\`\n`;
    expect(errorsOf(burst)).toEqual([{ line: 14, message: 'traffic a starts here, so it needs "keys"' }]);
    expect(parseScenario(burst.replace('  rate: 5/s', '  rate: 5/s\n  keys: k')).ok).toBe(true);
  });

  it('never throws on a built-in scenario with lines deleted, duplicated or garbled', () => {
    const lines = fs.readFileSync(path.join(import.meta.dirname, '../../scenarios/cache-stampede.md'), 'utf8').split('\n');
    const edit = fc.record({ at: fc.nat(lines.length - 1), kind: fc.constantFrom('delete', 'duplicate', 'garble'), text: fc.string({ maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        const out = [...lines];
        for (const e of edits) {
          const i = Math.min(e.at, out.length - 1);
          if (e.kind === 'delete') out.splice(i, 1);
          else if (e.kind === 'duplicate') out.splice(i, 0, out[i]!);
          else out[i] = out[i]!.slice(0, e.text.length) + e.text;
        }
        const r = parseScenario(out.join('\n'));
        if (!r.ok) for (const err of r.errors) expect(err.line).toBeGreaterThanOrEqual(1);
        if (!r.ok) for (const err of r.errors) expect(err.line).toBeLessThanOrEqual(out.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary input', () => {
    for (const input of [undefined, 42, '', '---', '---\n---', '---\n---\n---\n---', '```', `${FRONT}\`\`\`\`sim\n\`\`\``, '\u0000'.repeat(10)]) {
      expect(parseScenario(input).ok).toBe(false);
    }
  });
});
