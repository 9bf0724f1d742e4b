import type { ScenarioGoal, ScenarioGoalStatus } from '../../../protocol/scenario.js';

const LOOK: Record<ScenarioGoalStatus, { icon: string; word: string }> = {
  pending: { icon: '○', word: 'not checked yet' },
  met: { icon: '✓', word: 'met so far' },
  unmet: { icon: '✗', word: 'not met yet' },
  passed: { icon: '✓', word: 'passed' },
  failed: { icon: '✗', word: 'failed' },
};

/** The goals of one step: green when met, red when not, with the reason it is not met yet. */
export function GoalList({ goals }: { goals: readonly ScenarioGoal[] }) {
  if (goals.length === 0) return null;
  return (
    <section className="goals" aria-label="Goals">
      <h4>Goals</h4>
      <ul>
        {goals.map((g) => {
          const look = LOOK[g.status];
          return (
            <li key={g.id} className="goal" data-status={g.status} data-testid="goal">
              <span className="goal-icon" aria-hidden="true">
                {look.icon}
              </span>
              <div>
                <code className="mono goal-check">{g.check}</code>
                <span className="goal-word">
                  {look.word}
                  {g.always ? ' · checked all along the step' : ''}
                </span>
                {g.reason !== null && (g.status === 'unmet' || g.status === 'failed') ? (
                  <p className="goal-reason" data-testid="goal-reason">
                    {g.reason}
                  </p>
                ) : (
                  g.status === 'pending' && g.message !== '' && <p className="goal-reason dim">{g.message}</p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
