import type { ValueData } from '../../protocol/api.js';
import { Dict, type DictShape } from './dict.js';
import { Listpack, type ListpackLayout } from './listpack.js';
import { RedisCollection, type Encoding } from './object.js';
import { DICT_ENTRY_SIZE, ROBJ_SIZE, sampledDictSize, sdsAllocSize } from './zmalloc.js';

/**
 * The hash value (t_hash.c, Redis 7.0). A small hash is a listpack of alternating field and
 * value entries in insertion order; it becomes a hashtable (a dict of field -> value) when it
 * holds more than hash-max-listpack-entries fields or when a field or value longer than
 * hash-max-listpack-value bytes arrives, at the moments hashTypeTryConversion and hashTypeSet
 * convert, and never goes back. This file holds no argument parsing and builds no replies.
 */

export type HashEncoding = 'listpack' | 'hashtable';

/** What a hash needs from its server: the seed of its dict's hash function. */
export interface HashEnv {
  readonly hashSeed: number;
}

/** hash-max-listpack-entries / hash-max-listpack-value, read from CONFIG by the caller. */
export interface HashLimits {
  readonly maxListpackEntries: number;
  readonly maxListpackValue: number;
}

/** OBJ_COMPUTE_SIZE_DEF_SAMPLES */
const DEFAULT_SAMPLES = 5;

export class RedisHash extends RedisCollection {
  readonly type = 'hash' as const;
  /** Listpack encoding: field, value, field, value, ... (all byte strings). */
  private lp: Listpack | null = null;
  private ht: Dict<string> | null = null;

  /** createHashObject (a listpack) or a hashtable from the start. */
  constructor(
    private readonly env: HashEnv,
    encoding: HashEncoding = 'listpack',
  ) {
    super();
    if (encoding === 'listpack') this.lp = new Listpack();
    else this.ht = new Dict<string>(env.hashSeed);
  }

  encoding(): Encoding {
    return this.lp !== null ? 'listpack' : 'hashtable';
  }

  /** hashTypeLength */
  get length(): number {
    return this.lp !== null ? this.lp.length / 2 : this.ht!.size;
  }

  /** The listpack index of a field's entry, or -1 (lpFind over the fields only). */
  private lpIndex(field: string): number {
    const v = this.lp!.values;
    for (let i = 0; i < v.length; i += 2) if (v[i] === field) return i;
    return -1;
  }

  /** hashTypeGetValue */
  get(field: string): string | undefined {
    if (this.lp !== null) {
      const v = this.lp.values;
      for (let i = 0; i < v.length; i += 2) if (v[i] === field) return v[i + 1] as string;
      return undefined;
    }
    const e = this.ht!.getEntry(field);
    return e === null ? undefined : e.val;
  }

  /** hashTypeExists */
  has(field: string): boolean {
    return this.lp !== null ? this.lpIndex(field) !== -1 : this.ht!.getEntry(field) !== null;
  }

  /**
   * hashTypeTryConversion: before a write, convert when any of the strings about to be stored
   * is longer than hash-max-listpack-value, or when they would push the listpack past its
   * safety limit.
   */
  tryConversion(args: readonly string[], start: number, end: number, limits: HashLimits): void {
    if (this.lp === null) return;
    let sum = 0;
    for (let i = start; i <= end; i++) {
      const len = args[i]!.length;
      if (len > limits.maxListpackValue) {
        this.convertToHashtable();
        return;
      }
      sum += len;
    }
    if (!this.lp.safeToAdd(sum)) this.convertToHashtable();
  }

  /**
   * hashTypeSet: add or overwrite; returns true when the field existed (an update). A long
   * field or value converts first (the HINCRBY* path, which skips tryConversion); going past
   * hash-max-listpack-entries converts after the insert.
   */
  set(field: string, value: string, limits: HashLimits): boolean {
    const lp = this.lp;
    if (lp !== null && (field.length > limits.maxListpackValue || value.length > limits.maxListpackValue)) {
      this.convertToHashtable();
    } else if (lp !== null) {
      const i = this.lpIndex(field);
      if (i !== -1) {
        lp.replace(i + 1, value);
        return true;
      }
      lp.append(field);
      lp.append(value);
      if (lp.length / 2 > limits.maxListpackEntries) this.convertToHashtable();
      return false;
    }
    // dictFind, then dictAdd: each makes its rehash step, as in Redis.
    const ht = this.ht!;
    const e = ht.getEntry(field);
    if (e !== null) {
      e.val = value;
      return true;
    }
    ht.add(field, value);
    return false;
  }

  /** hashTypeDelete: a hashtable shrinks when it falls below 10% fill (htNeedsResize). */
  delete(field: string): boolean {
    if (this.lp !== null) {
      const i = this.lpIndex(field);
      if (i === -1) return false;
      this.lp.delete(i, 2);
      return true;
    }
    const ht = this.ht!;
    if (ht.delete(field) === null) return false;
    ht.resizeIfNeeded();
    return true;
  }

