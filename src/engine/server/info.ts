import { REDIS_VERSION } from '../commands/connection.js';
import { clientMemory } from '../commands/client.js';
import { lruClock, type Db } from '../keyspace/db.js';
import { hashBytes } from '../types/dict.js';
import { isString, stringLength, type RedisValue } from '../types/object.js';
import type { RedisServer } from './server.js';

/**
 * INFO (genRedisInfoString, Redis 7.0): the sections, fields and order of the real server.
 * Counters come from the engine's state; what only a real process has (RSS, allocator, CPU)
 * is modelled from the modelled memory and the virtual CPU time of the commands.
 */

/** genInfoSectionDict's default sections. */
const DEFAULT_SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'module_list', 'errorstats', 'cluster', 'keyspace'];

type Section = readonly [name: string, title: string, fields: (server: RedisServer) => string[]];

/** Memory Redis 7.0 has allocated right after startup, before any client or key. */
const USED_MEMORY_STARTUP = 876208;
/** sizeof(dictEntry), sizeof(robj), sizeof(dictEntry*) */
const DICT_ENTRY = 24;
const ROBJ = 16;
const POINTER = 8;
const OBJ_SHARED_INTEGERS = 10000;
/** Above this many keys the dataset is estimated from a sample of the keyspace. */
const EXACT_KEYS_LIMIT = 4096;
const SAMPLE_KEYS = 1024;

/** je_malloc_usable_size for a request of n bytes: jemalloc's size classes. */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  let group = 128;
  while (group * 2 < n) group *= 2;
  const step = group / 4;
  return Math.ceil(n / step) * step;
}

/** sdsReqType + sdsHdrSize: the header of an sds string of this length. */
function sdsHeader(len: number): number {
  return len < 32 ? 1 : len < 256 ? 3 : len < 65536 ? 5 : 9;
}

/** Modelled bytes of one key (its sds name) and its value object. */
function keyValueBytes(key: string, v: RedisValue): number {
  let bytes = jemallocSize(sdsHeader(key.length) + key.length + 1);
  if (!isString(v)) return bytes + v.memoryUsage();
  if (typeof v === 'number' || typeof v === 'bigint') {
    return bytes + (typeof v === 'number' && v >= 0 && v < OBJ_SHARED_INTEGERS ? 0 : ROBJ);
  }
  const len = stringLength(v);
  // An embstr is one allocation: robj, sdshdr8 and the bytes; a raw string is two.
  bytes += typeof v === 'string' && len <= 44 ? jemallocSize(ROBJ + 3 + len + 1) : ROBJ + jemallocSize(sdsHeader(len) + len + 1);
  return bytes;
}

/** Keys and values of a db: exact for small dbs, extrapolated from a scan sample otherwise. */
function datasetBytes(db: Db): number {
  const n = db.dict.size;
  if (n === 0) return 0;
  let sampled = 0;
  let bytes = 0;
  if (n <= EXACT_KEYS_LIMIT) {
    for (const e of db.dict.entries()) bytes += keyValueBytes(e.key, e.val);
    return bytes;
  }
  let cursor = 0;
  do {
    cursor = db.dict.scan(cursor, (e) => {
      bytes += keyValueBytes(e.key, e.val);
      sampled++;
    });
  } while (cursor !== 0 && sampled < SAMPLE_KEYS);
  return Math.round((bytes / sampled) * n);
}

/** dictSize * sizeof(dictEntry) + dictSlots * sizeof(dictEntry*) for a db's two tables. */
function dbOverheadBytes(db: Db): number {
  return db.dict.size * DICT_ENTRY + db.dict.slots() * POINTER + db.expires.size * DICT_ENTRY + db.expires.slots() * POINTER;
}

export interface MemoryModel {
  used: number;
  overhead: number;
  dataset: number;
  clients: number;
  rss: number;
}

