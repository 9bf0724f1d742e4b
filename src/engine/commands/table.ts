import type { MapReply, Reply, SetReply, StatusReply } from '../../protocol/reply.js';
import type { CommandGroup, CommandSpec, GetKeys, Handler } from './spec.js';
import metadata from './redis-commands.json' with { type: 'json' };
import { clientGroup } from './client.js';
import { commandGroup } from './command.js';
import { configGroup } from './config.js';
import { connection } from './connection.js';
import { debugGroup } from './debug.js';
import { generic } from './generic.js';
import { hashes } from './hash.js';
import { memoryGroup } from './memory.js';
import { expireCommands } from './expire.js';
import { objectCommands } from './object.js';
import { pubsub } from './pubsub.js';
import { serverGroup } from './server.js';
import { sets } from './set.js';
import { sortedSets } from './sortedSet.js';
import { strings } from './string.js';
import { transactions } from './transactions.js';
import { blockingCommands } from './blocking.js';
import { lists } from './list.js';
import { listBlocking } from './listBlocking.js';
import { sortCommands } from './sort.js';
import { zsetBlocking } from './zsetBlocking.js';

const GROUPS: CommandGroup[] = [strings, generic, expireCommands, objectCommands, connection, serverGroup, transactions, pubsub, clientGroup, commandGroup, configGroup, debugGroup, sortedSets, hashes, sets, memoryGroup, lists, listBlocking, zsetBlocking, blockingCommands, sortCommands];

interface Meta {
  info: Reply;
  docs: Reply;
}

const META = new Map((metadata as unknown as Array<Meta & { name: string }>).map((m) => [m.name, m]));

/**
 * The command table (invariant 5): every implemented command with Redis's metadata and our
 * handler. COMMAND, HELP, hints and completion are all generated from it.
 */
export class CommandTable {
  private readonly byName = new Map<string, CommandSpec>();
  readonly commands: CommandSpec[] = [];
  /** Every spec, subcommands included, indexed by CommandSpec.id. */
  readonly all: CommandSpec[] = [];

  constructor(groups: CommandGroup[] = GROUPS) {
    const handlers = new Map<string, Handler>();
    const keyFinders = new Map<string, GetKeys>();
    for (const g of groups) {
      for (const [name, h] of Object.entries(g.handlers)) {
        if (handlers.has(name)) throw new Error(`command ${name} defined twice`);
        handlers.set(name, h);
      }
      for (const [name, k] of Object.entries(g.getKeys ?? {})) keyFinders.set(name, k);
    }
    const tops = new Set([...handlers.keys()].map((n) => n.split('|')[0]!));
    for (const top of [...tops].sort()) {
      const m = META.get(top);
      if (m === undefined) throw new Error(`no Redis metadata for command ${top}`);
      const spec = buildSpec(top, m, null, handlers, keyFinders, this.all);
      this.commands.push(spec);
      this.byName.set(top, spec);
      this.byName.set(top.toUpperCase(), spec);
    }
  }

  /** The top-level command named by argv[0] (any case). */
  get(name: string): CommandSpec | undefined {
    return this.byName.get(name) ?? this.byName.get(name.toLowerCase());
  }

  /** Redis's lookupCommand: resolves `CLIENT LIST` to client|list; undefined if unknown. */
  lookup(argv: string[]): CommandSpec | undefined {
    const base = this.get(argv[0]!);
    if (base === undefined || base.subcommands === null || argv.length === 1) return base;
    return base.subcommands.get(argv[1]!.toLowerCase());
  }

  /** Find a command by full name (`client|list`). */
  byFullname(fullname: string): CommandSpec | undefined {
    const [top, sub] = fullname.toLowerCase().split('|');
    const base = this.get(top!);
    if (sub === undefined || base === undefined) return base;
    return base.subcommands?.get(sub);
  }
}

function buildSpec(
  fullname: string,
  m: Meta,
  container: CommandSpec | null,
  handlers: Map<string, Handler>,
  keyFinders: Map<string, GetKeys>,
  all: CommandSpec[],
): CommandSpec {
  const info = m.info as Reply[];
  const flags = new Set(((info[2] as SetReply).v as StatusReply[]).map((f) => f.s));
  const docs = docsMap(m.docs);
  const spec = {
    fullname,
    name: fullname.includes('|') ? fullname.split('|')[1]! : fullname,
    container,
    arity: info[1] as number,
    flags,
    firstKey: info[3] as number,
    lastKey: info[4] as number,
    step: info[5] as number,
    aclCategories: ((info[6] as SetReply).v as StatusReply[]).map((c) => c.s),
    group: (docs.get('group') as string) ?? '',
    since: (docs.get('since') as string) ?? '',
    summary: (docs.get('summary') as string) ?? '',
    complexity: (docs.get('complexity') as string) ?? '',
    info: m.info,
    docs: m.docs,
    subcommands: null as Map<string, CommandSpec> | null,
    handler: handlers.get(fullname) ?? null,
    getKeys: keyFinders.get(fullname) ?? null,
    id: all.length,
    isProtected: flags.has('protected'),
    skipMonitor: flags.has('skip_monitor') || flags.has('admin'),
    isWrite: flags.has('write'),
    denyOom: flags.has('denyoom'),
    noMulti: flags.has('no_multi'),
  } satisfies CommandSpec;
  all.push(spec);
  const subInfos = info[9] as Reply[];
  const implemented = Array.isArray(subInfos)
    ? subInfos.filter((s) => handlers.has((s as Reply[])[0] as string))
    : [];
  if (implemented.length > 0) {
    const subDocs = docsMap((docs.get('subcommands') as Reply) ?? null);
    const subs = new Map<string, CommandSpec>();
    for (const s of implemented) {
      const subName = (s as Reply[])[0] as string;
      const sub = buildSpec(subName, { info: s, docs: subDocs.get(subName) ?? null }, spec, handlers, keyFinders, all);
      subs.set(sub.name, sub);
    }
    spec.subcommands = subs;
    // COMMAND INFO / DOCS of the container list only what redsim implements.
    const infoCopy = [...info];
    infoCopy[9] = implemented;
    spec.info = infoCopy;
    spec.docs = filterSubcommandDocs(m.docs, new Set(subs.keys()), fullname);
  } else if (handlers.get(fullname) === undefined) {
    throw new Error(`command ${fullname} has no handler`);
  }
  return spec;
}

function docsMap(r: Reply): Map<string, Reply> {
  const out = new Map<string, Reply>();
  if (r === null || typeof r !== 'object' || Array.isArray(r) || r.t !== 'map') return out;
  for (let i = 0; i < r.v.length; i += 2) out.set(r.v[i] as string, r.v[i + 1]!);
  return out;
}

function filterSubcommandDocs(docs: Reply, keep: Set<string>, top: string): Reply {
  const m = docs as MapReply;
  const v = [...m.v];
  for (let i = 0; i < v.length; i += 2) {
    if (v[i] !== 'subcommands') continue;
    const subs = v[i + 1] as MapReply;
    const kept: Reply[] = [];
    for (let j = 0; j < subs.v.length; j += 2) {
      const full = subs.v[j] as string;
      if (keep.has(full.slice(top.length + 1))) kept.push(full, subs.v[j + 1]!);
    }
    v[i + 1] = { t: 'map', v: kept };
  }
  return { t: 'map', v };
}
