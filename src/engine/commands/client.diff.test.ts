import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../protocol/reply.js';
import { differentialSuite } from '../../node/testing/diffTest.js';
import { PairedSession } from '../../node/testing/pairedSession.js';

describe('CLIENT vs redis-server', () => {
  const script = differentialSuite();

  script('names', `
    CLIENT GETNAME
    CLIENT SETNAME "a b"
    CLIENT SETNAME "a\\nb"
    CLIENT SETNAME "é"
    CLIENT SETNAME "a\\x7fb"
    CLIENT SETNAME ok
    CLIENT GETNAME
    CLIENT SETNAME "!~"
    CLIENT GETNAME
    CLIENT SETNAME ""
    CLIENT GETNAME
    CLIENT SETNAME
    CLIENT SETNAME a b
    CLIENT GETNAME x
    ? HELLO 3
    CLIENT GETNAME
  `);

  script('subcommand errors and HELP', `
    CLIENT
    CLIENT FOO
    client foo bar
    CLIENT HELP
    client help
    CLIENT HELP x
    ? CLIENT ID
    CLIENT ID x
    CLIENT NO-EVICT on
    CLIENT NO-EVICT OFF
    CLIENT NO-EVICT maybe
    CLIENT NO-EVICT
  `);

  script('LIST filters and their errors', `
    CLIENT LIST TYPE replica
    CLIENT LIST TYPE slave
    CLIENT LIST TYPE master
    CLIENT LIST TYPE foo
    CLIENT LIST ID 9999 99999
    CLIENT LIST ID x
    CLIENT LIST ID 1 x
    CLIENT LIST ID -1
    CLIENT LIST ID 0
    CLIENT LIST ID
    CLIENT LIST foo
    CLIENT LIST TYPE
    CLIENT LIST TYPE normal ID 1
    CLIENT INFO x
    ? HELLO 3
    CLIENT LIST TYPE master
    CLIENT LIST ID 99999
  `);

  script('KILL: option parsing and counts', `
    CLIENT KILL 1.2.3.4:5
    CLIENT KILL ID 999999
    CLIENT KILL ID x
    CLIENT KILL ID 0
    CLIENT KILL ID -5
    CLIENT KILL ID
    CLIENT KILL TYPE foo
    CLIENT KILL TYPE master
    CLIENT KILL TYPE replica
    CLIENT KILL SKIPME maybe
    CLIENT KILL USER nosuch
    CLIENT KILL foo bar
    CLIENT KILL ADDR 1.2.3.4:5
    CLIENT KILL LADDR 1.2.3.4:5
    CLIENT KILL MAXAGE 100
    CLIENT KILL ID 5 TYPE
    CLIENT KILL TYPE pubsub SKIPME no
    :client 2
    SUBSCRIBE ch
    :client 3
    PSUBSCRIBE p*
    :client 1
    CLIENT KILL TYPE pubsub
    CLIENT LIST TYPE pubsub
    CLIENT KILL USER default SKIPME yes
    CLIENT KILL TYPE normal
  `);
});

/** CLIENT LIST text -> one field list per line. */
function lines(r: Reply | undefined): Array<Array<[string, string]>> {
  const t = typeof r === 'string' ? r : (r as { s: string }).s;
  return t.split('\n').filter((l) => l !== '').map((l) => l.split(' ').map((f) => {
    const i = f.indexOf('=');
    return [f.slice(0, i), f.slice(i + 1)] as [string, string];
  }));
}

/** Facts of the connection or the machine: which socket, when, how big the kernel buffers are. */
const MACHINE_FIELDS = new Set(['id', 'addr', 'laddr', 'fd', 'age', 'idle', 'rbs', 'rbp']);

/**
 * clientsCron frees the query buffer of a connection idle for 2 seconds: on a slow machine the
 * real server's idle connections then report a smaller qbuf-free and tot-mem.
 */
const IDLE_RESIZED_FIELDS = new Set(['qbuf-free', 'tot-mem']);

function comparable(r: Reply | undefined, real: Reply | undefined): string[][] {
  const realLines = lines(real);
  return lines(r).map((fields, i) => {
    const idle = Number(realLines[i]?.find(([k]) => k === 'idle')?.[1] ?? 0);
    return fields.map(([k, v]) => (MACHINE_FIELDS.has(k) || (idle >= 2 && IDLE_RESIZED_FIELDS.has(k)) ? k : `${k}=${v}`));
  });
}

