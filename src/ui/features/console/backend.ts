import type { CommandDoc } from '../../../protocol/api.js';
import type { Reply } from '../../../protocol/reply.js';

/**
 * What the console needs from the app: one connection to one node, the console's own engine
 * client (redis-cli's socket). The app implements it on top of the worker API (EngineApi:
 * openClient / execute / event-batch outputs / closeClient / commandDocs); tests implement it
 * on an in-process RedisServer (testing/engineBackend.ts).
 *
 * Every argv and reply string is a byte string (char codes 0–255).
 */
export interface ConsoleBackend {
  /**
   * Run commands on the connection, in order, as one pipeline. The console sends several only
   * when they cannot block (a pasted script); an app on top of a one-command API just runs them
   * one after the other.
   *
   * Contract: every reply these commands produce while they run must have been passed to the
   * onOutput listener before the returned promise resolves. A command still without its reply
   * then is blocked (BLPOP, WAIT...): its reply arrives later through onOutput, and the console
   * shows it is waiting.
   */
  execute(commands: string[][]): Promise<void>;

  /**
   * Everything the connection receives, in the order it receives it: command replies, RESP3
   * pushes (invalidations), pub/sub messages, MONITOR lines, the late reply of a blocked command.
   * Deliver as soon as possible (not held for an animation frame: Enter → reply drawn has a 2 ms
   * budget). Returns an unsubscribe function.
   */
  onOutput(listener: (output: ConsoleOutput) => void): () => void;

  /** The connection as it is now (prompt, and whether it is subscribed when the console mounts). */
  clientState(): Promise<ConsoleConnection>;

  /**
   * Close the connection and open a fresh one to the same node: what redis-cli does on Ctrl-C in
   * subscribe or MONITOR mode, and what stops a blocked command. No output of the old connection
   * may be delivered after the promise resolves.
   */
  reset(): Promise<ConsoleConnection>;

  /** Every command the node implements, with its docs (help, TAB completion, hints). */
  commandDocs(): Promise<CommandDoc[]>;
}

/** Replies received together, all in the protocol the connection used for them. */
export interface ConsoleOutput {
  replies: Reply[];
  /** The connection's protocol (HELLO 3 switches it); its own reply is already in RESP3. */
  resp: 2 | 3;
  /** The server closed the connection after these replies (CLIENT KILL, QUIT). */
  closed?: boolean;
}

/** The connection's state. The worker's ClientState (protocol/api.ts) has this shape. */
export interface ConsoleConnection {
  host: string;
  port: number;
  db: number;
  resp: 2 | 3;
  inMulti: boolean;
  /** Channels and patterns subscribed. */
  subscriptions: number;
  monitor: boolean;
  closed: boolean;
}
