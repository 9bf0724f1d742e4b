import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { KeyRow } from '../../../protocol/api.js';
import { useServices, useVirtualNow } from '../../client/hooks.js';
import { displayBytes, formatSize, formatTtl, remainingMs } from './format.js';

const ROW_HEIGHT = 28;
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps. */
const OVERSCAN = 8;

/**
 * The key list, virtualised: only the rows in view are in the DOM. When the user scrolls near
 * the end of what was loaded, the next SCAN page is requested; the page size follows the
 * viewport's height.
 */
export function KeyList() {
  const { keyspace } = useServices();
  const rows = useStore(keyspace.store, (s) => s.rows);
  const selected = useStore(keyspace.store, (s) => s.selected);
  const done = useStore(keyspace.store, (s) => s.done);
  const loading = useStore(keyspace.store, (s) => s.loading);
  const fresh = useStore(keyspace.store, (s) => s.fresh);
  const hasTtl = rows.some((r) => r.expireAt !== null);
  const now = useVirtualNow(hasTtl ? 10 : 1);
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });

  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const ro = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const visible = Math.ceil(view.height / ROW_HEIGHT);
  useEffect(() => {
    keyspace.pageSize = Math.max(20, visible * 2);
  }, [keyspace, visible]);

  // Load until the viewport (plus a screen below it) is filled or the scan is complete.
  const lastShown = Math.floor((view.top + view.height) / ROW_HEIGHT);
  useEffect(() => {
    if (!done && !loading && rows.length < lastShown + visible) void keyspace.loadMore();
  }, [done, loading, rows.length, lastShown, visible, keyspace]);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, lastShown + OVERSCAN + 1);
  const hostNow = performance.now();

  return (
    <div className="keylist">
      <div className="keylist-head" role="row">
        <span role="columnheader">Key</span>
        <span role="columnheader">Type</span>
        <span role="columnheader">Encoding</span>
        <span role="columnheader">TTL</span>
        <span role="columnheader" className="num">Size</span>
      </div>
      <div
        className="keylist-body"
        ref={ref}
        role="grid"
        aria-label="Keys"
        aria-rowcount={rows.length}
        tabIndex={0}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          const i = rows.findIndex((r) => r.key === selected) + (e.key === 'ArrowDown' ? 1 : -1);
          const next = rows[Math.max(0, Math.min(rows.length - 1, i))];
          if (next !== undefined) void keyspace.select(next.key);
        }}
      >
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last).map((r, i) => (
            <Row
              key={r.key}
              row={r}
              top={(first + i) * ROW_HEIGHT}
              index={first + i}
              selected={r.key === selected}
              fresh={(fresh.get(r.key) ?? 0) > hostNow}
              now={now}
              onSelect={() => void keyspace.select(r.key)}
            />
          ))}
        </div>
        {rows.length === 0 && <div className="keylist-empty dim">{done ? 'No keys. Try SET hello world in a console.' : 'Scanning…'}</div>}
      </div>
    </div>
  );
}

interface RowProps {
  row: KeyRow;
  top: number;
  index: number;
  selected: boolean;
  fresh: boolean;
  now: number;
  onSelect(): void;
}

function Row({ row, top, index, selected, fresh, now, onSelect }: RowProps) {
  const name = displayBytes(row.key, true);
  const ttl = row.expireAt === null ? null : remainingMs(row.expireAt, now);
  return (
    <div
      className={`keyrow${selected ? ' selected' : ''}${fresh ? ' fresh' : ''}${ttl !== null && ttl < 0 ? ' expired' : ''}`}
      style={{ top, height: ROW_HEIGHT }}
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      data-testid="key-row"
      onClick={onSelect}
    >
      <span className={`mono keyname${name.binary ? ' binary' : ''}`} title={name.text} data-testid="key-name">
        {name.text}
      </span>
      <span className={`type t-${row.type}`}>{row.type}</span>
      <span className="mono dim">{row.encoding}</span>
      <span className="mono ttl" data-testid="key-ttl" title={ttl === null ? 'No TTL (PERSIST)' : 'Time to live'}>
        {ttl === null ? '—' : formatTtl(ttl)}
      </span>
      <span className="mono num">{formatSize(row.type, row.size)}</span>
    </div>
  );
}
