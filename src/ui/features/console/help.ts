import type { ArgDoc, CommandDoc } from '../../../protocol/api.js';
import { splitArgs } from '../../../protocol/splitargs.js';

/** The redis-cli release this console reproduces (printed by `help`). */
export const CLI_VERSION = '7.0.15';

/**
 * redis-cli 7.0's help table (cliInitHelp): one entry per command and subcommand from COMMAND
 * DOCS, plus one per group (`@string`), sorted by name with strcmp. It answers `help`, TAB
 * completion and the inline hints, so all three describe exactly the commands the engine has.
 */
export interface HelpEntry {
  /** `GET`, `CLIENT LIST`, or `@string` for a group. */
  full: string;
  /** `full` split in words. */
  words: string[];
  isGroup: boolean;
  /** Argument syntax as redis-cli 7.0 builds it from the docs (`key value [NX|XX] ...`). */
  params: string;
  summary: string;
  since: string;
  group: string;
}

export class HelpTable {
  readonly entries: HelpEntry[];

  constructor(docs: readonly CommandDoc[]) {
    const entries: HelpEntry[] = [];
    const groups = new Set<string>();
    const add = (d: CommandDoc): void => {
      entries.push({
        full: d.name,
        words: d.name.split(' '),
        isGroup: false,
        params: d.arguments.map(argumentSyntax).join(' '),
        summary: d.summary,
        since: d.since,
        group: d.group,
      });
      if (d.group !== '') groups.add(d.group);
      for (const s of d.subcommands) add(s);
    };
    for (const d of docs) add(d);
    for (const g of groups) {
      entries.push({ full: '@' + g, words: ['@' + g], isGroup: true, params: '', summary: '', since: '', group: '' });
    }
    entries.sort((a, b) => (a.full < b.full ? -1 : a.full > b.full ? 1 : 0));
    this.entries = entries;
  }

  /** cliOutputHelp: what `help [args]` prints (`\r\n` line ends, ANSI colours as redis-cli). */
  output(args: readonly string[]): string {
    if (args.length === 0) return genericHelp();
    const group = args[0]!.startsWith('@') ? args[0]!.slice(1).toLowerCase() : null;
    let out = '';
    for (const e of this.entries) {
      if (e.isGroup) continue;
      if (group === null) {
        if (args.length <= e.words.length && args.every((a, j) => a.toLowerCase() === e.words[j]!.toLowerCase())) {
          out += commandHelp(e, true);
        }
      } else if (group === e.group.toLowerCase()) {
        out += commandHelp(e, false);
      }
    }
    return out + '\r\n';
  }

  /**
   * completionCallback: every entry whose name starts with what was typed (case-insensitive),
   * as the whole new line. After `help `, groups are candidates too.
   */
  completions(line: string): string[] {
    let start = 0;
    let withGroups = false;
    if (line.slice(0, 5).toLowerCase() === 'help ') {
      start = 5;
      while (start < line.length && isSpace(line.charCodeAt(start))) start++;
      withGroups = true;
    }
    const typed = line.slice(start).toLowerCase();
    const head = line.slice(0, start);
    const out: string[] = [];
    for (const e of this.entries) {
      if (e.isGroup && !withGroups) continue;
      if (e.full.slice(0, typed.length).toLowerCase() === typed) out.push(head + e.full);
    }
    return out;
  }

  /**
   * hintsCallback, redis-cli ≤ 7.0 style: the command's static syntax string, minus one word per
   * argument already typed, stopping at the first optional `[...]` group.
   *
   * Why not 7.2's hints computed from argument specs: redis-cli 7.0.15 is the oracle this
   * console is checked against, and this string is the same one `help` prints, so what the hint
   * shows and what help documents never disagree.
   */
  hint(line: string): string | null {
    const argv = splitArgs(line);
    if (argv === null || argv.length === 0) return null;
    let best: HelpEntry | null = null;
    for (const e of this.entries) {
      if (e.isGroup || e.words.length > argv.length) continue;
      if (best !== null && e.words.length <= best.words.length) continue;
      if (e.words.every((w, j) => w.toLowerCase() === argv[j]!.toLowerCase())) best = e;
    }
    if (best === null) return null;
    let hint = best.params;
    let toRemove = argv.length - best.words.length;
    let i = 0;
    while (toRemove > 0 && i < hint.length) {
      if (hint[i] === '[') break;
      if (hint[i] === ' ') toRemove--;
      i++;
    }
    hint = hint.slice(i);
    const endsWithSpace = line.length > 0 && isSpace(line.charCodeAt(line.length - 1));
    return endsWithSpace ? hint : ' ' + hint;
  }
}

/** cliAddArgument: one argument's part of the syntax string. */
export function argumentSyntax(a: ArgDoc): string {
  let token = a.token === undefined ? '' : orEmpty(a.token);
  let repeat = '';
  switch (a.type) {
    case 'oneof':
      repeat = (a.arguments ?? []).map(argumentSyntax).join('|');
      break;
    case 'block':
      repeat = (a.arguments ?? []).map(argumentSyntax).join(' ');
      break;
    case 'pure-token':
      break;
    default:
      repeat = orEmpty(a.name);
  }
  if (token !== '' && a.type !== 'pure-token') token += ' ';
  let out = token + repeat;
  if (a.multiple) out += ' [' + (a.multipleToken ? token : '') + repeat + ' ...]';
  return a.optional ? '[' + out + ']' : out;
}

function orEmpty(s: string): string {
  return s === '' ? '""' : s;
}

function commandHelp(e: HelpEntry, withGroup: boolean): string {
  let out = `\r\n  \x1b[1m${e.full}\x1b[0m \x1b[90m${e.params}\x1b[0m\r\n`;
  out += `  \x1b[33msummary:\x1b[0m ${e.summary}\r\n`;
  if (e.since !== '') out += `  \x1b[33msince:\x1b[0m ${e.since}\r\n`;
  if (withGroup) out += `  \x1b[33mgroup:\x1b[0m ${e.group}\r\n`;
  return out;
}

function genericHelp(): string {
  return (
    `redis-cli ${CLI_VERSION}\n` +
    'To get help about Redis commands type:\n' +
    '      "help @<group>" to get a list of commands in <group>\n' +
    '      "help <command>" for help on <command>\n' +
    '      "help <tab>" to get a list of possible help topics\n' +
    '      "quit" to exit\n' +
    '\n' +
    'To set redis-cli preferences:\n' +
    '      ":set hints" enable online hints\n' +
    '      ":set nohints" disable online hints\n' +
    'Set your preferences in ~/.redisclirc\n'
  );
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
