import { push, type Reply } from '../../protocol/reply.js';
import { stringMatch } from '../util/glob.js';
import type { Client } from './client.js';

/**
 * Server-side Pub/Sub state (pubsub.c): channel -> subscribers and pattern -> subscribers.
 * Messages are written to subscribers' outboxes as pushes (arrays in RESP2).
 */
export class PubSub {
  readonly channels = new Map<string, Set<Client>>();
  readonly patterns = new Map<string, Set<Client>>();

  /** pubsubPublishMessage: returns the number of clients that received it. */
  publish(channel: string, message: string): number {
    let receivers = 0;
    const subs = this.channels.get(channel);
    if (subs !== undefined) {
      const msg: Reply = push(['message', channel, message]);
      for (const c of subs) {
        c.write(msg);
        receivers++;
      }
    }
    if (this.patterns.size > 0) {
      for (const [pattern, clients] of this.patterns) {
        if (!stringMatch(pattern, channel)) continue;
        const msg: Reply = push(['pmessage', pattern, channel, message]);
        for (const c of clients) {
          c.write(msg);
          receivers++;
        }
      }
    }
    return receivers;
  }
}
