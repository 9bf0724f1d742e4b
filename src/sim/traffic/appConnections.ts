import type { Reply } from '../../protocol/reply.js';
import type { Client } from '../../engine/server/client.js';
import type { RedisServer } from '../../engine/server/server.js';

/**
 * The application servers' connections to Redis: a few engine Clients that every simulated
 * request takes turns on. Commands are real commands through `server.exec` (stats, MONITOR,
 * keyspace events, propagation all see them), and the reply is read synchronously from the
 * sink — no outbox, no UI event batch. A connection killed from a console (CLIENT KILL) is
 * reopened on next use, as a connection pool would.
 */
export class AppConnections {
  private readonly clients: Client[] = [];
  private next = 0;
  private reply: Reply | undefined;
  private readonly sink = (r: Reply): void => {
    this.reply = r;
  };

  constructor(
    private readonly server: RedisServer,
    size: number,
  ) {
    for (let i = 0; i < size; i++) this.clients.push(this.open(i));
  }

  /**
   * Run one command; its reply, or undefined when the node answered nothing now (a node held
   * by DEBUG SLEEP queues commands: the application treats that as the cache being down).
   */
  call(argv: string[]): Reply | undefined {
    return this.on(this.pick(), argv);
  }

  /** A connection to run several commands on in a row (WATCH … EXEC must share one). */
  pick(): Client {
    const i = this.next;
    this.next = (i + 1) % this.clients.length;
    let c = this.clients[i]!;
    if (c.closed) {
      c = this.open(i);
      this.clients[i] = c;
    }
    return c;
  }

  on(c: Client, argv: string[]): Reply | undefined {
    this.reply = undefined;
    this.server.exec(c, argv);
    return this.reply;
  }

  private open(i: number): Client {
    const c = this.server.createClient({ sink: this.sink, addr: `10.0.0.${i + 1}:${51000 + i}` });
    this.on(c, ['CLIENT', 'SETNAME', `app-${i + 1}`]);
    return c;
  }
}
