import { error, type ErrorReply } from '../../protocol/reply.js';

/**
 * Every error text the engine sends, exactly as Redis 7.0 writes it (server.c createSharedObjects
 * and the addReplyError* call sites). Constants are frozen shared replies; functions build the
 * ones that carry arguments.
 */
const shared = (s: string): ErrorReply => Object.freeze(error(s));

export const WRONGTYPE = shared('WRONGTYPE Operation against a key holding the wrong kind of value');
export const SYNTAX = shared('ERR syntax error');
export const NO_SUCH_KEY = shared('ERR no such key');
export const INDEX_OUT_OF_RANGE = shared('ERR index out of range');
export const NOT_INTEGER = shared('ERR value is not an integer or out of range');
export const NOT_FLOAT = shared('ERR value is not a valid float');
export const OVERFLOW = shared('ERR increment or decrement would overflow');
export const DB_INDEX_OUT_OF_RANGE = shared('ERR DB index is out of range');
export const SAME_OBJECT = shared('ERR source and destination objects are the same');
export const NOAUTH = shared('NOAUTH Authentication required.');
export const OOM = shared("OOM command not allowed when used memory > 'maxmemory'.");
export const EXECABORT = shared('EXECABORT Transaction discarded because of previous errors.');
export const READONLY = shared("READONLY You can't write against a read only replica.");
export const NAN_OR_INFINITY = shared('ERR increment would produce NaN or Infinity');
export const STRING_EXCEEDS_MAX = shared('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
export const OFFSET_OUT_OF_RANGE = shared('ERR offset is out of range');
export const DECREMENT_OVERFLOW = shared('ERR decrement would overflow');
export const LCS_NOT_STRINGS = shared('ERR The specified keys must contain string values');
export const LCS_LEN_AND_IDX = shared('ERR If you want both the length and indexes, please just use IDX.');
export const LCS_EXCEEDS_MAX = shared('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
export const LCS_ALLOC_FAILED = shared('ERR Insufficient memory, failed allocating transient memory for LCS');

export function wrongArity(fullname: string): ErrorReply {
  return error(`ERR wrong number of arguments for '${fullname}' command`);
}

export function invalidExpireTime(cmd: string): ErrorReply {
  return error(`ERR invalid expire time in '${cmd}' command`);
}

export function unknownSubcommand(sub: string, container: string): ErrorReply {
  return error(`ERR unknown subcommand '${truncate(sub, 128)}'. Try ${container.toUpperCase()} HELP.`);
}

/** addReplySubcommandSyntaxError: the subcommand as typed, the command upper-cased. */
export function subcommandSyntaxError(argv: string[]): ErrorReply {
  return error(
    `ERR unknown subcommand or wrong number of arguments for '${truncate(argv[1]!, 128)}'. Try ${argv[0]!.toUpperCase()} HELP.`,
  );
}

/** rejectCommandFormat: newlines in an error would break the protocol, Redis maps them to spaces. */
export function sanitizeError(s: string): string {
  return s.replace(/[\r\n]/g, ' ');
}

export function unknownCommand(argv: string[]): ErrorReply {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${truncate(argv[i]!, 128 - args.length)}' `;
  }
  return error(sanitizeError(`ERR unknown command '${truncate(argv[0]!, 128)}', with args beginning with: ${args}`));
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) : s;
}
