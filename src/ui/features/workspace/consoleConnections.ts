import type { ClientState, CommandDoc, ExecResult } from '../../../protocol/api.js';
import type { EngineEventBatch } from '../../../protocol/events.js';
import type { ConsoleBackend, ConsoleConnection, ConsoleOutput } from '../console/backend.js';
import type { EngineClient } from '../../client/engineClient.js';

type OutputListener = (output: ConsoleOutput) => void;

interface Connection {
  state: ClientState | null;
  opening: Promise<ClientState> | null;
  listeners: Set<OutputListener>;
}

/**
 * One connection per console tab, each behind the ConsoleBackend the console expects. Output
 * that reaches a client outside of its own command (pub/sub messages, a blocked reply) comes
 * through the event batches and is routed here by client id.
 */
export class ConsoleConnections {
  private readonly conns = new Map<string, Connection>();
  private readonly tabOfClient = new Map<number, string>();
  private docs: Promise<CommandDoc[]> | null = null;
  /** Told whenever a tab's client state changes (prompt, db, closed). */
  onState: (tabId: string, state: ClientState | null) => void = () => {};

  constructor(private readonly engine: EngineClient) {
    engine.onBatch((b) => this.route(b));
  }

  private conn(tabId: string): Connection {
    let c = this.conns.get(tabId);
    if (c === undefined) {
      c = { state: null, opening: null, listeners: new Set() };
      this.conns.set(tabId, c);
    }
    return c;
  }

  /** The tab's connection, opened on first use. */
  connect(tabId: string): Promise<ClientState> {
    const c = this.conn(tabId);
    if (c.state !== null && !c.state.closed) return Promise.resolve(c.state);
    c.opening ??= this.engine.api.openClient().then((state) => {
      c.opening = null;
      this.setState(tabId, state);
      return state;
    });
    return c.opening;
  }

  private setState(tabId: string, state: ClientState): void {
    const c = this.conn(tabId);
    // Most commands change nothing in the prompt: no store update, no re-render for them.
    if (c.state !== null && sameState(c.state, state)) return;
    if (c.state !== null && c.state.id !== state.id) this.tabOfClient.delete(c.state.id);
    c.state = state;
    if (!state.closed) this.tabOfClient.set(state.id, tabId);
    else this.tabOfClient.delete(state.id);
    this.onState(tabId, state);
  }

  /** Close the tab's connection for good (tab closed). */
  async close(tabId: string): Promise<void> {
    const c = this.conns.get(tabId);
    this.conns.delete(tabId);
    if (c?.state == null) return;
    this.tabOfClient.delete(c.state.id);
    if (!c.state.closed) await this.engine.api.closeClient(c.state.id);
  }

  /** A fresh connection for the tab (the console's Ctrl-C, QUIT, reconnect after a restart). */
  private async reopen(tabId: string): Promise<ClientState> {
    const c = this.conn(tabId);
    const old = c.state;
    c.state = null;
    if (old !== null) {
      this.tabOfClient.delete(old.id);
      if (!old.closed) await this.engine.api.closeClient(old.id);
    }
    return this.connect(tabId);
  }

  backend(tabId: string): ConsoleBackend {
    const c = this.conn(tabId);
    const emit = (o: ConsoleOutput) => {
      for (const fn of c.listeners) fn(o);
    };
    // The console gets its replies first; the tab's state (badge, autosave) follows.
    const deliver = (r: ExecResult) => {
      if (r.replies.length > 0 || r.client.closed) {
        emit(r.client.closed ? { replies: r.replies, resp: r.client.resp, closed: true } : { replies: r.replies, resp: r.client.resp });
      }
      this.setState(tabId, r.client);
    };
    return {
      // Replies come back as the call's result, not through the per-frame event batches.
      execute: async (commands) => {
        // An open connection sends at once, not a microtask later: before the console writes to xterm.
        const state = c.state !== null && !c.state.closed ? c.state : await this.connect(tabId);
        if (commands.length === 1) {
          const r = await this.engine.api.execute(state.id, commands[0]!);
          if (r !== null) deliver(r);
          return;
        }
        const results = await this.engine.api.executeMany(state.id, commands);
        for (const r of results ?? []) deliver(r);
      },
      onOutput: (fn) => {
        c.listeners.add(fn);
        return () => c.listeners.delete(fn);
      },
      clientState: async (): Promise<ConsoleConnection> => c.state ?? (await this.connect(tabId)),
      reset: async () => this.reopen(tabId),
      commandDocs: () => (this.docs ??= this.engine.api.commandDocs()),
    };
  }

  private route(batch: EngineEventBatch): void {
    for (const out of batch.outputs) {
      const tabId = this.tabOfClient.get(out.clientId);
      const c = tabId === undefined ? undefined : this.conns.get(tabId);
      if (c?.state == null) continue;
      for (const fn of c.listeners) fn({ replies: out.replies, resp: c.state.resp });
    }
    for (const id of batch.closed) {
      const tabId = this.tabOfClient.get(id);
      const c = tabId === undefined ? undefined : this.conns.get(tabId);
      if (tabId === undefined || c?.state == null) continue;
      this.setState(tabId, { ...c.state, closed: true });
      for (const fn of c.listeners) fn({ replies: [], resp: c.state.resp, closed: true });
    }
  }
}

function sameState(a: ClientState, b: ClientState): boolean {
  return (
    a.id === b.id &&
    a.node === b.node &&
    a.host === b.host &&
    a.port === b.port &&
    a.db === b.db &&
    a.resp === b.resp &&
    a.inMulti === b.inMulti &&
    a.subscriptions === b.subscriptions &&
    a.monitor === b.monitor &&
    a.closed === b.closed
  );
}
