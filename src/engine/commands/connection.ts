import { PONG, type Reply } from '../../protocol/reply.js';
import type { Client } from '../server/client.js';
import type { CommandGroup } from './spec.js';

function ping(c: Client, argv: string[]): Reply {
  if (argv.length > 2) return { t: 'error', s: "ERR wrong number of arguments for 'ping' command" };
  if (c.resp === 2 && c.inPubSubMode()) return ['pong', argv[1] ?? ''];
  return argv.length === 2 ? argv[1]! : PONG;
}

function echo(_c: Client, argv: string[]): Reply {
  return argv[1]!;
}

export const connection: CommandGroup = {
  handlers: { ping, echo },
};
