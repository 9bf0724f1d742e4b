import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import {
  LIMITS,
  type BackendSettings,
  type ScenarioMeta,
  type SimStatement,
  type TrafficSettings,
  type WarmStatement,
} from './format.js';
import type { LineError, SourceLine } from './markdown.js';
import { parseDeclarations, type RawStatement } from './simSyntax.js';
import {
  formatDistribution,
  formatDuration,
  formatKeySpace,
  formatPercent,
  formatRate,
  formatSize,
  parseDecimal,
  parseDistribution,
  parseDuration,
  parseInteger,
  parseKeySpace,
  parsePercent,
  parseRate,
  parseSize,
  type Parsed,
} from './units.js';

// zod/mini ships without messages; English ones make a schema error say what is wrong.
z.config(en());

/**
 * The schema of the front matter and of every `sim` declaration. Each field is described once
 * (its name as written, how its text parses, how the serializer writes it back) and zod checks
 * a declaration against the table: unknown fields, bad values and missing required fields come
 * back as errors on the line that holds them.
 */

interface FieldDef<T> {
  /** The name as written in the file (snake_case). */
  key: string;
  schema: z.ZodMiniType<T, string>;
  format: (v: T) => string;
}

function parsedValue<T>(parse: (s: string) => Parsed<T>, check: (v: T) => string | null = () => null): z.ZodMiniType<T, string> {
  return z.pipe(
    z.string(),
    z.transform((s: string, ctx) => {
      const r = parse(s);
      const problem = r.ok ? check(r.value) : r.error;
      if (!r.ok || problem !== null) {
        ctx.issues.push({ code: 'custom', message: problem ?? 'invalid value', input: s });
        return z.NEVER;
      }
      return r.value;
    }),
  ) as unknown as z.ZodMiniType<T, string>;
}

const within = (min: number, max: number, show: (v: number) => string, minExclusive = false) => (v: number): string | null =>
  (minExclusive ? v <= min : v < min) || v > max
    ? `must be ${minExclusive ? 'above' : 'at least'} ${show(min)} and at most ${show(max)}, got ${show(v)}`
    : null;

function oneOf<T extends string>(values: readonly T[]): (s: string) => Parsed<T> {
  return (s) => ((values as readonly string[]).includes(s) ? { ok: true, value: s as T } : { ok: false, error: `expected one of ${values.join(', ')}, got "${s}"` });
}

const field = <T>(key: string, schema: z.ZodMiniType<T, string>, format: (v: T) => string): FieldDef<T> => ({ key, schema, format });

const duration = (min: number, max: number) => parsedValue(parseDuration, within(min, max, formatDuration));
const positiveDuration = (max: number) => parsedValue(parseDuration, within(0, max, formatDuration, true));
const integer = (min: number, max: number) => parsedValue(parseInteger, within(min, max, String));
const percent = (max = 1) => parsedValue(parsePercent, within(0, max, formatPercent));
const size = parsedValue(parseSize, within(1, LIMITS.valueSize, formatSize));
const keySpace = parsedValue(parseKeySpace, (k) => (k.range && k.last - k.first + 1 > LIMITS.keys ? `a key space holds at most ${LIMITS.keys} keys` : null));

type FieldTable<T> = { [K in keyof T]-?: FieldDef<Exclude<T[K], undefined>> };

export const BACKEND_FIELDS: FieldTable<BackendSettings> = {
  latency: field('latency', positiveDuration(LIMITS.latencyMs), formatDuration),
  latencyPerQuery: field('latency_per_query', duration(0, LIMITS.latencyMs), formatDuration),
  jitter: field('jitter', percent(), formatPercent),
  concurrency: field('concurrency', integer(1, LIMITS.concurrency), String),
  queue: field('queue', integer(0, LIMITS.queue), String),
  timeout: field('timeout', positiveDuration(LIMITS.timeoutMs), formatDuration),
};

