import type { EngineEventBatch } from '../../../protocol/events.js';
import type { MetricPoint, ScenarioEventData, ScenarioLoadResult, ScenarioSnapshot, ScenarioSource, ScenarioState } from '../../../protocol/scenario.js';
import type { EngineClient } from '../../client/engineClient.js';
import { useSettingsStore } from '../../stores/settingsStore.js';
import { useScenarioStore, type LogEvent, type ScenarioStore } from './scenarioStore.js';

/** Samples kept for the charts: one hour at one per 100 ms, the longest a scenario runs. */
const MAX_SAMPLES = 36_000;
/** Lines of what the scenario's `redis` blocks ran, kept for the panel. */
const MAX_LOG = 500;

/**
 * The UI's side of the scenario runner: the calls to the worker, and what the event batches
 * bring (samples, events, where the run stands) folded into the scenario store. Samples stay
 * in an array here rather than in the store: a run has tens of thousands, appended a few per
 * frame, and the charts read them in place.
 */
export class ScenarioController {
  readonly samples: MetricPoint[] = [];
  private run = -1;

  constructor(private readonly engine: EngineClient) {
    engine.onBatch((b) => this.onBatch(b));
  }

  private get api() {
    return this.engine.api;
  }

  async loadCatalog(): Promise<void> {
    if (useScenarioStore.getState().catalog !== null) return;
    const catalog = await this.api.scenarioCatalog();
    useScenarioStore.setState({ catalog });
  }

  /** Restart the node with a scenario. The result carries the errors when the text is invalid. */
  async load(source: ScenarioSource): Promise<ScenarioLoadResult> {
    useScenarioStore.setState({ busy: true });
    try {
      const r = await this.api.scenarioLoad(source);
      if (r.ok) {
        this.adopt(r.state, null);
        // The charts are what a scenario is about: bring them to the front.
        useSettingsStore.getState().update({ view: 'metrics' });
      }
      return r;
    } finally {
      useScenarioStore.setState({ busy: false });
    }
  }

  /** A load that failed before reaching the worker's parser (a damaged link) or in it. */
  reportProblem(problem: string | null): void {
    useScenarioStore.setState({ problem, folded: false });
  }

  fold(folded: boolean): void {
    useScenarioStore.setState({ folded });
  }

  async applyFix(index: number, name: string): Promise<ScenarioLoadResult> {
    useScenarioStore.setState({ busy: true });
    try {
      const r = await this.api.scenarioApplyFix(index);
      if (r.ok) this.adopt(r.state, name);
      return r;
    } finally {
      useScenarioStore.setState({ busy: false });
    }
  }

  async runStep(): Promise<void> {
    this.snapshot(await this.api.scenarioRun());
  }

  async pause(): Promise<void> {
    this.snapshot(await this.api.scenarioPause());
  }

  async step(): Promise<void> {
    this.snapshot(await this.api.scenarioStep());
  }

  async reset(): Promise<void> {
    const state = await this.api.scenarioReset();
    if (state !== null) this.adopt(state, useScenarioStore.getState().appliedFix);
  }

  /** Back to the sandbox: the node restarts empty. */
  async close(): Promise<void> {
    await this.api.scenarioClose();
    this.clear();
  }

  viewStep(step: number | null): void {
    useScenarioStore.setState({ viewStep: step });
  }

  private adopt(state: ScenarioState, appliedFix: string | null): void {
    const { snapshot, samples, events, ...loaded } = state;
    this.run = state.run;
    this.samples.length = 0;
    this.samples.push(...samples);
    useScenarioStore.setState((s) => ({
      loaded,
      snapshot,
      log: [],
      stepStarts: [],
      samplesVersion: s.samplesVersion + 1,
      viewStep: null,
      appliedFix,
      problem: null,
      folded: false,
      ...absorbed({ log: [], stepStarts: [] }, events),
    }));
  }

  private clear(): void {
    this.run = -1;
    this.samples.length = 0;
    useScenarioStore.setState((s) => ({ loaded: null, snapshot: null, log: [], stepStarts: [], samplesVersion: s.samplesVersion + 1, viewStep: null, appliedFix: null }));
  }

  private snapshot(snapshot: ScenarioSnapshot | null): void {
    if (snapshot !== null && this.run !== -1) useScenarioStore.setState({ snapshot });
  }

  private onBatch(batch: EngineEventBatch): void {
    const sc = batch.scenario;
    if (sc === undefined) return;
    if (sc.snapshot === null) {
      // Closed in the worker (the header's Reset, an import): the sandbox is back.
      if (sc.run >= this.run && this.run !== -1) this.clear();
      return;
    }
    if (sc.run !== this.run) return;
    if (sc.samples.length > 0) {
      this.samples.push(...sc.samples);
      if (this.samples.length > MAX_SAMPLES) this.samples.splice(0, this.samples.length - MAX_SAMPLES);
    }
    // One store update per batch: every update re-renders the panel and the charts.
    useScenarioStore.setState((s) => ({
      snapshot: sc.snapshot,
      samplesVersion: sc.samples.length > 0 ? s.samplesVersion + 1 : s.samplesVersion,
      ...absorbed(s, sc.events),
    }));
  }
}

/** The store's log and step starts with these events added (nothing when none matter). */
function absorbed(s: Pick<ScenarioStore, 'log' | 'stepStarts'>, events: readonly ScenarioEventData[]): Partial<ScenarioStore> {
  const logged: LogEvent[] = [];
  const starts: Array<[number, number]> = [];
  for (const e of events) {
    if (e.type === 'redis' || e.type === 'problem') logged.push(e);
    else if (e.type === 'step-started') starts.push([e.step, e.at]);
  }
  if (logged.length === 0 && starts.length === 0) return {};
  const stepStarts = [...s.stepStarts];
  for (const [step, at] of starts) stepStarts[step] = at;
  return { log: logged.length === 0 ? s.log : [...s.log, ...logged].slice(-MAX_LOG), stepStarts };
}

const controllers = new WeakMap<EngineClient, ScenarioController>();

/** The controller of this engine: the panel and the charts share it. */
export function scenarioController(engine: EngineClient): ScenarioController {
  let c = controllers.get(engine);
  if (c === undefined) {
    c = new ScenarioController(engine);
    controllers.set(engine, c);
  }
  return c;
}
