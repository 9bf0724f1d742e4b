import { lexGteMin, lexLteMax, lexRangeEmpty, scoreRangeEmpty, valueGteMin, valueLteMax, type LexRange, type ScoreRange } from './zrangespec.js';

/**
 * Redis's zskiplist (t_zset.c, William Pugh's skiplist with Redis's three changes: repeated
 * scores, ordering by (score, member), and a backward pointer on level 0), with spans on every
 * forward pointer so ranks are O(log N).
 *
 * Nodes live in one typed buffer rather than as JS objects: a 1,000,000-member sorted set is
 * then one buffer and a string array instead of millions of heap objects, which keeps it within
 * a browser tab's memory and out of the garbage collector's way. Like Redis's zskiplistNode, a
 * node is one block holding its score, backward link, level and every level's forward link and
 * span, so a search step mostly touches one cache line:
 *
 *   words 0-1   score (a double, read through the Float64Array view of the same buffer)
 *   word  2     backward: the previous node, 0 for none
 *   word  3     level
 *   word  4     index of the member in `ele`
 *   word  5     unused, keeps the score 8-byte aligned
 *   word  6+2i  forward link at level i (0 for none), word 7+2i its span
 *
 * A node is identified by the word where its block starts. The header's block starts at 0, so
 * 0 in a link means "none": the header is never a forward target, and Redis's backward pointer
 * of the first node is NULL. Freed blocks are reused by nodes of the same level.
 */

export const ZSKIPLIST_MAXLEVEL = 32;
/** ZSKIPLIST_P: a node reaches the next level with probability 1/4. */
export const ZSKIPLIST_P = 0.25;
const P_THRESHOLD = ZSKIPLIST_P * 0xffff;
const HEADER = 0;
const BACK = 2;
const LEVEL = 3;
const ELE = 4;
const LINKS = 6;
/** Words in the block of a node of `level` levels (always even: blocks stay 8-byte aligned). */
const blockWords = (level: number): number => LINKS + 2 * level;
const INITIAL_WORDS = 1024;

/** Where the skiplist draws node levels from (the server's seeded PRNG). */
export interface RandomSource {
  nextU32(): number;
}

/** One node as the skiplist view draws it. Links are given as the rank they lead to. */
export interface SkiplistNodeView {
  /** 1-based rank; 0 for the header. */
  rank: number;
  ele: string;
  score: number;
  level: number;
  /** Per level, the rank the forward pointer reaches, or null at the end of the list. */
  forward: Array<number | null>;
  span: number[];
  /** Rank of the level-0 predecessor (null for the first node: Redis's backward is NULL). */
  backward: number | null;
}

/** The header and the nodes around a rank: never the whole set. */
export interface SkiplistWindow {
  length: number;
  level: number;
  /** The header's `level` live levels. */
  header: SkiplistNodeView;
  /** Consecutive nodes, by rank. */
  nodes: SkiplistNodeView[];
}

/** One step of a search: on `level`, standing on `fromRank`, looking at the next node. */
export interface SkiplistSearchStep {
  level: number;
  fromRank: number;
  /** The node the forward pointer leads to, or null at the end of the level. */
  to: { rank: number; ele: string; score: number } | null;
  /** 'forward': the search moved to `to`; 'down': it dropped a level (or stopped on level 0). */
  action: 'forward' | 'down';
}

export interface SkiplistSearchTrace {
  steps: SkiplistSearchStep[];
  /** insert: the rank the element would take; rank: its rank, 0 when absent. */
  rank: number;
}

export class Skiplist {
  private i32: Int32Array;
  private f64: Float64Array;
  /** First unused word of the buffer. */
  private top = blockWords(ZSKIPLIST_MAXLEVEL);
  /** Freed blocks, by level. */
  private readonly freeBlocks: number[][] = Array.from({ length: ZSKIPLIST_MAXLEVEL + 1 }, () => []);
  /** Members, by the index a node stores; slot 0 belongs to the header. */
  private readonly ele: string[] = [''];
  private readonly freeEle: number[] = [];
  private readonly update = new Int32Array(ZSKIPLIST_MAXLEVEL);
  private readonly rankAt = new Float64Array(ZSKIPLIST_MAXLEVEL);

