import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../client/hooks.js';
import { scenarioController } from '../scenarios/scenarioController.js';
import type { ScenarioStore } from '../scenarios/scenarioStore.js';
import { drawChart, timeAt, type ChartFrame } from './drawChart.js';
import { chartsModel, formatClock, formatValue, type ChartSeries } from './series.js';
import { useFrameState } from './useFrameState.js';
import './charts.css';

type Span = 'run' | 30_000 | 120_000;
const SPANS: Array<{ id: Span; label: string }> = [
  { id: 'run', label: 'Whole run' },
  { id: 120_000, label: 'Last 2 min' },
  { id: 30_000, label: 'Last 30 s' },
];
/** The shortest stretch of time a chart spans, so the first seconds do not fill the width. */
const MIN_SPAN_MS = 10_000;
/** Two caption lines above each chart. */
const HEADER_PX = 34;

const chartInputs = (s: ScenarioStore) => ({ loaded: s.loaded, snapshot: s.snapshot, stepStarts: s.stepStarts, version: s.samplesVersion });

/**
 * The scenario's metrics over virtual time: database queries against the database's capacity,
 * hit ratio, p99 latency and errors, one chart each on a shared time axis. The right edge is the
 * scenario's present, so the charts move while it plays and stand still while it is paused.
 */
export default function MetricsView() {
  const { engine } = useServices();
  const controller = scenarioController(engine);
  const { loaded, snapshot, stepStarts, version } = useFrameState(chartInputs);
  const [span, setSpan] = useState<Span>('run');
  const [hoverT, setHoverT] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const el = box.current;
    if (el === null) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [loaded === null]);

  const now = snapshot?.time ?? 0;
  const to = span === 'run' ? Math.max(now, MIN_SPAN_MS) : Math.max(now, span);
  const from = span === 'run' ? 0 : to - span;
  const step = snapshot?.step ?? -1;
  const stepFrom = step >= 0 ? (stepStarts[step] ?? null) : null;
  const model = useMemo(
    () => chartsModel(controller.samples, { from, to, maxPoints: Math.max(50, size.width), capacityQps: snapshot?.backend.capacityQps ?? null, stepFrom }),
    // The samples array is mutated in place; `version` says when it changed.
    [controller, version, from, to, size.width, snapshot?.backend.capacityQps, stepFrom],
  );

  if (loaded === null || snapshot === null) {
    return (
      <div className="metrics-empty" data-testid="metrics-empty">
        <p>
          <strong>Metrics come from a scenario.</strong>
        </p>
        <p className="dim">Pick one in the Scenario panel on the right: its application traffic, cache hit ratio, latency and the database behind the cache are charted here as the scenario plays.</p>
      </div>
    );
  }

  const chartHeight = Math.max(60, Math.floor(size.height / model.series.length) - HEADER_PX);
  return (
    <div className="metrics" data-testid="metrics">
      <div className="metrics-toolbar">
        <span className="dim">
          Virtual time <span className="mono">{formatClock(now)}</span>
          {snapshot.status === 'playing' ? '' : ' · paused'}
        </span>
        <div className="spacer" />
        <div className="segmented" role="radiogroup" aria-label="Time window">
          {SPANS.map((s) => (
            <button key={String(s.id)} role="radio" aria-checked={span === s.id} onClick={() => setSpan(s.id)}>
              {s.label}
            </button>
          ))}
        </div>
      </div>
      <div className="metrics-charts" ref={box} onPointerLeave={() => setHoverT(null)}>
        {size.width > 0 &&
          model.series.map((s, i) => (
            <Chart
              key={s.def.id}
              series={s}
              frame={{ width: size.width, height: chartHeight, from: model.from, to: model.to, stepStarts, timeAxis: i === model.series.length - 1, hoverT }}
              step={step}
              onHover={setHoverT}
            />
          ))}
      </div>
    </div>
  );
}

function Chart({ series, frame, step, onHover }: { series: ChartSeries; frame: ChartFrame; step: number; onHover: (t: number | null) => void }) {
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (svg.current !== null) drawChart(svg.current, series, frame);
  }, [series, frame]);
  const unit = series.def.unit;
  const shown = frame.hoverT === null ? series.last : valueAt(series, frame.hoverT);
  const worst = series.def.worst === 'max' ? series.max : series.min;
  const over = (v: number | null): boolean => series.reference !== null && v !== null && v > series.reference.value;
  const word = series.def.worst === 'max' ? 'peak' : 'lowest';
  return (
    <figure
      className="chart"
      data-testid={`chart-${series.def.id}`}
      data-peak={series.max ?? ''}
      data-low={series.min ?? ''}
      data-reference={series.reference?.value ?? ''}
      data-points={series.points.length}
    >
      <figcaption title={series.def.help}>
        <div className="caption-main">
          <span className="chart-title">{series.def.title}</span>
          <span className="mono">
            {frame.hoverT === null ? 'now ' : `at ${formatClock(frame.hoverT)} `}
            {shown === null ? '—' : formatValue(shown, unit)}
          </span>
        </div>
        <div className="caption-sub mono dim">
          {worst !== null && (
            <span className={over(worst) ? 'over' : ''} title="Over the time shown">
              {word} {formatValue(worst, unit)}
              {over(worst) && ', over capacity'}
            </span>
          )}
          {series.stepWorst !== null && (
            <span className={over(series.stepWorst) ? 'over' : ''} title="Since the step under way started" data-testid="step-worst" data-value={series.stepWorst}>
              step {step + 1}: {word} {formatValue(series.stepWorst, unit)}
            </span>
          )}
        </div>
      </figcaption>
      <svg
        ref={svg}
        role="img"
        aria-label={`${series.def.title} over virtual time`}
        onPointerMove={(e) => onHover(timeAt(e.clientX - e.currentTarget.getBoundingClientRect().left, frame))}
      />
    </figure>
  );
}

/** The plotted value nearest to `t`. */
function valueAt(s: ChartSeries, t: number): number | null {
  let best: { t: number; v: number | null } | undefined;
  for (const p of s.points) if (best === undefined || Math.abs(p.t - t) < Math.abs(best.t - t)) best = p;
  return best?.v ?? null;
}
