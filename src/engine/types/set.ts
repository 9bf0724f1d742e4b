import type { ValueData } from '../../protocol/api.js';
import { string2ll } from '../util/numbers.js';
import { Dict, type DictShape } from './dict.js';
import { Intset, type IntsetLayout } from './intset.js';
import { RedisCollection, type Encoding } from './object.js';
import { DICT_ENTRY_SIZE, ROBJ_SIZE, sampledDictSize, sdsAllocSize } from './zmalloc.js';

/**
 * The set value (t_set.c, Redis 7.0). A set whose members are all canonical int64s and that
 * holds at most set-max-intset-entries of them is an intset; anything else is a hashtable
 * (a dict with NULL values). The conversion happens at the moments setTypeAdd makes it and
 * is never undone in place: only SPOP's "rebuild the rest" strategy and the STORE commands,
 * which create new sets, can produce an intset again. Redis 7.0 has no listpack sets.
 * This file holds no argument parsing and builds no replies.
 */

export type SetEncoding = 'intset' | 'hashtable';

/** What a set needs from its server: the seed of its dict's hash function. */
export interface SetEnv {
  readonly hashSeed: number;
}

/** setTypeAdd caps set-max-intset-entries at 1G entries because of intset internals. */
const INTSET_MAX_ENTRIES_CAP = 1 << 30;

/** The effective intset limit for a configured set-max-intset-entries. */
export function intsetLimit(configured: number): number {
  return Math.min(configured, INTSET_MAX_ENTRIES_CAP);
}

/** OBJ_COMPUTE_SIZE_DEF_SAMPLES */
const DEFAULT_SAMPLES = 5;

export class RedisSet extends RedisCollection {
  readonly type = 'set' as const;
  private is: Intset | null = null;
  private ht: Dict<null> | null = null;

  /** createIntsetObject / createSetObject */
  constructor(
    private readonly env: SetEnv,
    encoding: SetEncoding = 'intset',
  ) {
    super();
    if (encoding === 'intset') this.is = new Intset();
    else this.ht = new Dict<null>(env.hashSeed);
  }

  /** setTypeCreate: an intset if the first member is an integer, else a hashtable. */
  static createFor(env: SetEnv, first: string): RedisSet {
    return new RedisSet(env, string2ll(first) === null ? 'hashtable' : 'intset');
  }

  encoding(): Encoding {
    return this.is !== null ? 'intset' : 'hashtable';
  }

  /** setTypeSize */
  get length(): number {
    return this.is !== null ? this.is.length : this.ht!.size;
  }

  /**
   * setTypeAdd: returns whether the member was new. An intset turns into a hashtable when
   * a non-integer arrives or when it grows past `maxIntsetEntries` (see intsetLimit).
   */
  add(member: string, maxIntsetEntries: number): boolean {
    const is = this.is;
    if (is !== null) {
      const v = string2ll(member);
      if (v !== null) {
        if (!is.add(v)) return false;
        if (is.length > maxIntsetEntries) this.convertToHashtable();
        return true;
      }
      this.convertToHashtable();
    }
    // dictAddRaw: one rehash step, then insert unless present.
    const ht = this.ht!;
    const before = ht.size;
    ht.set(member, null);
    return ht.size > before;
  }

  /** setTypeRemove: a hashtable shrinks when it falls below 10% fill (htNeedsResize). */
  remove(member: string): boolean {
    if (this.is !== null) {
      const v = string2ll(member);
      return v !== null && this.is.remove(v);
    }
    const ht = this.ht!;
    if (ht.delete(member) === null) return false;
    ht.resizeIfNeeded();
    return true;
  }

  /** setTypeIsMember */
  has(member: string): boolean {
    if (this.is !== null) {
      const v = string2ll(member);
      return v !== null && this.is.has(v);
    }
    return this.ht!.getEntry(member) !== null;
  }

  /** setTypeRandomElement: intsetRandom, or dictGetFairRandomKey. The set must not be empty. */
  random(rand: (n: number) => number): string {
    if (this.is !== null) return String(this.is.random(rand));
    return this.ht!.fairRandomEntry(rand)!.key;
  }

  /** setTypeNext over the whole set: ascending for an intset, table order for a hashtable. */
  forEach(visit: (member: string) => void): void {
    this.forEachWhile((member) => {
      visit(member);
      return true;
    });
  }

  /** Like forEach, stopping as soon as `visit` returns false. */
  forEachWhile(visit: (member: string) => boolean): void {
    if (this.is !== null) {
      const v = this.is.values;
      for (let i = 0; i < v.length; i++) if (!visit(String(v[i]))) return;
      return;
    }
    for (const e of this.ht!.entries()) if (!visit(e.key)) return;
  }

  /** Every member in iteration order. */
  members(): string[] {
    const out: string[] = [];
    this.forEach((m) => out.push(m));
    return out;
  }

  /** setTypeConvert(OBJ_ENCODING_HT): the dict is presized to the intset's length. */
  private convertToHashtable(): void {
    const is = this.is!;
    const ht = new Dict<null>(this.env.hashSeed);
    ht.expand(is.length);
    const v = is.values;
    for (let i = 0; i < v.length; i++) ht.add(String(v[i]), null);
    this.is = null;
    this.ht = ht;
  }

  /** setTypeDup: an intset is copied as is; a hashtable is rebuilt into a presized dict. */
  copy(): RedisSet {
    if (this.is !== null) {
      const s = new RedisSet(this.env, 'intset');
      s.is = this.is.copy();
      return s;
    }
    const s = new RedisSet(this.env, 'hashtable');
    const ht = s.ht!;
    ht.expand(this.ht!.size);
    for (const e of this.ht!.entries()) ht.add(e.key, null);
    return s;
  }

  elements(limit: number): ValueData {
    const members: string[] = [];
    if (this.is !== null) {
      const v = this.is.values;
      for (let i = 0; i < v.length && i < limit; i++) members.push(String(v[i]));
    } else {
      for (const e of this.ht!.entries()) {
        if (members.length >= limit) break;
        members.push(e.key);
      }
    }
    return { type: 'set', members };
  }

  /**
   * SSCAN's walk: an intset comes back whole (cursor 0); a hashtable visits the bucket(s)
   * the cursor designates (dictScan) and returns the next cursor.
   */
  scan(cursor: number, visit: (member: string) => void): number {
    if (this.is !== null) {
      this.forEach(visit);
      return 0;
    }
    return this.ht!.scan(cursor, (e) => visit(e.key));
  }

  /**
   * objectComputeSize for a set: robj + intset blob, or robj + dict struct + bucket array plus
   * the average (dictEntry + member sds) of the first `samples` members times the size.
   * `samples` 0 means all of them.
   */
  memoryUsage(samples = DEFAULT_SAMPLES): number {
    if (this.is !== null) return ROBJ_SIZE + this.is.allocSize();
    return sampledDictSize(this.ht!, samples, (member) => DICT_ENTRY_SIZE + sdsAllocSize(member.length));
  }

  /** The intset's widths and elements (intset encoding only). */
  intsetLayout(start: number, count: number): IntsetLayout | null {
    return this.is === null ? null : this.is.layout(start, count);
  }

  /** The dict's tables and rehash state (hashtable encoding only). */
  dictShape(): DictShape | null {
    return this.ht === null ? null : this.ht.shape();
  }

  /** The dict itself (hashtable encoding only), for the dict view's bucket windows. */
  dictView(): Dict<null> | null {
    return this.ht;
  }
}