/** zmalloc_used_memory and getMemoryOverheadData, modelled from the keyspace and the clients. */
export function memoryModel(server: RedisServer): MemoryModel {
  let clients = 0;
  for (const c of server.clients.values()) clients += clientMemory(c, null);
  let overhead = USED_MEMORY_STARTUP + clients;
  let dataset = 0;
  for (const db of server.dbs) {
    overhead += dbOverheadBytes(db);
    dataset += datasetBytes(db);
  }
  const used = overhead + dataset;
  const rss = Math.ceil((used * 1.05 + 5_800_000) / 4096) * 4096;
  return { used, overhead, dataset, clients, rss };
}

/** bytesToHuman */
export function bytesToHuman(n: number): string {
  const units = ['K', 'M', 'G', 'T', 'P'];
  if (n < 1024) return `${n}B`;
  let d = n / 1024;
  for (const u of units) {
    if (d < 1024 || u === 'P') return `${d.toFixed(2)}${u}`;
    d /= 1024;
  }
  return `${n}B`;
}

/** A stable 40-hex-digit id derived from a seed string (replication ids). */
function hexId(seed: string): string {
  let out = '';
  for (let i = 0; out.length < 40; i++) out += hashBytes(`${seed}:${i}`, 0).toString(16).padStart(8, '0');
  return out.slice(0, 40);
}

/** Virtual CPU seconds the commands have cost so far (invariant 10). */
function cpuSeconds(server: RedisServer): number {
  let usec = 0;
  for (const s of server.allCommandStats().values()) usec += s.usec;
  return usec / 1_000_000;
}

function serverSection(server: RedisServer): string[] {
  const uptime = Math.floor((server.now - server.startTime) / 1000);
  const hz = server.config.getInt('hz');
  return [
    `redis_version:${REDIS_VERSION}`,
    'redis_git_sha1:00000000',
    'redis_git_dirty:0',
    'redis_build_id:ae4d7c971a948f0',
    `redis_mode:${server.config.getBool('cluster-enabled') ? 'cluster' : 'standalone'}`,
    'os:Linux 6.1.0-redsim x86_64',
    'arch_bits:64',
    'monotonic_clock:POSIX clock_gettime',
    'multiplexing_api:epoll',
    'atomicvar_api:c11-builtin',
    'gcc_version:12.2.0',
    `process_id:${(parseInt(server.runId.slice(0, 6), 16) % 32000) + 100}`,
    'process_supervised:no',
    `run_id:${server.runId}`,
    `tcp_port:${server.port}`,
    `server_time_usec:${Math.floor(server.now * 1000)}`,
    `uptime_in_seconds:${uptime}`,
    `uptime_in_days:${Math.floor(uptime / 86400)}`,
    `hz:${hz}`,
    `configured_hz:${hz}`,
    `lru_clock:${lruClock(server.now)}`,
    'executable:/usr/bin/redis-server',
    'config_file:',
    'io_threads_active:0',
  ];
}

function clientsSection(server: RedisServer): string[] {
  return [
    `connected_clients:${server.clients.size}`,
    'cluster_connections:0',
    `maxclients:${server.config.get('maxclients')}`,
    'client_recent_max_input_buffer:0',
    'client_recent_max_output_buffer:0',
    `blocked_clients:${server.blocking.blockedClients}`,
    'tracking_clients:0',
    `clients_in_timeout_table:${server.blocking.clientsInTimeoutTable}`,
  ];
}

