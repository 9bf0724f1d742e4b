import { OK, verbatim, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { memoryModel } from '../server/info.js';
import { EMBSTR_SIZE_LIMIT, RawString, type RedisValue } from '../types/object.js';
import { DICT_ENTRY_SIZE, ROBJ_SIZE, mallocSize, sdsAllocSize } from '../types/zmalloc.js';
import { string2ll } from '../util/numbers.js';
import { optionName } from '../util/options.js';
import { helpReply } from './help.js';
import type { CommandGroup } from './spec.js';

/**
 * MEMORY USAGE|DOCTOR|PURGE|HELP (object.c memoryCommand). Sizes are what Redis's allocator
 * would hold, computed from each value's real encoding (objectComputeSize) with jemalloc's
 * size classes, so they track a real server's MEMORY USAGE.
 */

const HELP = helpReply('MEMORY', [
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
]);

/** OBJ_COMPUTE_SIZE_DEF_SAMPLES */
const DEFAULT_SAMPLES = 5;
/** sizeof(struct sdshdr8): an embstr always carries this header. */
const SDSHDR8_SIZE = 3;

/**
 * objectComputeSize: an int is the bare robj; an embstr is one allocation of robj, sdshdr8,
 * the bytes and the NUL; a raw string is the robj plus its own sds. Collections size
 * themselves by encoding. `samples` 0 means every nested element.
 */
export function objectComputeSize(v: RedisValue, samples: number): number {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return ROBJ_SIZE;
    case 'string':
      return v.length <= EMBSTR_SIZE_LIMIT ? mallocSize(ROBJ_SIZE + SDSHDR8_SIZE + v.length + 1) : ROBJ_SIZE + sdsAllocSize(v.length);
    default:
      return v instanceof RawString ? ROBJ_SIZE + sdsAllocSize(v.s.length) : v.memoryUsage(samples);
  }
}

/**
 * MEMORY USAGE key [SAMPLES count]: the value, the key's sds and its dict entry. The key is
 * found with dictFind, as Redis does: no lazy expiry, no keyspace statistics.
 */
function usage(c: Client, argv: string[]): Reply {
  let samples = DEFAULT_SAMPLES;
  for (let j = 3; j < argv.length; j++) {
    if (optionName(argv[j]!) === 'SAMPLES' && j + 1 < argv.length) {
      const n = string2ll(argv[++j]!);
      if (n === null) return E.NOT_INTEGER;
      if (n < 0) return E.SYNTAX;
      samples = Number(n);
    } else {
      return E.SYNTAX;
    }
  }
  const key = argv[2]!;
  const e = c.db.dict.getEntry(key);
  if (e === null) return null;
  return objectComputeSize(e.val, samples) + sdsAllocSize(key.length) + DICT_ENTRY_SIZE;
}

/** getMemoryDoctorReport's threshold: below 5 MB the detector has nothing to say. */
const DOCTOR_MIN_ALLOCATED = 5 * 1024 * 1024;

const DOCTOR_EMPTY =
  "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n";
const DOCTOR_FINE = "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n";
const DOCTOR_BIG_PEAK =
  'Sam, I detected a few issues in this Redis instance memory implants:\n\n' +
  ' * Peak memory: In the past this instance used more than 150% the memory that is currently using. The allocator is normally not able to release memory after a peak, so you can expect to see a big fragmentation ratio, however this is actually harmless and is only due to the memory peak, and if the Redis instance Resident Set Size (RSS) is currently bigger than expected, the memory will be used as soon as you fill the Redis instance with more data. If the memory peak was only occasional and you want to try to reclaim memory, please try the MEMORY PURGE command, otherwise the only other option is to shutdown and restart the instance.\n\n' +
  "I'm here to keep you safe, Sam. I want to help you.\n";

/**
 * MEMORY DOCTOR (getMemoryDoctorReport) over the modelled memory. Of Redis's checks only the
 * peak one can fire here: the modelled RSS, client buffers and scripts stay within the others'
 * thresholds.
 */
function doctor(c: Client): Reply {
  const server = c.server;
  const used = memoryModel(server).used;
  server.peakMemory = Math.max(server.peakMemory, used);
  if (used < DOCTOR_MIN_ALLOCATED) return verbatim(DOCTOR_EMPTY);
  return verbatim(server.peakMemory / used > 1.5 ? DOCTOR_BIG_PEAK : DOCTOR_FINE);
}

export const memoryGroup: CommandGroup = {
  handlers: {
    'memory|help': () => HELP,
    'memory|usage': usage,
    'memory|doctor': doctor,
    'memory|purge': () => OK,
  },
};
