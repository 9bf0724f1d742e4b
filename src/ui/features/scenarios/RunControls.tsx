import type { ScenarioSnapshot } from '../../../protocol/scenario.js';
import type { ScenarioController } from './scenarioController.js';

/** Run / Pause, Step and Reset, with what the run is doing now. */
export function RunControls({ snapshot, controller }: { snapshot: ScenarioSnapshot; controller: ScenarioController }) {
  const { status } = snapshot;
  const next = status === 'ready' || status === 'waiting' ? snapshot.step + 2 : snapshot.step + 1;
  const playing = status === 'playing';
  const finished = status === 'finished';
  const runLabel = playing ? '❚❚ Pause' : status === 'paused' ? `▶ Resume step ${next}` : finished ? 'Finished' : `▶ Run step ${next}`;
  const progress = snapshot.stepDuration > 0 ? Math.min(1, snapshot.stepTime / snapshot.stepDuration) : finished ? 1 : 0;
  return (
    <div className="run-controls">
      <div className="group">
        <button
          className={playing || finished ? '' : 'primary'}
          disabled={finished}
          onClick={() => void (playing ? controller.pause() : controller.runStep())}
          title={playing ? 'Pause the scenario (its clock stops)' : 'Play this step on the virtual clock, at the time bar’s speed'}
          data-testid="scenario-run"
        >
          {runLabel}
        </button>
        <button
          disabled={finished}
          onClick={() => void controller.step()}
          title="Play the rest of this step at once, then wait"
          data-testid="scenario-step"
        >
          Step
        </button>
        <button onClick={() => void controller.reset()} title="Back to before step 1: the node restarts and the charts start over" data-testid="scenario-reset">
          ↺ Reset
        </button>
      </div>
      <div className="run-status" data-testid="scenario-status" data-status={status} data-outcome={snapshot.outcome}>
        <span>{statusText(snapshot)}</span>
        {status !== 'ready' && (
          <span className="mono dim">
            {(snapshot.stepTime / 1000).toFixed(1)} s / {(snapshot.stepDuration / 1000).toFixed(0)} s of step {snapshot.step + 1}
          </span>
        )}
      </div>
      <div className="progress" role="progressbar" aria-label="Progress of this step" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
        <div style={{ width: `${progress * 100}%` }} />
      </div>
    </div>
  );
}

/** What the run is doing, and after a step how its goals went (they are further down the panel). */
function statusText(snap: ScenarioSnapshot): string {
  const failed = snap.goals.filter((g) => g.status === 'failed' && (snap.status === 'finished' || g.step === snap.step)).length;
  const failedText = `${failed} ${failed === 1 ? 'goal' : 'goals'} failed (see below)`;
  switch (snap.status) {
    case 'ready':
      return 'Ready: read step 1, then run it.';
    case 'playing':
      return 'Playing…';
    case 'paused':
      return 'Paused.';
    case 'waiting':
      return failed > 0 ? `Step ${snap.step + 1} done: ${failedText}. Read the next step, then run it.` : `Step ${snap.step + 1} done. Read the next one, then run it.`;
    case 'finished':
      return snap.outcome === 'passed' ? 'All steps played: every goal passed.' : `All steps played: ${failedText}.`;
  }
}
