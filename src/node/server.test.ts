import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespServer } from './server.js';
import { freePort, startRealRedis, type RealRedis } from './testing/realRedis.js';

/**
 * The TCP adapter: real clients (ioredis, redis-cli, raw sockets) against the engine, and the
 * adapter's own wire behaviour (inline commands, pipelining, protocol errors, closing)
 * compared byte for byte with a real redis-server.
 */

/** Send raw bytes (in the given pieces), collect everything until the peer closes or goes quiet. */
function exchange(port: number, pieces: string[], quietMs = 150): Promise<{ bytes: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ port, host: '127.0.0.1' });
    let bytes = '';
    let timer: NodeJS.Timeout | null = null;
    const finish = (closed: boolean): void => {
      if (timer !== null) clearTimeout(timer);
      socket.destroy();
      resolve({ bytes, closed });
    };
    const arm = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => finish(false), quietMs);
    };
    socket.on('error', reject);
    socket.on('data', (d) => {
      bytes += d.toString('latin1');
      arm();
    });
    socket.on('end', () => finish(true));
    socket.on('connect', async () => {
      for (const p of pieces) {
        socket.write(Buffer.from(p, 'latin1'));
        await new Promise((r) => setImmediate(r));
      }
      arm();
    });
  });
}

function multibulk(...argv: string[]): string {
  return `*${argv.length}\r\n` + argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('');
}

