import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapReply, Reply } from '../../protocol/reply.js';
import { differentialSuite } from '../../node/testing/diffTest.js';
import { RespConnection } from '../../node/testing/respConnection.js';
import { startRealRedis, type RealRedis } from '../../node/testing/realRedis.js';
import { testNode } from '../testkit.js';

// The real server keeps its configuration from one script to the next (the engine starts
// afresh each time), so every script puts back what it changed.
describe('CONFIG vs redis-server', () => {
  const script = differentialSuite();

  script('CONFIG GET: exact names, aliases, globs, hidden parameters, RESP3 map', `
    CONFIG GET maxmemory
    CONFIG GET MAXMEMORY
    CONFIG GET hash-max-ziplist-entries
    CONFIG GET nosuch
    ~ CONFIG GET maxmem*
    ~ CONFIG GET hz maxmemory hz
    CONFIG GET appendonly APPENDONLY
    CONFIG GET appendonly appendon*
    CONFIG GET [a]ppendonly
    ~ CONFIG GET *max-*-entries
    ~ CONFIG GET *-max-*
    ~ CONFIG GET lazyfree* active-expire-effort
    CONFIG GET use-exit-on-panic
    CONFIG GET use-exit-*
    CONFIG GET rdb-key-save-delay
    CONFIG GET key-load-delay
    CONFIG GET watchdog-period
    CONFIG GET loading-process-events-interval-bytes
    CONFIG GET slaveof
    ~ CONFIG GET *slave*
    ~ CONFIG GET *tls*
    ~ CONFIG GET *cluster*
    CONFIG GET save
    CONFIG GET appendonly
    CONFIG GET enable-debug-command
    CONFIG GET notify-keyspace-events
    CONFIG GET client-output-buffer-limit
    CONFIG GET oom-score-adj-values
    CONFIG GET latency-tracking-info-percentiles
    CONFIG GET unixsocketperm
    CONFIG GET proto-max-bulk-len
    CONFIG GET
    ? HELLO 3
    CONFIG GET hz
    ~ CONFIG GET hz maxmemory list-max-*
    CONFIG GET nosuch
  `);

  script('CONFIG SET numbers: bounds, memory units, percent, hz capping', `
    CONFIG SET hz 1000
    CONFIG GET hz
    CONFIG SET hz 0
    CONFIG GET hz
    CONFIG SET hz " 5"
    CONFIG SET hz 05
    CONFIG SET hz +5
    CONFIG SET hz 5.0
    CONFIG SET hz 99999999999
    CONFIG SET hz -1
    CONFIG SET hz 10
    CONFIG SET maxmemory ""
    CONFIG GET maxmemory
    CONFIG SET maxmemory -1
    CONFIG SET maxmemory 1.5gb
    CONFIG SET maxmemory +5
    CONFIG SET maxmemory " 5"
    CONFIG SET maxmemory 5x
    CONFIG SET maxmemory 1GB
    CONFIG GET maxmemory
    CONFIG SET maxmemory 3k
    CONFIG GET maxmemory
    CONFIG SET maxmemory 99999999999999999999
    CONFIG GET maxmemory
    CONFIG SET maxmemory 20000000000gb
    CONFIG GET maxmemory
    CONFIG SET maxmemory gb
    CONFIG GET maxmemory
    CONFIG SET maxmemory 0
    CONFIG SET proto-max-bulk-len 10000000000000000000
    CONFIG SET proto-max-bulk-len 1k
    CONFIG SET proto-max-bulk-len 2mb
    CONFIG GET proto-max-bulk-len
    CONFIG SET proto-max-bulk-len 512mb
    CONFIG SET hash-max-listpack-entries -1
    CONFIG SET hash-max-listpack-entries abc
    CONFIG SET hash-max-listpack-entries 99999999999999999999
    CONFIG SET hash-max-listpack-value 1k
    ~ CONFIG GET hash-max-*
    CONFIG SET hash-max-listpack-value 64
    CONFIG SET maxmemory-clients 10%
    CONFIG GET maxmemory-clients
    CONFIG SET maxmemory-clients -5
    CONFIG SET maxmemory-clients 101%
    CONFIG SET maxmemory-clients 100%
    CONFIG SET maxmemory-clients abc
    CONFIG SET maxmemory-clients 1mb
    CONFIG GET maxmemory-clients
    CONFIG SET maxmemory-clients 0
    CONFIG SET list-max-listpack-size -99999999999
    CONFIG SET list-max-ziplist-size 8
    CONFIG GET list-max-listpack-size
    CONFIG SET list-max-listpack-size -2
    CONFIG SET active-expire-effort 11
    CONFIG SET active-expire-effort 0
    CONFIG SET slowlog-log-slower-than -2
    CONFIG SET slowlog-max-len -1
    CONFIG SET maxclients 0
    CONFIG SET maxclients -1
    CONFIG SET maxmemory-samples 0
    CONFIG SET maxmemory-eviction-tenacity 101
    CONFIG SET repl-backlog-size 0
    CONFIG SET timeout -1
    CONFIG SET timeout 300
    CONFIG GET timeout
    CONFIG SET timeout 0
  `);

  script('CONFIG SET booleans, enums and strings', `
    CONFIG SET appendonly maybe
    CONFIG SET lazyfree-lazy-expire YES
    CONFIG GET lazyfree-lazy-expire
    CONFIG SET lazyfree-lazy-expire no
    CONFIG SET maxmemory-policy bad
    CONFIG SET maxmemory-policy "allkeys-lru "
    CONFIG SET maxmemory-policy ALLKEYS-LRU
    CONFIG GET maxmemory-policy
    CONFIG SET maxmemory-policy noeviction
    CONFIG SET appendfsync ALWAYS
    CONFIG GET appendfsync
    CONFIG SET appendfsync everysec
    CONFIG SET repl-diskless-load SWAPDB
    CONFIG GET repl-diskless-load
    CONFIG SET repl-diskless-load disabled
    CONFIG SET propagation-error-behavior bad
    CONFIG SET shutdown-on-sigint "save now"
    CONFIG GET shutdown-on-sigint
    CONFIG SET shutdown-on-sigint "now save force"
    CONFIG GET shutdown-on-sigint
    CONFIG SET shutdown-on-sigint "default save"
    CONFIG GET shutdown-on-sigint
    CONFIG SET shutdown-on-sigint "nosave save"
    CONFIG SET shutdown-on-sigint bad
    CONFIG SET shutdown-on-sigint ""
    CONFIG SET shutdown-on-sigint default
    CONFIG GET shutdown-on-sigint
    CONFIG SET activedefrag yes
    CONFIG SET activedefrag no
    CONFIG SET ignore-warnings "x y"
    CONFIG GET ignore-warnings
    CONFIG SET ignore-warnings ""
    CONFIG SET masteruser x
    CONFIG GET masteruser
    CONFIG SET masteruser ""
    CONFIG SET cluster-announce-hostname "a_b"
    CONFIG SET cluster-announce-hostname "host-1.x"
    CONFIG GET cluster-announce-hostname
    CONFIG SET cluster-announce-hostname ""
    CONFIG SET proc-title-template ""
    CONFIG SET proc-title-template " "
    CONFIG SET proc-title-template "{title}"
    CONFIG SET proc-title-template "x {title"
    CONFIG SET proc-title-template "{nosuch}"
    CONFIG SET proc-title-template "x {{ }}"
    CONFIG SET proc-title-template "x }"
    CONFIG SET proc-title-template "{title} {listen-addr} {server-mode}"
    CONFIG SET dbfilename a/b
    CONFIG SET dir /tmp
  `);

  script('CONFIG SET special parameters', `
    CONFIG SET notify-keyspace-events KEA
    CONFIG GET notify-keyspace-events
    CONFIG SET notify-keyspace-events Kq
    CONFIG SET notify-keyspace-events "dtexzhsl$g"
    CONFIG GET notify-keyspace-events
    CONFIG SET notify-keyspace-events An
    CONFIG GET notify-keyspace-events
    CONFIG SET notify-keyspace-events Am
    CONFIG GET notify-keyspace-events
    CONFIG SET notify-keyspace-events mnK
    CONFIG GET notify-keyspace-events
    CONFIG SET notify-keyspace-events gn
    CONFIG GET notify-keyspace-events
    CONFIG SET notify-keyspace-events E
    CONFIG GET notify-keyspace-events
    CONFIG SET notify-keyspace-events ""
    CONFIG SET save "100 10 20"
    CONFIG SET save "100 10 20 x"
    CONFIG SET save "100  10"
    CONFIG SET save " 100 5"
    CONFIG SET save "100 -5"
    CONFIG SET save "0 5"
    CONFIG SET save "100 10 20 5"
    CONFIG GET save
    CONFIG SET save "100 "
    CONFIG GET save
    CONFIG SET save "0100 +5"
    CONFIG GET save
    CONFIG SET save ""
    CONFIG GET save
    CONFIG SET client-output-buffer-limit "normal 1 2"
    CONFIG SET client-output-buffer-limit "master 1 2 3"
    CONFIG SET client-output-buffer-limit "normal 1x 2 3"
    CONFIG SET client-output-buffer-limit "pubsub 1 2 -3"
    CONFIG SET client-output-buffer-limit ""
    CONFIG SET client-output-buffer-limit "normal 1mb 2 3"
    CONFIG GET client-output-buffer-limit
    CONFIG SET client-output-buffer-limit "replica 1gb 2 3 slave 5 6 7"
    CONFIG GET client-output-buffer-limit
    CONFIG SET client-output-buffer-limit "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60"
    CONFIG SET oom-score-adj-values "1 2"
    CONFIG SET oom-score-adj-values "1 2 3000"
    CONFIG SET oom-score-adj-values "-2000 0x 1"
    CONFIG SET oom-score-adj-values "-2000 +0 1"
    CONFIG GET oom-score-adj-values
    CONFIG SET oom-score-adj-values "0 200 800"
    CONFIG SET latency-tracking-info-percentiles "50 99.9 100.5"
    CONFIG SET latency-tracking-info-percentiles "50 x"
    CONFIG SET latency-tracking-info-percentiles "50 inf"
    CONFIG SET latency-tracking-info-percentiles "50 -0"
    CONFIG GET latency-tracking-info-percentiles
    CONFIG SET latency-tracking-info-percentiles "50 .5 5. +7 0x10"
    CONFIG GET latency-tracking-info-percentiles
    CONFIG SET latency-tracking-info-percentiles "50 nan"
    CONFIG SET latency-tracking-info-percentiles "50.0 99 99.90"
    CONFIG GET latency-tracking-info-percentiles
    CONFIG SET latency-tracking-info-percentiles "0.5 1e1 99.999999"
    CONFIG GET latency-tracking-info-percentiles
    CONFIG SET latency-tracking-info-percentiles ""
    CONFIG GET latency-tracking-info-percentiles
    CONFIG SET latency-tracking-info-percentiles "50 99 99.9"
    CONFIG SET bind "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17"
    CONFIG SET slaveof "a b"
    CONFIG SET replicaof "no one"
  `);

  script('CONFIG SET: several pairs, all or nothing, and its errors', `
    CONFIG SET
    CONFIG SET hz
    CONFIG SET hz 5 port
    CONFIG SET nosuch 1
    CONFIG SET databases 3
    CONFIG SET DATABASES 3
    CONFIG SET MAXMEMORY x
    CONFIG SET HASH-MAX-ZIPLIST-ENTRIES x
    CONFIG SET hz 5 hz 6
    CONFIG SET HZ 5 hz 6
    CONFIG SET maxmemory 100 MAXMEMORY 200
    CONFIG SET hz 5 nosuch 1 databases 3
    CONFIG SET databases 3 nosuch 1
    CONFIG SET nosuch 1 databases 3
    CONFIG SET hz 11 maxmemory-policy bad
    CONFIG GET hz
    CONFIG SET hz 5 maxmemory x
    CONFIG GET hz
    CONFIG SET hz 11 maxmemory 1mb
    ~ CONFIG GET hz maxmemory
    CONFIG SET hash-max-listpack-entries 1 hash-max-ziplist-entries 2
    CONFIG GET hash-max-listpack-entries
    CONFIG SET hz 10 maxmemory 0 hash-max-listpack-entries 512
    CONFIG SET "a\\r\\nb" 1
  `);

  script('CONFIG RESETSTAT, REWRITE, HELP and unknown subcommands', `
    GET missing
    SET k v
    GET k
    NOSUCH
    CONFIG RESETSTAT
    INFO errorstats
    CONFIG REWRITE
    CONFIG HELP
    config help
    CONFIG
    CONFIG foo
    CONFIG RESETSTAT x
    CONFIG HELP x
  `);
});

