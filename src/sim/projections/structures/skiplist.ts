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
 * A skiplist-encoded zset: the header (every live level) and `count` consecutive nodes from
 * rank `from`, never the whole set. A focused member (when it exists) or a traced search moves
 * the window to centre on its rank; the trace is the search ZADD or ZRANK makes, step by step.
 */
export function skiplistProjection(
  z: Zset,
  from: number,
  count: number,
  focusMember: string | undefined,
  traceReq: TraceRequest | undefined,
): SkiplistProjection | null {
  const trace = traceReq === undefined ? null : traceSnapshot(z, traceReq);
  let center: number | null = null;
  if (trace !== null && trace.rank > 0) center = trace.rank;
  if (focusMember !== undefined) {
    const score = z.peekScore(focusMember);
    const found = score === undefined ? null : z.skiplistTrace(score, focusMember, 'rank');
    if (found != null && found.rank > 0) center = found.rank;
  }
  const wanted = center === null ? Math.max(1, from) : center - Math.floor((count - 1) / 2);
  const start = Math.max(1, Math.min(wanted, z.length - count + 1));
  // Skiplist.window is symmetric around a rank: ask for enough and keep `count`.
  const radius = Math.ceil((count - 1) / 2);
  const w = z.skiplistWindow(start + radius, radius);
  if (w === null) return null;
  return { level: w.level, header: nodeSnapshot(w.header), nodes: w.nodes.slice(0, count).map(nodeSnapshot), trace };
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
