import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differentialSuite } from '../../node/testing/diffTest.js';
import { RespConnection } from '../../node/testing/respConnection.js';
import { startRealRedis, type RealRedis } from '../../node/testing/realRedis.js';
import { encodeReply } from '../resp/encode.js';
import type { Client } from '../server/client.js';
import metadata from './redis-commands.json' with { type: 'json' };
import { commandGroup } from './command.js';
import { CommandTable } from './table.js';

describe('COMMAND vs redis-server', () => {
  const script = differentialSuite();

  script('INFO and DOCS of single commands, unknown names, RESP3', `
    COMMAND INFO get
    COMMAND INFO GET set
    COMMAND INFO nosuch get
    COMMAND INFO get|x
    COMMAND INFO a|b|c
    COMMAND INFO ""
    COMMAND INFO config|nosuch
    COMMAND INFO config|get CONFIG|SET
    COMMAND INFO client|list
    COMMAND INFO ping echo select hello auth quit reset
    COMMAND INFO dbsize flushdb flushall swapdb time monitor info debug
    COMMAND DOCS nosuch
    COMMAND DOCS get
    COMMAND DOCS nosuch get nosuch2
    COMMAND DOCS client|list config|set
    COMMAND DOCS ping dbsize
    ? HELLO 3
    COMMAND INFO get
    COMMAND DOCS get
    COMMAND DOCS nosuch
  `);

  script('GETKEYS and GETKEYSANDFLAGS', `
    COMMAND GETKEYS
    COMMAND GETKEYS get
    COMMAND GETKEYS get k
    COMMAND GETKEYS GET k
    COMMAND GETKEYS ping
    COMMAND GETKEYS ping x
    COMMAND GETKEYS nosuch k
    COMMAND GETKEYS get a b
    COMMAND GETKEYS set k v
    COMMAND GETKEYS set k v GET
    COMMAND GETKEYS client list
    COMMAND GETKEYS CLIENT LIST
    COMMAND GETKEYS client nosuch
    COMMAND GETKEYS config get x
    COMMAND GETKEYS debug object k
    COMMAND GETKEYSANDFLAGS set k v
    COMMAND GETKEYSANDFLAGS set k v get
    COMMAND GETKEYSANDFLAGS get k
    ? HELLO 3
    COMMAND GETKEYSANDFLAGS set k v
  `);

  script('LIST filters, COUNT, HELP', `
    COMMAND LIST FILTERBY MODULE x
    COMMAND LIST FILTERBY ACLCAT nosuch
    COMMAND LIST FILTERBY aclcat @string
    COMMAND LIST FILTERBY PATTERN xx*
    COMMAND LIST FILTERBY PATTERN get
    COMMAND LIST FILTERBY PATTERN GET
    ~ COMMAND LIST FILTERBY PATTERN config|?et
    COMMAND LIST FILTERBY foo bar
    COMMAND LIST FILTERBY
    COMMAND LIST foo
    COMMAND LIST FILTERBY ACLCAT
    COMMAND LIST FILTERBY PATTERN a b
    COMMAND LIST FILTERBY PATTERN a FILTERBY PATTERN b
    COMMAND COUNT x
    COMMAND HELP
    command help
    COMMAND HELP x
    COMMAND foo
  `);
});

/**
 * Key positions for every command Redis 7.0 has, implemented here or not: a command table
 * built from all of Redis's metadata answers COMMAND GETKEYSANDFLAGS as the real server does.
 */