describe('CLIENT LIST / INFO vs redis-server (fields)', () => {
  let s: PairedSession;
  beforeAll(async () => {
    s = await PairedSession.start();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('the same fields, in order, with the same values for the same state', async () => {
    await s.call(1, 'CLIENT', 'SETNAME', 'first');
    await s.call(1, 'SELECT', '3');
    await s.call(2, 'SUBSCRIBE', 'a', 'b');
    await s.read(2);
    await s.call(3, 'PSUBSCRIBE', 'p1', 'p2', 'p3');
    await s.read(3);
    await s.read(3);
    await s.call(4, 'MULTI');
    await s.call(4, 'SET', 'a', 'b');
    await s.call(4, 'GET', 'abc');
    await s.call(5, 'GET');
    await s.call(6, 'NOSUCH', 'x');
    await s.call(7, 'HELLO', '3');
    await s.call(8, 'WATCH', 'k');
    await s.call(1, 'SET', 'k', 'changed');
    await s.call(9, 'CLIENT', 'NO-EVICT', 'on');
    const r = await s.call(1, 'CLIENT', 'LIST');
    expect(comparable(r.engine.reply, r.real.reply)).toEqual(comparable(r.real.reply, r.real.reply));
    expect(lines(r.engine.reply)).toHaveLength(9);
    for (const args of [['TYPE', 'pubsub'], ['TYPE', 'normal']]) {
      const f = await s.call(1, 'CLIENT', 'LIST', ...args);
      expect(comparable(f.engine.reply, f.real.reply), args.join(' ')).toEqual(comparable(f.real.reply, f.real.reply));
    }
    const info = await s.call(7, 'CLIENT', 'INFO');
    expect(comparable(info.engine.reply, info.real.reply)).toEqual(comparable(info.real.reply, info.real.reply));
    expect(info.engine.raw.startsWith('=')).toBe(true);
  });

  it('CLIENT KILL closes the other connections it names', async () => {
    const idOf = async (n: number) => (await s.call(n, 'CLIENT', 'ID')).engine.reply as number;
    const target = await idOf(10);
    const r = await s.call(11, 'CLIENT', 'KILL', 'ID', String(target));
    expect(r.engine.raw).toBe(r.real.raw.replace(/^:\d+/, ':1'));
    expect(s.engine.clients.has(target)).toBe(false);
  });
});

describe('MONITOR vs redis-server (lines)', () => {
  let s: PairedSession;
  beforeAll(async () => {
    s = await PairedSession.start();
  });
  afterAll(async () => {
    await s?.stop();
  });

  /** `+<secs>.<usecs> [<db> <addr>] "arg" ...` without the time and the address. */
  function monitorLine(raw: string): string {
    return raw.replace(/^\+\d+\.\d{6} \[(\d+) [^\]]+\]/, '+[$1]');
  }

  it('shows commands as they run, secrets redacted, admin commands hidden', async () => {
    const ok = await s.call(1, 'MONITOR');
    expect(ok.engine.raw).toBe(ok.real.raw);
    const commands = [
      ['SET', 'a', 'b'], ['AUTH', 'x', 'y'], ['AUTH', 'x'], ['HELLO', '2', 'AUTH', 'default', 'pw'],
      ['CONFIG', 'SET', 'hz', '10'], ['CLIENT', 'LIST'], ['GET', 'a\x00b\xff"'], ['SELECT', '3'], ['SET', 'a', 'b', 'EX', '100'],
      ['DEBUG', 'SLEEP', '0'], ['CLIENT', 'ID'],
    ];
    for (const argv of commands) await s.call(2, ...argv);
    // CONFIG, CLIENT LIST and DEBUG are admin commands: MONITOR does not show them.
    for (let i = 0; i < commands.length - 3; i++) {
      const r = await s.read(1);
      expect(monitorLine(r.engine.raw)).toBe(monitorLine(r.real.raw));
    }
    const again = await s.call(1, 'CLIENT', 'INFO');
    const echoed = await s.read(1);
    expect(monitorLine(echoed.engine.raw)).toBe(monitorLine(echoed.real.raw));
    expect(comparable(again.engine.reply, again.real.reply)).toEqual(comparable(again.real.reply, again.real.reply));
  });
});
