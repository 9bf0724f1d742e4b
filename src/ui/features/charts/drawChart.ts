import { axisBottom, axisLeft, line, scaleLinear, select } from 'd3';
import { formatClock, formatValue, type ChartSeries } from './series.js';

export interface ChartFrame {
  width: number;
  height: number;
  from: number;
  to: number;
  /** When each step started (virtual ms), by step index. */
  stepStarts: readonly number[];
  /** Only the bottom chart labels the time axis; the others share it. */
  timeAxis: boolean;
  /** The time under the pointer, drawn as a rule across every chart. */
  hoverT: number | null;
}

export const MARGIN = { top: 6, right: 12, bottom: 20, left: 58 };

/**
 * One metric chart: `draw(svg, series)` in d3's terms, React only mounts the <svg>. The whole
 * content is rebuilt on each call (a few hundred points at most, once per frame): simpler than
 * joins, and cheap at this size. Labels are set with .text(), so nothing becomes markup.
 */
export function drawChart(el: SVGSVGElement, s: ChartSeries, f: ChartFrame): void {
  const svg = select(el);
  svg.selectAll('*').remove();
  svg.attr('width', f.width).attr('height', f.height).attr('viewBox', `0 0 ${f.width} ${f.height}`);
  const w = Math.max(10, f.width - MARGIN.left - MARGIN.right);
  const h = Math.max(10, f.height - MARGIN.top - MARGIN.bottom);
  const x = scaleLinear().domain([f.from, f.to]).range([0, w]);
  const y = scaleLinear().domain([0, yTop(s)]).range([h, 0]).nice(4);
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);

  const yAxis = axisLeft(y)
    .ticks(s.def.unit === 'ratio' ? 2 : 3)
    .tickSize(-w)
    .tickFormat((d) => formatValue(Number(d), s.def.unit));
  g.append('g').attr('class', 'grid').call(yAxis).call((a) => a.select('.domain').remove());
  const xAxis = axisBottom(x)
    .ticks(Math.max(2, Math.floor(w / 70)))
    .tickSize(f.timeAxis ? 4 : 0)
    .tickFormat((d) => (f.timeAxis ? formatClock(Number(d)) : ''));
  g.append('g').attr('class', 'time-axis').attr('transform', `translate(0,${h})`).call(xAxis);

  f.stepStarts.forEach((at, step) => {
    if (at === undefined || at < f.from || at > f.to) return;
    const sx = x(at);
    g.append('line').attr('class', 'step-rule').attr('x1', sx).attr('x2', sx).attr('y1', 0).attr('y2', h);
    if (s.def.id === 'backend') g.append('text').attr('class', 'step-label').attr('x', sx + 3).attr('y', 10).text(`Step ${step + 1}`);
  });

  if (s.reference !== null) {
    const ry = y(s.reference.value);
    g.append('line').attr('class', 'reference').attr('x1', 0).attr('x2', w).attr('y1', ry).attr('y2', ry);
    g.append('text').attr('class', 'reference-label').attr('x', w - 4).attr('y', ry - 4).attr('text-anchor', 'end').text(s.reference.label);
  }

  const path = line<{ t: number; v: number | null }>()
    .defined((p) => p.v !== null)
    .x((p) => x(p.t))
    .y((p) => y(p.v!));
  g.append('path').datum(s.points).attr('class', `series series-${s.def.id}`).attr('d', path);

  if (f.hoverT !== null && f.hoverT >= f.from && f.hoverT <= f.to) {
    const hx = x(f.hoverT);
    g.append('line').attr('class', 'hover-rule').attr('x1', hx).attr('x2', hx).attr('y1', 0).attr('y2', h);
  }
}

/** The top of the y axis: room above the highest value and above the reference line. */
function yTop(s: ChartSeries): number {
  if (s.def.unit === 'ratio') return 1;
  const top = Math.max(s.max ?? 0, s.reference?.value ?? 0);
  return top > 0 ? top * 1.1 : 1;
}

/** The time (virtual ms) at a horizontal position in a chart drawn with this frame. */
export function timeAt(px: number, f: Pick<ChartFrame, 'width' | 'from' | 'to'>): number {
  const w = Math.max(10, f.width - MARGIN.left - MARGIN.right);
  return f.from + ((px - MARGIN.left) / w) * (f.to - f.from);
}
