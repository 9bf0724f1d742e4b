import type { ReactNode } from 'react';
import type { ScenarioGoal, ScenarioStepOutline } from '../../../protocol/scenario.js';
import { formatReplyTTY } from '../console/formatReply.js';
import { GoalList } from './GoalList.js';
import { Markdown } from './Markdown.js';
import type { LogEvent } from './scenarioStore.js';

/**
 * One step as the student reads it: narration, what it ran in Redis, hints, and its goals. Once
 * the goals are being judged they move up, under the title, with what comes with them (a fix
 * offer): the results are then what the student looks for, and the narration was read already.
 */
export function StepView({
  index,
  steps,
  step,
  goals,
  log,
  children,
}: {
  index: number;
  steps: number;
  step: ScenarioStepOutline;
  goals: readonly ScenarioGoal[];
  log: readonly LogEvent[];
  children?: ReactNode;
}) {
  const judged = goals.some((g) => g.status !== 'pending');
  const results = (
    <>
      <GoalList goals={goals} />
      {children}
    </>
  );
  const ran = log.filter((e): e is Extract<LogEvent, { type: 'redis' }> => e.type === 'redis' && e.step === index);
  return (
    <article className="step-view" data-testid="step-view" data-step={index}>
      <h3 className="step-title">
        <span className="dim">
          Step {index + 1} of {steps}
        </span>
        {step.title}
      </h3>
      {judged && results}
      <Markdown source={step.narration} skipTitle={step.title} />
      {ran.length > 0 && (
        <section className="ran" aria-label="Commands this step ran">
          <h4>This step ran</h4>
          <pre className="mono transcript">
            {ran.map((e, i) => (
              <span key={i}>
                <span className="dim">127.0.0.1:6379&gt; </span>
                {e.command}
                {'\n'}
                {e.replies.map((r) => formatReplyTTY(r, 2)).join('')}
              </span>
            ))}
          </pre>
        </section>
      )}
      {step.hints.map((h, i) => (
        <details key={i} className="hint" data-testid="hint">
          <summary>Hint{step.hints.length > 1 ? ` ${i + 1}` : ''}</summary>
          <Markdown source={h} />
        </details>
      ))}
      {!judged && results}
    </article>
  );
}
