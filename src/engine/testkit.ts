import type { Reply } from '../protocol/reply.js';
import type { Client } from './server/client.js';
import { RedisServer, type ServerOptions } from './server/server.js';
import { ManualClock } from './time/clock.js';

/**
 * Helpers for unit tests: a server on a manual clock and clients whose replies are captured.
 */
export interface TestNode {
  server: RedisServer;
  clock: ManualClock;
  client(): TestClient;
}

export interface TestClient {
  c: Client;
  /** Run a command; returns its first reply (undefined if it produced none). */
  call(...argv: string[]): Reply | undefined;
  /** Every reply and push the client received since the last drain. */
  drain(): Reply[];
}

export function testNode(opts: Partial<ServerOptions> = {}): TestNode {
  const clock = new ManualClock();
  const server = new RedisServer({ clock, ...opts });
  return {
    server,
    clock,
    client(): TestClient {
      const out: Reply[] = [];
      const c = server.createClient({ sink: (r) => out.push(r) });
      return {
        c,
        call(...argv: string[]) {
          const before = out.length;
          server.exec(c, argv);
          return out.length > before ? out.splice(before, 1)[0] : undefined;
        },
        drain() {
          return out.splice(0, out.length);
        },
      };
    },
  };
}