export const TRAFFIC_FIELDS: FieldTable<TrafficSettings> = {
  rate: field('rate', parsedValue(parseRate, within(0, LIMITS.rate, formatRate)), formatRate),
  duration: field('duration', positiveDuration(LIMITS.durationMs), formatDuration),
  keys: field('keys', keySpace, formatKeySpace),
  distribution: field('distribution', parsedValue(parseDistribution), formatDistribution),
  reads: field('reads', percent(), formatPercent),
  valueSize: field('value_size', size, formatSize),
  arrivals: field('arrivals', parsedValue(oneOf(['poisson', 'even'] as const)), String),
  strategy: field('strategy', parsedValue(oneOf(['naive', 'mutex', 'early-refresh'] as const)), String),
  ttl: field('ttl', positiveDuration(LIMITS.ttlMs), formatDuration),
  ttlJitter: field('ttl_jitter', percent(0.9), formatPercent),
  lockTtl: field('lock_ttl', positiveDuration(LIMITS.ttlMs), formatDuration),
  retry: field('retry', positiveDuration(LIMITS.timeoutMs), formatDuration),
  wait: field('wait', positiveDuration(LIMITS.timeoutMs), formatDuration),
  onBusy: field('on_busy', parsedValue(oneOf(['wait', 'stale'] as const)), String),
  beta: field('beta', parsedValue(parseDecimal, within(0, 100, String, true)), String),
};

type WarmFields = Pick<WarmStatement, 'keys' | 'ttl' | 'ttlJitter' | 'valueSize'>;

export const WARM_FIELDS: FieldTable<WarmFields> = {
  keys: field('keys', parsedValue(parseKeySpace, (k) => (k.last - k.first + 1 > LIMITS.warmKeys ? `a warm-up loads at most ${LIMITS.warmKeys} keys` : null)), formatKeySpace),
  ttl: field('ttl', positiveDuration(LIMITS.ttlMs), formatDuration),
  ttlJitter: field('ttl_jitter', percent(0.9), formatPercent),
  valueSize: field('value_size', size, formatSize),
};

export const WARM_DEFAULTS: Omit<WarmFields, 'keys' | 'ttl'> = { ttlJitter: 0, valueSize: 100 };

const text = (max: number) => parsedValue((s) => ({ ok: true, value: s }), (s) => (s.length === 0 ? 'must not be empty' : s.length > max ? `must be at most ${max} characters` : null));

export const META_FIELDS: FieldTable<ScenarioMeta> = {
  title: field('title', text(120), String),
  description: field('description', text(2000), String),
  level: field('level', parsedValue(oneOf(['beginner', 'intermediate', 'advanced'] as const)), String),
  topology: field('topology', parsedValue(oneOf(['single'] as const)), String),
  seed: field('seed', integer(0, 0xffffffff), String),
  author: field('author', text(120), String),
};

const META_REQUIRED: ReadonlyArray<keyof ScenarioMeta> = ['title', 'description', 'level'];
const META_DEFAULTS: Pick<ScenarioMeta, 'topology' | 'seed'> = { topology: 'single', seed: 1 };

/** A strict zod object over the table's written names. */
function objectSchema<T>(table: FieldTable<T>, required: ReadonlyArray<keyof T>) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const prop of Object.keys(table) as Array<keyof T>) {
    const f = table[prop] as FieldDef<unknown>;
    shape[f.key] = required.includes(prop) ? f.schema : z.optional(f.schema);
  }
  return z.strictObject(shape);
}

/**
 * Check `fields` (written name → text, with their lines) against a table. Returns the values
 * under their model names, or null with the errors added to `errors`.
 */
function validateFields<T>(
  table: FieldTable<T>,
  required: ReadonlyArray<keyof T>,
  fields: ReadonlyArray<{ key: string; value: string; line: number }>,
  ownerLine: number,
  owner: string,
  errors: LineError[],
): Partial<T> | null {
  const input = Object.fromEntries(fields.map((f) => [f.key, f.value]));
  const r = objectSchema(table, required).safeParse(input);
  const lineOf = (key: unknown): number => fields.find((f) => f.key === key)?.line ?? ownerLine;
  const props = Object.keys(table) as Array<keyof T>;
  const known = props.map((p) => (table[p] as FieldDef<unknown>).key);
  if (!r.success) {
    for (const issue of r.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) errors.push({ line: lineOf(k), message: `${owner} has no field "${k}" (it has: ${known.join(', ')})` });
      } else if (issue.code === 'invalid_type' && issue.path.length === 1 && input[String(issue.path[0])] === undefined) {
        errors.push({ line: ownerLine, message: `${owner} needs "${String(issue.path[0])}"` });
      } else {
        const key = issue.path[0];
        errors.push({ line: lineOf(key), message: `${key === undefined ? owner : `${String(key)}`}: ${issue.message}` });
      }
    }
    return null;
  }
  const out: Partial<T> = {};
  const data = r.data as Record<string, unknown>;
  for (const p of props) {
    const v = data[(table[p] as FieldDef<unknown>).key];
    if (v !== undefined) out[p] = v as T[keyof T];
  }
  return out;
}

