import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { StructureSnapshot } from '../../../protocol/snapshots.js';
import type { Animator } from './animator.js';
import type { Pick } from './draw/context.js';
import type { StructureModel } from './structureModel.js';

type DrawModule = typeof import('./draw/index.js');

/**
 * Snapshots closer together than this (host ms: a pasted script, traffic) are drawn without
 * animations: there would be no time to watch them, and the frames go to keeping up.
 */
const STREAM_MS = 250;

/**
 * The svg the d3 code draws into. React owns the element; the drawing code (and d3 with it) is
 * loaded on first use. It reports how much fits, and redraws on every new snapshot and resize.
 */
export function StructureCanvas({ model, animator, kick, onPick }: { model: StructureModel; animator: Animator; kick: () => void; onPick: (p: Pick) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [drawing, setDrawing] = useState<DrawModule | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const snapshot = useStore(model.store, (s) => s.snapshot);
  const version = useStore(model.store, (s) => s.version);
  /** The snapshot on screen (what the next drawing animates from), and what it was drawn against. */
  const drawn = useRef<StructureSnapshot | null>(null);
  const drawnFrom = useRef<StructureSnapshot | null>(null);
  const drawnAt = useRef(-Infinity);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    let live = true;
    void import('./draw/index.js').then((m) => {
      if (live) setDrawing(m);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const measure = () => setSize({ width: Math.floor(el.clientWidth), height: Math.floor(el.clientHeight) });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = svg.current;
    if (drawing === null || el === null || snapshot === null || size.width === 0) return;
    // A snapshot asked for another size (the encoding changed, the view was resized) is not
    // drawn: the right-sized one follows at once, and animates from what is on screen.
    const fits = drawing.capacity(snapshot, size.width, size.height);
    const asked = model.store.getState().snapshotSize;
    if (fits.count !== asked.count || (snapshot.kind === 'quicklist' && fits.openCount !== asked.openCount)) {
      void model.setCount(fits.count, fits.openCount);
      return;
    }
    // The same snapshot again (the view was resized) is redrawn against the same previous one,
    // so it keeps its highlights, in its final state: what still animates carries on.
    const again = drawn.current === snapshot;
    const streaming = !again && performance.now() - drawnAt.current < STREAM_MS;
    let previous = drawnFrom.current;
    if (!again) {
      drawnAt.current = performance.now();
      animator.finish();
      const last = drawn.current;
      previous = last !== null && last.key === snapshot.key && last.node === snapshot.node && last.db === snapshot.db ? last : null;
      drawn.current = snapshot;
      drawnFrom.current = previous;
    }
    drawing.drawStructure(el, snapshot, {
      width: size.width,
      height: size.height,
      previous,
      animate: again || streaming ? (_d, apply) => apply(1) : (d, apply, delay, ease) => animator.add(d, apply, delay, ease),
      onPick: (p) => pick.current(p),
    });
    animator.tick();
    kick();
  }, [drawing, snapshot, version, size, animator, kick, model]);

  return (
    <div className="viz-canvas" ref={box}>
      <svg ref={svg} className="viz-svg" data-testid="structure-svg" data-kind={snapshot?.kind ?? ''} data-version={version} role="img" aria-label={snapshot === null ? 'Nothing drawn yet' : `${snapshot.kind} drawing`} />
    </div>
  );
}
