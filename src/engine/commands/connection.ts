import { error, map, OK, PONG, status, type ErrorReply, type Reply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import type { Client } from '../server/client.js';
import { discardTransaction } from '../server/multi.js';
import { unsubscribeAll } from '../server/pubsub.js';
import { string2ll } from '../util/numbers.js';
import type { CommandGroup } from './spec.js';

export const REDIS_VERSION = '7.0.15';

const WRONGPASS = Object.freeze(error('WRONGPASS invalid username-password pair or user is disabled.'));
const AUTH_WITHOUT_PASSWORD = Object.freeze(
  error(
    'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
  ),
);
const HELLO_NOAUTH = Object.freeze(
  error(
    'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time',
  ),
);
const RESET = Object.freeze(status('RESET'));

/**
 * The credentials of the one user redsim knows, `default`: it has no password ("nopass", any
 * password is accepted) until requirepass gives it one, as Redis's requirepass does.
 */
function checkUserCredentials(c: Client, user: string, pass: string): boolean {
  if (user !== 'default') return false;
  const required = c.server.config.get('requirepass');
  return required === '' || pass === required;
}

/** ACLAuthenticateUser: on success the connection is that user's. */
function authenticateUser(c: Client, user: string, pass: string): boolean {
  if (!checkUserCredentials(c, user, pass)) return false;
  c.user = user;
  c.authenticated = true;
  return true;
}

/** clientSetDefaultAuth: the default user, authenticated when it needs no password. */
export function setDefaultAuth(c: Client): void {
  c.user = 'default';
  c.authenticated = c.server.config.get('requirepass') === '';
}

/**
 * getIntFromObjectOrReply: a C int, or the error Redis replies (`msg` replaces both texts
 * when given).
 */
export function intOrReply(s: string, msg?: string): number | ErrorReply {
  const n = string2ll(s);
  if (n === null) return msg === undefined ? E.NOT_INTEGER : error(`ERR ${msg}`);
  if (n < -2147483648 || n > 2147483647) {
    return error(`ERR ${msg ?? 'value is out of range, value must between -2147483648 and 2147483647'}`);
  }
  return Number(n);
}

/** The rule of clientSetNameOrReply: printable ASCII, no spaces. */
export function validClientName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch < 0x21 || ch > 0x7e) return false;
  }
  return true;
}

export const BAD_CLIENT_NAME = Object.freeze(error('ERR Client names cannot contain spaces, newlines or special characters.'));

/**
 * redactClientCommandArgument: the command vector MONITOR (and the slow log) will show hides
 * this argument; the argv itself is left alone (its owner may reuse it).
 */
function redact(c: Client, argv: string[], i: number): void {
  if (c.originalArgv === null) c.originalArgv = argv.slice();
  c.originalArgv[i] = '(redacted)';
}

/** In RESP2 a subscribed client gets PING's answer as a pub/sub style message. */
function ping(c: Client, argv: string[]): Reply {
  if (argv.length > 2) return E.wrongArity('ping');
  if (c.resp === 2 && c.inPubSubMode()) return ['pong', argv[1] ?? ''];
  return argv.length === 2 ? argv[1]! : PONG;
}

function echo(_c: Client, argv: string[]): Reply {
  return argv[1]!;
}

function select(c: Client, argv: string[]): Reply {
  const id = intOrReply(argv[1]!);
  if (typeof id !== 'number') return id;
  if (c.server.config.getBool('cluster-enabled') && id !== 0) return error('ERR SELECT is not allowed in cluster mode');
  const db = c.server.dbs[id];
  if (db === undefined) return E.DB_INDEX_OUT_OF_RANGE;
  c.db = db;
  return OK;
}

/** quitCommand: the connection closes once this reply is written. */
function quit(c: Client): Reply {
  c.closeAfterReply = true;
  return OK;
}

/**
 * resetCommand (clearClientConnectionState): stop monitoring, db 0, RESP2, the default user,
 * no transaction or watched keys, no subscriptions, no name.
 */
function reset(c: Client): Reply {
  if (c.monitor) {
    c.server.monitors.delete(c);
    c.monitor = false;
  }
  c.db = c.server.dbs[0]!;
  c.resp = 2;
  setDefaultAuth(c);
  discardTransaction(c);
  unsubscribeAll(c);
  c.name = '';
  return RESET;
}

function auth(c: Client, argv: string[]): Reply {
  if (argv.length > 3) return E.SYNTAX;
  let user: string;
  let pass: string;
  if (argv.length === 2) {
    pass = argv[1]!;
    redact(c, argv, 1);
    if (c.server.config.get('requirepass') === '') return AUTH_WITHOUT_PASSWORD;
    user = 'default';
  } else {
    user = argv[1]!;
    pass = argv[2]!;
    redact(c, argv, 1);
    redact(c, argv, 2);
  }
  return authenticateUser(c, user, pass) ? OK : WRONGPASS;
}

/**
 * helloCommand: optional protocol version, then AUTH <user> <pass> and SETNAME <name> in any
 * order; the reply describes the server, in the protocol just selected.
 */
function hello(c: Client, argv: string[]): Reply {
  let ver = 0;
  let next = 1;
  if (argv.length >= 2) {
    const v = string2ll(argv[next++]!);
    if (v === null) return error('ERR Protocol version is not an integer or out of range');
    if (v < 2 || v > 3) return error('NOPROTO unsupported protocol version');
    ver = Number(v);
  }
  let credentials: [string, string] | null = null;
  let name: string | null = null;
  for (let j = next; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j]!.toLowerCase();
    if (opt === 'auth' && more >= 2) {
      credentials = [argv[j + 1]!, argv[j + 2]!];
      redact(c, argv, j + 1);
      redact(c, argv, j + 2);
      j += 2;
    } else if (opt === 'setname' && more >= 1) {
      name = argv[j + 1]!;
      j++;
    } else {
      return error(E.sanitizeError(`ERR Syntax error in HELLO option '${argv[j]}'`));
    }
  }
  if (credentials !== null && !authenticateUser(c, credentials[0], credentials[1])) return WRONGPASS;
  if (!c.authenticated) return HELLO_NOAUTH;
  if (name !== null) {
    if (!validClientName(name)) return BAD_CLIENT_NAME;
    c.name = name;
  }
  if (ver !== 0) c.resp = ver as 2 | 3;
  const server = c.server;
  return map([
    'server', 'redis',
    'version', REDIS_VERSION,
    'proto', c.resp,
    'id', c.id,
    'mode', server.config.getBool('cluster-enabled') ? 'cluster' : 'standalone',
    'role', server.isReplica ? 'replica' : 'master',
    'modules', [],
  ]);
}

export const connection: CommandGroup = {
  handlers: { ping, echo, select, quit, reset, auth, hello },
};
