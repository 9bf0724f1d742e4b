import { select, type Selection } from 'd3';
import type { SkiplistStructure, SkiplistTraceSnapshot } from '../../../../protocol/snapshots.js';
import { linear } from '../animator.js';
import type { DrawContext } from './context.js';
import { label } from './label.js';
import { layoutSkiplist, traceSegments, SL, type SkiplistColumn, type SkiplistLayout, type SkiplistPointer, type TraceHops, type TraceSegment } from './skiplistLayout.js';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Longest a traced search takes to draw, however many steps it has (virtual ms). */
const TRACE_MS = 2400;
const STEP_MS = 220;
const LEVEL_MS = 180;
const MOVE_MS = 500;

/**
 * A skiplist-encoded zset: the header's live levels, a window of nodes as towers, every
 * forward pointer with its span, the gap standing for the nodes left out, and the path of a
 * traced search. A member that was just inserted is drawn after the search found its place,
 * its tower growing one level at a time (the levels it drew, at p = 1/4 each).
 */
export function drawSkiplist(root: G, s: SkiplistStructure, ctx: DrawContext): { height: number } {
  const l = layoutSkiplist(s, ctx.width, ctx.height);
  const prev = ctx.previous?.kind === 'skiplist' && ctx.previous.key === s.key ? ctx.previous : null;
  const prevLayout = prev === null ? null : layoutSkiplist(prev, ctx.width, ctx.height);
  const prevX = new Map(prevLayout?.columns.map((c) => [c.id, c.x]));
  const prevPtr = new Map(prevLayout?.pointers.map((p) => [p.id, p]));
  const newTrace = s.trace !== null && !sameTrace(s.trace, prev?.trace ?? null) ? s.trace : null;
  const { segments, hops } = s.trace === null ? { segments: [], hops: [] } : traceSegments(s.trace, l);
  const stepMs = newTrace === null ? 0 : Math.min(STEP_MS, TRACE_MS / Math.max(1, newTrace.steps.length));
  const searchMs = newTrace === null ? 0 : stepMs * newTrace.steps.length;
  const inserted = newTrace?.kind === 'insert' && prev !== null && s.length > prev.length ? newTrace.member : null;
  const converted = ctx.previous?.kind === 'listpack' && ctx.previous.key === s.key;

  const gaps = layer(root, 'sl-gaps');
  drawGaps(gaps, l);
  const ptrs = layer(root, 'sl-pointers');
  const cols = layer(root, 'sl-cols');
  const trace = layer(root, 'sl-trace');

  const colSel = cols
    .selectAll<SVGGElement, SkiplistColumn>('g.col')
    .data(l.columns, (c) => c.id)
    .join((enter) => enter.append('g').attr('class', 'col'))
    .attr('data-testid', (c) => (c.node.rank === 0 ? 'skiplist-header' : 'skiplist-node'))
    .attr('data-rank', (c) => c.node.rank)
    .attr('data-level', (c) => c.node.level)
    .classed('header', (c) => c.node.rank === 0)
    .classed('inserted', (c) => c.id === inserted)
    .attr('transform', (c) => `translate(${c.x},0)`)
    .on('click', (_e, c) => {
      if (c.node.rank > 0) ctx.onPick({ kind: 'member', member: c.node.member });
    });
  colSel.each(function (c) {
    drawColumn(select(this), c, l, c.id === inserted);
  });
  colSel.select('title').text((c) => (c.node.rank === 0 ? 'The header: one forward pointer per level' : `Click to trace ZRANK of this member (rank ${c.node.rank - 1} counted from 0)`));

  ptrs
    .selectAll<SVGGElement, SkiplistPointer>('g.ptr')
    .data(l.pointers, (p) => p.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'ptr');
      g.append('line');
      g.append('text').attr('class', 'span');
      g.append('text').attr('class', 'target');
      return g;
    })
    .attr('class', (p) => `ptr end-${p.end}${p.fromGap ? ' from-gap' : ''}`)
    .each(function (p) {
      drawPointer(select(this), p);
    });

  trace
    .selectAll<SVGLineElement, TraceSegment>('line')
    .data(segments)
    .join('line')
    .attr('class', (t) => `seg ${t.kind}`)
    .attr('x1', (t) => t.x1)
    .attr('y1', (t) => t.y1)
    .attr('x2', (t) => t.x2)
    .attr('y2', (t) => t.y2)
    .attr('marker-end', (t) => (t.kind === 'forward' || t.kind === 'down' ? 'url(#viz-arrow-hot)' : null))
    .style('stroke-dasharray', null)
    .style('stroke-dashoffset', null);
  trace
    .selectAll<SVGTextElement, TraceHops>('text.hops')
    .data(hops, (h) => String(h.level))
    .join('text')
    .attr('class', 'hops')
    .attr('x', (h) => h.x)
    .attr('y', (h) => h.y)
    .text((h) => `${h.count} hop${h.count === 1 ? '' : 's'}`)
    .style('opacity', null);

  // ---- animations -------------------------------------------------------------------------
  if (newTrace !== null) {
    trace.selectAll<SVGLineElement, TraceSegment>('line').each(function (t) {
      const len = Math.abs(t.x2 - t.x1) + Math.abs(t.y2 - t.y1) + 1;
      const line = select(this);
      ctx.animate(
        stepMs,
        (p) => {
          line.style('stroke-dasharray', `${len} ${len}`).style('stroke-dashoffset', `${len * (1 - p)}`);
        },
        t.step * stepMs,
        linear,
      );
    });
    trace.selectAll<SVGTextElement, TraceHops>('text.hops').each(function (h) {
      const text = select(this);
      const at = newTrace.steps.findIndex((st) => st.level === h.level);
      ctx.animate(stepMs, (p) => text.style('opacity', p), Math.max(0, at) * stepMs);
    });
  }
  colSel.each(function (c) {
    const g = select(this);
    const from = prevX.get(c.id);
    if (c.id === inserted) {
      // The nodes after it first make room, then its tower grows.
      growTower(g, ctx, searchMs + MOVE_MS);
    } else if (from !== undefined && from !== c.x) {
      ctx.animate(MOVE_MS, (p) => g.attr('transform', `translate(${from + (c.x - from) * p},0)`), searchMs);
    } else if (converted && c.node.rank > 0) {
      ctx.animate(500, (p) => g.style('opacity', p).attr('transform', `translate(${c.x},${(1 - p) * 24})`), 200 + c.node.rank * 12);
    }
  });
  if (inserted !== null || converted) {
    // The pointers into and out of the new node are rewired once its tower stands.
    const node = l.columns.find((c) => c.id === inserted);
    const delay = searchMs + (node === undefined ? 0 : MOVE_MS + LEVEL_MS * node.levels);
    ptrs.selectAll<SVGGElement, SkiplistPointer>('g.ptr').each(function (p) {
      const rewired = node !== undefined && (p.to === node.node.rank || p.id.startsWith(`${node.id}\u0000`));
      const old = prevPtr.get(p.id);
      if (!rewired && (!converted || (old !== undefined && old.x1 === p.x1 && old.x2 === p.x2))) return;
      const g = select(this);
      ctx.animate(400, (t) => g.style('opacity', t), delay);
    });
  }
  return { height: l.height };
}

