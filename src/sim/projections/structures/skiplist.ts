import type { SkiplistNodeSnapshot, SkiplistTraceSnapshot, TraceRequest } from '../../../protocol/snapshots.js';
import type { SkiplistNodeView } from '../../../engine/types/skiplist.js';
import type { Zset } from '../../../engine/types/zset.js';
import { formatDouble17g, string2d } from '../../../engine/util/numbers.js';
import { toByteString } from '../../bytes.js';
import { clip } from './text.js';

export interface SkiplistProjection {
  level: number;
  header: SkiplistNodeSnapshot;
  nodes: SkiplistNodeSnapshot[];
  trace: SkiplistTraceSnapshot | null;
}

/**
 * A skiplist-encoded zset around a rank: the header (every live level) and `count`
 * consecutive nodes, never the whole set. `focusMember`, when the member exists, picks the
 * window that shows it; the trace is the search ZADD or ZRANK makes, step by step.
 */
export function skiplistProjection(
  z: Zset,
  rank: number,
  count: number,
  focusMember: string | undefined,
  traceReq: TraceRequest | undefined,
): SkiplistProjection | null {
  const trace = traceReq === undefined ? null : traceSnapshot(z, traceReq);
  let center = Math.max(1, rank);
  if (trace !== null && trace.rank > 0) center = trace.rank;
  if (focusMember !== undefined) {
    const score = z.peekScore(focusMember);
    const found = score === undefined ? null : z.skiplistTrace(score, focusMember, 'rank');
    if (found != null && found.rank > 0) center = found.rank;
  }
  const radius = Math.floor((count - 1) / 2);
  const start = Math.max(1, Math.min(center - radius, z.length - count + 1));
  const w = z.skiplistWindow(start + radius, radius);
  if (w === null) return null;
  return { level: w.level, header: nodeSnapshot(w.header), nodes: w.nodes.map(nodeSnapshot), trace };
}

function nodeSnapshot(n: SkiplistNodeView): SkiplistNodeSnapshot {
  return {
    rank: n.rank,
    member: clip(n.ele),
    memberBytes: n.ele.length,
    score: n.rank === 0 ? '' : formatDouble17g(n.score),
    level: n.level,
    forward: n.forward,
    span: n.span,
    backward: n.backward,
  };
}

/** The trace for a request, or null when the score is not a number or the member is unknown. */
function traceSnapshot(z: Zset, req: TraceRequest): SkiplistTraceSnapshot | null {
  const member = toByteString(String(req.member));
  const score = req.score === undefined ? z.peekScore(member) : string2d(String(req.score));
  if (score == null) return null;
  const kind = req.kind === 'rank' ? 'rank' : 'insert';
  const t = z.skiplistTrace(score, member, kind);
  if (t === null) return null;
  return {
    kind,
    member: clip(member),
    score: formatDouble17g(score),
    rank: t.rank,
    steps: t.steps.map((s) => ({
      level: s.level,
      fromRank: s.fromRank,
      action: s.action,
      to: s.to === null ? null : { rank: s.to.rank, member: clip(s.to.ele), score: formatDouble17g(s.to.score) },
    })),
  };
}
