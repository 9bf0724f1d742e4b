/**
 * The scenario engine's public surface, for the worker and the UI: parse and serialize the
 * format, play a scenario on a Simulation (headless or paced in real time), and the plain-data
 * types that cross the worker boundary.
 */
export { LIMITS } from './format.js';
export type * from './format.js';
export { parseScenario, type ParseResult, type LineError } from './parse.js';
export { serializeScenario } from './serialize.js';
export { ScenarioRunner } from './runner.js';
export type * from './runnerTypes.js';
export { ScenarioPacer } from './pacer.js';
export { headlessRunner } from './headless.js';
export { SCENARIO_EPOCH } from './world.js';
export { formatMetric } from './goals.js';
export { METRICS, type MetricDef, type MetricKind } from '../metrics/catalog.js';
export { SAMPLE_MS } from '../metrics/recorder.js';
export type { MetricSample } from '../metrics/sample.js';
