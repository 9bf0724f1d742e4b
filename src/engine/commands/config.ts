import { error, map, OK, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import type { ParamSpec } from '../server/config.js';
import { stringMatch } from '../util/glob.js';
import { helpReply } from './help.js';
import type { CommandGroup } from './spec.js';

/** islocalClient: a unix socket or a TCP peer at exactly 127.0.0.1 or ::1. */
export function isLocalClient(c: Client): boolean {
  return c.addr.startsWith('127.0.0.1:') || c.addr.startsWith('::1:') || c.addr.startsWith('/');
}

/** allowProtectedAction: for enable-protected-configs / enable-debug-command / enable-module-command. */
export function allowProtectedAction(setting: string, c: Client): boolean {
  return setting === 'yes' || (setting === 'local' && isLocalClient(c));
}

/**
 * configGetCommand: each argument is an exact name (aliases and hidden parameters included,
 * reported as typed) or a glob matched case-insensitively against every visible name. A
 * parameter already matched is not repeated.
 */
function configGet(c: Client, argv: string[]): Reply {
  const config = c.server.config;
  const matches = new Map<string, { key: string; spec: ParamSpec }>();
  for (let i = 2; i < argv.length; i++) {
    const name = argv[i]!;
    if (!/[[*?]/.test(name)) {
      const lower = name.toLowerCase();
      if (matches.has(lower)) continue;
      const ref = config.lookup(name);
      if (ref !== undefined) matches.set(lower, { key: name, spec: ref.spec });
      continue;
    }
    for (const ref of config.names()) {
      if (ref.spec.hidden || matches.has(ref.name)) continue;
      if (stringMatch(name, ref.name, true)) matches.set(ref.name, { key: ref.name, spec: ref.spec });
    }
  }
  const out: Reply[] = [];
  for (const { key, spec } of matches.values()) out.push(key, config.display(spec));
  return map(out);
}

/**
 * configSetCommand: several parameter/value pairs, all or nothing. Every name is checked
 * first (unknown, immutable, protected, repeated), then every value is parsed, and only when
 * all parsed are they stored, so a bad value leaves the configuration untouched.
 */
function configSet(c: Client, argv: string[]): Reply {
  if (argv.length % 2 === 1) return E.SYNTAX;
  const config = c.server.config;
  const protectedAllowed = allowProtectedAction(config.get('enable-protected-configs'), c);
  const chosen: Array<{ spec: ParamSpec; name: string; value: string }> = [];
  let unknownName: string | null = null;
  let failure: { name: string; reason: string } | null = null;
  for (let i = 2; i < argv.length; i += 2) {
    const typed = argv[i]!;
    const ref = config.lookup(typed);
    if (ref === undefined) {
      if (unknownName === null && failure === null) unknownName = typed;
      continue;
    }
    if (unknownName !== null || failure !== null) continue;
    if (ref.spec.immutable || (ref.spec.protected && !protectedAllowed)) {
      failure = { name: typed, reason: ref.spec.immutable ? "can't set immutable config" : "can't set protected config" };
      continue;
    }
    if (chosen.some((x) => x.name === ref.name)) {
      failure = { name: typed, reason: 'duplicate parameter' };
      continue;
    }
    chosen.push({ spec: ref.spec, name: ref.name, value: argv[i + 1]! });
  }
  if (unknownName !== null) {
    return error(E.sanitizeError(`ERR Unknown option or number of arguments for CONFIG SET - '${unknownName}'`));
  }
  if (failure !== null) return setFailed(failure.name, failure.reason);
  const parsed: string[] = [];
  for (const x of chosen) {
    const r = config.parse(x.spec, x.value);
    if ('error' in r) return setFailed(x.name, r.error);
    parsed.push(r.value);
  }
  chosen.forEach((x, i) => config.commit(x.spec, parsed[i]!));
  return OK;
}

function setFailed(name: string, reason: string): Reply {
  return error(E.sanitizeError(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${reason}`));
}

/** configResetStatCommand: INFO's counters, commandstats and errorstats start over. */
function configResetStat(c: Client): Reply {
  c.server.resetStats();
  return OK;
}

/** configRewriteCommand: the engine is never started from a config file. */
function configRewrite(): Reply {
  return error('ERR The server is running without a config file');
}

const HELP = helpReply('CONFIG', [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
]);

export const configGroup: CommandGroup = {
  handlers: {
    'config|get': configGet,
    'config|set': configSet,
    'config|resetstat': configResetStat,
    'config|rewrite': configRewrite,
    'config|help': () => HELP,
  },
};