function memorySection(server: RedisServer): string[] {
  const m = memoryModel(server);
  server.peakMemory = Math.max(server.peakMemory, m.used);
  const peak = server.peakMemory;
  const allocated = Math.round(m.used * 1.02 + 770_000);
  const active = Math.round(allocated * 1.08);
  const resident = Math.max(active, Math.round(m.rss * 0.66));
  const maxmemory = Number(server.config.get('maxmemory'));
  const totalSystem = 8 * 1024 ** 3;
  const ratio = (a: number, b: number): string => (b === 0 ? '0.00' : (a / b).toFixed(2));
  const netUsed = m.used - USED_MEMORY_STARTUP;
  return [
    `used_memory:${m.used}`,
    `used_memory_human:${bytesToHuman(m.used)}`,
    `used_memory_rss:${m.rss}`,
    `used_memory_rss_human:${bytesToHuman(m.rss)}`,
    `used_memory_peak:${peak}`,
    `used_memory_peak_human:${bytesToHuman(peak)}`,
    `used_memory_peak_perc:${((m.used / peak) * 100).toFixed(2)}%`,
    `used_memory_overhead:${m.overhead}`,
    `used_memory_startup:${USED_MEMORY_STARTUP}`,
    `used_memory_dataset:${m.dataset}`,
    `used_memory_dataset_perc:${netUsed <= 0 ? '0.00' : ((m.dataset / netUsed) * 100).toFixed(2)}%`,
    `allocator_allocated:${allocated}`,
    `allocator_active:${active}`,
    `allocator_resident:${resident}`,
    `total_system_memory:${totalSystem}`,
    `total_system_memory_human:${bytesToHuman(totalSystem)}`,
    'used_memory_lua:32768',
    'used_memory_vm_eval:32768',
    'used_memory_lua_human:32.00K',
    'used_memory_scripts_eval:0',
    'number_of_cached_scripts:0',
    'number_of_functions:0',
    'number_of_libraries:0',
    'used_memory_vm_functions:33792',
    'used_memory_vm_total:66560',
    'used_memory_vm_total_human:65.00K',
    'used_memory_functions:200',
    'used_memory_scripts:200',
    'used_memory_scripts_human:200B',
    `maxmemory:${maxmemory}`,
    `maxmemory_human:${bytesToHuman(maxmemory)}`,
    `maxmemory_policy:${server.config.get('maxmemory-policy')}`,
    `allocator_frag_ratio:${ratio(active, allocated)}`,
    `allocator_frag_bytes:${active - allocated}`,
    `allocator_rss_ratio:${ratio(resident, active)}`,
    `allocator_rss_bytes:${resident - active}`,
    `rss_overhead_ratio:${ratio(m.rss, resident)}`,
    `rss_overhead_bytes:${m.rss - resident}`,
    `mem_fragmentation_ratio:${ratio(m.rss, m.used)}`,
    `mem_fragmentation_bytes:${m.rss - m.used}`,
    'mem_not_counted_for_evict:0',
    'mem_replication_backlog:0',
    'mem_total_replication_buffers:0',
    'mem_clients_slaves:0',
    `mem_clients_normal:${m.clients}`,
    'mem_cluster_links:0',
    'mem_aof_buffer:0',
    'mem_allocator:jemalloc-5.3.0',
    'active_defrag_running:0',
    'lazyfree_pending_objects:0',
    'lazyfreed_objects:0',
  ];
}

function persistenceSection(server: RedisServer): string[] {
  return [
    'loading:0',
    'async_loading:0',
    'current_cow_peak:0',
    'current_cow_size:0',
    'current_cow_size_age:0',
    'current_fork_perc:0.00',
    'current_save_keys_processed:0',
    'current_save_keys_total:0',
    `rdb_changes_since_last_save:${server.dirty}`,
    'rdb_bgsave_in_progress:0',
    `rdb_last_save_time:${Math.floor(server.startTime / 1000)}`,
    'rdb_last_bgsave_status:ok',
    'rdb_last_bgsave_time_sec:-1',
    'rdb_current_bgsave_time_sec:-1',
    'rdb_saves:0',
    'rdb_last_cow_size:0',
    'rdb_last_load_keys_expired:0',
    'rdb_last_load_keys_loaded:0',
    `aof_enabled:${server.config.getBool('appendonly') ? 1 : 0}`,
    'aof_rewrite_in_progress:0',
    'aof_rewrite_scheduled:0',
    'aof_last_rewrite_time_sec:-1',
    'aof_current_rewrite_time_sec:-1',
    'aof_last_bgrewrite_status:ok',
    'aof_rewrites:0',
    'aof_rewrites_consecutive_failures:0',
    'aof_last_write_status:ok',
    'aof_last_cow_size:0',
    'module_fork_in_progress:0',
    'module_fork_last_cow_size:0',
  ];
}