function layer(root: G, name: string): G {
  const found = root.select<SVGGElement>(`g.${name}`);
  return found.empty() ? root.append('g').attr('class', name) : found;
}

function drawColumn(g: G, c: SkiplistColumn, l: SkiplistLayout, inserted: boolean): void {
  const isHeader = c.node.rank === 0;
  g.style('opacity', null);
  if (g.select('title').empty()) g.append('title');
  g.selectAll<SVGRectElement, number>('rect.lvl')
    .data(Array.from({ length: c.levels }, (_, i) => i))
    .join('rect')
    .attr('class', 'lvl')
    .attr('x', 0)
    .attr('y', (lv) => l.y(lv))
    .attr('width', SL.boxW)
    .attr('height', SL.boxH)
    .attr('rx', 3)
    .style('opacity', null)
    .attr('transform', null);
  g.selectAll<SVGTextElement, number>('text.lvl-name')
    .data(isHeader ? Array.from({ length: c.levels }, (_, i) => i) : [])
    .join('text')
    .attr('class', 'lvl-name')
    .attr('x', SL.boxW / 2)
    .attr('y', (lv) => l.y(lv) + SL.boxH - 4)
    .text((lv) => `L${lv}`);
  const under = l.y(0) + SL.boxH;
  const texts: Array<[string, number, string]> = isHeader
    ? [['member', under + 13, 'header'], ['name', under + 26, `${l.levels} levels`]]
    : [
        ['member', under + 13, label(c.node.member, 8, c.node.memberBytes)],
        ['score', under + 26, label(c.node.score, 9)],
        ['name', under + 39, inserted ? `#${c.node.rank - 1} · ${c.levels} lvl` : `#${c.node.rank - 1}`],
      ];
  g.selectAll<SVGTextElement, [string, number, string]>('text.t')
    .data(texts, (d) => d[0])
    .join('text')
    .attr('class', (d) => `t ${d[0]}`)
    .attr('x', SL.boxW / 2)
    .attr('y', (d) => d[1])
    .style('opacity', null)
    .text((d) => d[2]);
}

