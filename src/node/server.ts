import net from 'node:net';
import type { Reply } from '../protocol/reply.js';
import { encodeReply } from '../engine/resp/encode.js';
import { RequestParser } from '../engine/resp/request.js';
import type { Client } from '../engine/server/client.js';
import { RedisServer } from '../engine/server/server.js';
import { ScaledClock } from '../engine/time/clock.js';

export interface RespServerOptions {
  port: number;
  host?: string;
  seed?: number;
  /** Startup config, like redis-server's command-line options (`port` is filled in). */
  config?: Record<string, string>;
}

/** Unix time in ms with sub-millisecond precision. */
const wallClock = (): number => performance.timeOrigin + performance.now();

/** Longest sleep between two server.tick() calls: bounds the lateness of a new timer. */
const MAX_TICK_INTERVAL_MS = 10;

/**
 * The engine served over TCP, so redis-cli, redis-benchmark and real client libraries can talk
 * to it (networking.c in miniature). One engine Client per socket; replies are encoded into
 * the connection's pending output and written once per batch of input, which makes pipelining
 * cost one socket write per read rather than one per command.
 */
export class RespServer {
  readonly engine: RedisServer;
  private readonly connections = new Set<Connection>();
  /** Connections with output produced outside their own input (PUBLISH, timers, CLIENT KILL). */
  private readonly pending: Connection[] = [];
  private tickTimer: NodeJS.Timeout | null = null;
  private readonly readBuffer = Buffer.allocUnsafe(64 * 1024);
  /**
   * The wall clock as of the current event, read once per socket read rather than once per
   * command; microsecond precision so TIME and MONITOR stamps are not rounded to the ms.
   */
  private wallNow = wallClock();

  private constructor(
    private readonly listener: net.Server,
    readonly host: string,
    readonly port: number,
    opts: RespServerOptions,
  ) {
    this.engine = new RedisServer({
      clock: new ScaledClock(() => this.wallNow),
      seed: opts.seed,
      host,
      config: { ...opts.config, port: String(port) },
    });
    listener.on('connection', (socket) => this.accept(socket));
    this.scheduleTick();
  }

  /** Bind (port 0 picks a free one) and start serving. */
  static listen(opts: RespServerOptions): Promise<RespServer> {
    const host = opts.host ?? '127.0.0.1';
    const listener = net.createServer({ noDelay: true, pauseOnConnect: true });
    return new Promise((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(opts.port, host, () => {
        listener.off('error', reject);
        const { port } = listener.address() as net.AddressInfo;
        try {
          resolve(new RespServer(listener, host, port, opts));
        } catch (e) {
          listener.close();
          reject(e);
        }
      });
    });
  }

  /** Stop accepting, drop every connection, stop the clock. */
  close(): Promise<void> {
    if (this.tickTimer !== null) clearTimeout(this.tickTimer);
    this.tickTimer = null;
    for (const conn of this.connections) conn.socket.destroy();
    return new Promise((resolve) => this.listener.close(() => resolve()));
  }

  /**
   * Take over an accepted connection's handle with a socket that reads into one shared buffer
   * (net.Socket's `onread`), skipping a Buffer allocation and the stream machinery per read:
   * about 10% of the server's CPU under redis-benchmark -P 16. The input is processed before
   * the callback returns, so the buffer can be reused by the next read.
   */
  private accept(accepted: net.Socket): void {
    this.wallNow = wallClock();
    const owner = accepted as unknown as { _handle: net.SocketConstructorOpts['handle'] | null };
    const handle = owner._handle ?? undefined;
    owner._handle = null;
    accepted.destroy();
    const socket = new net.Socket({
      handle,
      readable: true,
      writable: true,
      noDelay: true,
      onread: {
        buffer: this.readBuffer,
        callback: (nread) => {
          this.wallNow = wallClock();
          conn.onData(this.readBuffer.toString('latin1', 0, nread));
          this.flushPending();
          return true;
        },
      },
    });
    const conn = new Connection(this, socket);
    this.connections.add(conn);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.connections.delete(conn);
      conn.closed = true;
      this.engine.freeClient(conn.client);
    });
  }

  markPending(conn: Connection): void {
    this.pending.push(conn);
  }

  private flushPending(): void {
    const pending = this.pending;
    for (let i = 0; i < pending.length; i++) pending[i]!.flush();
    pending.length = 0;
  }

  /**
   * The event loop's timer side (aeProcessEvents' time events): run the node up to now, then
   * sleep until its next timer or cron period, never longer than MAX_TICK_INTERVAL_MS.
   */
  private scheduleTick(): void {
    const engine = this.engine;
    this.wallNow = wallClock();
    const delay = Math.min(MAX_TICK_INTERVAL_MS, Math.max(0, engine.nextWakeup() - engine.clock.now()));
    this.tickTimer = setTimeout(() => {
      this.wallNow = wallClock();
      engine.tick();
      this.flushPending();
      this.scheduleTick();
    }, delay);
  }
}

/** One accepted socket and its engine client. Bytes cross as latin1 so every byte survives. */
class Connection {
  readonly client: Client;
  private readonly parser = new RequestParser();
  /** Encoded replies not yet handed to the socket. */
  private out = '';
  /** Set while this connection's own input runs, so its replies are flushed once at the end. */
  private inInput = false;
  private queued = false;
  /** The socket is closing: no more input is run (Redis's CLIENT_CLOSE_AFTER_REPLY). */
  closed = false;

  constructor(
    private readonly server: RespServer,
    readonly socket: net.Socket,
  ) {
    this.client = server.engine.createClient({
      sink: (reply) => this.append(reply),
      addr: `${socket.remoteAddress}:${socket.remotePort}`,
    });
    this.client.onClose = () => this.closeAfterFlush();
  }

  private append(reply: Reply): void {
    this.out += encodeReply(reply, this.client.resp);
    if (!this.inInput && !this.queued) {
      this.queued = true;
      this.server.markPending(this);
    }
  }

  /** processInputBuffer: run every complete request in the chunk, then write once. */
  onData(chunk: string): void {
    if (this.closed) return;
    const parser = this.parser;
    const engine = this.server.engine;
    const client = this.client;
    parser.feed(chunk);
    this.inInput = true;
    for (;;) {
      const req = parser.next();
      if (req === null) break;
      if (!Array.isArray(req)) {
        this.out += encodeReply({ t: 'error', s: req.protocolError }, client.resp);
        client.closeAfterReply = true;
      } else {
        engine.exec(client, req);
      }
      if (client.closeAfterReply || client.closed) break;
    }
    this.inInput = false;
    if (client.closeAfterReply || client.closed) this.closeAfterFlush();
    else this.flush();
  }

  flush(): void {
    this.queued = false;
    if (this.out.length === 0 || this.socket.destroyed) return;
    // Like Redis for normal clients (client-output-buffer-limit normal 0 0 0), replies to a
    // client that does not read are buffered rather than stopping its input.
    this.socket.write(this.out, 'latin1');
    this.out = '';
  }

  /**
   * Send what is pending, then close (QUIT, CLIENT KILL, protocol errors). While the client's
   * own input runs this waits for the end of the batch, so a self-kill still gets its reply.
   */
  private closeAfterFlush(): void {
    if (this.closed || this.inInput) return;
    this.closed = true;
    this.flush();
    this.socket.end();
    this.server.engine.freeClient(this.client);
  }
}
