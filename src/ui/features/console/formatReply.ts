import type { Reply } from '../../../protocol/reply.js';
import { repr } from '../../../protocol/repr.js';
import { formatDouble17g } from './double17g.js';

/**
 * redis-cli 7.0's reply printers, reproduced byte for byte (golden-tested against Debian's
 * redis-cli 7.0.15). A Reply is protocol-neutral, so each printer also takes the protocol the
 * reply travelled in and prints what redis-cli would have decoded from that encoding (a map is a
 * flat array in RESP2, a double a bulk string, a boolean an integer...). Output is a byte string
 * with `\n` line ends, exactly what redis-cli writes to stdout.
 */
export type Resp = 2 | 3;

interface Aggregate {
  /** `)` arrays and pushes, `~` sets, `#` maps. */
  sep: string;
  items: readonly Reply[];
  isMap: boolean;
  empty: string;
}

/** The aggregate a reply decodes to in `resp`, or null for a leaf. */
function aggregate(r: Reply, resp: Resp): Aggregate | null {
  if (Array.isArray(r)) return { sep: ')', items: r, isMap: false, empty: '(empty array)\n' };
  if (r === null || typeof r !== 'object') return null;
  switch (r.t) {
    case 'map':
      if (resp === 2) return { sep: ')', items: r.v, isMap: false, empty: '(empty array)\n' };
      return { sep: '#', items: r.v, isMap: true, empty: '(empty hash)\n' };
    case 'set':
      if (resp === 2) return { sep: ')', items: r.v, isMap: false, empty: '(empty array)\n' };
      return { sep: '~', items: r.v, isMap: false, empty: '(empty set)\n' };
    case 'push':
      // redis-cli keeps `)` for pushes on purpose (a `>` would break scripts).
      if (resp === 2) return { sep: ')', items: r.v, isMap: false, empty: '(empty array)\n' };
      return { sep: ')', items: r.v, isMap: false, empty: '(empty push)\n' };
    default:
      return null;
  }
}

/** cliFormatReplyTTY: the `--no-raw` / TTY rendering. */
export function formatReplyTTY(r: Reply, resp: Resp, prefix = ''): string {
  switch (typeof r) {
    case 'string':
      return repr(r) + '\n';
    case 'number':
    case 'bigint':
      return `(integer) ${r}\n`;
    default:
      break;
  }
  if (r === null) return '(nil)\n';
  const agg = aggregate(r, resp);
  if (agg !== null) return formatAggregate(agg, resp, prefix);
  const o = r as Exclude<Reply, string | number | bigint | null | Reply[]>;
  switch (o.t) {
    case 'status':
      return cString(o.s) + '\n';
    case 'error':
      return `(error) ${cString(o.s)}\n`;
    case 'nilarray':
      return '(nil)\n';
    case 'double':
      return resp === 3 ? `(double) ${formatDouble17g(o.v)}\n` : repr(formatDouble17g(o.v)) + '\n';
    case 'bool':
      if (resp === 3) return o.v ? '(true)\n' : '(false)\n';
      return o.v ? '(integer) 1\n' : '(integer) 0\n';
    case 'verbatim':
      return resp === 3 ? o.s + '\n' : repr(o.s) + '\n';
    default:
      return '';
  }
}

function formatAggregate(agg: Aggregate, resp: Resp, prefix: string): string {
  const items = agg.items;
  if (items.length === 0) return agg.empty;
  const count = agg.isMap ? items.length >> 1 : items.length;
  const width = String(count).length;
  const childPrefix = prefix + ' '.repeat(width + 2);
  let out = '';
  const step = agg.isMap ? 2 : 1;
  for (let i = 0; i < items.length; i += step) {
    const index = String(i / step + 1);
    // The first element's index goes right after the parent's own "n) ".
    out += (i === 0 ? '' : prefix) + ' '.repeat(width - index.length) + index + agg.sep + ' ';
    out += formatReplyTTY(items[i]!, resp, childPrefix);
    if (agg.isMap) {
      const value = items[i + 1] ?? null;
      out = out.slice(0, -1) + ' => ';
      // 7.0 breaks the line before a multi-line value so its indexes line up.
      if (isMultiline(value, resp)) out += '\n' + childPrefix;
      out += formatReplyTTY(value, resp, childPrefix);
    }
  }
  return out;
}

