import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PONG, type Reply } from '../protocol/reply.js';
import { RequestParser } from './resp/request.js';
import type { Client } from './server/client.js';
import type { RedisServer } from './server/server.js';
import { testNode } from './testkit.js';

/**
 * Garbage in, errors out (invariant 6): random bytes, broken framing, unbalanced quotes and huge
 * arities go through the request parser and the dispatcher the way a socket's input does. The
 * engine must answer every command it runs, never throw, record no engine bug, and afterwards
 * still serve a fresh connection with the data it had.
 */

/**
 * Commands left out of the garbage because running them with the right arguments is allowed to
 * wipe or wedge the node, which is what they are for: FLUSHALL/FLUSHDB/SWAPDB empty the
 * sentinel's database, CONFIG SET can require a password or set maxmemory, DEBUG can sleep or
 * simulate a crash, SHUTDOWN stops the node, CLIENT PAUSE stops every client and CLIENT REPLY
 * silences replies by request.
 */
const DENIED = new Set(['flushall', 'flushdb', 'swapdb', 'config', 'debug', 'shutdown', 'replicaof', 'slaveof', 'failover', 'client pause', 'client reply']);

function denied(argv: string[]): boolean {
  const name = argv[0]!.toLowerCase();
  return DENIED.has(name) || (argv.length > 1 && DENIED.has(`${name} ${argv[1]!.toLowerCase()}`));
}

/** One simulated connection: its own parser and client, reopened when the server closes it. */
class Connection {
  private parser = new RequestParser();
  private client: Client;
  readonly replies: Reply[] = [];
  commands = 0;

  constructor(private readonly server: RedisServer) {
    this.client = this.open();
  }

  private open(): Client {
    this.parser = new RequestParser();
    return this.server.createClient({ sink: (r) => this.replies.push(r) });
  }

  /** Feed bytes as one socket read; fails the test if a command goes unanswered. */
  feed(bytes: string): void {
    this.parser.feed(bytes);
    for (;;) {
      const req = this.parser.next();
      if (req === null) return;
      if (!Array.isArray(req)) {
        expect(req.protocolError).toMatch(/^ERR Protocol error: /);
        this.reopen();
        return;
      }
      if (denied(req)) continue;
      this.exec(req);
    }
  }

  exec(argv: string[]): void {
    const before = this.replies.length;
    // A blocked client's commands wait in its query buffer, and a command that blocks replies
    // later: neither owes a reply now.
    const wasBlocked = this.client.blocked !== null;
    this.server.exec(this.client, argv);
    this.commands++;
    if (!wasBlocked && this.client.blocked === null) {
      expect(this.replies.length, `no reply to ${JSON.stringify(argv.slice(0, 6))}`).toBeGreaterThan(before);
    }
    if (this.client.closed || this.client.closeAfterReply) this.reopen();
  }

  private reopen(): void {
    this.server.freeClient(this.client);
    this.client = this.open();
  }
}

/** A node holding known data in two databases. */
function nodeWithSentinels() {
  const node = testNode();
  const setup = node.client();
  setup.call('SET', 'sentinel\xff', 'zero');
  setup.call('SELECT', '15');
  setup.call('SET', 'sentinel\xff', 'fifteen');
  return node;
}

/** The node still serves a new connection, and the sentinel data is intact. */
function expectUsable(node: ReturnType<typeof testNode>): void {
  expect(node.server.engineBugs).toEqual([]);
  node.clock.advance(60_000);
  node.server.tick();
  const c = node.client();
  expect(c.call('PING')).toEqual(PONG);
  expect(c.call('GET', 'sentinel\xff')).toBe('zero');
  expect(c.call('SELECT', '15')).toEqual({ t: 'status', s: 'OK' });
  expect(c.call('GET', 'sentinel\xff')).toBe('fifteen');
  expect(c.call('SET', 'after', 'garbage')).toEqual({ t: 'status', s: 'OK' });
  expect(c.call('GET', 'after')).toBe('garbage');
  expect(node.server.engineBugs).toEqual([]);
}

const commandNames = (() => {
  const names: string[] = [];
  for (const spec of testNode().server.commands.commands) {
    names.push(spec.name);
    for (const sub of spec.subcommands?.keys() ?? []) names.push(`${spec.name} ${sub}`);
  }
  return names;
})();

const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((b) => String.fromCharCode(...b));
const token = fc.oneof(
  { weight: 3, arbitrary: bytes(8) },
  { weight: 2, arbitrary: fc.constantFrom('k', 'k2', 'sentinel', '', ' ', '*', '0', '-1', '1', '3', '100', '9223372036854775807', '-9223372036854775809', '1e400', 'nan', 'inf', '-inf', '4294967296', '99999999999999999999') },
  { weight: 2, arbitrary: fc.constantFrom('EX', 'PX', 'EXAT', 'PXAT', 'NX', 'XX', 'GT', 'LT', 'KEEPTTL', 'GET', 'PERSIST', 'COUNT', 'MATCH', 'TYPE', 'DB', 'REPLACE', 'IDX', 'LEN', 'MINMATCHLEN', 'WITHMATCHLEN', 'ASYNC', 'SYNC', 'ID', 'USER', 'ADDR', 'LADDR', 'SKIPME', 'MAXAGE', 'AUTH', 'SETNAME', 'default', 'no', 'yes') },
);
/** A command line: mostly a real command name (any case) with random arguments. */
const argv = fc
  .tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...commandNames) }, { weight: 1, arbitrary: bytes(6) }), fc.array(token, { maxLength: 7 }), fc.boolean())
  .map(([name, args, upper]) => [...(upper ? name.toUpperCase() : name).split(' '), ...args]);

