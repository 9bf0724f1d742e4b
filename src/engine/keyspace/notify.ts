/**
 * Keyspace notification classes (notify.c). A write reports its event once, through
 * RedisServer.notify; that single stream feeds pub/sub notifications (filtered by
 * notify-keyspace-events) and the engine's event listeners (views, tracking, tests).
 */
export type NotifyClass = 'g' | '$' | 'l' | 's' | 'h' | 'z' | 'x' | 'e' | 't' | 'n' | 'm' | 'd';

export const NOTIFY_KEYSPACE = 1 << 0; // K
export const NOTIFY_KEYEVENT = 1 << 1; // E
const CLASS_BITS: Record<NotifyClass, number> = {
  g: 1 << 2, $: 1 << 3, l: 1 << 4, s: 1 << 5, h: 1 << 6, z: 1 << 7, x: 1 << 8, e: 1 << 9,
  t: 1 << 10, m: 1 << 11, d: 1 << 12, n: 1 << 13,
};
/** 'A' is an alias for "g$lshzxetd" (not m or n). */
const ALL = CLASS_BITS.g | CLASS_BITS.$ | CLASS_BITS.l | CLASS_BITS.s | CLASS_BITS.h | CLASS_BITS.z |
  CLASS_BITS.x | CLASS_BITS.e | CLASS_BITS.t | CLASS_BITS.d;

/** keyspaceEventsStringToFlags; -1 for an invalid character. */
export function notifyFlagsFromString(s: string): number {
  let flags = 0;
  for (const ch of s) {
    if (ch === 'A') flags |= ALL;
    else if (ch === 'K') flags |= NOTIFY_KEYSPACE;
    else if (ch === 'E') flags |= NOTIFY_KEYEVENT;
    else if (ch in CLASS_BITS) flags |= CLASS_BITS[ch as NotifyClass];
    else return -1;
  }
  return flags;
}

/**
 * keyspaceEventsFlagsToString: the canonical form CONFIG GET reports. As in Redis 7.0, `n` is
 * only written when `A` is not (so "An" reads back as "A"), and `m` comes after `K` and `E`.
 */
export function notifyFlagsToString(flags: number): string {
  let res = '';
  if ((flags & ALL) === ALL) res += 'A';
  else {
    for (const c of ['g', '$', 'l', 's', 'h', 'z', 'x', 'e', 't', 'd', 'n'] as NotifyClass[]) {
      if (flags & CLASS_BITS[c]) res += c;
    }
  }
  if (flags & NOTIFY_KEYSPACE) res += 'K';
  if (flags & NOTIFY_KEYEVENT) res += 'E';
  if (flags & CLASS_BITS.m) res += 'm';
  return res;
}

export function classBit(c: NotifyClass): number {
  return CLASS_BITS[c];
}

/** What engine listeners receive for every keyspace event (whatever the config says). */
export interface KeyspaceEvent {
  db: number;
  key: string;
  event: string;
  cls: NotifyClass;
}
