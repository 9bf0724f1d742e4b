import { useState } from 'react';
import { useStore } from 'zustand';
import type { SkiplistStructure } from '../../../protocol/snapshots.js';
import { utf8Bytes } from '../console/utf8.js';
import { traceSummary } from './explain.js';
import type { StructureModel } from './structureModel.js';

/**
 * Trace a search by hand: the path ZADD would take to place a member at a score, or ZRANK's
 * path to an existing member. A write from the console traces itself.
 */
export function TracePanel({ model, s }: { model: StructureModel; s: SkiplistStructure }) {
  const [member, setMember] = useState('');
  const [score, setScore] = useState('');
  const asked = useStore(model.store, (st) => st.trace);
  const summary = s.trace === null ? null : traceSummary(s.trace, s.length);
  const run = (kind: 'insert' | 'rank') => {
    if (member === '') return;
    void model.traceSearch(utf8Bytes(member), score.trim() === '' ? undefined : score.trim(), kind);
  };
  return (
    <div className="viz-trace">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          run(score.trim() === '' ? 'rank' : 'insert');
        }}
      >
        <input className="mono" value={member} onChange={(e) => setMember(e.target.value)} placeholder="trace: member" aria-label="Member to search for" data-testid="trace-member" />
        <input className="mono score" value={score} onChange={(e) => setScore(e.target.value)} placeholder="score" aria-label="Score (for ZADD's search)" data-testid="trace-score" />
        <button type="button" onClick={() => run('insert')} disabled={member === '' || score.trim() === ''} title="The search zslInsert makes to place a new member at this score">
          ZADD path
        </button>
        <button type="button" onClick={() => run('rank')} disabled={member === ''} title="The search zslGetRank makes for an existing member">
          ZRANK path
        </button>
        {s.trace !== null && (
          <button type="button" onClick={() => void model.clearTrace()}>
            Clear
          </button>
        )}
      </form>
      {summary !== null && (
        <div className="summary" data-testid="trace-summary">
          <div>{summary.text}</div>
          <div className="mono dim path" title={summary.path}>
            {summary.path}
          </div>
        </div>
      )}
      {s.trace === null && (
        <div className="dim summary">
          {asked === null ? 'Click a node to trace ZRANK’s search for it.' : 'No such member: give a score to see where ZADD would place it.'}
        </div>
      )}
    </div>
  );
}
