import type { Reply } from '../../protocol/reply.js';
import { formatDouble17g } from '../util/numbers.js';

export type RespVersion = 2 | 3;

/**
 * Serialise a reply as RESP2 or RESP3 into a byte string (latin1), the way Redis's addReply*
 * family does for a client of that protocol version.
 */
export function encodeReply(r: Reply, resp: RespVersion): string {
  switch (typeof r) {
    case 'string':
      return `$${r.length}\r\n${r}\r\n`;
    case 'number':
    case 'bigint':
      return `:${r}\r\n`;
    case 'object':
      break;
    default:
      throw new TypeError(`not a reply: ${typeof r}`);
  }
  if (r === null) return resp === 2 ? '$-1\r\n' : '_\r\n';
  if (Array.isArray(r)) return encodeAggregate('*', r, resp);
  switch (r.t) {
    case 'status':
      return `+${r.s}\r\n`;
    case 'error':
      return `-${r.s}\r\n`;
    case 'nilarray':
      return resp === 2 ? '*-1\r\n' : '_\r\n';
    case 'double': {
      const s = Number.isNaN(r.v) ? 'nan' : formatDouble17g(r.v);
      return resp === 2 ? `$${s.length}\r\n${s}\r\n` : `,${s}\r\n`;
    }
    case 'map':
      if (resp === 2) return encodeAggregate('*', r.v, resp);
      return encodeAggregate('%', r.v, resp, r.v.length / 2);
    case 'set':
      return encodeAggregate(resp === 2 ? '*' : '~', r.v, resp);
    case 'push':
      return encodeAggregate(resp === 2 ? '*' : '>', r.v, resp);
    case 'bool':
      return resp === 2 ? (r.v ? ':1\r\n' : ':0\r\n') : r.v ? '#t\r\n' : '#f\r\n';
    case 'verbatim':
      if (resp === 2) return `$${r.s.length}\r\n${r.s}\r\n`;
      return `=${r.s.length + 4}\r\n${r.fmt}:${r.s}\r\n`;
  }
}

function encodeAggregate(prefix: string, items: Reply[], resp: RespVersion, count = items.length): string {
  let out = `${prefix}${count}\r\n`;
  for (let i = 0; i < items.length; i++) out += encodeReply(items[i]!, resp);
  return out;
}