/** cliIsMultilineValueTTY */
function isMultiline(r: Reply, resp: Resp): boolean {
  const agg = aggregate(r, resp);
  if (agg === null || agg.items.length === 0) return false;
  if (agg.isMap) return agg.items.length > 2 || isMultiline(agg.items[1]!, resp);
  return agg.items.length > 1 || isMultiline(agg.items[0]!, resp);
}

/** cliFormatReplyRaw (with `\n` between elements): used for the commands printsRaw names. */
export function formatReplyRaw(r: Reply, resp: Resp): string {
  switch (typeof r) {
    case 'string':
      return r;
    case 'number':
    case 'bigint':
      return String(r);
    default:
      break;
  }
  if (r === null) return '';
  const agg = aggregate(r, resp);
  if (agg !== null) {
    const parts: string[] = [];
    const items = agg.items;
    if (agg.isMap) {
      for (let i = 0; i < items.length; i += 2) {
        parts.push(formatReplyRaw(items[i]!, resp) + ' ' + formatReplyRaw(items[i + 1] ?? null, resp));
      }
    } else {
      for (const x of items) parts.push(formatReplyRaw(x, resp));
    }
    return parts.join('\n');
  }
  const o = r as Exclude<Reply, string | number | bigint | null | Reply[]>;
  switch (o.t) {
    case 'status':
      return o.s;
    case 'error':
      return o.s + '\n';
    case 'nilarray':
      return '';
    case 'double':
      return formatDouble17g(o.v);
    case 'bool':
      if (resp === 3) return o.v ? '(true)' : '(false)';
      return o.v ? '1' : '0';
    case 'verbatim':
      return o.s;
    default:
      return '';
  }
}

/**
 * The commands whose replies redis-cli 7.0 prints raw even on a TTY (cliSendCommand's
 * output_raw list): their text is meant to be read as is.
 */
export function printsRaw(argv: readonly string[]): boolean {
  const n = argv.length;
  const cmd = (argv[0] ?? '').toLowerCase();
  const sub = n >= 2 ? argv[1]!.toLowerCase() : '';
  switch (cmd) {
    case 'info':
    case 'lolwut':
      return true;
    case 'debug':
      return n >= 2 && (sub === 'htstats' || sub === 'htstats-key' || sub === 'client-eviction');
    case 'memory':
      return n >= 2 && (sub === 'malloc-stats' || sub === 'doctor');
    case 'cluster':
      return n === 2 && (sub === 'nodes' || sub === 'info');
    case 'client':
      return n >= 2 && (sub === 'list' || sub === 'info');
    case 'latency':
      return (n === 3 && sub === 'graph') || (n === 2 && sub === 'doctor');
    case 'proxy':
      return n >= 2 && sub === 'info';
    default:
      return false;
  }
}

/** isInvalidateReply: a RESP3 client-side-caching invalidation redis-cli prints specially. */
export function isInvalidatePush(r: Reply, resp: Resp): boolean {
  if (resp !== 3 || r === null || typeof r !== 'object' || Array.isArray(r) || r.t !== 'push') return false;
  const [kind, keys] = r.v;
  return r.v.length === 2 && typeof kind === 'string' && kind.startsWith('invalidate') && Array.isArray(keys);
}

/** cliFormatInvalidateTTY: `-> invalidate: 'k1', 'k2'`, keys printed as they are. */
export function formatInvalidate(r: Reply): string {
  const keys = (r as { v: Reply[] }).v[1] as Reply[];
  const names = keys.map((k) => `'${cString(typeof k === 'string' ? k : '')}'`);
  return `-> invalidate: ${names.join(', ')}\n`;
}

/** redis-cli prints status and error texts with `%s`: a NUL byte ends them. */
function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul === -1 ? s : s.slice(0, nul);
}
