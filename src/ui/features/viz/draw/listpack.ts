import { select, type Selection } from 'd3';
import type { ListpackSnapshot } from '../../../../protocol/snapshots.js';
import type { DrawContext } from './context.js';
import { label, plural } from './label.js';
import { entryBytes, layoutListpack, LP, type ListpackCard, type RulerPart } from './listpackLayout.js';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** What the entries of a listpack are, by position in an element. */
export type Roles = readonly string[];

export const ROLES: Record<'hash' | 'zset' | 'list', Roles> = {
  hash: ['field', 'value'],
  zset: ['member', 'score'],
  list: ['entry'],
};

const FLASH_MS = 900;

/**
 * A listpack as bytes: the ruler is the whole buffer to scale (header, entries, EOF) with the
 * window's entries marked; each card is one entry split into its encoding byte(s), its data
 * and its backlen, with the encoding's name and the entry's size and offset. Entries that were
 * not there before flash once.
 */
export function drawListpack(root: G, lp: ListpackSnapshot, roles: Roles, ctx: DrawContext, before: ListpackSnapshot | null): { height: number } {
  const l = layoutListpack(lp, ctx.width);
  const known = new Set(before?.entries.map((e) => `${e.index % roles.length}\u0000${e.value}`));

  const ruler = root.selectAll<SVGGElement, null>('g.lp-ruler').data([null]).join('g').attr('class', 'lp-ruler');
  ruler
    .selectAll<SVGRectElement, RulerPart>('rect.rp')
    .data(l.ruler)
    .join('rect')
    .attr('class', (r) => `rp ${r.kind}${r.kind === 'entry' ? ` role${r.index % roles.length}` : ''}`)
    .attr('x', (r) => r.x)
    .attr('y', LP.pad)
    .attr('width', (r) => Math.max(1, r.w))
    .attr('height', LP.rulerH);
  ruler
    .selectAll<SVGTextElement, string>('text.ruler-label')
    .data([`0`, `lpBytes = ${plural(lp.totalBytes, 'byte')} (${lp.allocBytes} B allocated)`])
    .join('text')
    .attr('class', (_d, i) => `ruler-label ${i === 0 ? 'ruler-start' : 'ruler-end'}`)
    .attr('x', (_d, i) => (i === 0 ? LP.pad : LP.pad + l.rulerW))
    .attr('y', LP.pad + LP.rulerH + 13)
    .text((d) => d);

  const legend = ruler
    .selectAll<SVGGElement, [string, string]>('g.legend')
    .data<[string, string]>([
      ['enc', 'encoding'],
      ['data', 'data'],
      ['back', 'backlen'],
    ])
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('width', 10).attr('height', 10).attr('y', -9);
      g.append('text').attr('x', 13);
      return g;
    })
    .attr('class', (d) => `legend part ${d[0]}`)
    .attr('transform', (_d, i) => `translate(${LP.pad + 24 + i * 76},${LP.pad + LP.rulerH + 13})`);
  legend.select<SVGTextElement>('text').text((d) => d[1]);

  const cards = root
    .selectAll<SVGGElement, null>('g.lp-cards')
    .data([null])
    .join('g')
    .attr('class', 'lp-cards')
    .selectAll<SVGGElement, ListpackCard>('g.card')
    .data(l.cards, (c) => c.id)
    .join((enter) => enter.append('g').attr('class', 'card'))
    .attr('class', (c) => `card ${c.kind}${c.entry === null ? '' : ` role${c.entry.index % roles.length}`}`)
    .attr('data-testid', (c) => (c.kind === 'entry' ? 'listpack-entry' : null))
    .attr('transform', (c) => `translate(${c.x},${c.y})`);
  cards.each(function (c) {
    drawCard(select(this), c, lp, roles);
  });
  cards.each(function (c) {
    if (c.entry === null || before === null || known.has(`${c.entry.index % roles.length}\u0000${c.entry.value}`)) return;
    const bg = select(this).select('rect.bg');
    ctx.animate(FLASH_MS, (p) => bg.classed('flash', p < 1).style('stroke-width', `${1 + 2 * (1 - p)}px`));
  });
  return { height: l.height };
}

function drawCard(g: G, c: ListpackCard, lp: ListpackSnapshot, roles: Roles): void {
  g.selectAll('rect.bg')
    .data([null])
    .join('rect')
    .attr('class', 'bg')
    .attr('width', c.w)
    .attr('height', LP.cardH)
    .attr('rx', 4)
    .style('stroke-width', null);
  const lines: Array<[string, string]> = [];
  const e = c.entry;
  if (c.kind === 'header') lines.push(['role', 'header · 6 B'], ['value', `${lp.totalBytes} B, ${lp.numEntries}`], ['enc', 'total · count']);
  else if (c.kind === 'eof') lines.push(['role', 'EOF'], ['value', '0xFF'], ['enc', '1 B']);
  else if (c.kind === 'more') lines.push(['role', '⋯'], ['value', plural(c.hidden!.entries, 'entry', 'entries')], ['enc', `${c.hidden!.bytes} B`]);
  else if (e !== null) {
    lines.push(
      ['role', `${roles[e.index % roles.length]} #${e.index}`],
      ['value', label(e.value, 12, e.encoding.startsWith('str') ? e.dataBytes : e.value.length)],
      ['enc', `${e.encoding} · ${entryBytes(e)} B @${e.offset}`],
    );
  }
  g.selectAll<SVGTextElement, [string, string]>('text.line')
    .data(lines, (d) => d[0])
    .join('text')
    .attr('class', (d) => `line ${d[0]}`)
    .attr('x', 6)
    .attr('y', (d) => (d[0] === 'role' ? 13 : d[0] === 'value' ? 29 : LP.cardH - 6))
    .text((d) => d[1]);
  const parts = g
    .selectAll<SVGGElement, ListpackCard['parts'][number]>('g.part')
    .data(c.parts, (p) => p.name)
    .join((enter) => {
      const p = enter.append('g').attr('class', 'part');
      p.append('rect');
      p.append('text');
      p.append('title');
      return p;
    })
    .attr('class', (p) => `part ${p.name}`)
    .attr('transform', (p) => `translate(${6 + p.x},35)`);
  parts.select('rect').attr('width', (p) => Math.max(1, p.w - 1)).attr('height', 12);
  parts
    .select('text')
    .attr('x', (p) => p.w / 2)
    .attr('y', 10)
    .text((p) => (p.w >= 12 ? String(p.bytes) : ''));
  parts.select('title').text((p) => `${PART_NAMES[p.name] ?? p.name}: ${plural(p.bytes, 'byte')}`);
}

const PART_NAMES: Record<string, string> = {
  enc: 'encoding (type and, for strings, length)',
  data: 'data',
  back: 'backlen (size of encoding + data, for walking backwards)',
  total: 'total bytes (uint32)',
  count: 'number of entries (uint16)',
  eof: 'end marker 0xFF',
};
