import { Simulation } from '../simulation.js';
import type { Scenario } from './format.js';
import { ScenarioRunner } from './runner.js';

/**
 * A runner on a Simulation whose host clock never moves: virtual time passes only as the
 * runner plays, as fast as the CPU allows. What tests, benchmarks and "check my scenario" use;
 * the browser runs the same runner on the worker's Simulation, paced by a ScenarioPacer.
 */
export function headlessRunner(scenario: Scenario): ScenarioRunner {
  return new ScenarioRunner(new Simulation({ timeSource: () => 0 }), scenario);
}
