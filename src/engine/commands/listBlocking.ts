import { NIL_ARRAY, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { RedisList } from '../types/list.js';
import { parseTimeout } from './blocking.js';
import {
  listElementsRemoved,
  listForWrite,
  listPopRangeAndReplyWithKey,
  lmoveGeneric,
  lmoveHandlePush,
  parseListEnd,
  parseLmpopArgs,
  popArgv,
  type ListEnd,
} from './list.js';
import type { CommandGroup } from './spec.js';

/**
 * BLPOP, BRPOP, BLMPOP, BLMOVE and BRPOPLPUSH (t_list.c, Redis 7.0). When a list has elements
 * they act at once like LPOP/RPOP/LMPOP/LMOVE, and are replicated as those; otherwise the
 * client blocks (server/blocking.ts) and is served later by serveClientBlockedOnList. Inside
 * MULTI (c.denyBlocking) an empty wait answers at once, as a timeout would.
 */

/** A blocked pop's parameters: which end, and COUNT for BLMPOP (-1 for BLPOP/BRPOP). */
interface PopWait {
  where: ListEnd;
  count: number;
}

/**
 * serveClientBlockedOnList for BLPOP/BRPOP/BLMPOP: propagated as LPOP/RPOP (with the count
 * for BLMPOP) before the pop. Returns whether the emptied key was deleted.
 */
function servePop(receiver: Client, key: string, l: RedisList, wait: PopWait): boolean {
  const db = receiver.db;
  const server = receiver.server;
  if (wait.count !== -1) {
    server.alsoPropagate(db.id, popArgv(wait.where, key, wait.count, l.length));
    receiver.write(listPopRangeAndReplyWithKey(receiver, l, key, wait.where, wait.count));
    return l.length === 0;
  }
  server.alsoPropagate(db.id, [wait.where === 'left' ? 'LPOP' : 'RPOP', key]);
  const value = l.ql.pop(wait.where === 'left')!;
  receiver.write([key, value]);
  server.notify('l', wait.where === 'left' ? 'lpop' : 'rpop', key, db.id);
  return deleteIfEmpty(receiver, key, l);
}

/** The tail of serveClientBlockedOnList: an emptied list's key is deleted. */
function deleteIfEmpty(receiver: Client, key: string, l: RedisList): boolean {
  if (l.length !== 0) return false;
  receiver.db.delete(key);
  receiver.server.notify('g', 'del', key, receiver.db.id);
  return true;
}

/**
 * serveClientBlockedOnList for BLMOVE/BRPOPLPUSH: a destination of another type answers
 * WRONGTYPE and moves nothing; otherwise the element moves and LMOVE (RPOPLPUSH) is propagated.
 */
function serveMove(receiver: Client, key: string, l: RedisList, dstkey: string, from: ListEnd, to: ListEnd, brpoplpush: boolean): boolean {
  const db = receiver.db;
  const server = receiver.server;
  const dst = listForWrite(receiver, dstkey);
  if (dst !== undefined && !(dst instanceof RedisList)) {
    server.recordErrorReply(dst);
    receiver.write(dst);
    return false;
  }
  const value = l.ql.pop(from === 'left')!;
  lmoveHandlePush(receiver, dstkey, dst, value, to);
  receiver.write(value);
  server.alsoPropagate(db.id, brpoplpush ? ['RPOPLPUSH', key, dstkey] : ['LMOVE', key, dstkey, side(from), side(to)]);
  server.notify('l', from === 'left' ? 'lpop' : 'rpop', key, db.id);
  return deleteIfEmpty(receiver, key, l);
}

function side(end: ListEnd): string {
  return end === 'left' ? 'LEFT' : 'RIGHT';
}

/**
 * blockingPopGenericCommand: the timeout is parsed first; the first non-empty list is popped
 * (a key of another type before it is an error); with none the client blocks on all the keys.
 */
function blockingPopGeneric(c: Client, argv: string[], keys: string[], timeoutArg: string, wait: PopWait): Reply | undefined {
  const timeout = parseTimeout(timeoutArg, c.server.now);
  if (typeof timeout !== 'number') return timeout;
  for (const key of keys) {
    const l = listForWrite(c, key);
    if (l === undefined) continue;
    if (!(l instanceof RedisList)) return l;
    const llen = l.length;
    if (wait.count !== -1) {
      const reply = listPopRangeAndReplyWithKey(c, l, key, wait.where, wait.count);
      c.argv = popArgv(wait.where, key, wait.count, llen);
      return reply;
    }
    const value = l.ql.pop(wait.where === 'left')!;
    listElementsRemoved(c, key, wait.where, l, 1);
    c.argv = [wait.where === 'left' ? 'LPOP' : 'RPOP', key];
    return [key, value];
  }
  if (c.denyBlocking) return NIL_ARRAY;
  c.server.blocking.blockForKeys(c, {
    type: 'list',
    command: argv[0]!.toLowerCase(),
    keys,
    timeout,
    serve: (receiver, key, value) => servePop(receiver, key, value as RedisList, wait),
  });
  return undefined;
}

/**
 * blmoveGenericCommand: an existing source list moves at once (as LMOVE / RPOPLPUSH); a missing
 * one blocks, or answers a nil bulk inside MULTI.
 */
function blmoveGeneric(c: Client, argv: string[], from: ListEnd, to: ListEnd, timeout: number, brpoplpush: boolean): Reply | undefined {
  const src = argv[1]!;
  const dstkey = argv[2]!;
  const l = listForWrite(c, src);
  if (l !== undefined && !(l instanceof RedisList)) return l;
  if (l !== undefined) {
    const reply = lmoveGeneric(c, src, dstkey, from, to);
    if (typeof reply === 'string') c.argv = brpoplpush ? ['RPOPLPUSH', src, dstkey] : ['LMOVE', src, dstkey, argv[3]!, argv[4]!];
    return reply;
  }
  if (c.denyBlocking) return null;
  c.server.blocking.blockForKeys(c, {
    type: 'list',
    command: brpoplpush ? 'brpoplpush' : 'blmove',
    keys: [src],
    timeout,
    serve: (receiver, key, value) => serveMove(receiver, key, value as RedisList, dstkey, from, to, brpoplpush),
  });
  return undefined;
}

/** BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout */
function blmove(c: Client, argv: string[]): Reply | undefined {
  const from = parseListEnd(argv[3]!);
  if (from === null) return E.SYNTAX;
  const to = parseListEnd(argv[4]!);
  if (to === null) return E.SYNTAX;
  const timeout = parseTimeout(argv[5]!, c.server.now);
  if (typeof timeout !== 'number') return timeout;
  return blmoveGeneric(c, argv, from, to, timeout, false);
}

/** BRPOPLPUSH source destination timeout */
function brpoplpush(c: Client, argv: string[]): Reply | undefined {
  const timeout = parseTimeout(argv[3]!, c.server.now);
  if (typeof timeout !== 'number') return timeout;
  return blmoveGeneric(c, argv, 'right', 'left', timeout, true);
}

/** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]: arguments first, then the timeout. */
function blmpop(c: Client, argv: string[]): Reply | undefined {
  const args = parseLmpopArgs(argv, 2);
  if ('t' in args) return args;
  return blockingPopGeneric(c, argv, args.keys, argv[1]!, { where: args.where, count: args.count });
}

export const listBlocking: CommandGroup = {
  handlers: {
    blpop: (c, argv) => blockingPopGeneric(c, argv, argv.slice(1, -1), argv[argv.length - 1]!, { where: 'left', count: -1 }),
    brpop: (c, argv) => blockingPopGeneric(c, argv, argv.slice(1, -1), argv[argv.length - 1]!, { where: 'right', count: -1 }),
    blmpop,
    blmove,
    brpoplpush,
  },
};
