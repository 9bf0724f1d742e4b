import type { ReactNode } from 'react';
import type { StructureSnapshot } from '../../../protocol/snapshots.js';
import { label } from './draw/label.js';

/** Bytes as people read them. */
function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** One CONFIG limit against the value it guards: `129 / 128 zset-max-listpack-entries`. */
function Meter({ now, max, what, name }: { now: number; max: number; what: string; name: string }) {
  const over = now > max;
  return (
    <span className={`meter${over ? ' over' : ''}`} title={`${name} ${max}: past it, the encoding converts`}>
      <span className="bar">
        <span style={{ width: `${Math.min(100, (now / Math.max(1, max)) * 100)}%` }} />
      </span>
      {what} {now.toLocaleString('en-US')} / {max.toLocaleString('en-US')}
    </span>
  );
}

/** TYPE, OBJECT ENCODING, size, MEMORY USAGE, how close the encoding is to converting, the last write. */
export function InfoBar({ s, children }: { s: StructureSnapshot; children?: ReactNode }) {
  if (s.kind === 'missing') return null;
  const value = s.kind === 'hashtable' && s.owner === 'keyspace' ? null : s;
  return (
    <div className="viz-info" data-testid="structure-info">
      {value === null ? (
        <span className="mono">keyspace dict · {s.kind === 'hashtable' ? s.size.toLocaleString('en-US') : 0} keys</span>
      ) : (
        <>
          <span className={`type t-${value.type}`}>{value.type}</span>
          <span className="mono" title="OBJECT ENCODING" data-testid="structure-encoding">
            {value.encoding}
          </span>
          <span className="mono dim">{value.type === 'string' ? bytes(value.length) : `${value.length.toLocaleString('en-US')} elements`}</span>
          <span className="mono dim" title="MEMORY USAGE">
            {bytes(value.memoryBytes)}
          </span>
        </>
      )}
      {s.kind === 'listpack' && (
        <>
          <Meter now={s.length} max={s.maxEntries.value} what={s.type === 'zset' ? 'members' : 'fields'} name={s.maxEntries.name} />
          <Meter now={s.longestElement} max={s.maxValue.value} what="longest (B)" name={s.maxValue.name} />
        </>
      )}
      {s.kind === 'intset' && <Meter now={s.length} max={s.maxEntries.value} what="members" name={s.maxEntries.name} />}
      <span className="spacer" />
      {children}
      {s.lastWrite !== null && (
        <span className="mono dim lastwrite" title="The last write to this key, as replicated" data-testid="structure-lastwrite">
          last: {s.lastWrite.argv.map((a) => label(a, 24)).join(' ')}
          {s.lastWrite.argc > s.lastWrite.argv.length ? ' …' : ''}
        </span>
      )}
    </div>
  );
}
