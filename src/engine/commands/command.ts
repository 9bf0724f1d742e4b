import { error, map, set, status, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { stringMatch } from '../util/glob.js';
import { commandHasKeys, getKeysFromCommand } from './getkeys.js';
import { helpReply } from './help.js';
import type { CommandGroup, CommandSpec } from './spec.js';
import type { CommandTable } from './table.js';

/**
 * COMMAND and its subcommands, generated from the command table: what redsim implements, with
 * Redis 7.0's own metadata. Commands come out in table order where Redis uses its dict order.
 */

/** ACLCommandCategories: the names FILTERBY ACLCAT accepts (case-insensitive, no '@'). */
const ACL_CATEGORIES = new Set([
  'keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog', 'geo',
  'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking', 'dangerous', 'connection', 'transaction', 'scripting',
]);

/** Every command, each container followed by its subcommands. */
function* allCommands(table: CommandTable): IterableIterator<CommandSpec> {
  for (const cmd of table.commands) {
    yield cmd;
    if (cmd.subcommands !== null) yield* cmd.subcommands.values();
  }
}

/** lookupCommandBySds: "name" or "container|sub", exactly one level deep. */
function lookupByFullname(table: CommandTable, name: string): CommandSpec | undefined {
  const parts = name.split('|');
  if (parts.length > 2) return undefined;
  const base = table.get(parts[0]!);
  if (base === undefined || parts.length === 1) return base;
  return base.subcommands?.get(parts[1]!.toLowerCase());
}

/** COMMAND with no subcommand: COMMAND INFO of every command. */
function command(c: Client): Reply {
  return c.server.commands.commands.map((cmd) => cmd.info);
}

function commandCount(c: Client): Reply {
  return c.server.commands.commands.length;
}

function commandInfo(c: Client, argv: string[]): Reply {
  const table = c.server.commands;
  if (argv.length === 2) return command(c);
  const out: Reply[] = [];
  for (let i = 2; i < argv.length; i++) out.push(lookupByFullname(table, argv[i]!)?.info ?? null);
  return out;
}

function commandDocs(c: Client, argv: string[]): Reply {
  const table = c.server.commands;
  const out: Reply[] = [];
  if (argv.length === 2) {
    for (const cmd of table.commands) out.push(cmd.fullname, cmd.docs);
  } else {
    for (let i = 2; i < argv.length; i++) {
      const cmd = lookupByFullname(table, argv[i]!);
      if (cmd !== undefined) out.push(cmd.fullname, cmd.docs);
    }
  }
  return map(out);
}

/** COMMAND LIST [FILTERBY MODULE <name> | ACLCAT <category> | PATTERN <pattern>] */
function commandList(c: Client, argv: string[]): Reply {
  let filter: ((cmd: CommandSpec) => boolean) | null = null;
  for (let i = 2; i < argv.length; i += 3) {
    if (argv[i]!.toLowerCase() !== 'filterby' || argv.length - 1 - i !== 2) return E.SYNTAX;
    const arg = argv[i + 2]!;
    switch (argv[i + 1]!.toLowerCase()) {
      case 'module':
        // No modules are loaded: no command belongs to one.
        filter = () => false;
        break;
      case 'aclcat': {
        const cat = arg.toLowerCase();
        filter = ACL_CATEGORIES.has(cat) ? (cmd) => cmd.aclCategories.includes(`@${cat}`) : () => false;
        break;
      }
      case 'pattern':
        filter = (cmd) => stringMatch(arg, cmd.fullname, true);
        break;
      default:
        return E.SYNTAX;
    }
  }
  const out: Reply[] = [];
  for (const cmd of allCommands(c.server.commands)) if (filter === null || filter(cmd)) out.push(cmd.fullname);
  return out;
}

/** getKeysSubcommandImpl: the keys of a full command line, optionally with their flags. */
function getKeysImpl(c: Client, argv: string[], withFlags: boolean): Reply {
  const args = argv.slice(2);
  const cmd = c.server.commands.lookup(args);
  if (cmd === undefined) return error('ERR Invalid command specified');
  if (!commandHasKeys(cmd)) return error('ERR The command has no key arguments');
  if ((cmd.arity > 0 && cmd.arity !== args.length) || args.length < -cmd.arity) {
    return error('ERR Invalid number of arguments specified for command');
  }
  const keys = getKeysFromCommand(cmd, args);
  if (keys.length === 0) return cmd.flags.has('no_mandatory_keys') ? [] : error('ERR Invalid arguments specified for command');
  return keys.map((k) => (withFlags ? [args[k.pos]!, set(k.flags.map(status))] : args[k.pos]!));
}

const HELP = helpReply('COMMAND', [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
]);

export const commandGroup: CommandGroup = {
  handlers: {
    command,
    'command|count': commandCount,
    'command|info': commandInfo,
    'command|docs': commandDocs,
    'command|list': commandList,
    'command|getkeys': (c, argv) => getKeysImpl(c, argv, false),
    'command|getkeysandflags': (c, argv) => getKeysImpl(c, argv, true),
    'command|help': () => HELP,
  },
};
