import type { ScenarioSnapshot } from '../../../protocol/scenario.js';

const rate = (count: number, ms: number): string => `${Math.round((count * 1000) / ms).toLocaleString('en-US')}`;

/**
 * The scenario's traffic in one line of rates. Its commands go to Redis on the application's
 * own connections, not to a console (thousands a second would bury what the student types);
 * MONITOR in a console still shows every one of them.
 */
export function TrafficSummary({ snapshot }: { snapshot: ScenarioSnapshot }) {
  const s = snapshot.lastSample;
  if (snapshot.traffic.length === 0 && s === null) return null;
  return (
    <div className="traffic" data-testid="traffic-summary" title="Measured over the last 100 ms of virtual time. Type MONITOR in a console to see each command.">
      <div>
        <span className="dim">App traffic</span>{' '}
        {snapshot.traffic.length === 0
          ? 'stopped'
          : snapshot.traffic.map((t) => `${t.name}: ${t.rate.toLocaleString('en-US')} req/s (${t.strategy})`).join(', ')}
      </div>
      {s !== null && (
        <div className="mono traffic-rates">
          <span>Redis {rate(s.redisOps, s.ms)} ops/s</span>
          <span>DB {rate(s.backendQueries, s.ms)} q/s</span>
          <span>errors {rate(s.errors, s.ms)}/s</span>
        </div>
      )}
    </div>
  );
}
