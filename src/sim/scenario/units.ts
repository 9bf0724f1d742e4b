import type { Distribution, KeySpace } from './format.js';

/**
 * The small value syntaxes of the scenario format (durations, rates, percentages, sizes, key
 * spaces, distributions): a parser that says what it expected, and a formatter whose output
 * parses back to the same value, so the serializer round-trips.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const DURATION_RE = new RegExp(`^${NUMBER}(ms|s|m|h)$`);
const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Decimal text times a unit factor, without binary noise (0.3s is 300, not 300.00000000000006). */
function scaled(text: string, factor: number): number {
  return Math.round(Number(text) * factor * 1e6) / 1e6;
}

/** Shortest exact decimal text of a number (`String` already is, for the values we produce). */
function num(n: number): string {
  return String(n);
}

export function parseDuration(s: string): Parsed<number> {
  const m = DURATION_RE.exec(s);
  if (m === null) return fail(`expected a duration like 250ms, 20s, 5m or 1h, got "${s}"`);
  return ok(scaled(m[1]!, DURATION_MS[m[2]!]!));
}

export function formatDuration(ms: number): string {
  for (const [unit, factor] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms >= factor && Number.isInteger(ms / factor)) return `${ms / factor}${unit}`;
  }
  return `${num(ms)}ms`;
}

/** Requests per second: `5000/s` (or a bare number). */
export function parseRate(s: string): Parsed<number> {
  const m = new RegExp(`^${NUMBER}(?:/s)?$`).exec(s);
  if (m === null) return fail(`expected a rate like 5000/s, got "${s}"`);
  return ok(Number(m[1]));
}

export function formatRate(perSecond: number): string {
  return `${num(perSecond)}/s`;
}

/** `20%` as 0.2. */
export function parsePercent(s: string): Parsed<number> {
  const m = new RegExp(`^${NUMBER}%$`).exec(s);
  if (m === null) return fail(`expected a percentage like 20%, got "${s}"`);
  return ok(scaled(m[1]!, 0.01));
}

export function formatPercent(fraction: number): string {
  return `${num(Math.round(fraction * 100 * 1e6) / 1e6)}%`;
}

export function parseInteger(s: string): Parsed<number> {
  if (!/^\d+$/.test(s)) return fail(`expected a whole number, got "${s}"`);
  return ok(Number(s));
}

export function parseDecimal(s: string): Parsed<number> {
  if (!new RegExp(`^${NUMBER}$`).test(s)) return fail(`expected a number like 1 or 1.5, got "${s}"`);
  return ok(Number(s));
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** Bytes: `200`, `200b`, `4kb`, `1mb` (binary units, as redis.conf reads them). */
export function parseSize(s: string): Parsed<number> {
  const m = /^(\d+)(b|kb|mb)?$/i.exec(s);
  if (m === null) return fail(`expected a size in bytes like 200, 4kb or 1mb, got "${s}"`);
  return ok(Number(m[1]) * SIZE_UNITS[(m[2] ?? '').toLowerCase()]!);
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}mb`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024}kb`;
  return String(bytes);
}

const RANGE_RE = /\{(\d+)\.\.(\d+)\}/;

/**
 * A key space: `product:{1..10000}` (a numeric range inside the braces) or one literal key.
 * Braces that hold no range (a cluster hash tag like `{user}`) are part of the key.
 */
export function parseKeySpace(s: string): Parsed<KeySpace> {
  if (s === '' || /\s/.test(s)) return fail(`expected a key or a key range like product:{1..1000}, got "${s}"`);
  const m = RANGE_RE.exec(s);
  if (m === null) return ok({ prefix: s, suffix: '', first: 0, last: 0, range: false });
  const prefix = s.slice(0, m.index);
  const suffix = s.slice(m.index + m[0].length);
  if (RANGE_RE.test(suffix)) return fail(`a key space has one {first..last} range, got "${s}"`);
  const first = Number(m[1]);
  const last = Number(m[2]);
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) return fail(`the range in "${s}" is too large`);
  if (last < first) return fail(`the range in "${s}" ends before it starts`);
  return ok({ prefix, suffix, first, last, range: true });
}

export function formatKeySpace(k: KeySpace): string {
  return k.range ? `${k.prefix}{${k.first}..${k.last}}${k.suffix}` : k.prefix;
}

export function keyCount(k: KeySpace): number {
  return k.range ? k.last - k.first + 1 : 1;
}

/** `uniform`, `zipf` (s = 1) or `zipf(1.2)`. */
export function parseDistribution(s: string): Parsed<Distribution> {
  if (s === 'uniform') return ok({ kind: 'uniform' });
  if (s === 'zipf') return ok({ kind: 'zipf', s: 1 });
  const m = new RegExp(`^zipf\\(\\s*${NUMBER}\\s*\\)$`).exec(s);
  if (m === null) return fail(`expected uniform, zipf or zipf(s) like zipf(1.1), got "${s}"`);
  const exponent = Number(m[1]);
  if (exponent <= 0 || exponent > 5) return fail(`the zipf exponent must be above 0 and at most 5, got ${m[1]}`);
  return ok({ kind: 'zipf', s: exponent });
}

export function formatDistribution(d: Distribution): string {
  return d.kind === 'uniform' ? 'uniform' : `zipf(${num(d.s)})`;
}