function statsSection(server: RedisServer): string[] {
  const s = server.stats;
  return [
    `total_connections_received:${s.totalConnectionsReceived}`,
    `total_commands_processed:${s.totalCommandsProcessed}`,
    'instantaneous_ops_per_sec:0',
    'total_net_input_bytes:0',
    'total_net_output_bytes:0',
    'total_net_repl_input_bytes:0',
    'total_net_repl_output_bytes:0',
    'instantaneous_input_kbps:0.00',
    'instantaneous_output_kbps:0.00',
    'instantaneous_input_repl_kbps:0.00',
    'instantaneous_output_repl_kbps:0.00',
    `rejected_connections:${s.rejectedClients}`,
    'sync_full:0',
    'sync_partial_ok:0',
    'sync_partial_err:0',
    `expired_keys:${s.expiredKeys}`,
    `expired_stale_perc:${s.expiredStalePerc.toFixed(2)}`,
    `expired_time_cap_reached_count:${s.expiredTimeCapReachedCount}`,
    'expire_cycle_cpu_milliseconds:0',
    `evicted_keys:${s.evictedKeys}`,
    'evicted_clients:0',
    'total_eviction_exceeded_time:0',
    'current_eviction_exceeded_time:0',
    `keyspace_hits:${s.keyspaceHits}`,
    `keyspace_misses:${s.keyspaceMisses}`,
    `pubsub_channels:${server.pubsub.channels.size}`,
    `pubsub_patterns:${server.pubsub.patterns.size}`,
    `pubsubshard_channels:${server.pubsub.shardChannels.size}`,
    'latest_fork_usec:0',
    'total_forks:0',
    'migrate_cached_sockets:0',
    'slave_expires_tracked_keys:0',
    'active_defrag_hits:0',
    'active_defrag_misses:0',
    'active_defrag_key_hits:0',
    'active_defrag_key_misses:0',
    'total_active_defrag_time:0',
    'current_active_defrag_time:0',
    'tracking_total_keys:0',
    'tracking_total_items:0',
    'tracking_total_prefixes:0',
    'unexpected_error_replies:0',
    `total_error_replies:${s.totalErrorReplies}`,
    'dump_payload_sanitizations:0',
    `total_reads_processed:${s.totalCommandsProcessed}`,
    `total_writes_processed:${s.totalCommandsProcessed}`,
    'io_threaded_reads_processed:0',
    'io_threaded_writes_processed:0',
    'reply_buffer_shrinks:0',
    'reply_buffer_expands:0',
  ];
}

function replicationSection(server: RedisServer): string[] {
  return [
    `role:${server.isReplica ? 'slave' : 'master'}`,
    'connected_slaves:0',
    'master_failover_state:no-failover',
    `master_replid:${hexId(server.runId)}`,
    'master_replid2:0000000000000000000000000000000000000000',
    'master_repl_offset:0',
    'second_repl_offset:-1',
    'repl_backlog_active:0',
    `repl_backlog_size:${server.config.get('repl-backlog-size')}`,
    'repl_backlog_first_byte_offset:0',
    'repl_backlog_histlen:0',
  ];
}

function cpuSection(server: RedisServer): string[] {
  const cpu = cpuSeconds(server);
  const sys = (cpu * 0.4).toFixed(6);
  const user = (cpu * 0.6).toFixed(6);
  return [
    `used_cpu_sys:${sys}`,
    `used_cpu_user:${user}`,
    'used_cpu_sys_children:0.000000',
    'used_cpu_user_children:0.000000',
    `used_cpu_sys_main_thread:${sys}`,
    `used_cpu_user_main_thread:${user}`,
  ];
}

