import { error, type Reply } from '../../protocol/reply.js';
import { LRU_CLOCK_MAX, lruClock } from '../keyspace/db.js';
import { lfuDecrAndReturn } from '../keyspace/lfu.js';
import type { Client } from '../server/client.js';
import type { DictEntry } from '../types/dict.js';
import { encodingOf, type RedisValue } from '../types/object.js';
import { helpReply } from './help.js';
import type { CommandGroup } from './spec.js';

/**
 * OBJECT ENCODING|FREQ|IDLETIME|REFCOUNT|HELP (object.c). The lookup counts as a read for the
 * keyspace hit/miss statistics but neither touches the LRU/LFU nor sends a keymiss event.
 */

const HELP = helpReply('OBJECT', [
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
]);

const LFU_SELECTED = error(
  'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
);
const LFU_NOT_SELECTED = error(
  'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
);

/** OBJ_SHARED_INTEGERS: SET stores 0..9999 as shared objects, whose refcount is INT_MAX. */
const OBJ_SHARED_INTEGERS = 10000;
const OBJ_SHARED_REFCOUNT = 2147483647;

/** objectCommandLookup: LOOKUP_NOTOUCH | LOOKUP_NONOTIFY. */
function lookup(c: Client, key: string): DictEntry<RedisValue> | null {
  return c.db.lookupReadNoTouch(key, false);
}

function encoding(c: Client, argv: string[]): Reply {
  const e = lookup(c, argv[2]!);
  return e === null ? null : encodingOf(e.val);
}

/**
 * tryObjectEncoding shares small integers unless maxmemory is set with an LRU/LFU policy
 * (every object then needs its own access field). Judged by the current configuration.
 */
function refcount(c: Client, argv: string[]): Reply {
  const e = lookup(c, argv[2]!);
  if (e === null) return null;
  const v = e.val;
  if (typeof v !== 'number' || v < 0 || v >= OBJ_SHARED_INTEGERS) return 1;
  const config = c.server.config;
  const policy = config.get('maxmemory-policy');
  const privateObjects = config.getInt('maxmemory') !== 0 && (policy.endsWith('-lru') || policy.endsWith('-lfu'));
  return privateObjects ? 1 : OBJ_SHARED_REFCOUNT;
}

/** estimateObjectIdleTime, in seconds: the LRU clock wraps every 194 days. */
function idletime(c: Client, argv: string[]): Reply {
  const e = lookup(c, argv[2]!);
  if (e === null) return null;
  if (c.db.lfuPolicy()) return LFU_SELECTED;
  const clock = lruClock(c.server.now);
  const idleClockTicks = clock >= e.lru ? clock - e.lru : clock + (LRU_CLOCK_MAX - e.lru);
  return idleClockTicks;
}

function freq(c: Client, argv: string[]): Reply {
  const e = lookup(c, argv[2]!);
  if (e === null) return null;
  if (!c.db.lfuPolicy()) return LFU_NOT_SELECTED;
  return lfuDecrAndReturn(e.lru, c.server.now, c.server.config.getInt('lfu-decay-time'));
}

export const objectCommands: CommandGroup = {
  handlers: {
    'object|help': () => HELP,
    'object|encoding': encoding,
    'object|refcount': refcount,
    'object|idletime': idletime,
    'object|freq': freq,
  },
};
