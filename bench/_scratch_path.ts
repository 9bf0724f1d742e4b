import { RedisServer } from '../src/engine/server/server.js';
import { ManualClock } from '../src/engine/time/clock.js';
import { RequestParser } from '../src/engine/resp/request.js';
import { encodeReply } from '../src/engine/resp/encode.js';
const engine = new RedisServer({ clock: new ManualClock() });
let out = '';
const c = engine.createClient({ sink: (r, cl) => { out += encodeReply(r, cl.resp); } });
const cmd = process.argv[2] ?? 'SET';
let chunk = '';
for (let i = 0; i < 16; i++) {
  const key = 'key:__rand_int__';
  chunk += cmd === 'SET' ? `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$3\r\nxxx\r\n` : `*2\r\n$3\r\nGET\r\n$${key.length}\r\n${key}\r\n`;
}
const buf = Buffer.from(chunk, 'latin1');
const p = new RequestParser();
const N = +(process.argv[3] ?? 200000);
for (let round = 0; round < 3; round++) {
  const t0 = process.hrtime.bigint();
  let parseNs = 0n;
  for (let i = 0; i < N; i++) {
    p.feed(buf.toString('latin1'));
    for (;;) { const r = p.next(); if (r === null) break; engine.exec(c, r as string[]); }
    out = '';
  }
  const ns = Number(process.hrtime.bigint() - t0) / (N * 16);
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) { p.feed(buf.toString('latin1')); for (;;) { const r = p.next(); if (r === null) break; } }
  const pns = Number(process.hrtime.bigint() - t1) / (N * 16);
  console.log(cmd, ns.toFixed(0), 'ns/cmd total;', pns.toFixed(0), 'ns/cmd parse only');
}
