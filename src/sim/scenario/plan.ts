import { LIMITS, type SimStatement, type Step, type TrafficSettings } from './format.js';
import { TRAFFIC_DEFAULTS } from './defaults.js';
import type { LineError } from './markdown.js';
import { keyCount } from './units.js';

/**
 * Follows the sim declarations of a scenario in order, as the runner will play them, and checks
 * what no single declaration can: a traffic is started with a rate and keys before it is changed
 * or stopped, no more than LIMITS.traffic run at once, and the whole scenario stays within the
 * time and request budgets. The runner uses the same checks for declarations applied live.
 */
export class SimPlan {
  readonly traffic = new Map<string, TrafficSettings>();
  /** When a traffic with a `duration` ends (ms since the start); absent: it runs until stopped. */
  readonly endsAt = new Map<string, number>();
  durationMs = 0;
  requests = 0;
  private reportedDuration = false;
  private reportedRequests = false;

  /** A copy to try declarations on without touching this one. */
  clone(): SimPlan {
    const c = new SimPlan();
    for (const [name, t] of this.traffic) c.traffic.set(name, t);
    for (const [name, t] of this.endsAt) c.endsAt.set(name, t);
    c.durationMs = this.durationMs;
    c.requests = this.requests;
    return c;
  }

  /** Check one declaration against the state so far and apply it. */
  check(s: SimStatement, errors: LineError[]): void {
    switch (s.kind) {
      case 'traffic': {
        const prev = this.traffic.get(s.name);
        if (prev === undefined) {
          const missing = (['rate', 'keys'] as const).filter((k) => s.settings[k] === undefined);
          if (missing.length > 0) {
            errors.push({ line: s.line, message: `traffic ${s.name} starts here, so it needs ${missing.map((k) => `"${k}"`).join(' and ')}` });
            return;
          }
          if (this.traffic.size >= LIMITS.traffic) {
            errors.push({ line: s.line, message: `at most ${LIMITS.traffic} traffics run at once; stop one first` });
            return;
          }
        }
        const next = { ...TRAFFIC_DEFAULTS, ...prev, ...s.settings } as TrafficSettings;
        if (keyCount(next.keys) * next.valueSize > LIMITS.bytes) {
          errors.push({ line: s.line, message: `traffic ${s.name} could store ${keyCount(next.keys)} keys × ${next.valueSize} bytes; the limit is ${LIMITS.bytes / 1024 / 1024} MB` });
          return;
        }
        this.traffic.set(s.name, next);
        if (s.settings.duration !== undefined) this.endsAt.set(s.name, this.durationMs + s.settings.duration);
        return;
      }
      case 'stop':
        if (s.name === 'all') {
          this.traffic.clear();
          this.endsAt.clear();
        } else if (this.traffic.delete(s.name)) {
          this.endsAt.delete(s.name);
        } else {
          errors.push({ line: s.line, message: `no traffic named "${s.name}" is running here` });
        }
        return;
      case 'warm': {
        const n = keyCount(s.keys);
        if (n * s.valueSize > LIMITS.bytes) {
          errors.push({ line: s.line, message: `warm would store ${n} keys × ${s.valueSize} bytes; the limit is ${LIMITS.bytes / 1024 / 1024} MB` });
        }
        this.addRequests(n, s.line, errors);
        return;
      }
      case 'advance': {
        this.durationMs += s.ms;
        if (this.durationMs > LIMITS.durationMs && !this.reportedDuration) {
          this.reportedDuration = true;
          errors.push({ line: s.line, message: `the scenario would last longer than ${LIMITS.durationMs / 60_000} minutes of virtual time` });
        }
        let requests = 0;
        for (const [name, t] of this.traffic) {
          const left = (this.endsAt.get(name) ?? Infinity) - (this.durationMs - s.ms);
          requests += (t.rate * Math.min(s.ms, left)) / 1000;
        }
        this.addRequests(requests, s.line, errors);
        for (const [name, end] of this.endsAt) {
          if (end > this.durationMs) continue;
          this.traffic.delete(name);
          this.endsAt.delete(name);
        }
        return;
      }
      case 'backend':
        return;
    }
  }

  private addRequests(n: number, line: number, errors: LineError[]): void {
    this.requests += n;
    if (this.requests > LIMITS.requests && !this.reportedRequests) {
      this.reportedRequests = true;
      errors.push({ line, message: `the scenario would simulate about ${Math.round(this.requests)} requests by here; the limit is ${LIMITS.requests}` });
    }
  }
}

export function checkPlan(steps: readonly Step[], errors: LineError[]): void {
  const plan = new SimPlan();
  for (const step of steps) {
    for (const b of step.blocks) if (b.kind === 'sim') for (const s of b.statements) plan.check(s, errors);
  }
}
