import { useEffect, useState } from 'react';
import { useScenarioStore, type ScenarioStore } from '../scenarios/scenarioStore.js';

/**
 * A slice of the scenario store, taken at most once per animation frame. The charts redraw
 * from it: a scenario playing fast updates the store with every event batch, and redrawing
 * four d3 charts for each would fall behind (invariant 9: views draw at most once per frame).
 * `pick` must be the same function on every render.
 */
export function useFrameState<T>(pick: (s: ScenarioStore) => T): T {
  const [value, setValue] = useState(() => pick(useScenarioStore.getState()));
  useEffect(() => {
    let frame = 0;
    const unsubscribe = useScenarioStore.subscribe(() => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setValue(pick(useScenarioStore.getState()));
      });
    });
    setValue(pick(useScenarioStore.getState()));
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [pick]);
  return value;
}
