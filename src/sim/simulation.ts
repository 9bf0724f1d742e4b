import type { ClientState, ExecResult } from '../protocol/api.js';
import type { ClockState } from '../protocol/events.js';
import { ScaledClock } from '../engine/time/clock.js';
import { ChangeFeed } from './changeFeed.js';
import { createNode, type SimNode } from './node.js';
import { SimClient } from './simClient.js';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
/** Longest single clock jump accepted (about 30 years): keeps virtual time a safe float. */
export const MAX_ADVANCE_MS = 1e12;

export interface SimulationOptions {
  /** The host's wall clock in ms since the epoch; the simulation never reads one itself. */
  timeSource: () => number;
  seed?: number;
  /** Virtual time to start at (defaults to the time source's present). */
  startTime?: number;
  /** Config every node starts with (redis.conf overrides). */
  config?: Record<string, string>;
}

/**
 * The world around the Redis nodes (DESIGN.md §3): one virtual clock, the nodes on it, the
 * client connections, and the feed of what changed. Time moves only through the clock, which
 * follows the injected host time scaled x0.1…x100 or stands still when paused; whoever hosts
 * the simulation calls `tick()` when `msUntilWakeup()` says something is due.
 */
export class Simulation {
  private scaledClock: ScaledClock;
  readonly feed = new ChangeFeed();
  private readonly hostTime: () => number;
  private seed: number;
  private readonly config: Record<string, string> | undefined;
  private nodeList: SimNode[] = [];
  private readonly clients = new Map<number, SimClient>();
  private nextClientId = 1;

  constructor(opts: SimulationOptions) {
    this.hostTime = opts.timeSource;
    this.scaledClock = new ScaledClock(opts.timeSource, opts.startTime);
    this.seed = opts.seed ?? 1;
    this.config = opts.config;
    this.addNode(createNode('node-1', this.scaledClock, { seed: this.seed, config: this.config }));
  }

  get clock(): ScaledClock {
    return this.scaledClock;
  }

  get nodes(): readonly SimNode[] {
    return this.nodeList;
  }

  private addNode(node: SimNode): void {
    this.nodeList.push(node);
    this.feed.watchNode(node);
  }

  /** The node with this id; the first node when the id is omitted. Undefined if unknown. */
  node(id?: string): SimNode | undefined {
    return id === undefined ? this.nodeList[0] : this.nodeList.find((n) => n.id === id);
  }

  openClient(nodeId?: string): SimClient | undefined {
    const node = this.node(nodeId);
    if (node === undefined) return undefined;
    const c = new SimClient(this.nextClientId++, node, {
      output: (sc) => this.feed.clientOutput(sc),
      closed: (sc) => {
        this.clients.delete(sc.id);
        this.feed.clientClosed(sc);
      },
    });
    this.clients.set(c.id, c);
    return c;
  }

  client(id: number): SimClient | undefined {
    return this.clients.get(id);
  }

  closeClient(id: number): void {
    const c = this.clients.get(id);
    if (c === undefined) return;
    this.clients.delete(id);
    // Closed on the UI's request: nobody needs a "connection lost" event for it.
    c.conn.onClose = null;
    c.closed = true;
    c.node.server.freeClient(c.conn);
    this.feed.outputDelivered(c);
  }

  /**
   * Run one command. Due timers fire first, so the command sees the present; the result holds
   * every reply the client had not been given yet, in the order the engine wrote them.
   */
  execute(c: SimClient, argv: string[]): ExecResult {
    this.tick();
    c.node.server.exec(c.conn, argv);
    this.feed.outputDelivered(c);
    this.feed.checkReplacedDbs();
    const replies = c.takeOutput();
    // QUIT: the connection closes once its reply is out, and this result is how it goes out.
    if (c.conn.closeAfterReply) this.closeClient(c.id);
    return { replies, client: c.state() };
  }

  clientState(id: number): ClientState | undefined {
    return this.clients.get(id)?.state();
  }

  /** Bring every node up to the clock's present: due timers, serverCron (active expiry). */
  tick(): void {
    for (const n of this.nodeList) n.server.tick();
  }

  /** Real (host) milliseconds until some node has work due; Infinity while paused. */
  msUntilWakeup(): number {
    if (this.clock.isPaused) return Infinity;
    let next = Infinity;
    for (const n of this.nodeList) next = Math.min(next, n.server.nextWakeup());
    return Math.max(0, (next - this.clock.now()) / this.clock.speed);
  }

  clockState(): ClockState {
    const hz = Math.max(1, this.nodeList[0]!.server.config.getInt('hz'));
    return {
      now: this.clock.now(),
      hostTime: this.hostTime(),
      speed: this.clock.speed,
      paused: this.clock.isPaused,
      stepMs: 1000 / hz,
    };
  }

  private clockMoved(): ClockState {
    const s = this.clockState();
    this.feed.clockChanged(s);
    return s;
  }

  setSpeed(speed: number): ClockState {
    if (Number.isFinite(speed)) {
      this.tick();
      this.clock.setSpeed(Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)));
    }
    return this.clockMoved();
  }

  pause(): ClockState {
    this.tick();
    if (!this.clock.isPaused) this.clock.pause();
    return this.clockMoved();
  }

  resume(): ClockState {
    if (this.clock.isPaused) this.clock.resume();
    return this.clockMoved();
  }

  /** One serverCron period forward. */
  step(): ClockState {
    return this.advance(this.clockState().stepMs);
  }

  /** Jump forward and run, in time order, everything that falls due on the way. */
  advance(ms: number): ClockState {
    if (Number.isFinite(ms) && ms > 0) {
      this.clock.advance(Math.min(ms, MAX_ADVANCE_MS));
      this.tick();
    }
    return this.clockMoved();
  }

  /**
   * Start over: every node restarts empty (data, config and statistics gone; open connections
   * die with the old process) and the clock runs again at x1 from the host's present. A scenario
   * passes its seed and a fixed start time so that its run replays exactly.
   */
  reset(opts: { seed?: number; startTime?: number } = {}): void {
    if (opts.seed !== undefined) this.seed = opts.seed;
    for (const c of [...this.clients.values()]) {
      this.clients.delete(c.id);
      c.closed = true;
      this.feed.clientClosed(c);
    }
    const ids = this.nodeList.map((n) => n.id);
    for (const n of this.nodeList) this.feed.unwatchNode(n);
    this.nodeList = [];
    this.scaledClock = new ScaledClock(this.hostTime, opts.startTime);
    for (const id of ids) this.addNode(createNode(id, this.scaledClock, { seed: this.seed, config: this.config }));
    for (const n of this.nodeList) this.feed.forceResync(n);
    this.clockMoved();
  }
}
