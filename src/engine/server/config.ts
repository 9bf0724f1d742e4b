import { string2ll } from '../util/numbers.js';
import { memtoull, PARAMS, type ParamSpec, type ParseResult } from './configParams.js';

export { memtoull, PARAMS, type ParamSpec } from './configParams.js';

/** A parameter found by name: aliases are reported under the name they were looked up with. */
export interface ParamRef {
  readonly spec: ParamSpec;
  /** The canonical spelling of the name used (the alias when an alias was used). */
  readonly name: string;
}

/**
 * The server's configuration (config.c): every parameter of Redis 7.0, its current value as
 * CONFIG GET reports it, and the typed parsing CONFIG SET and startup options go through.
 * Typed getters serve the hot paths from a cache invalidated on every change.
 */
export class Config {
  private readonly values = new Map<string, string>();
  /** Lower-cased name (and alias) -> parameter, like Redis's case-insensitive configs dict. */
  private readonly byName = new Map<string, ParamRef>();
  /** Bumped on every successful set, so derived caches know when to recompute. */
  version = 0;
  /** Numeric/bool cache for the hot paths, invalidated on set. */
  private readonly numbers = new Map<string, number>();

  constructor(overrides: Record<string, string> = {}, params: readonly ParamSpec[] = PARAMS) {
    for (const p of params) {
      this.byName.set(p.name, { spec: p, name: p.name });
      if (p.alias !== undefined) this.byName.set(p.alias, { spec: p, name: p.alias });
      this.values.set(p.name, p.default);
    }
    for (const [k, v] of Object.entries(overrides)) {
      const err = this.set(k, v, true);
      if (err !== null) throw new Error(`config ${k}: ${err}`);
    }
  }

  /** lookupConfig: case-insensitive, aliases included. */
  lookup(name: string): ParamRef | undefined {
    return this.byName.get(name) ?? this.byName.get(name.toLowerCase());
  }

  spec(name: string): ParamSpec | undefined {
    return this.lookup(name)?.spec;
  }

  /** Every name CONFIG GET can match (canonical names and aliases). */
  names(): IterableIterator<ParamRef> {
    return this.byName.values();
  }

  /** The stored value (what the engine acts on). */
  get(name: string): string {
    const ref = this.lookup(name);
    if (ref === undefined) throw new Error(`unknown config ${name}`);
    return this.values.get(ref.spec.name)!;
  }

  /** The value as CONFIG GET reports it. */
  display(spec: ParamSpec): string {
    const v = this.values.get(spec.name)!;
    return spec.display === undefined ? v : spec.display(v);
  }

  getInt(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = Number(this.get(name));
      this.numbers.set(name, n);
    }
    return n;
  }

  getBool(name: string): boolean {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.get(name) === 'yes' ? 1 : 0;
      this.numbers.set(name, n);
    }
    return n === 1;
  }

  /**
   * The type's set(): validate `raw` (split on spaces for multi-argument parameters) and
   * return the value to store, or the reason it was refused. Nothing is changed.
   */
  parse(spec: ParamSpec, raw: string): ParseResult {
    const args = spec.multiArg ? raw.split(' ') : [raw];
    let res: ParseResult;
    switch (spec.type) {
      case 'bool':
        res = parseBool(raw);
        break;
      case 'numeric':
        res = parseNumeric(spec, raw);
        break;
      case 'enum':
        res = parseEnum(spec, args);
        break;
      case 'string':
        res = { value: raw };
        break;
      case 'special':
        return spec.parse!(args, this.values.get(spec.name)!);
    }
    if ('value' in res && spec.validate !== undefined) {
      const err = spec.validate(res.value);
      if (err !== null) return { error: err };
    }
    return res;
  }

  /** Store an already parsed value. */
  commit(spec: ParamSpec, value: string): void {
    this.values.set(spec.name, value);
    this.version++;
    this.numbers.clear();
  }

  /**
   * Validate and store one value; returns null or the reason it was refused. `startup` allows
   * immutable and protected parameters (redis.conf / command-line options).
   */
  set(name: string, raw: string, startup = false): string | null {
    const ref = this.lookup(name);
    if (ref === undefined) return 'unknown parameter';
    if (ref.spec.immutable && !startup) return "can't set immutable config";
    const parsed = this.parse(ref.spec, raw);
    if ('error' in parsed) return parsed.error;
    this.commit(ref.spec, parsed.value);
    return null;
  }
}

