import type { ScenarioFix } from '../../../protocol/scenario.js';

/**
 * The reference solutions the scenario offers. Folded away until a goal has failed: a student
 * should try first, and be shown the way when stuck.
 */
export function FixOffer({ fixes, stuck, busy, onApply }: { fixes: readonly ScenarioFix[]; stuck: boolean; busy: boolean; onApply: (index: number, fix: ScenarioFix) => void }) {
  if (fixes.length === 0) return null;
  return (
    <details className="fixes" open={stuck} data-testid="fixes">
      <summary>{stuck ? 'Stuck? Apply a fix' : `Solutions (${fixes.length})`}</summary>
      <ul>
        {fixes.map((f, i) => (
          <li key={f.name}>
            <strong>{f.name}</strong>
            <p>{f.explanation}</p>
            <button disabled={busy} onClick={() => onApply(i, f)} data-testid="apply-fix" title={`Edit the scenario with this fix, replay steps 1–${f.step} and stop before step ${f.step + 1}`}>
              Apply and replay to step {f.step + 1}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
