import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../protocol/api.js';
import type { EngineEventBatch } from '../../protocol/events.js';

export type Engine = Remote<EngineApi>;
export type BatchListener = (batch: EngineEventBatch) => void;

/**
 * The UI's handle on the engine worker: the comlink proxy for calls, and a fan-out of the one
 * event subscription to every view that listens.
 */
export class EngineClient {
  readonly api: Engine;
  private readonly listeners = new Set<BatchListener>();

  constructor(readonly worker: Worker) {
    this.api = wrap<EngineApi>(worker);
    void this.api.subscribe(proxy((batch: EngineEventBatch) => this.dispatch(batch)));
  }

  onBatch(fn: BatchListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private dispatch(batch: EngineEventBatch): void {
    for (const fn of this.listeners) fn(batch);
  }
}

export function startEngine(): EngineClient {
  const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'redsim-engine',
  });
  return new EngineClient(worker);
}
