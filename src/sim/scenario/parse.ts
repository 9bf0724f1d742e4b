import { splitArgs } from '../../protocol/splitargs.js';
import { LIMITS, type Block, type RedisCommand, type Scenario, type Step } from './format.js';
import { parseExpectBlock } from './expectSyntax.js';
import { splitDocument, type LineError, type RawStep, type SourceLine } from './markdown.js';
import { checkPlan } from './plan.js';
import { refusedCommand } from './redisPolicy.js';
import { utf8Bytes } from './utf8.js';
import { parseMeta, parseSimBlock } from './schema.js';

export type { LineError } from './markdown.js';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: LineError[] };

/**
 * Scenario text → Scenario, or every problem found with its 1-based line. Never throws: the
 * text is user input (an editor buffer, a shared link), and a scenario is data, never code.
 */
export function parseScenario(input: unknown): ParseResult {
  if (typeof input !== 'string') return { ok: false, errors: [{ line: 1, message: 'a scenario is text' }] };
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.length > LIMITS.chars) {
    return { ok: false, errors: [{ line: 1, message: `the scenario is ${text.length} characters long; the limit is ${LIMITS.chars}, so that it fits in a shared link` }] };
  }
  const { doc, errors } = splitDocument(text);
  if (errors.length > 0 && doc.steps.length === 0) return { ok: false, errors };
  const meta = parseMeta(doc.front, errors);
  if (doc.steps.length > LIMITS.steps) {
    errors.push({ line: doc.steps[LIMITS.steps]!.line, message: `a scenario has at most ${LIMITS.steps} steps` });
  }
  const steps = doc.steps.slice(0, LIMITS.steps).map((s, i) => parseStep(s, i, errors));
  checkPlan(steps, errors);
  if (errors.length > 0 || meta === null) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, scenario: { meta, steps } };
}

function parseStep(raw: RawStep, index: number, errors: LineError[]): Step {
  const blocks: Block[] = [];
  let commands = 0;
  let goals = 0;
  for (const part of raw.parts) {
    if (part.kind === 'text') {
      const markdown = trimBlankLines(part.lines);
      if (markdown !== '') blocks.push({ kind: 'text', markdown });
      continue;
    }
    const { kind, lines, line } = part.fence;
    switch (kind) {
      case 'redis': {
        const cmds = parseRedisBlock(lines, errors);
        commands += cmds.length;
        if (commands > LIMITS.commandsPerStep && commands - cmds.length <= LIMITS.commandsPerStep) {
          errors.push({ line, message: `a step runs at most ${LIMITS.commandsPerStep} redis commands` });
        }
        blocks.push({ kind: 'redis', commands: cmds });
        break;
      }
      case 'sim':
        blocks.push({ kind: 'sim', statements: parseSimBlock(lines, errors) });
        break;
      case 'expect': {
        const g = parseExpectBlock(lines, errors);
        goals += g.length;
        if (goals > LIMITS.goalsPerStep && goals - g.length <= LIMITS.goalsPerStep) {
          errors.push({ line, message: `a step has at most ${LIMITS.goalsPerStep} goals` });
        }
        blocks.push({ kind: 'expect', goals: g });
        break;
      }
      case 'hint':
        blocks.push({ kind: 'hint', markdown: trimBlankLines(lines) });
        break;
    }
  }
  return { title: stepTitle(blocks) ?? `Step ${index + 1}`, line: raw.line, blocks };
}

/** One command per line, split like redis-cli splits what is typed; `#` lines are comments. */
function parseRedisBlock(lines: readonly SourceLine[], errors: LineError[]): RedisCommand[] {
  const out: RedisCommand[] = [];
  for (const { n, text } of lines) {
    const source = text.trim();
    if (source === '' || source.startsWith('#')) continue;
    const argv = splitArgs(utf8Bytes(source));
    if (argv === null) {
      errors.push({ line: n, message: 'unbalanced quotes in this command' });
      continue;
    }
    const refused = refusedCommand(argv);
    if (refused !== null) {
      errors.push({ line: n, message: refused });
      continue;
    }
    out.push({ line: n, source, argv });
  }
  return out;
}

function stepTitle(blocks: readonly Block[]): string | null {
  for (const b of blocks) {
    if (b.kind !== 'text') continue;
    const m = /^ {0,3}#{1,6}\s+(.+?)(?:\s+#+)?\s*$/m.exec(b.markdown);
    if (m !== null) return m[1]!;
  }
  return null;
}

function trimBlankLines(lines: readonly SourceLine[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.text.trim() === '') a++;
  while (b > a && lines[b - 1]!.text.trim() === '') b--;
  return lines
    .slice(a, b)
    .map((l) => l.text)
    .join('\n');
}

function sortErrors(errors: LineError[]): LineError[] {
  const seen = new Set<string>();
  return [...errors]
    .sort((x, y) => x.line - y.line)
    .filter((e) => {
      const k = `${e.line}\u0000${e.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}