describe('RESP server', () => {
  let server: RespServer;
  let real: RealRedis;

  beforeAll(async () => {
    server = await RespServer.listen({ port: 0 });
    real = await startRealRedis();
  });
  afterAll(async () => {
    await server?.close();
    await real?.stop();
  });

  it('serves ioredis, binary-safe, with pipelining', async () => {
    const redis = new Redis({ port: server.port, host: '127.0.0.1', enableReadyCheck: false, lazyConnect: true });
    await redis.connect();
    try {
      expect(await redis.ping()).toBe('PONG');
      expect(await redis.set('greeting', 'hello')).toBe('OK');
      expect(await redis.get('greeting')).toBe('hello');
      const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      await redis.set(Buffer.from([0, 255, 13, 10]), bytes);
      expect(await redis.getBuffer(Buffer.from([0, 255, 13, 10]))).toEqual(bytes);
      expect(await redis.set('utf8', '你好')).toBe('OK');
      expect(await redis.get('utf8')).toBe('你好');
      const pipe = redis.pipeline();
      for (let i = 0; i < 500; i++) pipe.set(`k${i}`, `v${i}`).get(`k${i}`);
      const results = await pipe.exec();
      expect(results).toHaveLength(1000);
      for (let i = 0; i < 500; i++) {
        expect(results![2 * i]).toEqual([null, 'OK']);
        expect(results![2 * i + 1]).toEqual([null, `v${i}`]);
      }
      // Larger than one socket read: the request spans many reads of the shared read buffer.
      const big = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 7 }, (_, i) => (i * 7919) & 255));
      await redis.set('big', big);
      expect((await redis.getBuffer('big'))!.equals(big)).toBe(true);
      await expect(redis.call('NOSUCHCOMMAND')).rejects.toThrow(/unknown command 'NOSUCHCOMMAND'/);
    } finally {
      redis.disconnect();
    }
  });

  it('answers byte for byte like redis-server: inline, pipelined, split, protocol errors', async () => {
    const cases: string[][] = [
      ['PING\r\n', 'ECHO "a b" \'c\'\r\n', '\r\n', 'ping\n'],
      [multibulk('SET', 'k', 'v') + multibulk('GET', 'k') + multibulk('ECHO', 'x\r\ny') + 'PING\r\n'],
      // Every request split at every byte: the parser must resume anywhere.
      [...(multibulk('SET', 'split', '0123456789') + multibulk('GET', 'split'))],
      ['*0\r\n', '*-1\r\n', multibulk('PING')],
      ['*1\r\n$4\r\nPING\r\n*1\r\n$x\r\n', multibulk('PING')],
      ['ECHO "unbalanced\r\n', 'PING\r\n'],
      ['*1\r\n+PING\r\n'],
      ['*abc\r\n'],
      [`*1\r\n$${1024 * 1024 * 1024}\r\n`],
      [multibulk('GET') + multibulk('NOPE', 'a')],
      // QUIT: the reply, then the connection closes and later requests are not run.
      [multibulk('PING') + multibulk('QUIT') + multibulk('PING')],
    ];
    for (const pieces of cases) {
      const [ours, theirs] = await Promise.all([exchange(server.port, pieces), exchange(real.port, pieces)]);
      expect({ input: pieces.join(''), ...ours }).toEqual({ input: pieces.join(''), ...theirs });
    }
  });

  it('buffers replies for a client that pipelines without reading, then delivers them all', async () => {
    const value = 'v'.repeat(100_000);
    const socket = net.createConnection({ port: server.port, host: '127.0.0.1' });
    await new Promise((r) => socket.once('connect', r));
    socket.pause();
    socket.write(multibulk('SET', 'wide', value) + multibulk('GET', 'wide').repeat(300) + multibulk('PING'));
    await new Promise((r) => setTimeout(r, 200));
    const expected = '+OK\r\n' + `$${value.length}\r\n${value}\r\n`.repeat(300) + '+PONG\r\n';
    let got = '';
    await new Promise<void>((resolve) => {
      socket.on('data', (d) => {
        got += d.toString('latin1');
        if (got.length >= expected.length) resolve();
      });
      socket.resume();
    });
    expect(got === expected).toBe(true);
    socket.destroy();
  });

  it('delivers a blocked client its reply when another connection unblocks it, or at its timeout', async () => {
    const a = new Redis({ port: server.port, host: '127.0.0.1', enableReadyCheck: false });
    const b = new Redis({ port: server.port, host: '127.0.0.1', enableReadyCheck: false });
    try {
      const popped = a.blpop('queue', 0);
      await new Promise((r) => setTimeout(r, 50));
      expect(await b.lpush('queue', 'job')).toBe(1);
      expect(await popped).toEqual(['queue', 'job']);
      const started = Date.now();
      expect(await a.blpop('empty', 0.1)).toBeNull();
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it('closes the socket when the engine drops the client (CLIENT KILL)', async () => {
    const socket = net.createConnection({ port: server.port, host: '127.0.0.1' });
    await new Promise((r) => socket.once('connect', r));
    const closed = new Promise((r) => socket.once('close', r));
    socket.write(multibulk('PING'));
    await new Promise((r) => socket.once('data', r));
    const client = [...server.engine.clients.values()].at(-1)!;
    server.engine.freeClient(client);
    await closed;
  });

  it('frees the engine client when the peer disconnects', async () => {
    const before = server.engine.clients.size;
    const socket = net.createConnection({ port: server.port, host: '127.0.0.1' });
    await new Promise((r) => socket.once('connect', r));
    socket.write(multibulk('PING'));
    await new Promise((r) => socket.once('data', r));
    expect(server.engine.clients.size).toBe(before + 1);
    socket.destroy();
    await expect.poll(() => server.engine.clients.size).toBe(before);
  });

  it('runs engine timers in real time and delivers their late replies', async () => {
    const socket = net.createConnection({ port: server.port, host: '127.0.0.1' });
    await new Promise((r) => socket.once('connect', r));
    socket.write(multibulk('PING'));
    await new Promise((r) => socket.once('data', r));
    const client = [...server.engine.clients.values()].at(-1)!;
    const late = new Promise<string>((r) => socket.once('data', (d) => r(d.toString('latin1'))));
    const scheduledAt = Date.now();
    server.engine.schedule(server.engine.clock.now() + 40, () => client.write('late'));
    expect(await late).toBe('$4\r\nlate\r\n');
    expect(Date.now() - scheduledAt).toBeGreaterThanOrEqual(35);
    socket.destroy();
  });
});

describe('npm run server', () => {
  const main = path.join(import.meta.dirname, 'main.ts');
  let port: number;
  let child: ReturnType<typeof spawn>;

  beforeAll(async () => {
    port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', main, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: child.stdout! });
    const ready = await new Promise<string>((resolve) => lines.once('line', resolve));
    expect(ready).toBe(`redsim ready on 127.0.0.1:${port}`);
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('works with redis-cli, one-shot and from stdin', () => {
    const cli = (args: string[], input?: string): string =>
      spawnSync('redis-cli', ['-p', String(port), ...args], { input, encoding: 'utf8' }).stdout;
    expect(cli(['SET', 'cli', 'a b'])).toBe('OK\n');
    expect(cli(['GET', 'cli'])).toBe('a b\n');
    expect(cli([], 'PING\nECHO "x y"\nGET cli\n')).toBe('PONG\nx y\na b\n');
    expect(cli(['--no-raw', 'GET', 'missing'])).toBe('(nil)\n');
  });

  it('works with redis-benchmark', () => {
    const r = spawnSync('redis-benchmark', ['-p', String(port), '-t', 'set,get', '-n', '2000', '-c', '5', '-P', '8', '--csv', '-q'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^"SET","[\d.]+"/m);
    expect(r.stdout).toMatch(/^"GET","[\d.]+"/m);
  });

  it('exits cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses bad options', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', main, '--port', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("invalid port 'nope'");
  });
});
