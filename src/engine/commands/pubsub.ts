import { error, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { stringMatch } from '../util/glob.js';
import { helpReply } from './help.js';
import type { CommandGroup } from './spec.js';

/**
 * The Pub/Sub group (pubsub.c). Subscription commands reply one push per channel through the
 * client's outbox (so they return undefined); the state lives in server/pubsub.ts.
 */

// SUBSCRIBE and PSUBSCRIBE stay allowed inside MULTI/EXEC for backward compatibility; the
// shard variants, newer, refuse to run where a reply per command is expected.
const SSUBSCRIBE_DENIED = Object.freeze(error("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client"));

function subscribe(c: Client, argv: string[]): undefined {
  for (let i = 1; i < argv.length; i++) c.server.pubsub.subscribe(c, argv[i]!, false);
  return undefined;
}

function unsubscribe(c: Client, argv: string[]): undefined {
  const ps = c.server.pubsub;
  if (argv.length === 1) ps.unsubscribeAllChannels(c, true, false);
  else for (let i = 1; i < argv.length; i++) ps.unsubscribe(c, argv[i]!, true, false);
  return undefined;
}

function psubscribe(c: Client, argv: string[]): undefined {
  for (let i = 1; i < argv.length; i++) c.server.pubsub.psubscribe(c, argv[i]!);
  return undefined;
}

function punsubscribe(c: Client, argv: string[]): undefined {
  const ps = c.server.pubsub;
  if (argv.length === 1) ps.punsubscribeAll(c, true);
  else for (let i = 1; i < argv.length; i++) ps.punsubscribe(c, argv[i]!, true);
  return undefined;
}

function ssubscribe(c: Client, argv: string[]): Reply | undefined {
  if (c.denyBlocking) return SSUBSCRIBE_DENIED;
  for (let i = 1; i < argv.length; i++) c.server.pubsub.subscribe(c, argv[i]!, true);
  return undefined;
}

function sunsubscribe(c: Client, argv: string[]): undefined {
  const ps = c.server.pubsub;
  if (argv.length === 1) ps.unsubscribeAllChannels(c, true, true);
  else for (let i = 1; i < argv.length; i++) ps.unsubscribe(c, argv[i]!, true, true);
  return undefined;
}

/**
 * publishCommand. Redis also force-propagates PUBLISH to replicas (never to the AOF); the
 * propagation stream has no replica-only target yet, so redsim does not.
 */
function publish(c: Client, argv: string[]): Reply {
  return c.server.pubsub.publish(argv[1]!, argv[2]!);
}

/** spublishCommand, standalone: delivered to this node's shard-channel subscribers. */
function spublish(c: Client, argv: string[]): Reply {
  return c.server.pubsub.spublish(argv[1]!, argv[2]!);
}

/** channelList: active channels matching the optional pattern, in the server's order. */
function channelList(channels: Map<string, Set<Client>>, pattern: string | undefined): Reply {
  const out: Reply[] = [];
  for (const name of channels.keys()) {
    if (pattern === undefined || stringMatch(pattern, name)) out.push(name);
  }
  return out;
}

/** PUBSUB CHANNELS / SHARDCHANNELS take at most one pattern; the arity allows more. */
function pubsubChannels(c: Client, argv: string[]): Reply {
  if (argv.length > 3) return E.subcommandSyntaxError(argv);
  return channelList(c.server.pubsub.channels, argv[2]);
}

function pubsubShardChannels(c: Client, argv: string[]): Reply {
  if (argv.length > 3) return E.subcommandSyntaxError(argv);
  return channelList(c.server.pubsub.shardChannels, argv[2]);
}

/** NUMSUB / SHARDNUMSUB: a flat array of channel, count (an array in RESP3 too). */
function numsub(channels: Map<string, Set<Client>>, argv: string[]): Reply {
  const out: Reply[] = [];
  for (let i = 2; i < argv.length; i++) out.push(argv[i]!, channels.get(argv[i]!)?.size ?? 0);
  return out;
}

function pubsubNumsub(c: Client, argv: string[]): Reply {
  return numsub(c.server.pubsub.channels, argv);
}

function pubsubShardNumsub(c: Client, argv: string[]): Reply {
  return numsub(c.server.pubsub.shardChannels, argv);
}

/** NUMPAT counts distinct patterns, not pattern subscriptions. */
function pubsubNumpat(c: Client): Reply {
  return c.server.pubsub.patterns.size;
}

const HELP = helpReply('PUBSUB', [
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
]);

export const pubsub: CommandGroup = {
  handlers: {
    subscribe,
    unsubscribe,
    psubscribe,
    punsubscribe,
    ssubscribe,
    sunsubscribe,
    publish,
    spublish,
    'pubsub|channels': pubsubChannels,
    'pubsub|numsub': pubsubNumsub,
    'pubsub|numpat': pubsubNumpat,
    'pubsub|shardchannels': pubsubShardChannels,
    'pubsub|shardnumsub': pubsubShardNumsub,
    'pubsub|help': () => HELP,
  },
};