export function parseMeta(lines: readonly SourceLine[], errors: LineError[]): ScenarioMeta | null {
  const { statements, errors: syntax } = parseDeclarations(lines);
  errors.push(...syntax);
  const fields: Array<{ key: string; value: string; line: number }> = [];
  for (const s of statements) {
    if (s.name !== null || s.value === null) {
      errors.push({ line: s.line, message: `front matter fields are written "${s.head}: value" on one line` });
      continue;
    }
    fields.push({ key: s.head, value: s.value, line: s.line });
  }
  const firstLine = (lines[0]?.n ?? 2) - 1;
  const meta = validateFields(META_FIELDS, META_REQUIRED, fields, firstLine, 'the front matter', errors);
  if (meta === null || syntax.length > 0) return null;
  return { ...META_DEFAULTS, ...meta } as ScenarioMeta;
}

/** Parse and validate the declarations of one `sim` block. */
export function parseSimBlock(lines: readonly SourceLine[], errors: LineError[]): SimStatement[] {
  const { statements, errors: syntax } = parseDeclarations(lines);
  errors.push(...syntax);
  const out: SimStatement[] = [];
  for (const raw of statements) {
    const s = toStatement(raw, errors);
    if (s !== null) out.push(s);
  }
  return out;
}

const STATEMENT_HEADS = ['backend', 'traffic', 'stop', 'warm', 'advance'];

function toStatement(raw: RawStatement, errors: LineError[]): SimStatement | null {
  const { head, name, value, line, fields } = raw;
  const noName = (): boolean => {
    if (name === null) return true;
    errors.push({ line, message: `write "${head}:" without a name` });
    return false;
  };
  const needsFields = (example: string): boolean => {
    if (value === null && fields.length > 0) return true;
    errors.push({ line, message: `"${head}:" is followed by indented fields, e.g. ${example}` });
    return false;
  };
  const inline = (example: string): string | null => {
    if (value !== null) return value;
    errors.push({ line, message: `write the value on the same line, e.g. ${example}` });
    return null;
  };
  switch (head) {
    case 'backend': {
      if (!noName() || !needsFields('"  latency: 20ms"')) return null;
      const settings = validateFields(BACKEND_FIELDS, [], fields, line, 'backend', errors);
      return settings === null ? null : { kind: 'backend', line, settings };
    }
    case 'traffic': {
      if (name === null) {
        errors.push({ line, message: 'name the traffic so later steps can change or stop it, e.g. "traffic web:"' });
        return null;
      }
      if (!needsFields('"  rate: 1000/s"')) return null;
      const settings = validateFields(TRAFFIC_FIELDS, [], fields, line, `traffic ${name}`, errors);
      return settings === null ? null : { kind: 'traffic', line, name, settings };
    }
    case 'warm': {
      if (!noName() || !needsFields('"  keys: product:{1..1000}"')) return null;
      const w = validateFields(WARM_FIELDS, ['keys', 'ttl'], fields, line, 'warm', errors);
      return w === null ? null : { kind: 'warm', line, ...WARM_DEFAULTS, ...(w as WarmFields) };
    }
    case 'stop': {
      const v = noName() ? inline('"stop: web" or "stop: all"') : null;
      if (v === null) return null;
      if (!/^[A-Za-z0-9_.-]+$/.test(v)) {
        errors.push({ line, message: `stop names one traffic or "all", got "${v}"` });
        return null;
      }
      return { kind: 'stop', line, name: v };
    }
    case 'advance': {
      const v = noName() ? inline('"advance: 10s"') : null;
      if (v === null) return null;
      const d = parseDuration(v);
      const problem = d.ok ? within(0, LIMITS.advanceMs, formatDuration, true)(d.value) : d.error;
      if (!d.ok || problem !== null) {
        errors.push({ line, message: `advance: ${problem}` });
        return null;
      }
      return { kind: 'advance', line, ms: d.value };
    }
    default:
      errors.push({ line, message: `unknown declaration "${head}" (known: ${STATEMENT_HEADS.join(', ')})` });
      return null;
  }
}