  length = 0;
  /** Levels in use (zsl->level): at least 1. */
  level = 1;
  /** Last node (zsl->tail), 0 when empty. */
  tail = 0;

  /** zslCreate: the header has every level, all pointing nowhere. */
  constructor(private readonly random: RandomSource) {
    const buf = new ArrayBuffer(INITIAL_WORDS * 4);
    this.i32 = new Int32Array(buf);
    this.f64 = new Float64Array(buf);
    this.i32[HEADER + LEVEL] = ZSKIPLIST_MAXLEVEL;
  }

  // ---- node accessors -------------------------------------------------------------------

  /** First node (header->level[0].forward), 0 when empty. */
  first(): number {
    return this.i32[HEADER + LINKS]!;
  }

  last(): number {
    return this.tail;
  }

  /** level[0].forward of a node, 0 at the end. */
  next(n: number): number {
    return this.i32[n + LINKS]!;
  }

  /** backward of a node, 0 for the first one. */
  prev(n: number): number {
    return this.i32[n + BACK]!;
  }

  scoreOf(n: number): number {
    return this.f64[n >> 1]!;
  }

  eleOf(n: number): string {
    return this.ele[this.i32[n + ELE]!]!;
  }

  levelOf(n: number): number {
    return this.i32[n + LEVEL]!;
  }

  private forwardOf(n: number, i: number): number {
    return this.i32[n + LINKS + 2 * i]!;
  }

  private spanOf(n: number, i: number): number {
    return this.i32[n + LINKS + 2 * i + 1]!;
  }

  // ---- allocation -----------------------------------------------------------------------

  /** zslRandomLevel: 1 + number of successive draws under ZSKIPLIST_P (Redis 7.0's 16-bit test). */
  randomLevel(): number {
    let level = 1;
    while ((this.random.nextU32() & 0xffff) < P_THRESHOLD) level++;
    return level < ZSKIPLIST_MAXLEVEL ? level : ZSKIPLIST_MAXLEVEL;
  }

  /** zslCreateNode */
  private createNode(level: number, score: number, ele: string): number {
    let n = this.freeBlocks[level]!.pop();
    if (n === undefined) {
      n = this.top;
      this.top += blockWords(level);
      if (this.top > this.i32.length) this.grow();
    }
    let e = this.freeEle.pop();
    if (e === undefined) {
      e = this.ele.length;
      this.ele.push(ele);
    } else {
      this.ele[e] = ele;
    }
    this.f64[n >> 1] = score;
    this.i32[n + LEVEL] = level;
    this.i32[n + ELE] = e;
    return n;
  }

  /** zslFreeNode */
  private freeNode(n: number): void {
    const e = this.i32[n + ELE]!;
    this.ele[e] = '';
    this.freeEle.push(e);
    this.freeBlocks[this.i32[n + LEVEL]!]!.push(n);
  }

  private grow(): void {
    let words = this.i32.length * 2;
    while (words < this.top) words *= 2;
    const buf = new ArrayBuffer(words * 4);
    const i32 = new Int32Array(buf);
    i32.set(this.i32);
    this.i32 = i32;
    this.f64 = new Float64Array(buf);
  }

  // ---- updates --------------------------------------------------------------------------

