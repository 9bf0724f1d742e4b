/**
 * Captures golden transcripts from Debian's redis-cli 7.0.15 against a real redis-server 7.0.
 *
 * For each case, redis-cli runs in `--no-raw` mode with the case's lines on stdin (the same
 * line-reading loop as the interactive prompt, minus the line editor). It talks to the server
 * through a recording proxy, so the fixture holds the exact bytes redis-cli received next to
 * the exact bytes it printed: transcript.test.ts replays those replies through our console and
 * must print the same bytes. Replies that change from run to run (INFO, CLIENT LIST, MONITOR
 * timestamps) are therefore still exact.
 *
 * Run with: npx tsx src/ui/features/console/golden/capture.ts
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { decodeReply } from '../../../../engine/resp/decode.js';
import { RespConnection } from '../../../../node/testing/respConnection.js';
import { startRealRedis } from '../../../../node/testing/realRedis.js';
import { CASES, type CaptureCase } from './cases.js';
import type { GoldenFile, GoldenTranscript } from './fixture.js';

const REDIS_CLI_BIN = process.env.REDIS_CLI_BIN ?? '/usr/bin/redis-cli';

/** A TCP proxy that records both directions of the first connection it forwards. */
interface Recorder {
  port: number;
  toServer: () => string;
  toClient: () => string;
  close: () => Promise<void>;
}

async function startRecorder(upstreamPort: number): Promise<Recorder> {
  let up = '';
  let down = '';
  let first = true;
  const sockets: net.Socket[] = [];
  const server = net.createServer((client) => {
    const record = first;
    first = false;
    const upstream = net.createConnection({ port: upstreamPort, host: '127.0.0.1' });
    sockets.push(client, upstream);
    client.on('data', (d) => {
      if (record) up += d.toString('latin1');
      upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (record) down += d.toString('latin1');
      client.write(d);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    toServer: () => up,
    toClient: () => down,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function splitReplies(buf: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const d = decodeReply(buf, pos);
    if (d === null) throw new Error(`incomplete reply stream at ${pos}`);
    out.push(buf.slice(pos, d.end));
    pos = d.end;
  }
  return out;
}

function requestArgv(raw: string): string[] {
  const d = decodeReply(raw, 0);
  if (d === null || !Array.isArray(d.reply)) throw new Error(`not a request: ${JSON.stringify(raw)}`);
  return d.reply as string[];
}

async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function runCase(serverPort: number, c: CaptureCase, admin: RespConnection): Promise<{ t: GoldenTranscript; docs: string }> {
  await admin.call(['FLUSHALL']);
  for (const argv of c.setup ?? []) await admin.call(argv);
  const rec = await startRecorder(serverPort);
  const args = ['--no-raw', '-p', String(rec.port), ...(c.resp === 3 ? ['-3', '--show-pushes', 'yes'] : [])];
  const cli = spawn(REDIS_CLI_BIN, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  cli.stdout.on('data', (d: Buffer) => (stdout += d.toString('latin1')));
  cli.stderr.on('data', (d: Buffer) => (stderr += d.toString('latin1')));
  const exited = new Promise<void>((resolve) => cli.once('exit', () => resolve()));
  cli.stdin.end(Buffer.from(c.lines.map((l) => l + '\n').join(''), 'latin1'));
  if (c.live !== undefined) {
    const startup = c.resp === 3 ? 2 : 1;
    const seen = () => splitReplies(completePrefix(rec.toClient())).length - startup;
    await until(() => seen() >= c.live!.waitFor, `${c.name}: first replies`);
    const other = await RespConnection.connect(serverPort);
    for (const argv of c.live.fromOtherClient) await other.call(argv);
    other.close();
    await until(() => seen() >= c.live!.total, `${c.name}: live replies`);
    // The proxy has forwarded the last reply; give redis-cli time to read and print it.
    await new Promise((r) => setTimeout(r, 300));
    cli.kill('SIGINT');
  }
  await exited;
  await rec.close();
  if (stderr !== '') throw new Error(`${c.name}: redis-cli wrote to stderr: ${stderr}`);

  const requests = splitReplies(rec.toServer()).map(requestArgv);
  const replies = splitReplies(rec.toClient());
  // redis-cli's own startup requests: HELLO 3 with -3, then COMMAND DOCS for its help table.
  const startup = c.resp === 3 ? [['HELLO', '3'], ['COMMAND', 'DOCS']] : [['COMMAND', 'DOCS']];
  for (const expected of startup) {
    const got = requests.shift();
    if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`${c.name}: unexpected startup request ${JSON.stringify(got)}`);
  }
  const startupReplies = replies.splice(0, startup.length);
  return {
    t: { name: c.name, resp: c.resp, lines: c.lines, requests, replies, output: stdout },
    docs: startupReplies[startupReplies.length - 1]!,
  };
}

/** The longest prefix of a reply stream that holds only whole replies. */
function completePrefix(buf: string): string {
  let pos = 0;
  for (;;) {
    const d = decodeReply(buf, pos);
    if (d === null) return buf.slice(0, pos);
    pos = d.end;
    if (pos >= buf.length) return buf;
  }
}

const real = await startRealRedis();
try {
  const admin = await RespConnection.connect(real.port);
  const transcripts: GoldenTranscript[] = [];
  let commandDocs = '';
  for (const c of CASES) {
    const { t, docs } = await runCase(real.port, c, admin);
    transcripts.push(t);
    if (c.resp === 2) commandDocs = docs;
    console.log(`${c.name}: ${t.requests.length} requests, ${t.output.length} bytes of output`);
  }
  admin.close();
  const file: GoldenFile = { redisCli: (await cliVersion()).trim(), commandDocs, transcripts };
  const target = new URL('./transcripts.json', import.meta.url);
  fs.writeFileSync(target, JSON.stringify(file, null, 1) + '\n');
  console.log(`wrote ${transcripts.length} transcripts`);
} finally {
  await real.stop();
}

function cliVersion(): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(REDIS_CLI_BIN, ['--version']);
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.once('error', reject);
    p.once('exit', () => resolve(out));
  });
}