function drawPointer(g: G, p: SkiplistPointer): void {
  g.style('opacity', null);
  g.select('line')
    .attr('x1', p.x1)
    .attr('x2', p.end === 'node' ? p.x2 - 2 : p.x2)
    .attr('y1', p.y)
    .attr('y2', p.y)
    .attr('marker-end', p.end === 'null' ? null : 'url(#viz-arrow)');
  const room = p.x2 - p.x1;
  g.select('text.span')
    .attr('x', (p.x1 + p.x2) / 2)
    .attr('y', p.y - 3)
    .text(p.span !== null && room >= 22 ? String(p.span) : '');
  const target = p.end === 'null' ? 'NULL' : p.end === 'beyond' ? `→#${(p.to ?? 1) - 1}` : '';
  g.select('text.target')
    .attr('x', p.x2 + (p.end === 'null' ? 2 : 6))
    .attr('y', p.y + 4)
    .text(target);
}

/** The new node's levels appear bottom up, as zslRandomLevel drew them, once the search is over. */
function growTower(g: G, ctx: DrawContext, after: number): void {
  g.selectAll<SVGRectElement, number>('rect.lvl').each(function (lv) {
    const r = select(this);
    ctx.animate(LEVEL_MS, (p) => r.style('opacity', p).attr('transform', `translate(0,${(1 - p) * 10})`), after + lv * LEVEL_MS);
  });
  g.selectAll<SVGTextElement, unknown>('text.t').each(function () {
    const t = select(this);
    ctx.animate(LEVEL_MS, (p) => t.style('opacity', p), after);
  });
}

function drawGaps(g: G, l: SkiplistLayout): void {
  const y = l.y(0) + SL.boxH + 13;
  const items: Array<[string, number, string]> = [];
  if (l.hiddenBefore > 0) items.push(['before', l.gapX + SL.gapW / 2, `⋯ ${l.hiddenBefore}`]);
  if (l.hiddenAfter > 0) items.push(['after', l.rightX + 24, `${l.hiddenAfter} ⋯`]);
  g.selectAll<SVGTextElement, [string, number, string]>('text')
    .data(items, (d) => d[0])
    .join('text')
    .attr('class', 'gap')
    .attr('x', (d) => d[1])
    .attr('y', y)
    .text((d) => d[2])
    .selectAll('title')
    .data((d) => [d])
    .join('title')
    .text((d) => `${d[0] === 'before' ? l.hiddenBefore : l.hiddenAfter} more nodes ${d[0]} the window: use ◀ ▶ to move`);
}

function sameTrace(a: SkiplistTraceSnapshot, b: SkiplistTraceSnapshot | null): boolean {
  return b !== null && a.kind === b.kind && a.member === b.member && a.score === b.score && a.rank === b.rank && a.steps.length === b.steps.length;
}