/** Commands that were called, rejected or failed at least once. */
function commandstatsSection(server: RedisServer): string[] {
  const out: string[] = [];
  for (const [name, s] of server.allCommandStats()) {
    if (s.calls === 0 && s.failedCalls === 0 && s.rejectedCalls === 0) continue;
    const usec = Math.round(s.usec);
    out.push(
      `cmdstat_${name}:calls=${s.calls},usec=${usec},usec_per_call=${(s.calls === 0 ? 0 : usec / s.calls).toFixed(2)},` +
        `rejected_calls=${s.rejectedCalls},failed_calls=${s.failedCalls}`,
    );
  }
  return out;
}

/** Error codes in lexicographic order (Redis keeps them in a radix tree). */
function errorstatsSection(server: RedisServer): string[] {
  return [...server.errorStats.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, count]) => `errorstat_${code}:count=${count}`);
}

/**
 * Per-command latency percentiles. The virtual cost of a command does not vary between calls
 * of the same shape, so every percentile is the mean modelled latency.
 */
function latencystatsSection(server: RedisServer): string[] {
  if (!server.config.getBool('latency-tracking')) return [];
  const percentiles = server.config.get('latency-tracking-info-percentiles').split(' ').filter((p) => p !== '');
  const out: string[] = [];
  for (const [name, s] of server.allCommandStats()) {
    if (s.calls === 0) continue;
    const mean = (s.usec / s.calls).toFixed(3);
    out.push(`latency_percentiles_usec_${name}:${percentiles.map((p) => `p${p}=${mean}`).join(',')}`);
  }
  return out;
}

function keyspaceSection(server: RedisServer): string[] {
  const out: string[] = [];
  for (const db of server.dbs) {
    if (db.dict.size === 0) continue;
    out.push(`db${db.id}:keys=${db.dict.size},expires=${db.expires.size},avg_ttl=${Math.floor(db.avgTtl)}`);
  }
  return out;
}

/** Every section in output order; `module_list` prints as "# Modules". */
const SECTIONS: readonly Section[] = [
  ['server', 'Server', serverSection],
  ['clients', 'Clients', clientsSection],
  ['memory', 'Memory', memorySection],
  ['persistence', 'Persistence', persistenceSection],
  ['stats', 'Stats', statsSection],
  ['replication', 'Replication', replicationSection],
  ['cpu', 'CPU', cpuSection],
  ['module_list', 'Modules', () => []],
  ['commandstats', 'Commandstats', commandstatsSection],
  ['errorstats', 'Errorstats', errorstatsSection],
  ['latencystats', 'Latencystats', latencystatsSection],
  ['cluster', 'Cluster', (server) => [`cluster_enabled:${server.config.getBool('cluster-enabled') ? 1 : 0}`]],
  ['keyspace', 'Keyspace', keyspaceSection],
];

/**
 * genInfoSectionDict + genRedisInfoString: no argument means the default sections; "all"
 * adds commandstats and latencystats; "everything" also module-generated sections (none);
 * "default" can be combined with named sections. Unknown names are ignored.
 */
export function genRedisInfoString(server: RedisServer, args: readonly string[]): string {
  const wanted = new Set<string>();
  let all = false;
  if (args.length === 0) for (const s of DEFAULT_SECTIONS) wanted.add(s);
  for (const a of args) {
    const name = a.toLowerCase();
    if (name === 'all' || name === 'everything') all = true;
    else if (name === 'default') for (const s of DEFAULT_SECTIONS) wanted.add(s);
    else wanted.add(name === 'modules' ? 'module_list' : name);
  }
  const parts: string[] = [];
  for (const [name, title, fields] of SECTIONS) {
    if (!all && !wanted.has(name)) continue;
    let text = `# ${title}\r\n`;
    for (const line of fields(server)) text += `${line}\r\n`;
    parts.push(text);
  }
  return parts.join('\r\n');
}
