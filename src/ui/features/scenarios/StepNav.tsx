import type { ScenarioSnapshot, ScenarioStepOutline } from '../../../protocol/scenario.js';

type StepState = 'todo' | 'current' | 'passed' | 'failed' | 'done';

function stepState(i: number, snapshot: ScenarioSnapshot): StepState {
  const goals = snapshot.goals.filter((g) => g.step === i);
  if (goals.some((g) => g.status === 'failed')) return 'failed';
  const played = i < snapshot.step || (i === snapshot.step && (snapshot.status === 'waiting' || snapshot.status === 'finished'));
  if (played) return goals.length > 0 ? 'passed' : 'done';
  if (i === snapshot.step) return 'current';
  return 'todo';
}

const MARK: Record<StepState, string> = { todo: '', current: '▶', passed: '✓', failed: '✗', done: '✓' };

/** One button per step: how each went, and which one the panel shows. */
export function StepNav({ outline, snapshot, shown, onShow }: { outline: readonly ScenarioStepOutline[]; snapshot: ScenarioSnapshot; shown: number; onShow: (i: number) => void }) {
  return (
    <nav className="step-nav" aria-label="Steps">
      {outline.map((s, i) => {
        const state = stepState(i, snapshot);
        return (
          <button
            key={i}
            className="step-pill"
            data-state={state}
            aria-current={i === shown ? 'step' : undefined}
            title={`Step ${i + 1}: ${s.title}`}
            onClick={() => onShow(i)}
            data-testid="step-pill"
          >
            {i + 1}
            {MARK[state] !== '' && <span aria-hidden="true"> {MARK[state]}</span>}
          </button>
        );
      })}
    </nav>
  );
}
