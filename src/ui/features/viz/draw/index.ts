import { select, type Selection } from 'd3';
import type { StructureSnapshot } from '../../../../protocol/snapshots.js';
import type { DrawContext } from './context.js';
import { drawDict } from './dict.js';
import { dictCapacity } from './dictLayout.js';
import { drawIntset } from './intset.js';
import { intsetCapacity } from './intsetLayout.js';
import { drawListpack, ROLES } from './listpack.js';
import { listpackCapacity } from './listpackLayout.js';
import { drawQuicklist } from './quicklist.js';
import { quicklistCapacity, quicklistListpackHeight } from './quicklistLayout.js';
import { drawSkiplist } from './skiplist.js';
import { skiplistCapacity } from './skiplistLayout.js';

/*
 * The structure views' d3 code, loaded on demand (it carries d3): `drawStructure(svg, snapshot)`
 * draws whatever encoding the snapshot holds; `capacity` says how much of it fits.
 */

/** How long the drawing of a key's previous encoding takes to slide away (virtual ms). */
const LEAVE_MS = 900;

/** What a view of this size should ask for: elements, entries, nodes or buckets. */
export interface Capacity {
  count: number;
  /** Entries of a quicklist's opened node. */
  openCount: number;
}

export function capacity(s: StructureSnapshot, width: number, height: number): Capacity {
  const openCount = s.kind === 'quicklist' ? listpackCapacity(width, quicklistListpackHeight(height), 1) : 0;
  return { count: count(s, width, height), openCount };
}

function count(s: StructureSnapshot, width: number, height: number): number {
  switch (s.kind) {
    case 'skiplist':
      return skiplistCapacity(width);
    case 'listpack':
      return listpackCapacity(width, height, s.stride);
    case 'intset':
      return intsetCapacity(width, height, s.encodingBits);
    case 'hashtable':
      return dictCapacity(width);
    case 'quicklist':
      return quicklistCapacity(width);
    default:
      return 16;
  }
}

/**
 * Draw a snapshot into the svg. When the key changed encoding since the last drawing (a
 * listpack became a skiplist), the old picture slides away while the new one comes in.
 */
export function drawStructure(svg: SVGSVGElement, s: StructureSnapshot, ctx: DrawContext): void {
  const root = select(svg);
  defineMarkers(root);
  const kind = s.kind;
  const found = svg.querySelector<SVGGElement>('g.viz-root:not(.leaving)');
  let g: Selection<SVGGElement, unknown, null, undefined>;
  if (found !== null && found.dataset.kind === kind) {
    g = select(found);
  } else {
    // Another encoding of the same key slides away; another key's drawing just goes.
    if (found !== null && ctx.previous !== null) leave(select(found), ctx);
    else found?.remove();
    g = select(root.append('g').attr('class', 'viz-root').attr('data-kind', kind).node()!);
  }
  let height = 0;
  switch (s.kind) {
    case 'skiplist':
      height = drawSkiplist(g, s, ctx).height;
      break;
    case 'listpack': {
      const before = ctx.previous?.kind === 'listpack' && ctx.previous.key === s.key ? ctx.previous.listpack : null;
      height = drawListpack(g, s.listpack, s.type === 'zset' ? ROLES.zset : s.type === 'hash' ? ROLES.hash : ROLES.list, ctx, before).height;
      break;
    }
    case 'intset':
      height = drawIntset(g, s, ctx).height;
      break;
    case 'hashtable':
      height = drawDict(g, s, ctx).height;
      break;
    case 'quicklist':
      height = drawQuicklist(g, s, ctx).height;
      break;
    default:
      g.selectChildren().remove();
  }
  root.attr('width', ctx.width).attr('height', Math.max(height, ctx.height));
}

/** The previous encoding's picture fades out downwards, then goes. */
function leave(old: Selection<SVGGElement, unknown, null, undefined>, ctx: DrawContext): void {
  old.classed('leaving', true).attr('aria-hidden', 'true');
  old.selectAll('[data-testid]').attr('data-testid', null);
  ctx.animate(LEAVE_MS, (p) => {
    old.style('opacity', 1 - p).attr('transform', `translate(0,${p * 40})`);
    if (p >= 1) old.remove();
  });
}

function defineMarkers(root: Selection<SVGSVGElement, unknown, null, undefined>): void {
  if (!root.select('defs').empty()) return;
  const defs = root.append('defs');
  for (const [id, cls] of [
    ['viz-arrow', 'arrow'],
    ['viz-arrow-hot', 'arrow hot'],
  ] as const) {
    defs
      .append('marker')
      .attr('id', id)
      .attr('viewBox', '0 0 8 8')
      .attr('refX', 7)
      .attr('refY', 4)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('markerWidth', id === 'viz-arrow' ? 7 : 9)
      .attr('markerHeight', id === 'viz-arrow' ? 7 : 9)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('class', cls)
      .attr('d', 'M0,0 L8,4 L0,8 z');
  }
}
