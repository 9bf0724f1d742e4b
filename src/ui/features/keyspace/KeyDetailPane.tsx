import { useState } from 'react';
import { useStore } from 'zustand';
import type { ValueData } from '../../../protocol/api.js';
import { repr } from '../../../protocol/repr.js';
import { useServices, useVirtualNow } from '../../client/hooks.js';
import { displayBytes, formatSize, formatTtl, remainingMs } from './format.js';

type Mode = 'text' | 'repr';

/** The selected key: what TYPE, OBJECT ENCODING, TTL and the value look like right now. */
export function KeyDetailPane() {
  const { keyspace } = useServices();
  const selected = useStore(keyspace.store, (s) => s.selected);
  const detail = useStore(keyspace.store, (s) => s.detail);
  const [mode, setMode] = useState<Mode>('text');
  const now = useVirtualNow(detail?.row.expireAt == null ? 1 : 10);

  if (selected === null) {
    return <div className="keydetail empty dim">Select a key to see its value.</div>;
  }
  if (detail === null) {
    return (
      <div className="keydetail empty dim" data-testid="key-detail">
        <span className="mono">{displayBytes(selected, true).text}</span> does not exist (any more).
      </div>
    );
  }
  const { row } = detail;
  const ttl = row.expireAt === null ? null : remainingMs(row.expireAt, now);
  return (
    <div className="keydetail" data-testid="key-detail">
      <div className="keydetail-head">
        <span className="mono keyname" data-testid="detail-key">
          {displayBytes(row.key, true).text}
        </span>
        <span className={`type t-${row.type}`}>{row.type}</span>
        <span className="mono dim" title="OBJECT ENCODING">{row.encoding}</span>
        <span className="mono dim" title="TTL">{ttl === null ? 'no TTL' : `TTL ${formatTtl(ttl)}`}</span>
        <span className="mono dim">{formatSize(row.type, row.size)}</span>
        <span className="spacer" />
        <div className="segmented" role="radiogroup" aria-label="Value display">
          <button role="radio" aria-checked={mode === 'text'} onClick={() => setMode('text')} title="UTF-8 text, control characters spelled out">
            Text
          </button>
          <button role="radio" aria-checked={mode === 'repr'} onClick={() => setMode('repr')} title="Quoted bytes, as redis-cli prints them">
            redis-cli
          </button>
        </div>
      </div>
      <div className="keydetail-value" data-testid="detail-value">
        <ValueView value={detail.value} mode={mode} />
        {detail.truncated && <p className="dim truncated">Showing the first part only ({formatSize(row.type, row.size)} in total).</p>}
      </div>
    </div>
  );
}

function show(bytes: string, mode: Mode, singleLine: boolean): string {
  return mode === 'repr' ? repr(bytes) : displayBytes(bytes, singleLine).text;
}

function ValueView({ value, mode }: { value: ValueData; mode: Mode }) {
  switch (value.type) {
    case 'string':
      return <pre className="mono string-value">{show(value.value, mode, false)}</pre>;
    case 'list':
      return <ElementTable head={['Index', 'Element']} rows={value.items.map((v, i) => [String(i), show(v, mode, true)])} />;
    case 'set':
      return <ElementTable head={['Member']} rows={value.members.map((m) => [show(m, mode, true)])} />;
    case 'zset':
      return <ElementTable head={['Member', 'Score']} rows={value.entries.map(([m, s]) => [show(m, mode, true), s])} />;
    case 'hash':
      return <ElementTable head={['Field', 'Value']} rows={value.entries.map(([f, v]) => [show(f, mode, true), show(v, mode, true)])} />;
    case 'stream':
      return (
        <ElementTable
          head={['ID', 'Fields']}
          rows={value.entries.map(([id, fields]) => [id, fields.map((f) => show(f, mode, true)).join('  ')])}
        />
      );
  }
}

function ElementTable({ head, rows }: { head: string[]; rows: string[][] }) {
  return (
    <table className="elements mono">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
