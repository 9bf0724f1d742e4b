import { useEffect } from 'react';
import { useServices } from '../../client/hooks.js';
import { openEditor } from '../editor/editorStore.js';
import { ScenarioEditor } from '../editor/ScenarioEditor.js';
import { ShareButton } from '../share/ShareButton.js';
import { useSharedLink } from '../share/useSharedLink.js';
import { FixOffer } from './FixOffer.js';
import { RunControls } from './RunControls.js';
import { ScenarioCatalog } from './ScenarioCatalog.js';
import { scenarioController } from './scenarioController.js';
import { shownStep, useScenarioStore } from './scenarioStore.js';
import { StepNav } from './StepNav.js';
import { StepView } from './StepView.js';
import { TrafficSummary } from './TrafficSummary.js';
import './scenarios.css';

/** The scenario panel: the built-in scenarios, or the one loaded with its steps, goals and controls. */
export function ScenarioPanel() {
  const { engine } = useServices();
  const controller = scenarioController(engine);
  const store = useScenarioStore();
  const { loaded, snapshot, busy, problem } = store;
  useSharedLink(controller);
  useEffect(() => {
    void controller.loadCatalog();
  }, [controller]);
  // A step starting brings the panel back to following the scenario.
  const playingStep = snapshot?.step ?? -1;
  useEffect(() => controller.viewStep(null), [controller, playingStep]);

  if (store.folded) {
    return (
      <aside className="scenario-rail" aria-label="Scenario">
        <button onClick={() => controller.fold(false)} title="Open the scenario panel: guided experiments with traffic, a database and charts" data-testid="scenario-unfold">
          {loaded === null ? 'Scenarios' : (snapshot?.title ?? 'Scenario')}
        </button>
      </aside>
    );
  }

  const shown = shownStep(store);
  const failed = snapshot?.goals.some((g) => g.status === 'failed') ?? false;
  const problems = store.log.filter((e) => e.type === 'problem');

  return (
    <section className="pane scenario-panel" aria-label="Scenario" data-testid="scenario-panel">
      <div className="scenario-head">
        <h2>{loaded === null || snapshot === null ? 'Scenarios' : snapshot.title}</h2>
        {loaded !== null && (
          <span className="level" data-level={loaded.level}>
            {loaded.level}
          </span>
        )}
        <div className="spacer" />
        {loaded !== null && (
          <button onClick={() => void controller.close()} title="Leave the scenario: back to the scenario list, the node restarts empty" data-testid="scenario-leave">
            Leave
          </button>
        )}
        <button className="fold" onClick={() => controller.fold(true)} aria-label="Fold the scenario panel" title="Fold this panel (the scenario keeps its state)" data-testid="scenario-fold">
          ▸
        </button>
      </div>
      <div className="scenario-body">
        {problem !== null && (
          <p className="scenario-problem" role="alert" data-testid="scenario-problem">
            {problem}
          </p>
        )}
        {loaded === null || snapshot === null ? (
          <ScenarioCatalog catalog={store.catalog} busy={busy} onStart={(id) => void controller.load({ builtin: id })} />
        ) : (
          <>
            <div className="group scenario-tools">
              <button onClick={() => openEditor(loaded.text, snapshot.title)} title="Open this scenario's text in the editor: change it and run it again" data-testid="scenario-edit">
                Edit
              </button>
              <ShareButton text={loaded.text} />
            </div>
            {store.appliedFix !== null && (
              <p className="applied-fix" data-testid="applied-fix">
                Fix applied: <strong>{store.appliedFix}</strong>. The steps before the one it changes were replayed as they were, so the charts show the run
                before and after the fix.
              </p>
            )}
            <StepNav outline={loaded.outline} snapshot={snapshot} shown={shown} onShow={(i) => controller.viewStep(i)} />
            <RunControls snapshot={snapshot} controller={controller} />
            <TrafficSummary snapshot={snapshot} />
            {problems.length > 0 && (
              <ul className="scenario-problems" aria-label="Problems while running">
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.line !== null && <span className="mono">line {p.line}: </span>}
                    {p.message}
                  </li>
                ))}
              </ul>
            )}
            <StepView index={shown} steps={loaded.outline.length} step={loaded.outline[shown]!} goals={snapshot.goals.filter((g) => g.step === shown)} log={store.log}>
              <FixOffer fixes={loaded.fixes} stuck={failed} busy={busy} onApply={(i, f) => void controller.applyFix(i, f.name)} />
            </StepView>
          </>
        )}
      </div>
      <ScenarioEditor />
    </section>
  );
}
