import { select, type Selection } from 'd3';
import type { IntsetStructure } from '../../../../protocol/snapshots.js';
import type { DrawContext } from './context.js';
import { label } from './label.js';
import { IS, layoutIntset, type IntsetCell } from './intsetLayout.js';

type G = Selection<SVGGElement, unknown, null, undefined>;

const UPGRADE_MS = 1200;
const FLASH_MS = 900;

/**
 * An intset as memory: the 8-byte header, then every value in a cell as wide as the encoding
 * (one tick per byte), sorted. When a value needs a wider encoding every cell widens at once:
 * the upgrade rewrites the whole array (intsetUpgradeAndAdd).
 */
export function drawIntset(root: G, s: IntsetStructure, ctx: DrawContext): { height: number } {
  const l = layoutIntset(s, ctx.width);
  const prev = ctx.previous?.kind === 'intset' && ctx.previous.key === s.key ? ctx.previous : null;
  const old = prev === null ? null : new Map(layoutIntset(prev, ctx.width).cells.map((c) => [c.id, c]));
  const upgraded = prev !== null && prev.encodingBits < s.encodingBits;

  root
    .selectAll<SVGTextElement, string>('text.is-caption')
    .data([`${s.blobBytes} B blob = 8 B header + ${s.length} × ${s.encodingBits / 8} B · ${s.allocBytes} B allocated`])
    .join('text')
    .attr('class', 'is-caption')
    .attr('x', IS.pad)
    .attr('y', 18)
    .text((d) => d);

  const cells = root
    .selectAll<SVGGElement, null>('g.is-cells')
    .data([null])
    .join('g')
    .attr('class', 'is-cells')
    .selectAll<SVGGElement, IntsetCell>('g.cell')
    .data(l.cells, (c) => c.id)
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('class', 'bg');
      g.append('g').attr('class', 'ticks');
      g.append('text').attr('class', 'value');
      g.append('text').attr('class', 'idx');
      return g;
    })
    .attr('class', (c) => `cell ${c.kind}`)
    .attr('data-testid', (c) => (c.kind === 'value' ? 'intset-value' : null))
    .attr('transform', (c) => `translate(${c.x},${c.y})`);
  cells.each(function (c) {
    shape(select(this), c, c.w);
  });

  cells.each(function (c) {
    const g = select(this);
    const was = old?.get(c.id);
    if (upgraded && was !== undefined) {
      ctx.animate(UPGRADE_MS, (p) => {
        g.attr('transform', `translate(${was.x + (c.x - was.x) * p},${was.y + (c.y - was.y) * p})`);
        shape(g, c, was.w + (c.w - was.w) * p);
      });
    } else if (old !== null && was === undefined && c.kind === 'value') {
      const bg = g.select('rect.bg');
      ctx.animate(FLASH_MS, (p) => bg.classed('flash', p < 1), upgraded ? UPGRADE_MS : 0);
    }
  });
  return { height: l.height };
}

/** Draw a cell at width `w`: the box, one tick per byte, the value and its index. */
function shape(g: G, c: IntsetCell, w: number): void {
  g.select('rect.bg').attr('width', w).attr('height', IS.cellH).attr('rx', 3);
  const per = w / c.bytes;
  g.select('g.ticks')
    .selectAll<SVGLineElement, number>('line')
    .data(Array.from({ length: c.bytes - 1 }, (_, i) => i + 1))
    .join('line')
    .attr('x1', (i) => i * per)
    .attr('x2', (i) => i * per)
    .attr('y1', IS.cellH - 8)
    .attr('y2', IS.cellH);
  g.select('text.value')
    .attr('x', w / 2)
    .attr('y', 20)
    .text(label(c.text, Math.max(3, Math.floor(w / 7.5))));
  g.select('text.idx')
    .attr('x', w / 2)
    .attr('y', IS.cellH - 11)
    .text(c.kind === 'encoding' ? 'encoding · 4 B' : c.kind === 'length' ? 'length · 4 B' : `[${c.index}]`);
}