describe('key specs of every Redis command vs redis-server', () => {
  let real: RealRedis;
  let conn: RespConnection;
  beforeAll(async () => {
    real = await startRealRedis();
    conn = await RespConnection.connect(real.port);
  });
  afterAll(async () => {
    conn?.close();
    await real?.stop();
  });

  const names: string[] = [];
  for (const m of metadata as unknown as Array<{ name: string; info: unknown[] }>) {
    names.push(m.name);
    const subs = m.info[9];
    if (Array.isArray(subs)) for (const s of subs) names.push((s as unknown[])[0] as string);
  }
  const table = new CommandTable([{ handlers: Object.fromEntries(names.map((n) => [n, () => null])) }]);
  const client = { server: { commands: table } } as unknown as Client;
  const getkeys = commandGroup.handlers['command|getkeysandflags']!;

  const CASES = `
    get k
    mget a b c
    mset a 1 b 2
    mset a 1 b
    msetnx a 1 b 2
    set k v
    set k v GET
    set k v EX 10 get
    getex k PERSIST
    lmove a b LEFT RIGHT
    rpoplpush a b
    brpoplpush a b 0
    blmove a b LEFT RIGHT 0
    blpop a b c 0
    bzpopmin a b 0
    rename a b
    renamenx a b
    copy a b
    copy a b DB 1 REPLACE
    del a b c
    unlink a b
    exists a a
    touch a b
    object encoding k
    object freq k
    memory usage k
    debug object k
    dump k
    restore k 0 payload
    sort k
    sort k STORE d
    sort k BY x GET y LIMIT 0 1 STORE d STORE e
    sort k store
    sort_ro k BY x
    bitfield k GET u8 0
    bitfield k SET u8 0 1
    bitfield k INCRBY u8 0 1 OVERFLOW SAT
    bitfield k OVERFLOW WRAP GET u8 0
    bitfield k FOO
    bitfield_ro k GET u8 0
    bitop AND d a b
    bitcount k
    lcs a b
    smove a b m
    sinterstore d a b
    sunion a b
    sintercard 2 a b
    sintercard 2 a b LIMIT 1
    sintercard 0 a
    sintercard 3 a b
    sintercard x a
    zunionstore d 2 a b
    zunionstore d 2 a b WEIGHTS 1 2
    zunionstore d 0 a b
    zunionstore d 3 a b
    zunionstore d -1 a
    zinterstore d 1 a WEIGHTS 1
    zdiffstore d 2 a b
    zunion 2 a b
    zinter 2 a b WITHSCORES
    zintercard 2 a b
    zdiff 2 a b
    zmpop 2 a b MIN
    bzmpop 0 2 a b MIN
    lmpop 2 a b LEFT
    lmpop 0 a LEFT
    blmpop 0 2 a b LEFT
    zrangestore d s 0 -1
    georadius k 0 0 1 m STORE d
    georadius k 0 0 1 m STORE
    georadius k 0 0 1 m STOREDIST d
    georadiusbymember k m 1 km STORE d
    geosearchstore d s FROMMEMBER m BYRADIUS 1 km
    xread STREAMS a b 0 0
    xread STREAMS a b 0
    xread STREAMS a b c
    xread COUNT 1 STREAMS a 0
    xread COUNT 1 foo
    xreadgroup GROUP g c STREAMS a 0
    xreadgroup GROUP g c COUNT 1 STREAMS a b 0 0
    xadd s * f v
    eval "return 1" 0
    eval "return 1" 2 a b c
    eval "return 1" 3 a b
    eval "return 1" x a b
    eval "return 1" -1
    evalsha abc 1 k
    eval_ro "return 1" 1 k
    fcall f 1 k a
    fcall_ro f 0
    migrate h p k 0 10
    migrate h p "" 0 10 KEYS a b
    migrate h p k 0 10 KEYS a b
    migrate h p "" 0 10 COPY AUTH x KEYS a b
    migrate h p "" 0 10 AUTH2 u p KEYS a
    pfmerge d a b
    pfcount a b
    watch a b
    publish ch msg
    spublish ch msg
    ssubscribe ch
    subscribe ch
    client list
    config get x
    ping x
    hset h f v
    hgetall h
    linsert l BEFORE p v
    psetex k 100 v
    setrange k 0 v
    object help
    wait 0 0
  `;

  it('COMMAND GETKEYSANDFLAGS gives the same keys, flags and errors', async () => {
    const diffs: string[] = [];
    let compared = 0;
    for (const line of CASES.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
      const argv = ['COMMAND', 'GETKEYSANDFLAGS', ...line.match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"(.*)"$/, '$1'))];
      const realRaw = (await conn.call(argv)).raw;
      const engineRaw = encodeReply(getkeys(client, argv)!, 2);
      compared++;
      if (realRaw !== engineRaw) diffs.push(`${line}\n  real:   ${JSON.stringify(realRaw)}\n  engine: ${JSON.stringify(engineRaw)}`);
    }
    expect(diffs).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  it('COMMAND COUNT and COMMAND LIST match when every command is in the table', async () => {
    const count = getkeysCount();
    expect(count).toBe((await conn.call(['COMMAND', 'COUNT'])).reply);
    const list = commandGroup.handlers['command|list']!(client, ['COMMAND', 'LIST']) as string[];
    const realList = (await conn.call(['COMMAND', 'LIST'])).reply as string[];
    expect([...list].sort()).toEqual([...realList].sort());
    for (const cat of ['string', 'KEYSPACE', 'admin', 'connection']) {
      const argv = ['COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', cat];
      const mine = commandGroup.handlers['command|list']!(client, argv) as string[];
      expect([...mine].sort(), cat).toEqual([...((await conn.call(argv)).reply as string[])].sort());
    }
    for (const pattern of ['cl*', 'CONFIG|*', '*|help', 'x?dd']) {
      const argv = ['COMMAND', 'LIST', 'FILTERBY', 'PATTERN', pattern];
      const mine = commandGroup.handlers['command|list']!(client, argv) as string[];
      expect([...mine].sort(), pattern).toEqual([...((await conn.call(argv)).reply as string[])].sort());
    }
  });

  function getkeysCount(): number {
    return commandGroup.handlers['command|count']!(client, ['COMMAND', 'COUNT']) as number;
  }
});
