import { splitArgs } from '../../protocol/splitargs.js';
import { string2ll, type Int64 } from '../util/numbers.js';

/** Redis's PROTO_INLINE_MAX_SIZE: the longest inline command or multibulk header line. */
const PROTO_INLINE_MAX_SIZE = 64 * 1024;
const PROTO_MAX_BULK_LEN = 512 * 1024 * 1024;
const MAX_MULTIBULK = 1024 * 1024 * 1024;

/** A request the parser rejected; Redis replies `-ERR Protocol error: …` and closes. */
export interface ProtocolError {
  protocolError: string;
}

/**
 * Incremental request parser (networking.c processInlineBuffer / processMultibulkBuffer):
 * accepts RESP multibulk and inline commands from a byte stream, any split across chunks.
 */
export class RequestParser {
  private buf = '';
  private pos = 0;
  /** Multibulk in progress: the argv so far and how many arguments are still expected. */
  private argv: string[] | null = null;
  private remaining = 0;

  feed(chunk: string): void {
    this.buf = this.pos === this.buf.length ? chunk : this.buf.slice(this.pos) + chunk;
    this.pos = 0;
  }

  /** The next complete request, a protocol error, or null when more bytes are needed. */
  next(): string[] | ProtocolError | null {
    for (;;) {
      if (this.argv === null) {
        if (this.pos >= this.buf.length) return null;
        if (this.buf.charCodeAt(this.pos) !== 42) {
          const r = this.inline();
          if (r === 'skip') continue;
          return r;
        }
        let n: Int64 | null = this.quickLength();
        if (n === -1) {
          const nl = this.buf.indexOf('\r\n', this.pos);
          if (nl === -1) {
            if (this.buf.length - this.pos > PROTO_INLINE_MAX_SIZE) return fail('too big mbulk count string');
            return null;
          }
          n = string2ll(this.buf.slice(this.pos + 1, nl));
          this.pos = nl + 2;
        }
        if (n === null || Number(n) > MAX_MULTIBULK) return fail('invalid multibulk length');
        if (Number(n) <= 0) continue;
        this.argv = [];
        this.remaining = Number(n);
      }
      while (this.remaining > 0) {
        if (this.pos >= this.buf.length) return null;
        const headerAt = this.pos;
        let len: Int64 | null;
        let start: number;
        if (this.buf.charCodeAt(this.pos) === 36 && (len = this.quickLength()) !== -1) {
          start = this.pos;
        } else {
          const nl = this.buf.indexOf('\r\n', this.pos);
          if (nl === -1) {
            if (this.buf.length - this.pos > PROTO_INLINE_MAX_SIZE) return fail('too big bulk count string');
            return null;
          }
          if (this.buf.charCodeAt(this.pos) !== 36) {
            return fail(`expected '$', got '${this.buf[this.pos]}'`);
          }
          len = string2ll(this.buf.slice(this.pos + 1, nl));
          start = nl + 2;
        }
        if (len === null || Number(len) < 0 || Number(len) > PROTO_MAX_BULK_LEN) return fail('invalid bulk length');
        const end = start + Number(len);
        if (end + 2 > this.buf.length) {
          this.pos = headerAt; // re-read the header when the rest of the bulk arrives
          return null;
        }
        this.argv.push(this.buf.slice(start, end));
        this.pos = end + 2;
        this.remaining--;
      }
      const argv = this.argv;
      this.argv = null;
      return argv;
    }
  }

  /**
   * Fast path for a `*N\r\n` / `$N\r\n` header: plain decimal digits without a leading zero,
   * read in place. On success moves past the header and returns N; returns -1 (position
   * unchanged) for anything else — a sign, a zero, an incomplete line — which the exact
   * string2ll path then handles, so the accepted syntax stays Redis's.
   */
  private quickLength(): number {
    const buf = this.buf;
    let i = this.pos + 1;
    let c = buf.charCodeAt(i);
    if (c < 49 || c > 57) return -1;
    let n = c - 48;
    for (i++; i < buf.length && i - this.pos < 12; i++) {
      c = buf.charCodeAt(i);
      if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
      else break;
    }
    if (c !== 13 || buf.charCodeAt(i + 1) !== 10) return -1;
    this.pos = i + 2;
    return n;
  }

  private inline(): string[] | ProtocolError | 'skip' | null {
    const nl = this.buf.indexOf('\n', this.pos);
    if (nl === -1) {
      if (this.buf.length - this.pos > PROTO_INLINE_MAX_SIZE) return fail('too big inline request');
      return null;
    }
    let line = this.buf.slice(this.pos, nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    this.pos = nl + 1;
    const argv = splitArgs(line);
    if (argv === null) return fail('unbalanced quotes in request');
    return argv.length === 0 ? 'skip' : argv;
  }
}

function fail(what: string): ProtocolError {
  return { protocolError: `ERR Protocol error: ${what}` };
}
