import { push, type Reply } from '../../protocol/reply.js';
import { stringMatch } from '../util/glob.js';
import type { Client } from './client.js';

/**
 * Redis's pubsubtype: what differs between global channels (SUBSCRIBE/PUBLISH) and shard
 * channels (SSUBSCRIBE/SPUBLISH): which sets hold the subscriptions, which count the replies
 * report, and the words the pushes carry.
 */
interface PubSubType {
  readonly subscribeMsg: string;
  readonly unsubscribeMsg: string;
  readonly messageMsg: string;
  clientChannels(c: Client): Set<string>;
  serverChannels(ps: PubSub): Map<string, Set<Client>>;
  subscriptionCount(c: Client): number;
}

const GLOBAL: PubSubType = {
  subscribeMsg: 'subscribe',
  unsubscribeMsg: 'unsubscribe',
  messageMsg: 'message',
  clientChannels: (c) => c.channels,
  serverChannels: (ps) => ps.channels,
  // clientSubscriptionsCount: channels and patterns, never shard channels.
  subscriptionCount: (c) => c.channels.size + c.patterns.size,
};

const SHARD: PubSubType = {
  subscribeMsg: 'ssubscribe',
  unsubscribeMsg: 'sunsubscribe',
  messageMsg: 'smessage',
  clientChannels: (c) => c.shardChannels,
  serverChannels: (ps) => ps.shardChannels,
  subscriptionCount: (c) => c.shardChannels.size,
};

/**
 * Server-side Pub/Sub state (pubsub.c): channel -> subscribers, shard channel -> subscribers,
 * pattern -> subscribers. Subscription confirmations and messages are pushes (RESP3 `>`,
 * arrays in RESP2) written to the client's outbox as they happen, so a client publishing to
 * its own channel sees the message before PUBLISH's reply, as in Redis 7.0.
 */
export class PubSub {
  readonly channels = new Map<string, Set<Client>>();
  readonly shardChannels = new Map<string, Set<Client>>();
  readonly patterns = new Map<string, Set<Client>>();

  /** SUBSCRIBE / SSUBSCRIBE one channel (pubsubSubscribeChannel); repeats are confirmed again. */
  subscribe(c: Client, channel: string, shard: boolean): void {
    const type = shard ? SHARD : GLOBAL;
    const mine = type.clientChannels(c);
    if (!mine.has(channel)) {
      mine.add(channel);
      addSubscriber(type.serverChannels(this), channel, c);
    }
    c.write(push([type.subscribeMsg, channel, type.subscriptionCount(c)]));
  }

  /** pubsubUnsubscribeChannel: confirmed even when the client was not subscribed. */
  unsubscribe(c: Client, channel: string, notify: boolean, shard: boolean): void {
    const type = shard ? SHARD : GLOBAL;
    if (type.clientChannels(c).delete(channel)) removeSubscriber(type.serverChannels(this), channel, c);
    if (notify) c.write(push([type.unsubscribeMsg, channel, type.subscriptionCount(c)]));
  }

  /** pubsubUnsubscribeAllChannels: with nothing to drop, one reply with a nil channel. */
  unsubscribeAllChannels(c: Client, notify: boolean, shard: boolean): void {
    const type = shard ? SHARD : GLOBAL;
    const mine = type.clientChannels(c);
    if (notify && mine.size === 0) c.write(push([type.unsubscribeMsg, null, type.subscriptionCount(c)]));
    for (const channel of mine) this.unsubscribe(c, channel, notify, shard);
  }

  /** PSUBSCRIBE one pattern (pubsubSubscribePattern). */
  psubscribe(c: Client, pattern: string): void {
    if (!c.patterns.has(pattern)) {
      c.patterns.add(pattern);
      addSubscriber(this.patterns, pattern, c);
    }
    c.write(push(['psubscribe', pattern, GLOBAL.subscriptionCount(c)]));
  }

  /** pubsubUnsubscribePattern */
  punsubscribe(c: Client, pattern: string, notify: boolean): void {
    if (c.patterns.delete(pattern)) removeSubscriber(this.patterns, pattern, c);
    if (notify) c.write(push(['punsubscribe', pattern, GLOBAL.subscriptionCount(c)]));
  }

  /** pubsubUnsubscribeAllPatterns */
  punsubscribeAll(c: Client, notify: boolean): void {
    if (notify && c.patterns.size === 0) c.write(push(['punsubscribe', null, GLOBAL.subscriptionCount(c)]));
    for (const pattern of c.patterns) this.punsubscribe(c, pattern, notify);
  }

  /** Drop every subscription silently (freeClient, RESET's clearClientConnectionState). */
  unsubscribeAll(c: Client): void {
    this.unsubscribeAllChannels(c, false, false);
    this.unsubscribeAllChannels(c, false, true);
    this.punsubscribeAll(c, false);
  }

  /** pubsubPublishMessage: channel subscribers, then pattern subscribers; returns receivers. */
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

  /** pubsubPublishMessage for shard channels (SPUBLISH): no pattern matching. */
  spublish(channel: string, message: string): number {
    const subs = this.shardChannels.get(channel);
    if (subs === undefined) return 0;
    const msg: Reply = push(['smessage', channel, message]);
    for (const c of subs) c.write(msg);
    return subs.size;
  }
}

/** Drop all of a client's subscriptions without replies (for freeClient and RESET). */
export function unsubscribeAll(c: Client): void {
  c.server.pubsub.unsubscribeAll(c);
}

function addSubscriber(index: Map<string, Set<Client>>, name: string, c: Client): void {
  const set = index.get(name);
  if (set === undefined) index.set(name, new Set([c]));
  else set.add(c);
}

function removeSubscriber(index: Map<string, Set<Client>>, name: string, c: Client): void {
  const set = index.get(name);
  if (set === undefined) return;
  set.delete(c);
  if (set.size === 0) index.delete(name);
}
