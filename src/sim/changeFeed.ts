import { MAX_KEY_CHANGES_PER_BATCH, type ClientOutput, type ClockState, type EngineEventBatch, type KeyChange } from '../protocol/events.js';
import type { KeyspaceEvent } from '../engine/keyspace/notify.js';
import type { Dict } from '../engine/types/dict.js';
import type { SimClient } from './simClient.js';
import type { SimNode } from './node.js';

/**
 * Collects what happened since the last batch (keyspace events of every node, client output
 * nobody has picked up, clock changes, closed clients) and turns it into one EngineEventBatch.
 * The host decides when to take a batch (once per animation frame); `onPending` tells it that
 * there is something to take.
 */
export class ChangeFeed {
  private seq = 0;
  private keys = new Map<string, KeyChange>();
  private overflow = false;
  private eventCount = 0;
  private clock: ClockState | undefined;
  private readonly outputClients = new Set<SimClient>();
  private closed: number[] = [];
  private readonly touchedNodes = new Set<SimNode>();
  /** Nodes whose every db must be re-read even if its dict object survived (session import). */
  private readonly forced = new Set<SimNode>();
  /** The dict each db had at the last batch: a new one means its content was replaced. */
  private readonly seenDicts = new Map<SimNode, Array<Dict<unknown>>>();
  private readonly detach = new Map<SimNode, () => void>();
  private pending = false;
  onPending: () => void = () => {};

  watchNode(node: SimNode): void {
    this.seenDicts.set(node, node.server.dbs.map((db) => db.dict as Dict<unknown>));
    this.detach.set(node, node.server.onKeyspaceEvent((e) => this.keyspaceEvent(node, e)));
  }

  unwatchNode(node: SimNode): void {
    this.detach.get(node)?.();
    this.detach.delete(node);
    this.seenDicts.delete(node);
    this.touchedNodes.delete(node);
    this.forced.delete(node);
    for (const [id, change] of this.keys) if (change.node === node.id) this.keys.delete(id);
  }

  private keyspaceEvent(node: SimNode, e: KeyspaceEvent): void {
    // keymiss is a read, not a change; views have nothing to redraw for it.
    if (e.event === 'keymiss') return;
    this.eventCount++;
    this.touchedNodes.add(node);
    const id = `${node.id}\u0000${e.db}\u0000${e.key}`;
    const prev = this.keys.get(id);
    if (prev !== undefined) prev.event = e.event;
    else if (this.keys.size < MAX_KEY_CHANGES_PER_BATCH) this.keys.set(id, { node: node.id, db: e.db, key: e.key, event: e.event });
    else this.overflow = true;
    this.markPending();
  }

  clientOutput(c: SimClient): void {
    this.outputClients.add(c);
    this.markPending();
  }

  /** The client's output was delivered directly (as the result of its own command). */
  outputDelivered(c: SimClient): void {
    this.outputClients.delete(c);
  }

  clientClosed(c: SimClient): void {
    this.outputClients.delete(c);
    this.closed.push(c.id);
    this.markPending();
  }

  clockChanged(state: ClockState): void {
    this.clock = state;
    this.markPending();
  }

  /** Check for db contents replaced wholesale (FLUSHDB, SWAPDB): they emit no per-key events. */
  checkReplacedDbs(): void {
    for (const [node, dicts] of this.seenDicts) {
      if (node.server.dbs.some((db, i) => db.dict !== dicts[i])) {
        this.touchedNodes.add(node);
        this.markPending();
      }
    }
  }

  private markPending(): void {
    if (this.pending) return;
    this.pending = true;
    this.onPending();
  }

  /** Everything since the last batch, or null when nothing happened. */
  take(): EngineEventBatch | null {
    this.checkReplacedDbs();
    if (!this.pending) return null;
    this.pending = false;
    const resync: EngineEventBatch['resync'] = [];
    const dbSizes: EngineEventBatch['dbSizes'] = {};
    for (const node of this.touchedNodes) {
      const dicts = this.seenDicts.get(node);
      if (dicts === undefined) continue;
      node.server.dbs.forEach((db, i) => {
        if (db.dict !== dicts[i] || this.forced.has(node)) {
          resync.push({ node: node.id, db: i });
          dicts[i] = db.dict as Dict<unknown>;
        }
      });
      dbSizes[node.id] = node.server.dbs.map((db) => db.size);
    }
    const outputs: ClientOutput[] = [];
    for (const c of this.outputClients) {
      if (c.hasOutput()) outputs.push({ clientId: c.id, replies: c.takeOutput() });
    }
    const batch: EngineEventBatch = {
      seq: ++this.seq,
      keys: [...this.keys.values()],
      keysOverflow: this.overflow,
      eventCount: this.eventCount,
      resync,
      dbSizes,
      outputs,
      closed: this.closed,
    };
    if (this.clock !== undefined) batch.clock = this.clock;
    this.keys = new Map();
    this.overflow = false;
    this.eventCount = 0;
    this.clock = undefined;
    this.outputClients.clear();
    this.closed = [];
    this.touchedNodes.clear();
    this.forced.clear();
    return batch;
  }

  /** Every db of the node was rewritten in place (session import): views start over. */
  forceResync(node: SimNode): void {
    this.forced.add(node);
    this.touchedNodes.add(node);
    this.markPending();
  }
}
