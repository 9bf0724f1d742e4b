import { NIL_ARRAY, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { Zset } from '../types/zset.js';
import { parseTimeout } from './blocking.js';
import { parseZmpopArgs, zpopFromKey, type ZpopWhere } from './sortedSetPop.js';
import type { CommandGroup } from './spec.js';

/**
 * BZPOPMIN, BZPOPMAX and BZMPOP (t_zset.c blockingGenericZpopCommand, Redis 7.0): a sorted set
 * with members is popped at once with the sorted-set engineer's pop (sortedSetPop.ts) and
 * replicated as ZPOPMIN/ZPOPMAX; otherwise the client blocks until a key becomes a sorted set
 * (serveClientsBlockedOnSortedSetKey). Inside MULTI an empty wait answers a nil array.
 */

/** A blocked zset pop: which end, COUNT (-1 for BZPOPMIN/BZPOPMAX), and BZMPOP's nested reply. */
interface ZpopWait {
  where: ZpopWhere;
  count: number;
  bzmpop: boolean;
}

/** The ZPOPMIN/ZPOPMAX a pop is replicated as: with the count actually popped for BZMPOP. */
function zpopArgv(wait: ZpopWait, key: string, llen: number): string[] {
  const name = wait.where === 'max' ? 'ZPOPMAX' : 'ZPOPMIN';
  return wait.count === -1 ? [name, key] : [name, key, String(Math.min(wait.count, llen))];
}

/** genericZpopCommand for one key, shaped as the blocking command replies. */
function popFrom(c: Client, key: string, z: Zset, wait: ZpopWait): Reply {
  return zpopFromKey(c, key, z, wait.where, wait.count, { emitKey: true, nested: wait.bzmpop }, false);
}

/** serveClientsBlockedOnSortedSetKey, for one receiver: pop, reply, propagate. */
function serveZpop(receiver: Client, key: string, z: Zset, wait: ZpopWait): boolean {
  const llen = z.length;
  receiver.write(popFrom(receiver, key, z, wait));
  receiver.server.alsoPropagate(receiver.db.id, zpopArgv(wait, key, llen));
  return z.length === 0;
}

/** blockingGenericZpopCommand: timeout first, then the first non-empty sorted set, else block. */
function blockingZpop(c: Client, argv: string[], keys: string[], timeoutArg: string, wait: ZpopWait): Reply | undefined {
  const timeout = parseTimeout(timeoutArg, c.server.now);
  if (typeof timeout !== 'number') return timeout;
  for (const key of keys) {
    const z = c.db.lookupWrite(key);
    if (z === undefined) continue;
    if (!(z instanceof Zset)) return E.WRONGTYPE;
    const llen = z.length;
    if (llen === 0) continue;
    const reply = popFrom(c, key, z, wait);
    c.argv = zpopArgv(wait, key, llen);
    return reply;
  }
  if (c.denyBlocking) return NIL_ARRAY;
  c.server.blocking.blockForKeys(c, {
    type: 'zset',
    command: argv[0]!.toLowerCase(),
    keys,
    timeout,
    serve: (receiver, key, value) => serveZpop(receiver, key, value as Zset, wait),
  });
  return undefined;
}

function bzpop(c: Client, argv: string[], where: ZpopWhere): Reply | undefined {
  return blockingZpop(c, argv, argv.slice(1, -1), argv[argv.length - 1]!, { where, count: -1, bzmpop: false });
}

/** BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]: arguments first, then the timeout. */
function bzmpop(c: Client, argv: string[]): Reply | undefined {
  const args = parseZmpopArgs(argv, 2);
  if ('t' in args) return args;
  return blockingZpop(c, argv, args.keys, argv[1]!, { where: args.where, count: args.count, bzmpop: true });
}

export const zsetBlocking: CommandGroup = {
  handlers: {
    bzpopmin: (c, argv) => bzpop(c, argv, 'min'),
    bzpopmax: (c, argv) => bzpop(c, argv, 'max'),
    bzmpop,
  },
};
