/**
 * Reference solutions of the built-in scenarios: the edits a student makes to the scenario
 * text (the lines marked "← your turn") before running it again. Tests apply each one and check
 * that every goal passes, and that the unedited scenario fails.
 */
export interface ReferenceSolution {
  scenario: string;
  name: string;
  /** What the fix does, for the UI's "show solution". */
  explanation: string;
  /** Each `find` occurs exactly once in the scenario text. */
  edits: ReadonlyArray<{ find: string; replace: string }>;
}

export const REFERENCE_SOLUTIONS: readonly ReferenceSolution[] = [
  {
    scenario: 'cache-stampede',
    name: 'mutex rebuild',
    explanation: 'Only the request that wins SET lock:product:42 <token> NX PX 2000 reads the database; the others wait 20 ms and look again.',
    edits: [{ find: 'strategy: naive    # ← your turn: mutex or early-refresh', replace: 'strategy: mutex' }],
  },
  {
    scenario: 'cache-stampede',
    name: 'probabilistic early refresh',
    explanation: 'Hits refresh product:42 shortly before it expires (XFetch), so it never expires under load.',
    edits: [{ find: 'strategy: naive    # ← your turn: mutex or early-refresh', replace: 'strategy: early-refresh' }],
  },
  {
    scenario: 'cache-avalanche',
    name: 'TTL jitter',
    explanation: 'Each key lives 60 s ± 20%, so the 5,000 keys expire over 24 seconds instead of in the same millisecond.',
    edits: [
      { find: 'warm:\n  keys: product:{1..5000}\n  ttl: 60s\n  ttl_jitter: 0%    # ← your turn', replace: 'warm:\n  keys: product:{1..5000}\n  ttl: 60s\n  ttl_jitter: 20%' },
      { find: 'traffic shoppers:\n  ttl_jitter: 0%    # ← your turn', replace: 'traffic shoppers:\n  ttl_jitter: 20%' },
    ],
  },
];

/** The scenario text with the solution's edits made, or null if an edit no longer matches once. */
export function applySolution(text: string, solution: ReferenceSolution): string | null {
  let out = text;
  for (const { find, replace } of solution.edits) {
    const at = out.indexOf(find);
    if (at === -1 || out.indexOf(find, at + 1) !== -1) return null;
    out = out.slice(0, at) + replace + out.slice(at + find.length);
  }
  return out;
}
