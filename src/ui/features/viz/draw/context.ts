import type { StructureSnapshot } from '../../../../protocol/snapshots.js';
import type { Apply } from '../animator.js';

/** What a draw function gets besides the snapshot: room, the previous picture, animations. */
export interface DrawContext {
  width: number;
  height: number;
  /** The snapshot drawn before this one, of the same key: what changed is animated from it. */
  previous: StructureSnapshot | null;
  /** Schedule an animation on the virtual clock (durations and delays in virtual ms). */
  animate(duration: number, apply: Apply, delay?: number, ease?: (p: number) => number): void;
  /** A click on something that can be looked into (a skiplist member, a quicklist node). */
  onPick(what: Pick): void;
}

export type Pick = { kind: 'member'; member: string } | { kind: 'node'; index: number };
