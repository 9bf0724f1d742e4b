import type { CommandDoc } from '../../../../protocol/api.js';
import { commandDocs } from '../../../../protocol/commandDocs.js';
import type { Client } from '../../../../engine/server/client.js';
import { RedisServer } from '../../../../engine/server/server.js';
import { ManualClock } from '../../../../engine/time/clock.js';
import type { ConsoleBackend, ConsoleConnection, ConsoleOutput } from '../backend.js';

/**
 * A ConsoleBackend on an in-process RedisServer, for tests: the console's connection is one
 * engine Client whose sink feeds the console synchronously, so `execute` meets the contract
 * (every immediate reply delivered before it resolves). Other clients of the same server
 * (`server.createClient`) can publish, push or unblock.
 */
export class EngineBackend implements ConsoleBackend {
  readonly clock: ManualClock;
  readonly server: RedisServer;
  private client: Client;
  private readonly listeners = new Set<(o: ConsoleOutput) => void>();

  constructor() {
    this.clock = new ManualClock();
    this.server = new RedisServer({ clock: this.clock });
    this.client = this.connect();
  }

  private connect(): Client {
    const c = this.server.createClient({
      sink: (reply, from) => {
        if (from === this.client) this.emit({ replies: [reply], resp: from.resp });
      },
    });
    c.onClose = (closed) => {
      if (closed === this.client) this.emit({ replies: [], resp: closed.resp, closed: true });
    };
    return c;
  }

  private emit(o: ConsoleOutput): void {
    for (const l of this.listeners) l(o);
  }

  /** The engine connection the console types into. */
  get connection(): Client {
    return this.client;
  }

  async execute(commands: string[][]): Promise<void> {
    for (const argv of commands) {
      if (this.client.closed) break;
      this.server.exec(this.client, argv);
    }
  }

  onOutput(listener: (o: ConsoleOutput) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async clientState(): Promise<ConsoleConnection> {
    const c = this.client;
    return {
      host: this.server.host,
      port: this.server.port,
      db: c.db.id,
      resp: c.resp,
      inMulti: c.inMulti,
      subscriptions: c.subscriptionCount(),
      monitor: c.monitor,
      closed: c.closed,
    };
  }

  async reset(): Promise<ConsoleConnection> {
    const old = this.client;
    this.client = this.connect();
    this.server.freeClient(old);
    return this.clientState();
  }

  async commandDocs(): Promise<CommandDoc[]> {
    return commandDocs(this.server.commands.commands);
  }
}
