import { EMPTY_ARRAY, NIL_ARRAY, double, error, type ErrorReply, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { Zset } from '../types/zset.js';
import { string2ll } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import type { Handler } from './spec.js';

/**
 * ZPOPMIN, ZPOPMAX and ZMPOP (genericZpopCommand, zmpopGenericCommand). The pop itself is
 * exported for the blocking forms (BZPOPMIN, BZPOPMAX, BZMPOP), which serve a client with the
 * same code once a key has elements.
 */

export type ZpopWhere = 'min' | 'max';

const NOT_POSITIVE = Object.freeze(error('ERR value is out of range, must be positive'));
const NUMKEYS_NOT_POSITIVE = Object.freeze(error('ERR numkeys should be greater than 0'));
const COUNT_NOT_POSITIVE = Object.freeze(error('ERR count should be greater than 0'));

/** How genericZpopCommand shapes its reply (its emitkey / use_nested_array flags). */
export interface ZpopReplyShape {
  /** Put the key in the reply (BZPOP*, ZMPOP, BZMPOP). */
  emitKey: boolean;
  /** [member, score] pairs instead of a flat list (RESP3 with COUNT, ZMPOP, BZMPOP). */
  nested: boolean;
}

/**
 * Pop up to `count` elements (-1: a single pop without COUNT) from the zset at `key`, which
 * must exist and hold a zset: the reply, the keyspace events (zpopmin/zpopmax, then del when
 * the set is emptied), WATCH and dirty. When `propagateAsZpop`, the command is rewritten for
 * replication as ZPOPMIN/ZPOPMAX key count, as Redis does for ZMPOP and the blocking pops.
 */
export function zpopFromKey(
  c: Client,
  key: string,
  z: Zset,
  where: ZpopWhere,
  count: number,
  shape: ZpopReplyShape,
  propagateAsZpop: boolean,
): Reply {
  const rangelen = Math.min(count === -1 ? 1 : count, z.length);
  const items: Reply[] = [];
  for (let i = 0; i < rangelen; i++) {
    const [ele, score] = z.pop(where);
    if (shape.nested) items.push([ele, double(score)]);
    else items.push(ele, double(score));
  }
  const db = c.db;
  const server = c.server;
  server.dirty += rangelen;
  server.notify('z', where === 'max' ? 'zpopmax' : 'zpopmin', key, db.id);
  db.signalModifiedKey(key);
  if (z.length === 0) {
    db.delete(key);
    server.notify('g', 'del', key, db.id);
  }
  if (propagateAsZpop) c.argv = [where === 'max' ? 'ZPOPMAX' : 'ZPOPMIN', key, String(count > 0 ? count : 1)];
  if (!shape.emitKey) return items;
  if (shape.nested) return [key, items];
  return [key, ...items];
}

/**
 * genericZpopCommand: the first key holding a zset is popped; a key of another type is an
 * error; when none exists the reply is a nil array (ZMPOP) or an empty one (ZPOP*). COUNT 0
 * pops nothing.
 */
export function genericZpop(
  c: Client,
  keys: string[],
  where: ZpopWhere,
  count: number,
  shape: ZpopReplyShape,
  replyNilWhenEmpty: boolean,
  propagateAsZpop: boolean,
): Reply {
  for (const key of keys) {
    const z = c.db.lookupWrite(key);
    if (z === undefined) continue;
    if (!(z instanceof Zset)) return E.WRONGTYPE;
    if (count === 0) return EMPTY_ARRAY;
    return zpopFromKey(c, key, z, where, count, shape, propagateAsZpop);
  }
  return replyNilWhenEmpty ? NIL_ARRAY : EMPTY_ARRAY;
}

/** zpopMinMaxCommand: ZPOPMIN key [count]; RESP3 nests pairs only when COUNT was given. */
function zpopMinMax(c: Client, argv: string[], where: ZpopWhere): Reply {
  if (argv.length > 3) return E.SYNTAX;
  let count = -1;
  if (argv.length === 3) {
    const n = string2ll(argv[2]!);
    if (n === null || n < 0) return NOT_POSITIVE;
    count = Number(n);
  }
  const shape = { emitKey: false, nested: c.resp > 2 && count !== -1 };
  return genericZpop(c, [argv[1]!], where, count, shape, false, false);
}

export const zpopmin: Handler = (c, argv) => zpopMinMax(c, argv, 'min');
export const zpopmax: Handler = (c, argv) => zpopMinMax(c, argv, 'max');

/** The parsed `numkeys key... MIN|MAX [COUNT count]` of ZMPOP and BZMPOP. */
export interface ZmpopArgs {
  keys: string[];
  where: ZpopWhere;
  count: number;
}

/** zmpopGenericCommand's argument parsing, from the numkeys argument on. */
export function parseZmpopArgs(argv: string[], numkeysIdx: number): ZmpopArgs | ErrorReply {
  const numkeys = string2ll(argv[numkeysIdx]!);
  if (numkeys === null || numkeys < 1) return NUMKEYS_NOT_POSITIVE;
  const whereIdx = numkeysIdx + Number(numkeys) + 1;
  if (whereIdx >= argv.length) return E.SYNTAX;
  const w = optionName(argv[whereIdx]!);
  if (w !== 'MIN' && w !== 'MAX') return E.SYNTAX;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    const moreargs = argv.length - 1 - j;
    if (count === -1 && optionName(argv[j]!) === 'COUNT' && moreargs > 0) {
      j++;
      const n = string2ll(argv[j]!);
      if (n === null || n < 1) return COUNT_NOT_POSITIVE;
      count = Number(n);
    } else {
      return E.SYNTAX;
    }
  }
  return {
    keys: argv.slice(numkeysIdx + 1, whereIdx),
    where: w === 'MAX' ? 'max' : 'min',
    count: count === -1 ? 1 : count,
  };
}

/** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]: replicated as ZPOPMIN/ZPOPMAX. */
export const zmpop: Handler = (c, argv) => {
  const args = parseZmpopArgs(argv, 1);
  if ('t' in args) return args;
  return genericZpop(c, args.keys, args.where, args.count, { emitKey: true, nested: true }, true, true);
};
