import { RedisServer } from '../src/engine/server/server.js';
import { ScaledClock } from '../src/engine/time/clock.js';
import { Prng } from '../src/engine/time/prng.js';
const engine = new RedisServer({ clock: new ScaledClock(() => Date.now()) });
const client = engine.createClient({ sink: () => {} });
const N = 1_000_000;
for (let i = 0; i < N; i += 1000) { const a = ['ZADD','z']; for (let j=i;j<i+1000;j++) a.push(String(j), 'member:'+j); engine.exec(client, a); }
const r = new Prng(7);
const op = process.argv[2] ?? 'ZSCORE';
const pool = Array.from({length: 100000}, () => op === 'ZSCORE' ? ['ZSCORE','z','member:'+r.int(N)] : op === 'ZADD' ? ['ZADD','z',String(r.int(N)),'member:'+r.int(N)] : op==='ZRANK' ? ['ZRANK','z','member:'+r.int(N)] : ['ZRANGE','z','0','9']);
for (let round = 0; round < +(process.argv[3] ?? 3); round++) {
  const t = performance.now();
  for (let k = 0; k < 5; k++) for (const a of pool) engine.exec(client, a);
  console.log(op, ((500000)/((performance.now()-t)/1000)/1e6).toFixed(3), 'M ops/s');
}
