import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../protocol/reply.js';
import { PairedSession } from '../../node/testing/pairedSession.js';

/** INFO text -> section title -> [field, value] in order. */
function parseInfo(text: string): Map<string, Array<[string, string]>> {
  const sections = new Map<string, Array<[string, string]>>();
  let current: Array<[string, string]> | null = null;
  for (const line of text.split('\r\n')) {
    if (line.startsWith('# ')) {
      current = [];
      sections.set(line.slice(2), current);
    } else if (line !== '') {
      const i = line.indexOf(':');
      current!.push([line.slice(0, i), line.slice(i + 1)]);
    }
  }
  return sections;
}

function text(r: Reply | undefined): string {
  return typeof r === 'string' ? r : (r as { s: string }).s;
}

/** Sections whose lines depend on what ran (their names are compared as sets). */
const DYNAMIC = new Set(['Commandstats', 'Errorstats', 'Latencystats', 'Keyspace']);

/** Fields whose values must be equal after the same commands ran on a fresh server. */
const SAME_VALUES = [
  'redis_version', 'redis_git_sha1', 'redis_git_dirty', 'redis_mode', 'arch_bits', 'multiplexing_api',
  'process_supervised', 'hz', 'configured_hz', 'io_threads_active', 'config_file',
  'connected_clients', 'cluster_connections', 'maxclients', 'blocked_clients', 'tracking_clients',
  'maxmemory', 'maxmemory_human', 'maxmemory_policy', 'mem_allocator', 'loading', 'async_loading',
  'rdb_bgsave_in_progress', 'rdb_last_bgsave_status', 'aof_enabled', 'aof_rewrite_in_progress',
  'rdb_changes_since_last_save', 'expired_keys', 'evicted_keys', 'keyspace_hits', 'keyspace_misses',
  'pubsub_channels', 'pubsub_patterns', 'pubsubshard_channels', 'total_error_replies',
  'role', 'connected_slaves', 'master_failover_state', 'master_replid2', 'second_repl_offset',
  'repl_backlog_size', 'cluster_enabled',
];

describe('INFO vs redis-server (structure)', () => {
  let s: PairedSession;
  beforeAll(async () => {
    s = await PairedSession.start();
    for (const argv of [
      ['SET', 'a', '1'], ['GET', 'a'], ['GET', 'missing'], ['SELECT', '2'], ['SET', 'b', 'x'], ['SET', 'c', 'y', 'EX', '1000'],
      ['NOSUCH'], ['GET'], ['HELLO', '4'], ['SUBSCRIBE', 'ch'],
    ]) await s.call(1, ...argv);
    await s.call(2, 'PSUBSCRIBE', 'p*');
    await s.call(3, 'CLIENT', 'SETNAME', 'x');
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('INFO everything: same sections, same fields in the same order', async () => {
    const r = await s.call(3, 'INFO', 'everything');
    const real = parseInfo(text(r.real.reply));
    const engine = parseInfo(text(r.engine.reply));
    expect([...engine.keys()]).toEqual([...real.keys()]);
    for (const [title, fields] of real) {
      const names = fields.map(([k]) => k);
      const engineNames = engine.get(title)!.map(([k]) => k);
      if (DYNAMIC.has(title)) expect(engineNames.sort(), title).toEqual(names.sort());
      else expect(engineNames, title).toEqual(names);
    }
    const realValues = new Map([...real.values()].flat());
    const engineValues = new Map([...engine.values()].flat());
    for (const f of SAME_VALUES) expect(engineValues.get(f), f).toBe(realValues.get(f));
    expect(engine.get('Errorstats')).toEqual(real.get('Errorstats'));
    // Keyspace: the same keys and expires; avg_ttl depends on when each expire cycle ran.
    const keyspace = (m: Map<string, Array<[string, string]>>) => m.get('Keyspace')!.map(([k, v]) => `${k}:${v.replace(/,avg_ttl=\d+/, '')}`);
    expect(keyspace(engine)).toEqual(keyspace(real));
    // Commandstats: same counts, modelled CPU time.
    const counts = (m: Map<string, Array<[string, string]>>) =>
      m.get('Commandstats')!.map(([k, v]) => `${k}:${v.replace(/usec=[\d.]+,usec_per_call=[\d.]+,/, '')}`).sort();
    expect(counts(engine)).toEqual(counts(real));
  });

  it('default, all, section lists and unknown names select the same sections', async () => {
    for (const args of [[], ['all'], ['default'], ['server', 'clients'], ['keyspace', 'cpu'], ['Memory', 'STATS'], ['default', 'commandstats'], ['nosuch'], ['modules']]) {
      const r = await s.call(3, 'INFO', ...args);
      expect([...parseInfo(text(r.engine.reply)).keys()], args.join(' ')).toEqual([...parseInfo(text(r.real.reply)).keys()]);
    }
  });

  it('is a verbatim string in RESP3', async () => {
    await s.call(4, 'HELLO', '3');
    const r = await s.call(4, 'INFO', 'cluster');
    expect(r.engine.raw).toBe(r.real.raw);
    expect(r.engine.raw.startsWith('=')).toBe(true);
  });
});
