import { RequestParser } from '../src/engine/resp/request.js';
import { string2ll } from '../src/engine/util/numbers.js';
let chunk = '';
for (let i = 0; i < 16; i++) {
  const key = 'key:' + String(i * 7919 % 100000).padStart(12, '0');
  chunk += `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$3\r\nxxx\r\n`;
}
const buf = Buffer.from(chunk, 'latin1');
/** Same grammar, no substring per length line. */
class FastParser {
  private buf = ''; private pos = 0; private argv: string[] | null = null; private remaining = 0;
  feed(chunk: string): void { this.buf = this.pos === this.buf.length ? chunk : this.buf.slice(this.pos) + chunk; this.pos = 0; }
  private num(from: number, to: number): number { // -1 when not a canonical non-negative int
    const b = this.buf; let n = 0;
    if (to - from > 15 || to === from) { const v = string2ll(b.slice(from, to)); return v === null ? -2 : Number(v); }
    if (b.charCodeAt(from) === 45) { const v = string2ll(b.slice(from, to)); return v === null ? -2 : Number(v); }
    if (to - from > 1 && b.charCodeAt(from) === 48) return -2;
    for (let i = from; i < to; i++) { const c = b.charCodeAt(i) - 48; if (c < 0 || c > 9) return -2; n = n * 10 + c; }
    return n;
  }
  next(): string[] | null {
    const b = this.buf;
    for (;;) {
      if (this.argv === null) {
        if (this.pos >= b.length) return null;
        const nl = b.indexOf('\r\n', this.pos); if (nl === -1) return null;
        const n = this.num(this.pos + 1, nl); this.pos = nl + 2;
        if (n <= 0) continue;
        this.argv = []; this.remaining = n;
      }
      while (this.remaining > 0) {
        const nl = b.indexOf('\r', this.pos); if (nl === -1) return null;
        const len = this.num(this.pos + 1, nl);
        const start = nl + 2; const end = start + len;
        if (end + 2 > b.length) return null;
        this.argv.push(b.slice(start, end)); this.pos = end + 2; this.remaining--;
      }
      const a = this.argv; this.argv = null; return a;
    }
  }
}
const N = 300000;
for (const [name, P] of [['RequestParser', RequestParser], ['fast', FastParser], ['RequestParser', RequestParser], ['fast', FastParser]] as const) {
  const p = new (P as typeof FastParser)();
  const t0 = process.hrtime.bigint(); let k = 0;
  for (let i = 0; i < N; i++) { p.feed(buf.toString('latin1')); for (;;) { const r = p.next(); if (r === null) break; k += r.length; } }
  console.log(name, (Number(process.hrtime.bigint() - t0) / (N * 16)).toFixed(0), 'ns/cmd', k);
}
