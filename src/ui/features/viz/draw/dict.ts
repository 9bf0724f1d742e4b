import { select, type Selection } from 'd3';
import type { DictStructureBase } from '../../../../protocol/snapshots.js';
import type { DrawContext } from './context.js';
import { DT, layoutDict, type DictBucketCell, type DictSection } from './dictLayout.js';
import { label, plural } from './label.js';

type G = Selection<SVGGElement, unknown, null, undefined>;

const MOVE_MS = 500;
const FLASH_MS = 900;

/**
 * A dict: table 0 and, while rehashing, table 1. Each has an overview of every bucket (darker
 * where more are in use) with the window marked, then the window's buckets with their chains.
 * While rehashing, the buckets of table 0 below rehashidx are empty: their entries already
 * moved to table 1. The rehash index slides as commands (one bucket each) and serverCron move it.
 */
export function drawDict(root: G, d: DictStructureBase, ctx: DrawContext): { height: number } {
  const l = layoutDict(d, ctx.width);
  const prev = ctx.previous?.kind === 'hashtable' && ctx.previous.key === d.key ? ctx.previous : null;
  const prevLayout = prev === null ? null : layoutDict(prev, ctx.width);
  const knownKeys = new Set(prev?.tables.flatMap((t, i) => t.buckets.flatMap((b) => b.keys.map((k) => `${i}\u0000${k}`))));

  const sections = root
    .selectAll<SVGGElement, DictSection>('g.dt-section')
    .data(l.sections, (s) => String(s.table))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'dt-section');
      g.append('text').attr('class', 'title');
      g.append('g').attr('class', 'overview').append('title').text('Every bucket of the table, darker where more are in use; the blue box marks the buckets drawn below');
      g.append('rect').attr('class', 'window');
      g.append('g').attr('class', 'rehash').append('line');
      g.append('g').attr('class', 'buckets');
      return g;
    })
    .attr('data-testid', (s) => `dict-table-${s.table}`);

  sections.each(function (s) {
    const g = select(this);
    const t = d.tables[s.table];
    g.select('text.title')
      .attr('x', DT.pad)
      .attr('y', s.y + 11)
      .text(title(d, s.table));
    const occupancy = t.occupancy;
    const binW = l.overviewW / Math.max(1, occupancy.length);
    g.select('g.overview')
      .selectAll<SVGRectElement, number>('rect.bin')
      .data(occupancy)
      .join('rect')
      .attr('class', 'bin')
      .attr('x', (_v, i) => DT.pad + i * binW)
      .attr('y', s.y + DT.titleH)
      .attr('width', Math.max(1, binW - 0.5))
      .attr('height', DT.overviewH)
      .style('fill-opacity', (v) => 0.08 + 0.92 * v);
    g.select('rect.window')
      .attr('x', s.windowX)
      .attr('y', s.y + DT.titleH - 2)
      .attr('width', s.windowW)
      .attr('height', DT.overviewH + 4);
    const marker = g.select<SVGGElement>('g.rehash').attr('display', s.rehashX === null ? 'none' : 'inline');
    if (s.rehashX !== null) {
      const placeMarker = (x: number) => {
        marker.select('line').attr('x1', x).attr('x2', x).attr('y1', s.y + DT.titleH - 4).attr('y2', s.y + DT.titleH + DT.overviewH + 4);
      };
      placeMarker(s.rehashX);
      const before = prevLayout?.sections.find((p) => p.table === s.table)?.rehashX ?? null;
      const sameTables = prev !== null && prev.tables[0].size === d.tables[0].size;
      if (before !== null && sameTables && before !== s.rehashX) {
        const to = s.rehashX;
        ctx.animate(MOVE_MS, (p) => placeMarker(before + (to - before) * p));
      }
    }
    drawBuckets(g.select<SVGGElement>('g.buckets'), s, ctx, prev === null ? null : knownKeys);
  });
  return { height: l.height };
}

function title(d: DictStructureBase, table: 0 | 1): string {
  const t = d.tables[table];
  if (table === 0 && t.size === 0) return 'ht[0] · no table yet: the first entry allocates 4 buckets';
  const head = `ht[${table}] · ${plural(t.size, 'bucket')} · ${plural(t.used, 'entry', 'entries')}`;
  if (d.rehashIdx < 0) return `${head} · load ${(t.used / Math.max(1, t.size)).toFixed(2)}`;
  return table === 0 ? `${head} · rehashidx ${d.rehashIdx}: buckets before it have moved to ht[1]` : `${head} · filled bucket by bucket by the rehash`;
}

function drawBuckets(g: G, s: DictSection, ctx: DrawContext, known: Set<string> | null): void {
  const cells = g
    .selectAll<SVGGElement, DictBucketCell>('g.bucket')
    .data(s.cells, (c) => String(c.bucket.index))
    .join((enter) => {
      const b = enter.append('g');
      b.append('rect').attr('class', 'slot');
      b.append('text').attr('class', 'idx');
      b.append('text').attr('class', 'fill');
      b.append('g').attr('class', 'chain');
      b.append('text').attr('class', 'more');
      return b;
    })
    .attr('class', (c) => `bucket${c.bucket.length === 0 ? ' empty' : ''}${c.moved ? ' moved' : ''}`)
    .attr('data-testid', 'dict-bucket')
    .attr('transform', (c) => `translate(${c.x},${s.rowY})`);
  const w = DT.cellW - 6;
  cells.select('rect.slot').attr('width', w).attr('height', DT.cellH).attr('rx', 3);
  cells
    .select('text.idx')
    .attr('x', w / 2)
    .attr('y', -3)
    .text((c) => String(c.bucket.index));
  cells
    .select('text.fill')
    .attr('x', w / 2)
    .attr('y', 13)
    .text((c) => (c.bucket.length === 0 ? 'NULL' : plural(c.bucket.length, 'entry', 'entries')));
  cells.each(function (c) {
    const chain = select(this)
      .select('g.chain')
      .selectAll<SVGGElement, string>('g.entry')
      .data(c.bucket.keys, (k) => k)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'entry');
        e.append('line');
        e.append('rect');
        e.append('text');
        return e;
      })
      .attr('transform', (_k, i) => `translate(0,${DT.cellH + DT.chainGap + i * (DT.chainH + DT.chainGap)})`);
    chain.select('line').attr('x1', w / 2).attr('x2', w / 2).attr('y1', -DT.chainGap).attr('y2', 0);
    chain.select('rect').attr('width', w).attr('height', DT.chainH).attr('rx', 2);
    chain
      .select('text')
      .attr('x', 4)
      .attr('y', 11)
      .text((k) => label(k, 8));
    chain.each(function (k) {
      if (known === null || known.has(`${c.table}\u0000${k}`)) return;
      const r = select(this).select('rect');
      ctx.animate(FLASH_MS, (p) => r.classed('flash', p < 1));
    });
    const extra = c.bucket.length - c.bucket.keys.length;
    select(this)
      .select('text.more')
      .attr('x', w / 2)
      .attr('y', DT.cellH + DT.chainGap + c.bucket.keys.length * (DT.chainH + DT.chainGap) + 10)
      .text(extra > 0 ? `+${extra} more` : '');
  });
}
