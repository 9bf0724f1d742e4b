import net from 'node:net';
import type { Reply } from '../../protocol/reply.js';
import { decodeReply } from '../../engine/resp/decode.js';

/** One reply as read off the wire: the raw RESP bytes and their parsed value. */
export interface WireReply {
  raw: string;
  reply: Reply;
}

/**
 * A minimal RESP client over TCP (latin1, so bytes survive), used by the differential harness
 * and scripts to talk to real redis-server or to our own server. Commands go out as multibulk;
 * replies come back in order, raw bytes included so tests can compare byte for byte.
 */
export class RespConnection {
  private buf = '';
  private waiters: Array<(r: WireReply) => void> = [];
  private closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      this.buf += chunk.toString('latin1');
      this.drain();
    });
    socket.on('close', () => {
      this.closed = true;
    });
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const s = net.createConnection({ port, host }, () => resolve(new RespConnection(s)));
      s.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private drain(): void {
    while (this.waiters.length > 0) {
      const d = decodeReply(this.buf, 0);
      if (d === null) return;
      const raw = this.buf.slice(0, d.end);
      this.buf = this.buf.slice(d.end);
      this.waiters.shift()!({ raw, reply: d.reply });
    }
  }

  /** Send a command (byte-string arguments) and wait for its reply. */
  call(argv: string[]): Promise<WireReply> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.socket.write(Buffer.from(encodeCommand(argv), 'latin1'));
    });
  }

  /** Wait for a reply without sending anything (pub/sub messages, blocked replies). */
  read(): Promise<WireReply> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.drain();
    });
  }

  /** Bytes received but not yet read as a reply (the differential harness's `:none`). */
  unread(): string {
    return this.buf;
  }

  /** Send raw bytes (inline commands, protocol-error tests). */
  writeRaw(bytes: string): void {
    this.socket.write(Buffer.from(bytes, 'latin1'));
  }

  close(): void {
    this.socket.destroy();
  }
}

export function encodeCommand(argv: string[]): string {
  let out = `*${argv.length}\r\n`;
  for (const a of argv) out += `$${a.length}\r\n${a}\r\n`;
  return out;
}