  /** hashTypeNext over the whole hash: insertion order for a listpack, table order otherwise. */
  forEach(visit: (field: string, value: string) => void): void {
    if (this.lp !== null) {
      const v = this.lp.values;
      for (let i = 0; i < v.length; i += 2) visit(v[i] as string, v[i + 1] as string);
      return;
    }
    for (const e of this.ht!.entries()) visit(e.key, e.val);
  }

  /** hashTypeRandomElement: lpRandomPair, or dictGetFairRandomKey. The hash must not be empty. */
  random(rand: (n: number) => number): [field: string, value: string] {
    if (this.lp !== null) {
      const i = rand(this.lp.length / 2) * 2;
      return [this.lp.at(i) as string, this.lp.at(i + 1) as string];
    }
    const e = this.ht!.fairRandomEntry(rand)!;
    return [e.key, e.val];
  }

  /**
   * lpRandomPairsUnique (listpack encoding only): `count` distinct pairs in one pass, each
   * field taken with probability remaining / unvisited, so they come back in listpack order.
   */
  randomPairsUnique(count: number, random01: () => number): Array<[field: string, value: string]> {
    const v = this.lp!.values;
    const total = v.length / 2;
    const want = Math.min(count, total);
    const out: Array<[string, string]> = [];
    for (let index = 0; out.length < want && index < total; index++) {
      if (random01() <= (want - out.length) / (total - index)) out.push([v[index * 2] as string, v[index * 2 + 1] as string]);
    }
    return out;
  }

  /** hashTypeConvertListpack: the dict is presized to the number of fields. */
  private convertToHashtable(): void {
    const lp = this.lp!;
    const ht = new Dict<string>(this.env.hashSeed);
    ht.expand(lp.length / 2);
    const v = lp.values;
    for (let i = 0; i < v.length; i += 2) ht.add(v[i] as string, v[i + 1] as string);
    this.lp = null;
    this.ht = ht;
  }

  /** hashTypeDup: a listpack is copied as is; a hashtable is rebuilt into a presized dict. */
  copy(): RedisHash {
    if (this.lp !== null) {
      const h = new RedisHash(this.env, 'listpack');
      h.lp = this.lp.copy();
      return h;
    }
    const h = new RedisHash(this.env, 'hashtable');
    const ht = h.ht!;
    ht.expand(this.ht!.size);
    for (const e of this.ht!.entries()) ht.add(e.key, e.val);
    return h;
  }

  elements(limit: number): ValueData {
    const entries: Array<[string, string]> = [];
    this.forEachUntil(limit, (f, v) => entries.push([f, v]));
    return { type: 'hash', entries };
  }

  private forEachUntil(limit: number, visit: (field: string, value: string) => void): void {
    let n = 0;
    if (this.lp !== null) {
      const v = this.lp.values;
      for (let i = 0; i < v.length && n < limit; i += 2, n++) visit(v[i] as string, v[i + 1] as string);
      return;
    }
    for (const e of this.ht!.entries()) {
      if (n++ >= limit) break;
      visit(e.key, e.val);
    }
  }

  /**
   * HSCAN's walk: a listpack comes back whole (cursor 0); a hashtable visits the bucket(s)
   * the cursor designates (dictScan) and returns the next cursor.
   */
  scan(cursor: number, visit: (field: string, value: string) => void): number {
    if (this.lp !== null) {
      this.forEach(visit);
      return 0;
    }
    return this.ht!.scan(cursor, (e) => visit(e.key, e.val));
  }

  /**
   * objectComputeSize for a hash: robj + listpack allocation, or robj + dict struct + bucket
   * array plus the average (dictEntry + field sds + value sds) of the first `samples` fields
   * times the size. `samples` 0 means all of them.
   */
  memoryUsage(samples = DEFAULT_SAMPLES): number {
    if (this.lp !== null) return ROBJ_SIZE + this.lp.allocSize();
    return sampledDictSize(this.ht!, samples, (field, value) => DICT_ENTRY_SIZE + sdsAllocSize(field.length) + sdsAllocSize(value.length));
  }

  /** The listpack's byte layout (listpack encoding only). */
  listpackLayout(start: number, count: number): ListpackLayout | null {
    return this.lp === null ? null : this.lp.layout(start, count);
  }

  /** The dict's tables and rehash state (hashtable encoding only). */
  dictShape(): DictShape | null {
    return this.ht === null ? null : this.ht.shape();
  }

  /** The dict itself (hashtable encoding only), for the dict view's bucket windows. */
  dictView(): Dict<string> | null {
    return this.ht;
  }
}
