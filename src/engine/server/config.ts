/**
 * The configuration parameters the engine honours (config.c's standardConfig table, limited to
 * what redsim implements). Values are kept as Redis reports them in CONFIG GET; typed getters
 * serve the hot paths. CONFIG GET/SET live in commands/server.ts.
 */
export type ParamType = 'bool' | 'int' | 'memory' | 'enum' | 'string';

export interface ParamSpec {
  name: string;
  type: ParamType;
  default: string;
  /** Alternate name (e.g. replica-* / slave-*). */
  alias?: string;
  min?: number;
  max?: number;
  /** For enums: allowed values. */
  values?: readonly string[];
  /** Cannot be changed with CONFIG SET. */
  immutable?: boolean;
  /** Custom validation/normalisation: returns the stored value, or an error text. */
  normalize?: (v: string) => { value: string } | { error: string };
}

const INT_MAX = 2147483647;
const LLONG_MAX = Number.MAX_SAFE_INTEGER;

export const PARAMS: ParamSpec[] = [
  { name: 'databases', type: 'int', default: '16', min: 1, max: INT_MAX, immutable: true },
  { name: 'hz', type: 'int', default: '10', min: 0, max: INT_MAX },
  { name: 'port', type: 'int', default: '6379', min: 0, max: 65535 },
  { name: 'maxmemory', type: 'memory', default: '0', min: 0, max: LLONG_MAX },
  {
    name: 'maxmemory-policy',
    type: 'enum',
    default: 'noeviction',
    values: ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'],
  },
  { name: 'maxmemory-samples', type: 'int', default: '5', min: 1, max: 64 },
  { name: 'notify-keyspace-events', type: 'string', default: '' },
  { name: 'enable-debug-command', type: 'enum', default: 'local', values: ['no', 'yes', 'local'], immutable: true },
  { name: 'lazyfree-lazy-expire', type: 'bool', default: 'no' },
  { name: 'lazyfree-lazy-eviction', type: 'bool', default: 'no' },
  { name: 'lazyfree-lazy-server-del', type: 'bool', default: 'no' },
  { name: 'lazyfree-lazy-user-del', type: 'bool', default: 'no' },
  { name: 'lazyfree-lazy-user-flush', type: 'bool', default: 'no' },
  { name: 'active-expire-effort', type: 'int', default: '1', min: 1, max: 10 },
  { name: 'proto-max-bulk-len', type: 'memory', default: '536870912', min: 1024 * 1024, max: LLONG_MAX },
  { name: 'timeout', type: 'int', default: '0', min: 0, max: INT_MAX },
  { name: 'lfu-log-factor', type: 'int', default: '10', min: 0, max: INT_MAX },
  { name: 'lfu-decay-time', type: 'int', default: '1', min: 0, max: INT_MAX },
];

export class Config {
  private readonly values = new Map<string, string>();
  private readonly specs = new Map<string, ParamSpec>();
  /** Bumped on every successful set, so derived caches know when to recompute. */
  version = 0;
  /** Numeric/bool cache for the hot paths, invalidated on set. */
  private readonly numbers = new Map<string, number>();

  constructor(overrides: Record<string, string> = {}, params: ParamSpec[] = PARAMS) {
    for (const p of params) {
      this.specs.set(p.name, p);
      if (p.alias !== undefined) this.specs.set(p.alias, p);
      this.values.set(p.name, p.default);
    }
    for (const [k, v] of Object.entries(overrides)) {
      const err = this.set(k, v, true);
      if (err !== null) throw new Error(`config ${k}: ${err}`);
    }
  }

  spec(name: string): ParamSpec | undefined {
    return this.specs.get(name.toLowerCase());
  }

  /** All canonical parameter specs, in table order. */
  all(): ParamSpec[] {
    return [...new Set(this.specs.values())];
  }

  get(name: string): string {
    const spec = this.specs.get(name);
    if (spec === undefined) throw new Error(`unknown config ${name}`);
    return this.values.get(spec.name)!;
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
    return this.getInt2(name) === 1;
  }

  private getInt2(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.get(name) === 'yes' ? 1 : 0;
      this.numbers.set(name, n);
    }
    return n;
  }

  /**
   * Validate and store a value; returns null or the reason it was refused (the text Redis puts
   * after "argument(s) must be ..."). `startup` allows immutable parameters.
   */
  set(name: string, raw: string, startup = false): string | null {
    const spec = this.specs.get(name.toLowerCase());
    if (spec === undefined) return 'unknown parameter';
    if (spec.immutable && !startup) return "can't set immutable config";
    const parsed = parseValue(spec, raw);
    if ('error' in parsed) return parsed.error;
    this.values.set(spec.name, parsed.value);
    this.version++;
    this.numbers.delete(spec.name);
    if (spec.alias !== undefined) this.numbers.delete(spec.alias);
    for (const [k, s] of this.specs) if (s === spec) this.numbers.delete(k);
    return null;
  }
}

const MEMORY_UNITS: Record<string, number> = {
  '': 1, b: 1, k: 1000, kb: 1024, m: 1000 ** 2, mb: 1024 ** 2, g: 1000 ** 3, gb: 1024 ** 3,
};

/** memtoull: "100mb" -> bytes; null when malformed. */
export function parseMemory(s: string): number | null {
  const m = /^(-?\d+)([a-zA-Z]*)$/.exec(s);
  if (!m) return null;
  const mul = MEMORY_UNITS[m[2]!.toLowerCase()];
  if (mul === undefined) return null;
  return Number(m[1]) * mul;
}

function parseValue(spec: ParamSpec, raw: string): { value: string } | { error: string } {
  if (spec.normalize) return spec.normalize(raw);
  switch (spec.type) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (v === 'yes' || v === 'no') return { value: v };
      return { error: "argument must be 'yes' or 'no'" };
    }
    case 'enum': {
      const v = raw.toLowerCase();
      if (spec.values!.includes(v)) return { value: v };
      return { error: `argument(s) must be one of the following: ${spec.values!.join(', ')}` };
    }
    case 'int':
    case 'memory': {
      const n = spec.type === 'memory' ? parseMemory(raw) : /^-?\d+$/.test(raw) ? Number(raw) : null;
      if (n === null || !Number.isFinite(n)) return { error: 'argument couldn\'t be parsed into an integer' };
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        return { error: `argument must be between ${spec.min} and ${spec.max} inclusive` };
      }
      return { value: String(n) };
    }
    case 'string':
      return { value: raw };
  }
}
