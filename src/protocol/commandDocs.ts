import type { ArgDoc, CommandDoc } from './api.js';
import type { Reply } from './reply.js';

/**
 * What the converter needs from a command table row. The engine's CommandSpec has this shape, so
 * the worker passes its specs as they are; protocol imports nothing from the engine.
 */
export interface CommandDocSource {
  /** Lower case, `get` or `client|list`. */
  readonly fullname: string;
  readonly arity: number;
  readonly flags: ReadonlySet<string>;
  /** The COMMAND DOCS value Redis sends for this command (a map reply). */
  readonly docs: Reply;
  readonly subcommands: ReadonlyMap<string, CommandDocSource> | null;
}

/** Every command of a table as plain CommandDoc data, in the table's order. */
export function commandDocs(specs: Iterable<CommandDocSource>): CommandDoc[] {
  const out: CommandDoc[] = [];
  for (const s of specs) out.push(commandDoc(s));
  return out;
}

/**
 * One command's COMMAND DOCS reply as a CommandDoc. Like redis-cli's help builder
 * (cliInitCommandHelpEntry), it names a subcommand `CONTAINER SUB` in upper case.
 */
export function commandDoc(spec: CommandDocSource): CommandDoc {
  const fields = mapFields(spec.docs);
  const args = fields.get('arguments');
  return {
    name: spec.fullname.split('|').join(' ').toUpperCase(),
    summary: text(fields.get('summary')),
    since: text(fields.get('since')),
    group: text(fields.get('group')),
    complexity: text(fields.get('complexity')),
    arity: spec.arity,
    flags: [...spec.flags],
    arguments: Array.isArray(args) ? args.map(argDoc) : [],
    subcommands: spec.subcommands === null ? [] : commandDocs(spec.subcommands.values()),
  };
}

function argDoc(r: Reply): ArgDoc {
  const f = mapFields(r);
  const flags = new Set(statusList(f.get('flags')));
  const nested = f.get('arguments');
  const doc: ArgDoc = {
    name: text(f.get('name')),
    type: text(f.get('type')) as ArgDoc['type'],
    optional: flags.has('optional'),
    multiple: flags.has('multiple'),
    multipleToken: flags.has('multiple_token'),
  };
  const token = f.get('token');
  if (typeof token === 'string') doc.token = token;
  if (Array.isArray(nested)) doc.arguments = nested.map(argDoc);
  return doc;
}

/** A RESP3 map (or its RESP2 flat-array form) as field → value. */
function mapFields(r: Reply): Map<string, Reply> {
  const out = new Map<string, Reply>();
  const items = r !== null && typeof r === 'object' && !Array.isArray(r) && r.t === 'map' ? r.v : Array.isArray(r) ? r : [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    const k = items[i];
    if (typeof k === 'string') out.set(k, items[i + 1]!);
  }
  return out;
}

function statusList(r: Reply | undefined): string[] {
  if (r === undefined || r === null || typeof r !== 'object') return [];
  const items = Array.isArray(r) ? r : r.t === 'set' ? r.v : [];
  const out: string[] = [];
  for (const x of items) {
    if (typeof x === 'string') out.push(x);
    else if (x !== null && typeof x === 'object' && !Array.isArray(x) && x.t === 'status') out.push(x.s);
  }
  return out;
}

function text(r: Reply | undefined): string {
  if (typeof r === 'string') return r;
  if (r !== null && typeof r === 'object' && !Array.isArray(r) && r.t === 'status') return r.s;
  return '';
}
