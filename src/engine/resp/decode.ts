import { NIL_ARRAY, type Reply } from '../../protocol/reply.js';

/**
 * RESP2/RESP3 reply parser: turns what a server sends into Reply values. Used by the
 * differential harness (to read real redis-server) and by tools that talk to our server.
 */
export interface Decoded {
  reply: Reply;
  /** Offset just past the reply. */
  end: number;
}

/** Parse one reply starting at `pos`, or return null when the buffer holds only part of it. */
export function decodeReply(buf: string, pos = 0): Decoded | null {
  const nl = buf.indexOf('\r\n', pos);
  if (nl === -1) return null;
  const type = buf[pos];
  const line = buf.slice(pos + 1, nl);
  const after = nl + 2;
  switch (type) {
    case '+':
      return { reply: { t: 'status', s: line }, end: after };
    case '-':
      return { reply: { t: 'error', s: line }, end: after };
    case ':': {
      const n = Number(line);
      return { reply: Number.isSafeInteger(n) ? n : BigInt(line), end: after };
    }
    case '(':
      return { reply: BigInt(line), end: after };
    case '_':
      return { reply: null, end: after };
    case ',': {
      const v = line === 'inf' ? Infinity : line === '-inf' ? -Infinity : line === 'nan' ? NaN : Number(line);
      return { reply: { t: 'double', v }, end: after };
    }
    case '#':
      return { reply: { t: 'bool', v: line === 't' }, end: after };
    case '$':
    case '=': {
      const len = Number(line);
      if (len < 0) return { reply: null, end: after };
      if (after + len + 2 > buf.length) return null;
      const s = buf.slice(after, after + len);
      if (type === '$') return { reply: s, end: after + len + 2 };
      return { reply: { t: 'verbatim', fmt: s.slice(0, 3), s: s.slice(4) }, end: after + len + 2 };
    }
    case '*':
    case '~':
    case '>':
    case '%':
    case '|': {
      const n = Number(line);
      if (n < 0) return { reply: NIL_ARRAY, end: after };
      const count = type === '%' || type === '|' ? n * 2 : n;
      const items: Reply[] = [];
      let p = after;
      for (let i = 0; i < count; i++) {
        const d = decodeReply(buf, p);
        if (d === null) return null;
        items.push(d.reply);
        p = d.end;
      }
      if (type === '|') return decodeReply(buf, p); // attributes annotate the next reply
      if (type === '*') return { reply: items, end: p };
      const t = type === '~' ? 'set' : type === '>' ? 'push' : 'map';
      return { reply: { t, v: items }, end: p };
    }
    default:
      throw new Error(`RESP: unexpected type byte ${JSON.stringify(type)} at ${pos}`);
  }
}
