import { status, type Reply } from '../../protocol/reply.js';

/**
 * addReplyHelp: the `<COMMAND> HELP` reply, one status line each: Redis's header, the
 * command's own lines, then the HELP entry every container command adds.
 */
export function helpReply(command: string, lines: readonly string[]): Reply {
  return Object.freeze(
    [
      `${command} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`,
      ...lines,
      'HELP',
      '    Prints this help.',
    ].map((line) => Object.freeze(status(line))),
  ) as Reply;
}
