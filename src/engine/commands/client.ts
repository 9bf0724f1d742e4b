import { error, OK, verbatim, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { string2ll } from '../util/numbers.js';
import { BAD_CLIENT_NAME, validClientName } from './connection.js';
import { helpReply } from './help.js';
import type { CommandGroup } from './spec.js';

/** CLIENT_TYPE_* as getClientTypeByName spells them ("replica" is "slave"). */
export type ClientType = 'normal' | 'slave' | 'pubsub' | 'master';

/** getClientTypeByName */
export function clientTypeByName(name: string): ClientType | null {
  switch (name.toLowerCase()) {
    case 'normal': return 'normal';
    case 'slave':
    case 'replica': return 'slave';
    case 'pubsub': return 'pubsub';
    case 'master': return 'master';
    default: return null;
  }
}

/** getClientType: MONITOR clients count as normal (or pubsub) clients, not replicas. */
export function clientType(c: Client): ClientType {
  return c.inPubSubMode() ? 'pubsub' : 'normal';
}

/** Bytes of a command as a RESP multibulk: what sits in the query buffer while it runs. */
function multibulkLength(argv: readonly string[]): number {
  let n = 3 + String(argv.length).length;
  for (const a of argv) n += 5 + String(a.length).length + a.length;
  return n;
}

/** dictSize * sizeof(dictEntry) + dictSlots * sizeof(dictEntry*) of a client's channel dict. */
function channelDictBytes(n: number): number {
  if (n === 0) return 0;
  let slots = 4;
  while (slots < n) slots *= 2;
  return n * 24 + slots * 8;
}

/** Memory every connection costs in Redis 7.0 (client struct, 16k reply buffer, 20k query buffer). */
const CLIENT_BASE_MEMORY = 37632;
const QUERY_BUFFER_ALLOC = 20474;
const REPLY_BUFFER_SIZE = 16384;
/**
 * clientsCron: a connection idle for 2 seconds gives its query buffer back and its reply
 * buffer shrinks to PROTO_REPLY_MIN_BYTES, leaving this much.
 */
const IDLE_RESIZE_SECONDS = 2;
const IDLE_CLIENT_MEMORY = 1800;
const PROTO_REPLY_MIN_BYTES = 1024;

/** Whole seconds since the connection last sent a command. */
function idleSeconds(c: Client): number {
  return Math.floor((c.server.now - c.lastInteraction) / 1000);
}

/** Its buffers were resized by clientsCron (the caller, running a command, never is). */
function buffersShrunk(c: Client, caller: Client | null): boolean {
  return c !== caller && idleSeconds(c) >= IDLE_RESIZE_SECONDS;
}
/** A list node and a watchedKey per WATCHed key. */
const WATCHED_KEY_MEMORY = 56;

/** The command the caller is running sits in its query buffer; other connections hold nothing. */
function runningArgv(c: Client, caller: Client | null): readonly string[] {
  return c === caller ? c.argv : [];
}

/**
 * getClientMemoryUsage, modelled: the connection's fixed buffers, the command being parsed,
 * the queued MULTI commands, the pub/sub subscription tables and the WATCHed keys.
 */
export function clientMemory(c: Client, caller: Client | null): number {
  const running = runningArgv(c, caller);
  let mem = (buffersShrunk(c, caller) ? IDLE_CLIENT_MEMORY : CLIENT_BASE_MEMORY) + 8 * running.length + 24 * c.queued.length;
  for (const a of running) mem += a.length;
  for (const q of c.queued) {
    for (const a of q.argv) mem += a.length;
    mem += 8 * q.argv.length;
  }
  return mem + channelDictBytes(c.channels.size) + channelDictBytes(c.shardChannels.size) + 24 * c.patterns.size +
    WATCHED_KEY_MEMORY * c.watched.length;
}

/**
 * getClientInfoString: one line of CLIENT LIST / CLIENT INFO, Redis 7.0's fields in Redis's
 * order. Buffers and memory are modelled: the caller's own query buffer holds the command it is
 * running, idle connections hold nothing, replies never queue (they leave at once).
 */
export function clientInfoString(c: Client, caller: Client | null): string {
  const shrunk = buffersShrunk(c, caller);
  let flags = '';
  if (c.monitor) flags += 'O';
  if (c.inPubSubMode()) flags += 'P';
  if (c.inMulti) flags += 'x';
  if (c.blocked !== null) flags += 'b';
  if (c.dirtyCas) flags += 'd';
  if (c.closeAfterReply) flags += 'c';
  if (c.noEvict) flags += 'e';
  if (flags === '') flags = 'N';
  const running = runningArgv(c, caller);
  const qbuf = running.length === 0 ? 0 : multibulkLength(running);
  let argvMem = 0;
  for (const a of running) argvMem += a.length;
  let multiMem = 0;
  for (const q of c.queued) {
    for (const a of q.argv) multiMem += a.length;
    multiMem += 8 * q.argv.length;
  }
  return `id=${c.id} addr=${c.addr} laddr=${c.laddr} fd=${c.id + 7} name=${c.name}` +
    ` age=${Math.floor((c.server.now - c.createdAt) / 1000)} idle=${idleSeconds(c)}` +
    ` flags=${flags} db=${c.db.id} sub=${c.channels.size} psub=${c.patterns.size} ssub=${c.shardChannels.size}` +
    ` multi=${c.inMulti ? c.queued.length : -1} qbuf=${qbuf} qbuf-free=${shrunk ? 0 : Math.max(QUERY_BUFFER_ALLOC, qbuf) - qbuf}` +
    ` argv-mem=${argvMem} multi-mem=${multiMem} rbs=${shrunk ? PROTO_REPLY_MIN_BYTES : REPLY_BUFFER_SIZE} rbp=${shrunk ? 0 : REPLY_BUFFER_SIZE}` +
    ` obl=0 oll=0 omem=0 tot-mem=${clientMemory(c, caller)} events=r cmd=${c.lastCommand} user=${c.user} redir=-1 resp=${c.resp}`;
}

function clientId(c: Client): Reply {
  return c.id;
}

function clientGetname(c: Client): Reply {
  return c.name === '' ? null : c.name;
}

/** clientSetNameOrReply: an empty name removes the name. */
function clientSetname(c: Client, argv: string[]): Reply {
  const name = argv[2]!;
  if (!validClientName(name)) return BAD_CLIENT_NAME;
  c.name = name;
  return OK;
}

function clientInfo(c: Client): Reply {
  return verbatim(clientInfoString(c, c) + '\n');
}

/** CLIENT LIST [TYPE <type>] | [ID <id> [<id> ...]]: a verbatim string in RESP3. */
function clientList(c: Client, argv: string[]): Reply {
  const server = c.server;
  let out = '';
  if (argv.length === 4 && argv[2]!.toLowerCase() === 'type') {
    const type = clientTypeByName(argv[3]!);
    if (type === null) return error(E.sanitizeError(`ERR Unknown client type '${argv[3]}'`));
    for (const cl of server.clients.values()) if (clientType(cl) === type) out += clientInfoString(cl, c) + '\n';
  } else if (argv.length > 3 && argv[2]!.toLowerCase() === 'id') {
    for (let j = 3; j < argv.length; j++) {
      const id = string2ll(argv[j]!);
      if (id === null) return error('ERR Invalid client ID');
      const cl = typeof id === 'number' ? server.clients.get(id) : undefined;
      if (cl !== undefined) out += clientInfoString(cl, c) + '\n';
    }
  } else if (argv.length !== 2) {
    return E.SYNTAX;
  } else {
    for (const cl of server.clients.values()) out += clientInfoString(cl, c) + '\n';
  }
  return verbatim(out);
}

interface KillFilter {
  addr: string | null;
  laddr: string | null;
  type: ClientType | null;
  id: number;
  user: string | null;
  skipme: boolean;
}

/** The new form's options: ID, TYPE, ADDR, LADDR, USER, SKIPME, each with a value. */
function parseKillFilter(argv: string[]): { filter: KillFilter } | { error: Reply } {
  const f: KillFilter = { addr: null, laddr: null, type: null, id: 0, user: null, skipme: true };
  for (let i = 2; i < argv.length; i += 2) {
    const opt = argv[i]!.toLowerCase();
    const value = argv[i + 1];
    if (value === undefined) return { error: E.SYNTAX };
    if (opt === 'id') {
      const id = string2ll(value);
      if (id === null || id < 1) return { error: error('ERR client-id should be greater than 0') };
      f.id = Number(id);
    } else if (opt === 'type') {
      f.type = clientTypeByName(value);
      if (f.type === null) return { error: error(E.sanitizeError(`ERR Unknown client type '${value}'`)) };
    } else if (opt === 'addr') {
      f.addr = value;
    } else if (opt === 'laddr') {
      f.laddr = value;
    } else if (opt === 'user') {
      if (value !== 'default') return { error: error(E.sanitizeError(`ERR No such user '${value}'`)) };
      f.user = value;
    } else if (opt === 'skipme') {
      const v = value.toLowerCase();
      if (v !== 'yes' && v !== 'no') return { error: E.SYNTAX };
      f.skipme = v === 'yes';
    } else {
      return { error: E.SYNTAX };
    }
  }
  return { filter: f };
}

/**
 * CLIENT KILL <addr> (old form: OK or "No such client", may kill the caller) or CLIENT KILL
 * <filter> <value> ... (new form: how many were killed). Other connections close now
 * (freeClient); the caller closes after this reply (CLIENT_CLOSE_AFTER_REPLY).
 */
function clientKill(c: Client, argv: string[]): Reply {
  const oldForm = argv.length === 3;
  let f: KillFilter;
  if (oldForm) {
    f = { addr: argv[2]!, laddr: null, type: null, id: 0, user: null, skipme: false };
  } else {
    const parsed = parseKillFilter(argv);
    if ('error' in parsed) return parsed.error;
    f = parsed.filter;
  }
  const server = c.server;
  let killed = 0;
  let closeSelf = false;
  for (const cl of [...server.clients.values()]) {
    if (f.addr !== null && cl.addr !== f.addr) continue;
    if (f.laddr !== null && cl.laddr !== f.laddr) continue;
    if (f.type !== null && clientType(cl) !== f.type) continue;
    if (f.id !== 0 && cl.id !== f.id) continue;
    if (f.user !== null && cl.user !== f.user) continue;
    if (cl === c && f.skipme) continue;
    if (cl === c) closeSelf = true;
    else server.freeClient(cl);
    killed++;
  }
  if (closeSelf) c.closeAfterReply = true;
  if (oldForm) return killed === 0 ? error('ERR No such client') : OK;
  return killed;
}

function clientNoEvict(c: Client, argv: string[]): Reply {
  const v = argv[2]!.toLowerCase();
  if (v !== 'on' && v !== 'off') return E.SYNTAX;
  c.noEvict = v === 'on';
  return OK;
}

const HELP = helpReply('CLIENT', [
  'CACHING (YES|NO)',
  '    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.',
  'GETREDIR',
  '    Return the client ID we are redirecting to when tracking is enabled.',
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'UNPAUSE',
  '    Stop the current client pause, resuming traffic.',
  'PAUSE <timeout> [WRITE|ALL]',
  '    Suspend all, or just write, clients for <timeout> milliseconds.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]',
  '         [OPTIN] [OPTOUT] [NOLOOP]',
  '    Control server assisted client side caching.',
  'TRACKINGINFO',
  '    Report tracking status for the current connection.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
]);

export const clientGroup: CommandGroup = {
  handlers: {
    'client|id': clientId,
    'client|getname': clientGetname,
    'client|setname': clientSetname,
    'client|info': clientInfo,
    'client|list': clientList,
    'client|kill': clientKill,
    'client|no-evict': clientNoEvict,
    'client|help': () => HELP,
  },
};
