import { select, type Selection } from 'd3';
import type { QuicklistStructure } from '../../../../protocol/snapshots.js';
import type { DrawContext } from './context.js';
import { plural } from './label.js';
import { drawListpack, ROLES } from './listpack.js';
import { layoutQuicklist, QL, type QuicklistBox } from './quicklistLayout.js';

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * A quicklist: its nodes as a doubly linked row (entries, listpack bytes, LZF-compressed ones
 * hatched with their compressed size), and below it the opened node's listpack byte by byte.
 * Clicking a node opens it.
 */
export function drawQuicklist(root: G, s: QuicklistStructure, ctx: DrawContext): { height: number } {
  const l = layoutQuicklist(s);
  const opened = s.open?.index ?? -1;
  const row = root.selectAll<SVGGElement, null>('g.ql-row').data([null]).join('g').attr('class', 'ql-row');

  const boxes = row
    .selectAll<SVGGElement, QuicklistBox>('g.qnode')
    .data(l.boxes, (b) => String(b.node.index))
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('class', 'bg');
      g.append('text').attr('class', 'name');
      g.append('text').attr('class', 'count');
      g.append('text').attr('class', 'bytes');
      g.append('title');
      return g;
    })
    .attr('class', (b) => `qnode${b.node.compressed ? ' compressed' : ''}${b.node.index === opened ? ' open' : ''}`)
    .attr('data-testid', 'quicklist-node')
    .attr('transform', (b) => `translate(${b.x},${QL.top})`)
    .on('click', (_e, b) => ctx.onPick({ kind: 'node', index: b.node.index }));
  boxes.select('rect.bg').attr('width', QL.nodeW).attr('height', QL.nodeH).attr('rx', 4);
  boxes
    .select('text.name')
    .attr('x', 6)
    .attr('y', 13)
    .text((b) => `node ${b.node.index}${b.node.index === 0 ? ' · head' : b.node.index === s.nodeCount - 1 ? ' · tail' : ''}`);
  boxes
    .select('text.count')
    .attr('x', 6)
    .attr('y', 29)
    .text((b) => plural(b.node.count, 'entry', 'entries'));
  boxes
    .select('text.bytes')
    .attr('x', 6)
    .attr('y', 44)
    .text((b) => (b.node.compressed ? `LZF ${b.node.compressedBytes} B of ${b.node.bytes}` : `listpack ${b.node.bytes} B`));
  boxes
    .select('title')
    .text((b) => (b.node.compressed ? 'Compressed: deeper than list-compress-depth from both ends. Click to see its listpack.' : 'Click to see its listpack'));

  const links = l.boxes.slice(1).map((b, i) => ({ from: l.boxes[i]!.x + QL.nodeW + 2, to: b.x - 2, id: String(b.node.index) }));
  const linkSel = row
    .selectAll<SVGGElement, (typeof links)[number]>('g.link')
    .data(links, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'link');
      g.append('line').attr('class', 'next').attr('marker-end', 'url(#viz-arrow)');
      g.append('line').attr('class', 'prev').attr('marker-end', 'url(#viz-arrow)');
      return g;
    });
  linkSel
    .select('line.next')
    .attr('x1', (d) => d.from)
    .attr('x2', (d) => d.to)
    .attr('y1', QL.top + 18)
    .attr('y2', QL.top + 18);
  linkSel
    .select('line.prev')
    .attr('x1', (d) => d.to)
    .attr('x2', (d) => d.from)
    .attr('y1', QL.top + 34)
    .attr('y2', QL.top + 34);
  const more: Array<{ id: 'before' | 'after'; count: number; x: number }> = [];
  if (l.before !== null) more.push({ id: 'before', ...l.before });
  if (l.after !== null) more.push({ id: 'after', ...l.after });
  row
    .selectAll<SVGTextElement, (typeof more)[number]>('text.more')
    .data(more, (m) => m.id)
    .join('text')
    .attr('class', 'more')
    .attr('x', (m) => m.x + (m.id === 'before' ? 4 : 0))
    .attr('y', QL.top + QL.nodeH / 2 + 4)
    .text((m) => (m.id === 'before' ? `${m.count} ⋯` : `⋯ ${m.count}`));

  const caption = s.open === null ? `node ${opened < 0 ? '' : opened} is a plain node: one big element outside any listpack` : `node ${opened}'s listpack`;
  root
    .selectAll<SVGTextElement, string>('text.ql-caption')
    .data([caption])
    .join('text')
    .attr('class', 'ql-caption')
    .attr('x', QL.pad)
    .attr('y', l.listpackY - 8)
    .text((d) => d);
  const lpRoot = select(root.selectAll<SVGGElement, null>('g.ql-listpack').data([null]).join('g').attr('class', 'ql-listpack').attr('transform', `translate(0,${l.listpackY})`).node()!);
  if (s.open === null) {
    lpRoot.selectChildren().remove();
    return { height: l.listpackY };
  }
  const prev = ctx.previous?.kind === 'quicklist' && ctx.previous.key === s.key && ctx.previous.open?.index === opened ? ctx.previous.open.listpack : null;
  const { height } = drawListpack(lpRoot, s.open.listpack, ROLES.list, ctx, prev);
  return { height: l.listpackY + height };
}
