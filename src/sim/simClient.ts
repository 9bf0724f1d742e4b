import type { ClientState } from '../protocol/api.js';
import type { Reply } from '../protocol/reply.js';
import type { Client } from '../engine/server/client.js';
import type { SimNode } from './node.js';

/**
 * One connection as the simulation sees it: the engine's Client plus an outbox. The engine
 * writes replies and pushes into the outbox whenever they happen (a reply now, a pub/sub
 * message caused by another client, a blocked command's late reply); the simulation decides
 * when they are delivered. Ids are unique across nodes, unlike the engine's per-node ids.
 */
export class SimClient {
  readonly conn: Client;
  private outbox: Reply[] = [];
  closed = false;

  constructor(
    readonly id: number,
    readonly node: SimNode,
    hooks: { output: (c: SimClient) => void; closed: (c: SimClient) => void },
  ) {
    this.conn = node.server.createClient({
      sink: (reply) => {
        this.outbox.push(reply);
        hooks.output(this);
      },
    });
    this.conn.onClose = () => {
      this.closed = true;
      hooks.closed(this);
    };
  }

  hasOutput(): boolean {
    return this.outbox.length > 0;
  }

  takeOutput(): Reply[] {
    const out = this.outbox;
    this.outbox = [];
    return out;
  }

  state(): ClientState {
    const c = this.conn;
    return {
      id: this.id,
      node: this.node.id,
      host: this.node.server.host,
      port: this.node.server.port,
      db: c.db.id,
      resp: c.resp,
      inMulti: c.inMulti,
      subscriptions: c.subscriptionCount(),
      monitor: c.monitor,
      closed: this.closed,
    };
  }
}
