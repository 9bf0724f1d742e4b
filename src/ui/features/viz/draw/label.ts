import { displayBytes } from '../../keyspace/format.js';

/**
 * A byte string as a short label: UTF-8 decoded when it is text (control bytes spelled out,
 * binary escaped as redis-cli would), cut to `max` characters with an ellipsis. Only ever set
 * with d3's .text(): a member named `<img onerror=...>` stays text.
 */
export function label(bytes: string, max: number, clippedFrom = bytes.length): string {
  const text = displayBytes(bytes, true).text;
  const chars = [...text];
  if (chars.length <= max && clippedFrom <= bytes.length) return text;
  return chars.slice(0, Math.max(1, max - 1)).join('') + '…';
}

/** "1 item" / "3 items", "1 B" / "12 B". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
