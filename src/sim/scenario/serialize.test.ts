import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from './format.js';
import { parseScenario } from './parse.js';
import { serializeScenario } from './serialize.js';

const SCENARIOS = path.join(import.meta.dirname, '../../scenarios');

function parsed(text: string): Scenario {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

/** The model without line numbers: what must survive a round trip through text. */
function withoutLines(s: Scenario): unknown {
  return JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === 'line' ? undefined : v)));
}

const builtins = fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('serializeScenario', () => {
  it.each(builtins)('round-trips %s', (file) => {
    const original = parsed(fs.readFileSync(path.join(SCENARIOS, file), 'utf8'));
    const text = serializeScenario(original);
    expect(withoutLines(parsed(text))).toEqual(withoutLines(original));
    // Canonical text is a fixed point.
    expect(serializeScenario(parsed(text))).toBe(text);
  });

  it('writes what a form changed, in the scenario syntax', () => {
    const s = parsed('---\ntitle: T\ndescription: "# not a comment"\nlevel: advanced\n---\n\n```sim\ntraffic web:\n  rate: 10/s\n  keys: k:{1..9}\n```\n');
    const block = s.steps[0]!.blocks[0]!;
    if (block.kind !== 'sim' || block.statements[0]!.kind !== 'traffic') throw new Error('unexpected shape');
    block.statements[0]!.settings = { ...block.statements[0]!.settings, strategy: 'early-refresh', beta: 1.5, ttlJitter: 0.2, distribution: { kind: 'zipf', s: 0.9 } };
    block.statements.push({ kind: 'advance', line: 0, ms: 90_000 });
    const text = serializeScenario(s);
    expect(text).toBe(
      '---\ntitle: T\ndescription: "# not a comment"\nlevel: advanced\ntopology: single\nseed: 1\n---\n\n' +
        '```sim\ntraffic web:\n  rate: 10/s\n  keys: k:{1..9}\n  distribution: zipf(0.9)\n  strategy: early-refresh\n  ttl_jitter: 20%\n  beta: 1.5\nadvance: 90s\n```\n',
    );
    expect(withoutLines(parsed(text))).toEqual(withoutLines(s));
  });

  it('quotes goal values and fences so that they read back the same', () => {
    const s = parsed(
      '---\ntitle: T\ndescription: D\nlevel: beginner\n---\n\n' +
        '```expect\nredis GET a == "two words"\nredis GET b == "42"\nredis GET c == nil\nredis GET d != "\\xff\\n"\nredis GET e == "caf\\xc3\\xa9 \\"x\\""\nredis GET f == "né"\nalways last backend.p99 over run <= 1.5s\n  slow\n```\n\n' +
        '````hint\nA hint with a fence:\n```redis\nGET k\n```\n````\n',
    );
    const text = serializeScenario(s);
    expect(text).toContain('redis GET b == "42"');
    expect(text).toContain('redis GET e == "café \\"x\\""');
    expect(text).toContain('always last backend.p99 over run <= 1500ms\n  slow');
    expect(text).toContain('````hint\n');
    expect(withoutLines(parsed(text))).toEqual(withoutLines(s));
  });
});
