import type { ValueData } from '../../protocol/api.js';
import type { Config } from '../server/config.js';
import { RedisCollection, type Encoding } from './object.js';
import { Quicklist, type QuicklistOptions } from './quicklist.js';
import { ROBJ_SIZE } from './zmalloc.js';

/** OBJ_COMPUTE_SIZE_DEF_SAMPLES */
const DEFAULT_SAMPLES = 5;

/**
 * The list value (t_list.c, Redis 7.0): always a quicklist — OBJECT ENCODING says "quicklist"
 * even for one element (listpack-encoded small lists came with Redis 7.2). The quicklist's
 * fill and compress depth are fixed when the list is created. No argument parsing, no replies.
 */
export class RedisList extends RedisCollection {
  readonly type = 'list' as const;

  constructor(readonly ql: Quicklist) {
    super();
  }

  /**
   * createQuicklistObject + quicklistSetOptions(list-max-listpack-size, list-compress-depth):
   * what the push commands create.
   */
  static fromConfig(config: Config): RedisList {
    return new RedisList(new Quicklist({ fill: config.getInt('list-max-listpack-size'), compress: config.getInt('list-compress-depth') }));
  }

  /** createQuicklistObject alone: Redis's defaults (fill -2, no compression), as SORT ... STORE builds its result. */
  static withDefaults(opts: Partial<QuicklistOptions> = {}): RedisList {
    return new RedisList(new Quicklist({ fill: -2, compress: 0, ...opts }));
  }

  encoding(): Encoding {
    return 'quicklist';
  }

  /** listTypeLength */
  get length(): number {
    return this.ql.count;
  }

  /** listTypeDup */
  copy(): RedisList {
    return new RedisList(this.ql.dup());
  }

  elements(limit: number): ValueData {
    const n = Math.min(Math.max(0, limit), this.ql.count);
    return { type: 'list', items: n === 0 ? [] : this.ql.range(0, n, false) };
  }

  /** objectComputeSize: robj + quicklist + average sampled node times the node count. */
  memoryUsage(samples = DEFAULT_SAMPLES): number {
    return ROBJ_SIZE + this.ql.memoryUsage(samples);
  }
}
