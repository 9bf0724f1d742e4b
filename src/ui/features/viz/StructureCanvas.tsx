import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Animator } from './animator.js';
import type { Pick } from './draw/context.js';
import type { StructureModel } from './structureModel.js';

type DrawModule = typeof import('./draw/index.js');

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
  const drawn = useRef(-1);
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
    if (drawing !== null && snapshot !== null && size.width > 0) void model.setCount(drawing.capacity(snapshot, size.width, size.height));
  }, [drawing, snapshot, size, model]);

  useEffect(() => {
    const el = svg.current;
    if (drawing === null || el === null || snapshot === null || size.width === 0) return;
    animator.finish();
    // A resize redraws the same snapshot: nothing changed, nothing to animate.
    const previous = drawn.current === version ? snapshot : model.store.getState().previous;
    drawn.current = version;
    drawing.drawStructure(el, snapshot, {
      width: size.width,
      height: size.height,
      previous,
      animate: (d, apply, delay, ease) => animator.add(d, apply, delay, ease),
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