/** Parameters whose value is a fact of the machine or of how the harness started the server. */
const MACHINE_FACTS = new Set(['port', 'bind', 'dir', 'loglevel', 'pidfile', 'logfile']);

function pairs(r: Reply): Map<string, string> {
  const flat = (Array.isArray(r) ? r : (r as MapReply).v) as string[];
  const m = new Map<string, string>();
  for (let i = 0; i < flat.length; i += 2) m.set(flat[i]!, flat[i + 1]!);
  return m;
}

describe('CONFIG GET * vs redis-server', () => {
  let real: RealRedis;
  beforeAll(async () => {
    real = await startRealRedis();
  });
  afterAll(async () => {
    await real?.stop();
  });

  it('has every parameter of Redis 7.0.15, with the same default values', async () => {
    const conn = await RespConnection.connect(real.port);
    const realConfig = pairs((await conn.call(['CONFIG', 'GET', '*'])).reply);
    conn.close();
    const { client } = testNode();
    const engineConfig = pairs(client().call('CONFIG', 'GET', '*')!);
    expect([...engineConfig.keys()].sort()).toEqual([...realConfig.keys()].sort());
    const differing = [...realConfig].filter(([k, v]) => !MACHINE_FACTS.has(k) && engineConfig.get(k) !== v);
    expect(differing).toEqual([]);
    expect(realConfig.size).toBeGreaterThan(180);
  });
});
