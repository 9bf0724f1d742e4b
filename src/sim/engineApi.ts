import type { ClientState, EngineApi, EngineInfo, ExecResult, NodeInfo } from '../protocol/api.js';
import type { ClockState, EngineEventBatch } from '../protocol/events.js';
import { error } from '../protocol/reply.js';
import { toByteString } from './bytes.js';
import { REDIS_VERSION, type SimNode } from './node.js';
import { commandDocs } from '../protocol/commandDocs.js';
import { dbOf, keyDetail, keyRows, scanKeys } from './projections/keyspace.js';
import { structureSnapshot } from './projections/structures/structure.js';
import { RealtimeDriver, type HostTimers } from './realtime.js';
import { withScenarios } from './scenarioApi.js';
import { restoreSession } from './session/restore.js';
import { snapshotSession } from './session/snapshot.js';
import type { SimClient } from './simClient.js';
import type { Simulation } from './simulation.js';

/** What the host (the worker) lends the API: timers and a per-animation-frame callback. */
export interface EngineHost extends HostTimers {
  requestFrame(fn: () => void): void;
}

/**
 * The worker's API over a Simulation: argument checks at the boundary (the UI is another
 * thread and its inputs are user inputs), projections to plain data, and event batches
 * delivered at most once per animation frame.
 */
export function createEngineApi(sim: Simulation, host: EngineHost): EngineApi {
  const driver = new RealtimeDriver(sim, host);
  let listener: ((batch: EngineEventBatch) => void) | null = null;
  let frameRequested = false;

  const flush = (): void => {
    frameRequested = false;
    if (listener === null) return;
    const batch = sim.feed.take();
    if (batch !== null) listener(batch);
  };
  sim.feed.onPending = () => {
    if (listener === null || frameRequested) return;
    frameRequested = true;
    host.requestFrame(flush);
  };
  driver.reschedule();

  const clockMoved = (s: ClockState): ClockState => {
    driver.reschedule();
    return s;
  };
  const server = (node: string | undefined) => {
    const n = sim.node(node);
    if (n === undefined) throw new Error(`unknown node ${String(node)}`);
    return n.server;
  };
  const db = (node: string | undefined, index: number) => {
    const d = dbOf(server(node), index);
    if (d === undefined) throw new Error(`db ${String(index)} is out of range`);
    return d;
  };

  const run = (c: SimClient, argv: unknown): ExecResult => {
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) {
      return { replies: [error('ERR redsim: a command is a list of strings')], client: c.state() };
    }
    try {
      return sim.execute(c, argv.map(toByteString));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { replies: [...c.takeOutput(), error(`ERR redsim internal error: ${message.replace(/[\r\n]+/g, ' ')}`)], client: c.state() };
    }
  };

  return withScenarios(sim, host, {
    hello: (): EngineInfo => ({ nodes: sim.nodes.map(nodeInfo), clock: sim.clockState() }),

    openClient(opts): ClientState {
      const c = sim.openClient(opts?.node);
      if (c === undefined) throw new Error(`unknown node ${String(opts?.node)}`);
      return c.state();
    },
    closeClient: (id) => sim.closeClient(id),

    execute(id, argv): ExecResult | null {
      const c = sim.client(id);
      if (c === undefined) return null;
      const result = run(c, argv);
      driver.reschedule();
      return result;
    },

    executeMany(id, commands): ExecResult[] | null {
      const c = sim.client(id);
      if (c === undefined) return null;
      const results: ExecResult[] = [];
      for (const argv of Array.isArray(commands) ? commands : []) {
        const r = run(c, argv);
        results.push(r);
        if (r.client.closed) break;
      }
      driver.reschedule();
      return results;
    },

    setSpeed: (speed) => clockMoved(sim.setSpeed(Number(speed))),
    pause: () => clockMoved(sim.pause()),
    resume: () => clockMoved(sim.resume()),
    step: () => clockMoved(sim.step()),
    advance: (ms) => clockMoved(sim.advance(Number(ms))),

    scanKeys: (req) => scanKeys(db(req.node, req.db), { ...req, pattern: String(req.pattern) }),
    keyRows: (req) => keyRows(db(req.node, req.db), req),
    keyDetail: (req) => keyDetail(db(req.node, req.db), req),
    structure: (req) => structureSnapshot(server(req.node), sim.node(req.node)!.id, db(req.node, req.db), req),

    commandDocs: () => commandDocs(server(undefined).commands.commands),

    exportSession: () => snapshotSession(sim),
    exportSessionText() {
      const snap = snapshotSession(sim);
      return { text: JSON.stringify(snap, null, 1), keys: snap.dbs.reduce((n, d) => n + d.keys.length, 0) };
    },
    importSession(snapshot) {
      const r = restoreSession(sim, snapshot);
      driver.reschedule();
      return r;
    },
    reset() {
      sim.reset();
      driver.reschedule();
    },

    subscribe(fn) {
      listener = fn;
      sim.feed.onPending();
    },
  });
}

function nodeInfo(n: SimNode): NodeInfo {
  return { id: n.id, host: n.server.host, port: n.server.port, databases: n.server.dbs.length, version: REDIS_VERSION };
}