/** yesnotoi */
function parseBool(raw: string): ParseResult {
  const v = raw.toLowerCase();
  if (v === 'yes' || v === 'no') return { value: v };
  return { error: "argument must be 'yes' or 'no'" };
}

/** configEnumGetValue; a bit-flags enum takes several names and reports them in table order. */
function parseEnum(spec: ParamSpec, args: string[]): ParseResult {
  const values = spec.values!;
  const wrong = { error: `argument(s) must be one of the following: ${values.join(', ')}` };
  if (!spec.bitflags) {
    const v = args[0]!.toLowerCase();
    return args.length === 1 && values.includes(v) ? { value: v } : wrong;
  }
  let bits = 0;
  for (const a of args) {
    const i = values.indexOf(a.toLowerCase());
    if (i === -1) return wrong;
    if (i > 0) bits |= 1 << (i - 1);
  }
  // configEnumGetName: 0 is the first name; otherwise the names of the set bits, in order.
  const names = values.filter((_, i) => i > 0 && bits & (1 << (i - 1)));
  return { value: bits === 0 ? values[0]! : names.join(' ') };
}

const TWO_64 = 1n << 64n;

/**
 * numericParseString + numericBoundaryCheck + numericConfigGet: the value as a C long long
 * (memory values are parsed unsigned and cast), checked against the bounds as the parameter's
 * C type compares them, and formatted the way CONFIG GET prints it.
 */
function parseNumeric(spec: ParamSpec, raw: string): ParseResult {
  let ll: bigint | null = null;
  if (spec.memory) {
    const ull = memtoull(raw);
    if (ull !== null) ll = BigInt.asIntN(64, ull);
  }
  if (ll === null && spec.percent && raw.length > 1 && raw.endsWith('%')) {
    const p = string2ll(raw.slice(0, -1));
    if (p !== null && BigInt(p) >= 0n) ll = -BigInt(p);
  }
  if (ll === null && spec.octal && /^[ \t\n\v\f\r]*[+-]?[0-7]+$/.test(raw)) {
    const t = raw.trim();
    ll = BigInt(t.startsWith('-') ? `-0o${t.slice(1)}` : `0o${t.replace('+', '')}`);
  }
  if (ll === null && !spec.memory && !spec.percent && !spec.octal) {
    const n = string2ll(raw);
    if (n !== null) ll = BigInt(n);
  }
  if (ll === null) {
    if (spec.memory && spec.percent) return { error: 'argument must be a memory or percent value' };
    if (spec.memory) return { error: 'argument must be a memory value' };
    if (spec.octal) return { error: "argument couldn't be parsed as an octal number" };
    return { error: "argument couldn't be parsed into an integer" };
  }
  const min = spec.min!;
  const max = spec.max!;
  if (spec.unsigned) {
    const ull = ll < 0n ? ll + TWO_64 : ll;
    if (ull > max || ull < min) {
      const fmt = (v: bigint): string => (spec.octal ? v.toString(8) : String(v));
      return { error: `argument must be between ${fmt(min)} and ${fmt(max)} inclusive` };
    }
  } else if (spec.percent && ll < 0n) {
    if (ll < min) return { error: `percentage argument must be less or equal to ${-min}` };
  } else if (ll > max || ll < min) {
    return { error: `argument must be between ${min} and ${max} inclusive` };
  }
  if (spec.clamp !== undefined) {
    if (ll < spec.clamp[0]) ll = spec.clamp[0];
    if (ll > spec.clamp[1]) ll = spec.clamp[1];
  }
  if (spec.percent && ll < 0n) return { value: `${-ll}%` };
  if (spec.octal) return { value: ll.toString(8) };
  if (spec.memory || spec.unsigned) return { value: String(ll < 0n ? ll + TWO_64 : ll) };
  return { value: String(ll) };
}
