import { OK, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import { isString, stringBytes, type RedisValue } from '../types/object.js';
import { string2ll } from '../util/numbers.js';
import type { Client } from '../server/client.js';
import type { CommandGroup } from './spec.js';

/**
 * tryObjectEncoding for a string about to be stored: canonical int64 text becomes an int
 * (number, or bigint beyond 2^53); anything else stays a byte string (embstr/raw by length).
 */
export function encodeStringValue(s: string): RedisValue {
  if (s.length <= 20) {
    const n = string2ll(s);
    if (n !== null) return n;
  }
  return s;
}

function get(c: Client, argv: string[]): Reply {
  const v = c.db.lookupRead(argv[1]!);
  if (v === undefined) return null;
  if (typeof v === 'string') return v;
  if (!isString(v)) return E.WRONGTYPE;
  return stringBytes(v);
}

function set(c: Client, argv: string[]): Reply {
  if (argv.length !== 3) return E.SYNTAX;
  const key = argv[1]!;
  c.db.setKey(key, encodeStringValue(argv[2]!));
  c.server.dirty++;
  c.server.notify('$', 'set', key, c.db.id);
  return OK;
}

export const strings: CommandGroup = {
  handlers: { get, set },
};
