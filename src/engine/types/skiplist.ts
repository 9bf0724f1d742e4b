import { lexGteMin, lexLteMax, lexRangeEmpty, scoreRangeEmpty, valueGteMin, valueLteMax, type LexRange, type ScoreRange } from './zrangespec.js';

/**
 * Redis's zskiplist (t_zset.c, William Pugh's skiplist with Redis's three changes: repeated
 * scores, ordering by (score, member), and a backward pointer on level 0), with spans on every
 * forward pointer so ranks are O(log N).
 *
 * Nodes live in a pool of typed arrays rather than as JS objects: a 1,000,000-member sorted set
 * is then a handful of arrays instead of three million heap objects, which keeps it within a
 * browser tab's memory, out of the garbage collector's way and several times faster to search.
 * A node is an integer id; id 0 is the header, and 0 in a forward or backward link means "none"
 * (the header is never a forward target, and Redis's backward pointer of the first node is NULL).
 * Each node's levels are a block of `level` consecutive slots in `fwd`/`span`; freed blocks are
 * reused by nodes of the same height, freed ids by any node.
 */

export const ZSKIPLIST_MAXLEVEL = 32;
/** ZSKIPLIST_P: a node reaches the next level with probability 1/4. */
export const ZSKIPLIST_P = 0.25;
const P_THRESHOLD = ZSKIPLIST_P * 0xffff;
const HEADER = 0;
const INITIAL_NODES = 16;

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
  private score: Float64Array;
  private ele: string[];
  private back: Int32Array;
  private lvl: Uint8Array;
  private off: Int32Array;
  private fwd: Int32Array;
  private span: Int32Array;
  private nodeTop = 1;
  private slotTop = ZSKIPLIST_MAXLEVEL;
  private readonly freeNodes: number[] = [];
  private readonly freeSlots: number[][] = Array.from({ length: ZSKIPLIST_MAXLEVEL + 1 }, () => []);
  private readonly update = new Int32Array(ZSKIPLIST_MAXLEVEL);
  private readonly rankAt = new Float64Array(ZSKIPLIST_MAXLEVEL);

  length = 0;
  /** Levels in use (zsl->level): at least 1. */
  level = 1;
  /** Last node (zsl->tail), 0 when empty. */
  tail = 0;

  /** zslCreate: the header has every level, all pointing nowhere. */
  constructor(private readonly random: RandomSource) {
    this.score = new Float64Array(INITIAL_NODES);
    this.ele = new Array<string>(INITIAL_NODES).fill('');
    this.back = new Int32Array(INITIAL_NODES);
    this.lvl = new Uint8Array(INITIAL_NODES);
    this.off = new Int32Array(INITIAL_NODES);
    this.fwd = new Int32Array(ZSKIPLIST_MAXLEVEL * 2);
    this.span = new Int32Array(ZSKIPLIST_MAXLEVEL * 2);
    this.lvl[HEADER] = ZSKIPLIST_MAXLEVEL;
  }

  // ---- node accessors -------------------------------------------------------------------

  /** First node (header->level[0].forward), 0 when empty. */
  first(): number {
    return this.fwd[0]!;
  }

  last(): number {
    return this.tail;
  }

  /** level[0].forward of a node, 0 at the end. */
  next(n: number): number {
    return this.fwd[this.off[n]!]!;
  }

  /** backward of a node, 0 for the first one. */
  prev(n: number): number {
    return this.back[n]!;
  }

  scoreOf(n: number): number {
    return this.score[n]!;
  }

  eleOf(n: number): string {
    return this.ele[n]!;
  }

  levelOf(n: number): number {
    return this.lvl[n]!;
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
    let n = this.freeNodes.pop();
    if (n === undefined) {
      n = this.nodeTop++;
      if (n >= this.score.length) this.growNodes();
    }
    let o = this.freeSlots[level]!.pop();
    if (o === undefined) {
      o = this.slotTop;
      this.slotTop += level;
      if (this.slotTop > this.fwd.length) this.growSlots();
    }
    this.score[n] = score;
    this.ele[n] = ele;
    this.lvl[n] = level;
    this.off[n] = o;
    return n;
  }

  /** zslFreeNode */
  private freeNode(n: number): void {
    this.freeSlots[this.lvl[n]!]!.push(this.off[n]!);
    this.freeNodes.push(n);
    this.ele[n] = '';
  }

  private growNodes(): void {
    const cap = this.score.length * 2;
    const score = new Float64Array(cap);
    score.set(this.score);
    this.score = score;
    const back = new Int32Array(cap);
    back.set(this.back);
    this.back = back;
    const lvl = new Uint8Array(cap);
    lvl.set(this.lvl);
    this.lvl = lvl;
    const off = new Int32Array(cap);
    off.set(this.off);
    this.off = off;
    for (let i = this.ele.length; i < cap; i++) this.ele.push('');
  }

  private growSlots(): void {
    let cap = this.fwd.length * 2;
    while (cap < this.slotTop) cap *= 2;
    const fwd = new Int32Array(cap);
    fwd.set(this.fwd);
    this.fwd = fwd;
    const span = new Int32Array(cap);
    span.set(this.span);
    this.span = span;
  }

  // ---- updates --------------------------------------------------------------------------

  /**
   * zslInsert: the element must not be present (the zset's dict guarantees it). Returns the
   * new node.
   */
  insert(score: number, ele: string): number {
    const update = this.update;
    const rank = this.rankAt;
    let fwd = this.fwd;
    let span = this.span;
    const off = this.off;
    const sc = this.score;
    const el = this.ele;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      for (;;) {
        const slot = off[x]! + i;
        const y = fwd[slot]!;
        if (y === 0) break;
        const s = sc[y]!;
        if (s < score || (s === score && el[y]! < ele)) {
          rank[i]! += span[slot]!;
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
        span[i] = this.length;
      }
      this.level = level;
    }
    const n = this.createNode(level, score, ele);
    fwd = this.fwd;
    span = this.span;
    const offs = this.off;
    const o = offs[n]!;
    const r0 = rank[0]!;
    for (let i = 0; i < level; i++) {
      const u = offs[update[i]!]! + i;
      fwd[o + i] = fwd[u]!;
      fwd[u] = n;
      span[o + i] = span[u]! - (r0 - rank[i]!);
      span[u] = r0 - rank[i]! + 1;
    }
    for (let i = level; i < this.level; i++) span[offs[update[i]!]! + i]!++;
    this.back[n] = update[0] === HEADER ? 0 : update[0]!;
    const next = fwd[o]!;
    if (next !== 0) this.back[next] = n;
    else this.tail = n;
    this.length++;
    return n;
  }

  /** zslDeleteNode: unlink x given the rightmost node before it on every level. */
  private deleteNode(x: number, update: Int32Array): void {
    const fwd = this.fwd;
    const span = this.span;
    const off = this.off;
    const ox = off[x]!;
    for (let i = 0; i < this.level; i++) {
      const u = off[update[i]!]! + i;
      if (fwd[u] === x) {
        span[u]! += span[ox + i]! - 1;
        fwd[u] = fwd[ox + i]!;
      } else {
        span[u]!--;
      }
    }
    const next = fwd[ox]!;
    if (next !== 0) this.back[next] = this.back[x]!;
    else this.tail = this.back[x]!;
    while (this.level > 1 && fwd[this.level - 1] === 0) this.level--;
    this.length--;
  }

  /** Fill `update` with the last node before (score, ele) on each level; returns level-0's. */
  private seek(score: number, ele: string): number {
    const fwd = this.fwd;
    const off = this.off;
    const sc = this.score;
    const el = this.ele;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = fwd[off[x]! + i]!;
        if (y === 0) break;
        const s = sc[y]!;
        if (s < score || (s === score && el[y]! < ele)) x = y;
        else break;
      }
      this.update[i] = x;
    }
    return x;
  }

  /** zslDelete: remove the node holding exactly (score, ele); false when there is none. */
  delete(score: number, ele: string): boolean {
    const x = this.next(this.seek(score, ele));
    if (x !== 0 && this.score[x] === score && this.ele[x] === ele) {
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
    const prev = this.back[x]!;
    const next = this.next(x);
    if ((prev === 0 || this.score[prev]! < newscore) && (next === 0 || this.score[next]! > newscore)) {
      this.score[x] = newscore;
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
    const fwd = this.fwd;
    const span = this.span;
    const off = this.off;
    const sc = this.score;
    const el = this.ele;
    let x = HEADER;
    let rank = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const slot = off[x]! + i;
        const y = fwd[slot]!;
        if (y === 0) break;
        const s = sc[y]!;
        if (s < score || (s === score && el[y]! <= ele)) {
          rank += span[slot]!;
          x = y;
        } else break;
      }
      if (x !== HEADER && el[x] === ele) return rank;
    }
    return 0;
  }

  /** zslGetElementByRank: the node at a 1-based rank, 0 when out of range. */
  getElementByRank(rank: number): number {
    const fwd = this.fwd;
    const span = this.span;
    const off = this.off;
    let x = HEADER;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const slot = off[x]! + i;
        const y = fwd[slot]!;
        if (y === 0 || traversed + span[slot]! > rank) break;
        traversed += span[slot]!;
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
    if (this.tail === 0 || !valueGteMin(this.score[this.tail]!, r)) return false;
    const first = this.first();
    return first !== 0 && valueLteMax(this.score[first]!, r);
  }

  /** zslFirstInRange: first node with a score in range, 0 when none. */
  firstInRange(r: ScoreRange): number {
    if (!this.isInRange(r)) return 0;
    const fwd = this.fwd;
    const off = this.off;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = fwd[off[x]! + i]!;
        if (y === 0 || valueGteMin(this.score[y]!, r)) break;
        x = y;
      }
    }
    x = this.next(x);
    return valueLteMax(this.score[x]!, r) ? x : 0;
  }

  /** zslLastInRange: last node with a score in range, 0 when none. */
  lastInRange(r: ScoreRange): number {
    if (!this.isInRange(r)) return 0;
    const fwd = this.fwd;
    const off = this.off;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = fwd[off[x]! + i]!;
        if (y === 0 || !valueLteMax(this.score[y]!, r)) break;
        x = y;
      }
    }
    return valueGteMin(this.score[x]!, r) ? x : 0;
  }

  /** zslDeleteRangeByScore: `onDelete` removes each element from the zset's dict. */
  deleteRangeByScore(r: ScoreRange, onDelete: (ele: string) => void): number {
    const fwd = this.fwd;
    const off = this.off;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = fwd[off[x]! + i]!;
        if (y === 0 || valueGteMin(this.score[y]!, r)) break;
        x = y;
      }
      this.update[i] = x;
    }
    return this.deleteWhile(this.next(x), onDelete, (n) => valueLteMax(this.score[n]!, r));
  }

  /** zslDeleteRangeByLex */
  deleteRangeByLex(r: LexRange, onDelete: (ele: string) => void): number {
    const fwd = this.fwd;
    const off = this.off;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = fwd[off[x]! + i]!;
        if (y === 0 || lexGteMin(this.ele[y]!, r)) break;
        x = y;
      }
      this.update[i] = x;
    }
    return this.deleteWhile(this.next(x), onDelete, (n) => lexLteMax(this.ele[n]!, r));
  }

  /** zslDeleteRangeByRank: ranks are 1-based and inclusive. */
  deleteRangeByRank(start: number, end: number, onDelete: (ele: string) => void): number {
    const fwd = this.fwd;
    const span = this.span;
    const off = this.off;
    let x = HEADER;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const slot = off[x]! + i;
        const y = fwd[slot]!;
        if (y === 0 || traversed + span[slot]! >= start) break;
        traversed += span[slot]!;
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
      onDelete(this.ele[x]!);
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
    if (this.tail === 0 || !lexGteMin(this.ele[this.tail]!, r)) return false;
    const first = this.first();
    return first !== 0 && lexLteMax(this.ele[first]!, r);
  }

  /** zslFirstInLexRange */
  firstInLexRange(r: LexRange): number {
    if (!this.isInLexRange(r)) return 0;
    const fwd = this.fwd;
    const off = this.off;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = fwd[off[x]! + i]!;
        if (y === 0 || lexGteMin(this.ele[y]!, r)) break;
        x = y;
      }
    }
    x = this.next(x);
    return lexLteMax(this.ele[x]!, r) ? x : 0;
  }

  /** zslLastInLexRange */
  lastInLexRange(r: LexRange): number {
    if (!this.isInLexRange(r)) return 0;
    const fwd = this.fwd;
    const off = this.off;
    let x = HEADER;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const y = fwd[off[x]! + i]!;
        if (y === 0 || !lexLteMax(this.ele[y]!, r)) break;
        x = y;
      }
    }
    return lexGteMin(this.ele[x]!, r) ? x : 0;
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
      for (let r = from; r <= to && n !== 0; r++, n = this.next(n)) nodes.push(this.nodeView(n, r, this.lvl[n]!));
    }
    return { length: this.length, level: this.level, header, nodes };
  }

  private nodeView(n: number, rank: number, levels: number): SkiplistNodeView {
    const forward: Array<number | null> = [];
    const span: number[] = [];
    const o = this.off[n]!;
    for (let i = 0; i < levels; i++) {
      forward.push(this.fwd[o + i] === 0 ? null : rank + this.span[o + i]!);
      span.push(this.span[o + i]!);
    }
    const back = this.back[n]!;
    return {
      rank,
      ele: n === HEADER ? '' : this.ele[n]!,
      score: n === HEADER ? 0 : this.score[n]!,
      level: this.lvl[n]!,
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
        const slot = this.off[x]! + i;
        const y = this.fwd[slot]!;
        const to = y === 0 ? null : { rank: rank + this.span[slot]!, ele: this.ele[y]!, score: this.score[y]! };
        const s = this.score[y]!;
        const advance =
          y !== 0 && (s < score || (s === score && (kind === 'insert' ? this.ele[y]! < ele : this.ele[y]! <= ele)));
        steps.push({ level: i, fromRank: rank, to, action: advance ? 'forward' : 'down' });
        if (!advance) break;
        rank += this.span[slot]!;
        x = y;
      }
      if (kind === 'rank' && x !== HEADER && this.ele[x] === ele) return { steps, rank };
    }
    return { steps, rank: kind === 'insert' ? rank + 1 : 0 };
  }
}