const multibulk = (a: string[]): string => `*${a.length}\r\n${a.map((x) => `$${x.length}\r\n${x}\r\n`).join('')}`;
/** Inline form, with the quoting the server's splitter understands and some it rejects. */
const inline = fc
  .tuple(argv, fc.array(fc.constantFrom('"', "'", '\\x', '"\\x4', '"a\\"', "'it''s'", '"ok"', '"\\xff\\x00"', '"x"y'), { maxLength: 2 }))
  .map(([a, quotes]) => `${[...a.map((x) => x.replace(/[\r\n]/g, '')), ...quotes].join(' ')}\r\n`);
const corrupted = fc.tuple(argv, fc.nat(), fc.constantFrom('drop', 'flip', 'cut')).map(([a, at, how]) => {
  const s = multibulk(a);
  const i = at % s.length;
  if (how === 'drop') return s.slice(0, i) + s.slice(i + 1);
  if (how === 'cut') return s.slice(0, i);
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ 0x5a) + s.slice(i + 1);
});
const headers = fc.constantFrom(
  '*-1\r\n', '*0\r\n', '\r\n', '\n', '*\r\n', '*99999999999\r\n', '*2147483648\r\n', '*1\r\n$-5\r\n', '$3\r\nabc\r\n',
  '*2\r\n$3\r\nGET\r\n$1\r\nkk\r\n', '*1\r\n$536870913\r\n', '*1\r\n$abc\r\n', '*3000000\r\n', '*1\r\n:1\r\n',
);
const frame = fc.oneof(
  { weight: 4, arbitrary: argv.map(multibulk) },
  { weight: 2, arbitrary: inline },
  { weight: 2, arbitrary: corrupted },
  { weight: 1, arbitrary: headers },
  { weight: 1, arbitrary: bytes(64) },
);
/** A stream of frames cut into socket reads at random places. */
const stream = fc.tuple(fc.array(frame, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 6 })).map(([frames, cuts]) => {
  const all = frames.join('');
  const at = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
  const reads: string[] = [];
  let from = 0;
  for (const c of [...at, all.length]) {
    reads.push(all.slice(from, c));
    from = c;
  }
  return reads;
});

describe('garbage input', () => {
  it('random request streams: every command answered, nothing thrown, node usable', { timeout: 120_000 }, () => {
    let commands = 0;
    fc.assert(
      fc.property(fc.array(stream, { minLength: 1, maxLength: 3 }), (connections) => {
        const node = nodeWithSentinels();
        for (const reads of connections) {
          const conn = new Connection(node.server);
          for (const r of reads) conn.feed(r);
          commands += conn.commands;
        }
        expectUsable(node);
      }),
      { numRuns: 1000 },
    );
    expect(commands).toBeGreaterThan(1000);
  });

  it('every command with a huge arity', () => {
    const node = nodeWithSentinels();
    const args = Array.from({ length: 20_000 }, (_, i) => ['k', '1', 'EX', '', 'x\x00y', String(i)][i % 6]!);
    let commands = 0;
    for (const name of commandNames) {
      if (denied(name.split(' '))) continue;
      // One connection each: a blocking command would hold back the ones after it.
      const conn = new Connection(node.server);
      conn.exec([...name.split(' '), ...args]);
      commands += conn.commands;
    }
    expect(commands).toBeGreaterThan(50);
    expectUsable(node);
  });

  it('huge announced arities and bulk lengths wait for data or fail, without allocating it', () => {
    for (const header of ['*1048576\r\n', '*2147483647\r\n', `*1\r\n$${512 * 1024 * 1024}\r\n`, '*9223372036854775807\r\n', '*1\r\n$9223372036854775807\r\n']) {
      const node = nodeWithSentinels();
      const conn = new Connection(node.server);
      conn.feed(header);
      conn.feed('$4\r\nPING\r\n'.repeat(100));
      expectUsable(node);
    }
  });

  it('unbalanced quotes and overlong inline requests are protocol errors', () => {
    const node = nodeWithSentinels();
    const parser = new RequestParser();
    parser.feed('SET k "unbalanced\r\n');
    expect(parser.next()).toEqual({ protocolError: 'ERR Protocol error: unbalanced quotes in request' });
    const long = new RequestParser();
    long.feed('x'.repeat(70 * 1024));
    expect(long.next()).toEqual({ protocolError: 'ERR Protocol error: too big inline request' });
    const conn = new Connection(node.server);
    conn.feed(`ECHO 'a\r\nPING\r\n${'y'.repeat(70 * 1024)}`);
    expectUsable(node);
  });
});
