import { useState } from 'react';
import type { ClockState } from '../../../protocol/events.js';
import { useServices, useVirtualNow } from '../../client/hooks.js';
import { useClockStore } from '../../stores/clockStore.js';
import './timebar.css';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];
const MAX_ADVANCE_SECONDS = 10 * 365 * 86_400;

/**
 * The virtual clock's controls. Every TTL, active expiry cycle and timer in the engine runs on
 * this clock: pausing freezes expiry, a higher speed makes keys expire sooner in real time.
 */
export function TimeBar() {
  const { engine } = useServices();
  const clock = useClockStore((s) => s.clock);
  const setClock = useClockStore((s) => s.setClock);
  const now = useVirtualNow(clock !== null && clock.speed >= 5 ? 20 : 10);
  const [advance, setAdvance] = useState('10');

  const apply = (p: Promise<ClockState>) => void p.then(setClock);
  const seconds = Number(advance);
  const advanceValid = advance.trim() !== '' && Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_ADVANCE_SECONDS;

  if (clock === null) return <footer className="timebar" />;
  return (
    <footer className="timebar" aria-label="Virtual clock">
      <div className="group">
        <button
          className="play"
          aria-label={clock.paused ? 'Resume the clock' : 'Pause the clock'}
          title={clock.paused ? 'Resume: time (and expiry) runs again' : 'Pause: time stops, nothing expires'}
          onClick={() => apply(clock.paused ? engine.api.resume() : engine.api.pause())}
          data-testid="clock-toggle"
        >
          {clock.paused ? '▶ Play' : '❚❚ Pause'}
        </button>
        <button
          aria-label="Step"
          title={`Advance one server cron period (${clock.stepMs} ms)`}
          onClick={() => apply(engine.api.step())}
          data-testid="clock-step"
        >
          Step +{clock.stepMs} ms
        </button>
      </div>
      <label className="group">
        <span className="dim">Speed</span>
        <select
          value={clock.speed}
          onChange={(e) => apply(engine.api.setSpeed(Number(e.target.value)))}
          aria-label="Clock speed"
          data-testid="clock-speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              ×{s}
            </option>
          ))}
        </select>
      </label>
      <form
        className="group"
        onSubmit={(e) => {
          e.preventDefault();
          if (advanceValid) apply(engine.api.advance(seconds * 1000));
        }}
      >
        <label className="group">
          <span className="dim">Advance</span>
          <input
            className="mono seconds"
            type="number"
            min="0.001"
            step="any"
            max={MAX_ADVANCE_SECONDS}
            value={advance}
            onChange={(e) => setAdvance(e.target.value)}
            aria-label="Seconds to advance"
            data-testid="advance-seconds"
          />
          <span className="dim">s</span>
        </label>
        <button type="submit" disabled={!advanceValid} data-testid="advance-button">
          Go
        </button>
      </form>
      <div className="spacer" />
      <ClockDisplay clock={clock} now={now} />
    </footer>
  );
}

function ClockDisplay({ clock, now }: { clock: ClockState; now: number }) {
  const d = new Date(now);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  const time = `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
  return (
    <div className="clock" data-testid="clock" data-paused={clock.paused}>
      <span className={`state ${clock.paused ? 'paused' : 'running'}`}>{clock.paused ? 'paused' : `running ×${clock.speed}`}</span>
      <span className="mono dim">{date}</span>
      <span className="mono time" data-testid="clock-time" title="Virtual time (what TIME returns)">
        {time}
      </span>
      <span className="mono dim unix" title="Unix time in seconds">
        {Math.floor(now / 1000)}
      </span>
    </div>
  );
}