  /**
   * zslInsert: the element must not be present (the zset's dict guarantees it). Returns the
   * new node.
   */
  insert(score: number, ele: string): number {
    const update = this.update;
    const rank = this.rankAt;
    let i32 = this.i32;
    const f64 = this.f64;
    const el = this.ele;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      for (;;) {
        const link = x + LINKS + 2 * i;
        const y = i32[link]!;
        if (y === 0) break;
        const s = f64[y >> 1]!;
        if (s < score || (s === score && el[i32[y + ELE]!]! < ele)) {
          rank[i]! += i32[link + 1]!;
          x = y;
        } else break;
      }
      update[i] = x;
    }
    const level = this.randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rank[i] = 0;
        update[i] = HEADER;
        i32[HEADER + LINKS + 2 * i + 1] = this.length;
      }
      this.level = level;
    }
    const n = this.createNode(level, score, ele);
    i32 = this.i32;
    const r0 = rank[0]!;
    for (let i = 0; i < level; i++) {
      const u = update[i]! + LINKS + 2 * i;
      const o = n + LINKS + 2 * i;
      i32[o] = i32[u]!;
      i32[u] = n;
      i32[o + 1] = i32[u + 1]! - (r0 - rank[i]!);
      i32[u + 1] = r0 - rank[i]! + 1;
    }
    for (let i = level; i < this.level; i++) i32[update[i]! + LINKS + 2 * i + 1]!++;
    i32[n + BACK] = update[0] === HEADER ? 0 : update[0]!;
    const next = i32[n + LINKS]!;
    if (next !== 0) i32[next + BACK] = n;
    else this.tail = n;
    this.length++;
    return n;
  }

  /** zslDeleteNode: unlink x given the rightmost node before it on every level. */
  private deleteNode(x: number, update: Int32Array): void {
    const i32 = this.i32;
    for (let i = 0; i < this.level; i++) {
      const u = update[i]! + LINKS + 2 * i;
      if (i32[u] === x) {
        const o = x + LINKS + 2 * i;
        i32[u + 1]! += i32[o + 1]! - 1;
        i32[u] = i32[o]!;
      } else {
        i32[u + 1]!--;
      }
    }
    const next = i32[x + LINKS]!;
    if (next !== 0) i32[next + BACK] = i32[x + BACK]!;
    else this.tail = i32[x + BACK]!;
    while (this.level > 1 && i32[HEADER + LINKS + 2 * (this.level - 1)] === 0) this.level--;
    this.length--;
  }

  /** Fill `update` with the last node before (score, ele) on each level; returns level-0's. */
  private seek(score: number, ele: string): number {
    const i32 = this.i32;
    const f64 = this.f64;
    const el = this.ele;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = i32[x + LINKS + 2 * i]!;
        if (y === 0) break;
        const s = f64[y >> 1]!;
        if (s < score || (s === score && el[i32[y + ELE]!]! < ele)) x = y;
        else break;
      }
      this.update[i] = x;
    }
    return x;
  }

  /** zslDelete: remove the node holding exactly (score, ele); false when there is none. */
  delete(score: number, ele: string): boolean {
    const x = this.next(this.seek(score, ele));
    if (x !== 0 && this.scoreOf(x) === score && this.eleOf(x) === ele) {
      this.deleteNode(x, this.update);
      this.freeNode(x);
      return true;
    }
    return false;
  }

  /**
   * zslUpdateScore: the element must exist with `curscore`. When the new score keeps it between
   * its neighbours the node is updated in place; otherwise it is removed and inserted again
   * (with a new random level). Returns the element's node.
   */
  updateScore(curscore: number, ele: string, newscore: number): number {
    const x = this.next(this.seek(curscore, ele));
    const prev = this.prev(x);
    const next = this.next(x);
    if ((prev === 0 || this.scoreOf(prev) < newscore) && (next === 0 || this.scoreOf(next) > newscore)) {
      this.f64[x >> 1] = newscore;
      return x;
    }
    this.deleteNode(x, this.update);
    this.freeNode(x);
    return this.insert(newscore, ele);
  }

  /**
   * zslGetRank: 1-based rank of (score, ele), 0 when absent. The search may stop on a higher
   * level as soon as it lands on the element.
   */
  getRank(score: number, ele: string): number {
    const i32 = this.i32;
    const f64 = this.f64;
    const el = this.ele;
    let x = HEADER;
    let rank = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const link = x + LINKS + 2 * i;
        const y = i32[link]!;
        if (y === 0) break;
        const s = f64[y >> 1]!;
        if (s < score || (s === score && el[i32[y + ELE]!]! <= ele)) {
          rank += i32[link + 1]!;
          x = y;
        } else break;
      }
      if (x !== HEADER && el[i32[x + ELE]!] === ele) return rank;
    }
    return 0;
  }

  /** zslGetElementByRank: the node at a 1-based rank, 0 when out of range. */
  getElementByRank(rank: number): number {
    const i32 = this.i32;
    let x = HEADER;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const link = x + LINKS + 2 * i;
        const y = i32[link]!;
        if (y === 0 || traversed + i32[link + 1]! > rank) break;
        traversed += i32[link + 1]!;
        x = y;
      }
      if (traversed === rank) return x;
    }
    return 0;
  }

  // ---- score ranges ---------------------------------------------------------------------

  /** zslIsInRange */
  isInRange(r: ScoreRange): boolean {
    if (scoreRangeEmpty(r)) return false;
    if (this.tail === 0 || !valueGteMin(this.scoreOf(this.tail), r)) return false;
    const first = this.first();
    return first !== 0 && valueLteMax(this.scoreOf(first), r);
  }

  /** zslFirstInRange: first node with a score in range, 0 when none. */
  firstInRange(r: ScoreRange): number {
    if (!this.isInRange(r)) return 0;
    const x = this.next(this.descendWhile((y) => !valueGteMin(this.scoreOf(y), r)));
    return valueLteMax(this.scoreOf(x), r) ? x : 0;
  }

  /** zslLastInRange: last node with a score in range, 0 when none. */
  lastInRange(r: ScoreRange): number {
    if (!this.isInRange(r)) return 0;
    const x = this.descendWhile((y) => valueLteMax(this.scoreOf(y), r));
    return valueGteMin(this.scoreOf(x), r) ? x : 0;
  }

  /** zslDeleteRangeByScore: `onDelete` removes each element from the zset's dict. */
  deleteRangeByScore(r: ScoreRange, onDelete: (ele: string) => void): number {
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = this.forwardOf(x, i);
        if (y === 0 || valueGteMin(this.scoreOf(y), r)) break;
        x = y;
      }
      this.update[i] = x;
    }
    return this.deleteWhile(this.next(x), onDelete, (n) => valueLteMax(this.scoreOf(n), r));
  }

  /** zslDeleteRangeByLex */
  deleteRangeByLex(r: LexRange, onDelete: (ele: string) => void): number {
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = this.forwardOf(x, i);
        if (y === 0 || lexGteMin(this.eleOf(y), r)) break;
        x = y;
      }
      this.update[i] = x;
    }
    return this.deleteWhile(this.next(x), onDelete, (n) => lexLteMax(this.eleOf(n), r));
  }

  /** zslDeleteRangeByRank: ranks are 1-based and inclusive. */
  deleteRangeByRank(start: number, end: number, onDelete: (ele: string) => void): number {
    let x = HEADER;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = this.forwardOf(x, i);
        if (y === 0 || traversed + this.spanOf(x, i) >= start) break;
        traversed += this.spanOf(x, i);
        x = y;
      }
      this.update[i] = x;
    }
    let rank = traversed + 1;
    return this.deleteWhile(this.next(x), onDelete, () => rank++ <= end);
  }

  private deleteWhile(x: number, onDelete: (ele: string) => void, inRange: (n: number) => boolean): number {
    let removed = 0;
    while (x !== 0 && inRange(x)) {
      const next = this.next(x);
      this.deleteNode(x, this.update);
      onDelete(this.eleOf(x));
      this.freeNode(x);
      removed++;
      x = next;
    }
    return removed;
  }

  // ---- lex ranges -----------------------------------------------------------------------

  /** zslIsInLexRange */
  isInLexRange(r: LexRange): boolean {
    if (lexRangeEmpty(r)) return false;
    if (this.tail === 0 || !lexGteMin(this.eleOf(this.tail), r)) return false;
    const first = this.first();
    return first !== 0 && lexLteMax(this.eleOf(first), r);
  }

  /** zslFirstInLexRange */
  firstInLexRange(r: LexRange): number {
    if (!this.isInLexRange(r)) return 0;
    const x = this.next(this.descendWhile((y) => !lexGteMin(this.eleOf(y), r)));
    return lexLteMax(this.eleOf(x), r) ? x : 0;
  }

  /** zslLastInLexRange */
  lastInLexRange(r: LexRange): number {
    if (!this.isInLexRange(r)) return 0;
    const x = this.descendWhile((y) => lexLteMax(this.eleOf(y), r));
    return lexGteMin(this.eleOf(x), r) ? x : 0;
  }

  /**
   * The descent every zsl*InRange function makes: from the header's top level down, moving
   * forward while the next node satisfies `advance`. Returns the last node reached (the
   * header when none qualified).
   */
  private descendWhile(advance: (node: number) => boolean): number {
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = this.forwardOf(x, i);
        if (y === 0 || !advance(y)) break;
        x = y;
      }
    }
    return x;
  }

  // ---- views ----------------------------------------------------------------------------

  /** The header plus up to `radius` nodes on each side of a 1-based rank. */
  window(rank: number, radius: number): SkiplistWindow {
    const header = this.nodeView(HEADER, 0, this.level);
    const nodes: SkiplistNodeView[] = [];
    if (this.length > 0) {
      const center = Math.min(Math.max(1, Math.trunc(rank)), this.length);
      const from = Math.max(1, center - Math.max(0, Math.trunc(radius)));
      const to = Math.min(this.length, center + Math.max(0, Math.trunc(radius)));
      let n = this.getElementByRank(from);
      for (let r = from; r <= to && n !== 0; r++, n = this.next(n)) nodes.push(this.nodeView(n, r, this.levelOf(n)));
    }
    return { length: this.length, level: this.level, header, nodes };
  }

  private nodeView(n: number, rank: number, levels: number): SkiplistNodeView {
    const forward: Array<number | null> = [];
    const span: number[] = [];
    for (let i = 0; i < levels; i++) {
      forward.push(this.forwardOf(n, i) === 0 ? null : rank + this.spanOf(n, i));
      span.push(this.spanOf(n, i));
    }
    const back = this.prev(n);
    return {
      rank,
      ele: n === HEADER ? '' : this.eleOf(n),
      score: n === HEADER ? 0 : this.scoreOf(n),
      level: this.levelOf(n),
      forward,
      span,
      backward: n === HEADER || back === 0 ? null : rank - 1,
    };
  }

  /**
   * The path a search for (score, ele) takes, step by step: 'insert' is zslInsert's search
   * (ZADD of a new member), 'rank' is zslGetRank's (ZRANK; ZSCORE reads the dict but the view
   * can show where the element sits).
   */
  trace(score: number, ele: string, kind: 'insert' | 'rank'): SkiplistSearchTrace {
    const steps: SkiplistSearchStep[] = [];
    let x = HEADER;
    let rank = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = this.forwardOf(x, i);
        const to = y === 0 ? null : { rank: rank + this.spanOf(x, i), ele: this.eleOf(y), score: this.scoreOf(y) };
        const advance =
          to !== null && (to.score < score || (to.score === score && (kind === 'insert' ? to.ele < ele : to.ele <= ele)));
        steps.push({ level: i, fromRank: rank, to, action: advance ? 'forward' : 'down' });
        if (!advance) break;
        rank = to.rank;
        x = y;
      }
      if (kind === 'rank' && x !== HEADER && this.eleOf(x) === ele) return { steps, rank };
    }
    return { steps, rank: kind === 'insert' ? rank + 1 : 0 };
  }
}
