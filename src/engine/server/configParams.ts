import { notifyFlagsFromString, notifyFlagsToString } from '../keyspace/notify.js';
import { string2d } from '../util/numbers.js';

/**
 * Every configuration parameter of Redis 7.0.15 (config.c's static_configs table), with its
 * type, bounds, default and flags, so CONFIG GET/SET answer exactly as the real server does.
 * Parameters the engine does not act on (TLS, syslog, cluster bus ports, ...) are still
 * accepted and reported: clients and tools read them.
 *
 * Values are stored as strings in the form CONFIG GET reports them, except where `display`
 * derives that form (notify-keyspace-events keeps what was set, as Redis keeps the flags).
 */
export type ParamType = 'bool' | 'numeric' | 'enum' | 'string' | 'special';

export type ParseResult = { value: string } | { error: string };

export interface ParamSpec {
  readonly name: string;
  /** Alternate name (replica-* / slave-*, *-listpack-* / *-ziplist-*). */
  readonly alias?: string;
  readonly type: ParamType;
  /** The value at startup, as CONFIG GET reports it. */
  readonly default: string;
  /** IMMUTABLE_CONFIG: only settable at startup. */
  readonly immutable?: boolean;
  /** PROTECTED_CONFIG: CONFIG SET needs enable-protected-configs. */
  readonly protected?: boolean;
  /** HIDDEN_CONFIG: CONFIG GET reports it only when named exactly. */
  readonly hidden?: boolean;
  /** MULTI_ARG_CONFIG: the value is split on spaces before parsing. */
  readonly multiArg?: boolean;
  // numeric (numericConfigData)
  /** Compared as unsigned (ULONG_LONG, UINT, SIZE_T in numericBoundaryCheck). */
  readonly unsigned?: boolean;
  readonly min?: bigint;
  readonly max?: bigint;
  readonly memory?: boolean;
  readonly percent?: boolean;
  readonly octal?: boolean;
  /** Applied after validation (updateHZ caps hz to 1..500). */
  readonly clamp?: readonly [bigint, bigint];
  // enum (enumConfigData)
  readonly values?: readonly string[];
  /** The enum is a set of flags (shutdown-on-sig*): values[i] is bit i-1, values[0] is 0. */
  readonly bitflags?: boolean;
  /** is_valid_fn: an error text, or null when the (already typed) value is acceptable. */
  readonly validate?: (v: string) => string | null;
  /**
   * Parser of a special config: its arguments (split when multiArg) and the current stored
   * value to the new stored value.
   */
  readonly parse?: (args: string[], prev: string) => ParseResult;
  /** The CONFIG GET form of a stored value, when it is not the stored value itself. */
  readonly display?: (stored: string) => string;
}

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const UINT_MAX = 4294967295n;
const LONG_MAX = 9223372036854775807n;
const LLONG_MAX = LONG_MAX;
const ULLONG_MAX = 18446744073709551615n;
const SSIZE_MAX = LONG_MAX;

type Opts = Partial<Pick<ParamSpec, 'alias' | 'immutable' | 'protected' | 'hidden' | 'validate' | 'clamp'>>;

function bool(name: string, def: boolean, opts: Opts = {}): ParamSpec {
  return { name, type: 'bool', default: def ? 'yes' : 'no', ...opts };
}

function str(name: string, def: string, opts: Opts = {}): ParamSpec {
  return { name, type: 'string', default: def, ...opts };
}

function enumeration(name: string, values: readonly string[], def: string, opts: Opts = {}): ParamSpec {
  return { name, type: 'enum', values, default: def, ...opts };
}

type NumOpts = Opts & { memory?: boolean; percent?: boolean; octal?: boolean };

/** Signed numeric types: int, long, long long, ssize_t, time_t, off_t (and unsigned long). */
function num(name: string, min: bigint, max: bigint, def: bigint, opts: NumOpts = {}): ParamSpec {
  return { name, type: 'numeric', min, max, default: String(def), ...opts };
}

/** Unsigned numeric types checked as unsigned: unsigned int, size_t, unsigned long long. */
function unum(name: string, min: bigint, max: bigint, def: bigint, opts: NumOpts = {}): ParamSpec {
  return { name, type: 'numeric', unsigned: true, min, max, default: opts.octal ? def.toString(8) : String(def), ...opts };
}

function special(name: string, def: string, parse: (args: string[], prev: string) => ParseResult, opts: Opts & { multiArg?: boolean; display?: (s: string) => string } = {}): ParamSpec {
  return { name, type: 'special', default: def, parse, ...opts };
}

const PROTECTED_ACTION = ['no', 'yes', 'local'] as const;

/** pathIsBaseName */
const isBaseName = (v: string): boolean => !v.includes('/') && !v.includes('\\');

/** isValidAnnouncedHostname (NET_HOST_STR_LEN is 256) */
function validHostname(v: string): string | null {
  if (v.length >= 256) return 'Hostnames must be less than 256 characters';
  if (!/^[A-Za-z0-9.-]*$/.test(v)) return 'Hostnames may only contain alphanumeric characters, hyphens or dots';
  return null;
}

/**
 * validateProcTitleTemplate: expands the template (sdstemplate: `{{` and `}}` are literal
 * braces, `{name}` a known variable) with an empty title; invalid when a variable is unknown,
 * a brace is left open, or nothing but spaces remains.
 */
function validProcTitle(v: string): string | null {
  const vars: Record<string, string> = {
    title: '', 'listen-addr': '*:6379', 'server-mode': '', port: '6379', 'tls-port': '0', unixsocket: '', 'config-file': '',
  };
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (ch === '{' && v[i + 1] === '{') { out += '{'; i++; continue; }
    if (ch === '}' && v[i + 1] === '}') { out += '}'; i++; continue; }
    if (ch !== '{') { out += ch; continue; }
    const end = v.indexOf('}', i + 1);
    const value = end === -1 ? undefined : vars[v.slice(i + 1, end)];
    if (value === undefined) return 'template format is invalid or contains unknown variables';
    out += value;
    i = end;
  }
  return out.trim() === '' ? 'template format is invalid or contains unknown variables' : null;
}

/** strtoll(s, &end, 10) accepting the whole string: leading spaces and a sign allowed. */
function strtollWhole(s: string): bigint | null {
  return /^[ \t\n\v\f\r]*[+-]?\d+$/.test(s) ? BigInt(s.trim()) : s.length === 0 ? 0n : null;
}

/** setConfigSaveOption: "<seconds> <changes> ...", seconds >= 1 and changes >= 0. */
function parseSave(args: string[]): ParseResult {
  if (args.length === 1 && args[0] === '') args = [];
  if (args.length % 2 === 1) return { error: 'Invalid save parameters' };
  const parsed: bigint[] = [];
  for (let j = 0; j < args.length; j++) {
    const v = strtollWhole(args[j]!);
    if (v === null || (j % 2 === 0 && v < 1n) || (j % 2 === 1 && v < 0n)) return { error: 'Invalid save parameters' };
    // changes is a C int: strtoll's result is truncated to 32 bits
    parsed.push(j % 2 === 0 ? v : BigInt.asIntN(32, v));
  }
  return { value: parsed.join(' ') };
}

const CONFIG_BINDADDR_MAX = 16;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * setConfigBindOption + applyBind: at most 16 addresses; an address the listener could not
 * bind (here: anything that is not `*`, an IPv4/IPv6 literal or localhost, `-` prefixed for
 * optional) makes the whole change fail.
 */
function parseBind(args: string[]): ParseResult {
  if (args.length > CONFIG_BINDADDR_MAX) return { error: 'Too many bind addresses specified.' };
  if (args.length === 1 && args[0] === '') return { value: '' };
  for (const a of args) {
    const addr = a.startsWith('-') ? a.slice(1) : a;
    const ok = addr === '*' || addr === 'localhost' || IPV4.test(addr) || (addr.includes(':') && /^[0-9a-fA-F:.*]+$/.test(addr));
    if (!ok) return { error: 'Failed to bind to specified addresses.' };
  }
  return { value: args.join(' ') };
}

const OBUF_CLASSES = ['normal', 'slave', 'pubsub'] as const;

/** memtoull (util.c): digits and an optional unit; no sign, no spaces; wraps like C on overflow. */
export function memtoull(p: string): bigint | null {
  if (p.startsWith('-')) return null;
  let u = 0;
  while (u < p.length && p.charCodeAt(u) >= 48 && p.charCodeAt(u) <= 57) u++;
  const mul = MEMORY_UNITS[p.slice(u).toLowerCase()];
  if (mul === undefined || u >= 128) return null;
  let val = u === 0 ? 0n : BigInt(p.slice(0, u));
  if (val > ULLONG_MAX) val = ULLONG_MAX; // strtoull's ERANGE result is kept
  return BigInt.asUintN(64, val * mul);
}

const MEMORY_UNITS: Record<string, bigint> = {
  '': 1n, b: 1n, k: 1000n, kb: 1024n, m: 1000n ** 2n, mb: 1024n ** 2n, g: 1000n ** 3n, gb: 1024n ** 3n,
};

/**
 * updateClientOutputBufferLimit: `<class> <hard> <soft> <soft_seconds>` groups; classes are
 * normal, replica (slave) and pubsub. Classes not named keep their previous limits.
 */
function parseObufLimits(args: string[], prev: string): ParseResult {
  if (args.length === 1 && args[0] === '') args = [];
  if (args.length % 4 !== 0) return { error: 'Wrong number of arguments in buffer limit configuration.' };
  const current = prev.split(' ');
  const limits = new Map<string, string[]>();
  for (let i = 0; i < current.length; i += 4) limits.set(current[i]!, current.slice(i + 1, i + 4));
  for (let j = 0; j < args.length; j += 4) {
    let cls = args[j]!.toLowerCase();
    if (cls === 'replica') cls = 'slave';
    if (!(OBUF_CLASSES as readonly string[]).includes(cls)) {
      return { error: 'Invalid client class specified in buffer limit configuration.' };
    }
    const hard = memtoull(args[j + 1]!);
    const soft = memtoull(args[j + 2]!);
    const secs = /^[ \t\n\v\f\r]*[+-]?\d+$/.test(args[j + 3]!) ? BigInt(args[j + 3]!.trim()) : null;
    if (hard === null || soft === null || secs === null || secs < 0n) {
      return { error: 'Error in hard, soft or soft_seconds setting in buffer limit configuration.' };
    }
    limits.set(cls, [String(hard), String(soft), String(BigInt.asIntN(32, secs))]);
  }
  return { value: OBUF_CLASSES.map((c) => `${c} ${limits.get(c)!.join(' ')}`).join(' ') };
}

/** setConfigOOMScoreAdjValuesOption: three integers in [-2000, 2000]. */
function parseOomValues(args: string[]): ParseResult {
  if (args.length !== 3) return { error: 'wrong number of arguments' };
  const out: bigint[] = [];
  for (const a of args) {
    const v = /^[ \t\n\v\f\r]*[+-]?\d+$/.test(a) ? BigInt(a.trim()) : a === '' ? 0n : null;
    if (v === null || v < -2000n || v > 2000n) {
      return { error: 'Invalid oom-score-adj-values, elements must be between -2000 and 2000.' };
    }
    out.push(v);
  }
  return { value: out.join(' ') };
}

/** setConfigLatencyTrackingInfoPercentilesOutputOption; shown as "%f" without trailing zeros. */
function parsePercentiles(args: string[]): ParseResult {
  if (args.length === 1 && args[0] === '') return { value: '' };
  const out: string[] = [];
  for (const a of args) {
    const v = string2d(a);
    if (v === null) return { error: 'Invalid latency-tracking-info-percentiles parameters' };
    if (v > 100 || v < 0) return { error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' };
    out.push((Object.is(v, -0) ? '-' : '') + v.toFixed(6).replace(/\.?0+$/, ''));
  }
  return { value: out.join(' ') };
}

/** setConfigNotifyKeyspaceEventsOption: validated here, shown as keyspaceEventsFlagsToString. */
function parseNotify(args: string[]): ParseResult {
  if (args.length !== 1) return { error: 'wrong number of arguments' };
  if (notifyFlagsFromString(args[0]!) === -1) return { error: "Invalid event class character. Use 'Ag$lshzxeKEtmdn'." };
  return { value: args[0]! };
}

/** setConfigReplicaOfOption: "no one" or "<host> <port>" (startup only: it is immutable). */
function parseReplicaOf(args: string[]): ParseResult {
  if (args.length !== 2) return { error: 'wrong number of arguments' };
  if (args[0]!.toLowerCase() === 'no' && args[1]!.toLowerCase() === 'one') return { value: '' };
  if (!/^\d+$/.test(args[1]!) || Number(args[1]) > 65535) return { error: 'Invalid master port' };
  return { value: `${args[0]} ${Number(args[1])}` };
}

/** setConfigDirOption: chdir; the engine has no filesystem, any non-empty path is accepted. */
function parseDir(args: string[]): ParseResult {
  if (args[0] === '') return { error: 'No such file or directory' };
  return { value: args[0]! };
}

/** isValidShutdownOnSigFlags */
function validShutdownFlags(v: string): string | null {
  const words = v.split(' ');
  return words.includes('save') && words.includes('nosave')
    ? "shutdown options SAVE and NOSAVE can't be used simultaneously"
    : null;
}

const SHUTDOWN_ON_SIG = ['default', 'save', 'nosave', 'now', 'force'];

export const PARAMS: readonly ParamSpec[] = [
  // Bool configs
  bool('rdbchecksum', true, { immutable: true }),
  bool('daemonize', false, { immutable: true }),
  bool('io-threads-do-reads', false, { immutable: true }),
  bool('always-show-logo', false, { immutable: true }),
  bool('protected-mode', true),
  bool('rdbcompression', true),
  bool('rdb-del-sync-files', false),
  bool('activerehashing', true),
  bool('stop-writes-on-bgsave-error', true),
  bool('set-proc-title', true, { immutable: true }),
  bool('dynamic-hz', true),
  bool('lazyfree-lazy-eviction', false),
  bool('lazyfree-lazy-expire', false),
  bool('lazyfree-lazy-server-del', false),
  bool('lazyfree-lazy-user-del', false),
  bool('lazyfree-lazy-user-flush', false),
  bool('repl-disable-tcp-nodelay', false),
  bool('repl-diskless-sync', true),
  bool('aof-rewrite-incremental-fsync', true),
  bool('no-appendfsync-on-rewrite', false),
  bool('cluster-require-full-coverage', true),
  bool('rdb-save-incremental-fsync', true),
  bool('aof-load-truncated', true),
  bool('aof-use-rdb-preamble', true),
  bool('aof-timestamp-enabled', false),
  bool('cluster-replica-no-failover', false, { alias: 'cluster-slave-no-failover' }),
  bool('replica-lazy-flush', false, { alias: 'slave-lazy-flush' }),
  bool('replica-serve-stale-data', true, { alias: 'slave-serve-stale-data' }),
  bool('replica-read-only', true, { alias: 'slave-read-only' }),
  bool('replica-ignore-maxmemory', true, { alias: 'slave-ignore-maxmemory' }),
  bool('jemalloc-bg-thread', true),
  bool('activedefrag', false, {
    // isValidActiveDefrag: Debian's build has no defrag-capable allocator.
    validate: (v) => v === 'yes'
      ? 'Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution'
      : null,
  }),
  bool('syslog-enabled', false, { immutable: true }),
  bool('cluster-enabled', false, { immutable: true }),
  bool('appendonly', false),
  bool('cluster-allow-reads-when-down', false),
  bool('cluster-allow-pubsubshard-when-down', true),
  bool('crash-log-enabled', true),
  bool('crash-memcheck-enabled', true),
  bool('use-exit-on-panic', false, { hidden: true }),
  bool('disable-thp', true, { immutable: true }),
  bool('cluster-allow-replica-migration', true),
  bool('replica-announced', true),
  bool('latency-tracking', true),
  bool('aof-disable-auto-gc', false),
  bool('replica-ignore-disk-write-errors', false),

  // String configs
  str('aclfile', '', { immutable: true }),
  str('unixsocket', '', { immutable: true }),
  str('pidfile', '', { immutable: true }),
  str('replica-announce-ip', '', { alias: 'slave-announce-ip' }),
  str('masteruser', ''),
  str('cluster-announce-ip', ''),
  str('cluster-config-file', 'nodes.conf', { immutable: true }),
  str('cluster-announce-hostname', '', { validate: validHostname }),
  str('syslog-ident', 'redis', { immutable: true }),
  str('dbfilename', 'dump.rdb', {
    protected: true,
    validate: (v) => (isBaseName(v) ? null : "dbfilename can't be a path, just a filename"),
  }),
  str('appendfilename', 'appendonly.aof', {
    immutable: true,
    validate: (v) => v === '' ? "appendfilename can't be empty" : isBaseName(v) ? null : "appendfilename can't be a path, just a filename",
  }),
  str('appenddirname', 'appendonlydir', {
    immutable: true,
    validate: (v) => v === '' ? "appenddirname can't be empty" : isBaseName(v) ? null : "appenddirname can't be a path, just a dirname",
  }),
  str('server_cpulist', '', { immutable: true }),
  str('bio_cpulist', '', { immutable: true }),
  str('aof_rewrite_cpulist', '', { immutable: true }),
  str('bgsave_cpulist', '', { immutable: true }),
  str('ignore-warnings', ''),
  str('proc-title-template', '{title} {listen-addr} {server-mode}', { validate: validProcTitle }),
  str('bind-source-addr', ''),
  str('logfile', '', { immutable: true }),
  str('masterauth', ''),
  str('requirepass', ''),

  // Enum configs
  enumeration('supervised', ['upstart', 'systemd', 'auto', 'no'], 'no', { immutable: true }),
  enumeration('syslog-facility', ['user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'], 'local0', { immutable: true }),
  enumeration('repl-diskless-load', ['disabled', 'on-empty-db', 'swapdb'], 'disabled'),
  enumeration('loglevel', ['debug', 'verbose', 'notice', 'warning'], 'notice'),
  enumeration('maxmemory-policy', ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'], 'noeviction'),
  enumeration('appendfsync', ['everysec', 'always', 'no'], 'everysec'),
  enumeration('oom-score-adj', ['no', 'yes', 'relative', 'absolute'], 'no'),
  enumeration('acl-pubsub-default', ['allchannels', 'resetchannels'], 'resetchannels'),
  enumeration('sanitize-dump-payload', ['no', 'yes', 'clients'], 'no'),
  enumeration('enable-protected-configs', PROTECTED_ACTION, 'no', { immutable: true }),
  // Redis defaults to "no"; redsim is a teaching tool, so DEBUG works from local connections.
  enumeration('enable-debug-command', PROTECTED_ACTION, 'local', { immutable: true }),
  enumeration('enable-module-command', PROTECTED_ACTION, 'no', { immutable: true }),
  enumeration('cluster-preferred-endpoint-type', ['ip', 'hostname', 'unknown-endpoint'], 'ip'),
  enumeration('propagation-error-behavior', ['ignore', 'panic', 'panic-on-replicas'], 'ignore'),
  { name: 'shutdown-on-sigint', type: 'enum', values: SHUTDOWN_ON_SIG, bitflags: true, multiArg: true, default: 'default', validate: validShutdownFlags },
  { name: 'shutdown-on-sigterm', type: 'enum', values: SHUTDOWN_ON_SIG, bitflags: true, multiArg: true, default: 'default', validate: validShutdownFlags },

  // Integer configs
  num('databases', 1n, INT_MAX, 16n, { immutable: true }),
  num('port', 0n, 65535n, 6379n),
  num('io-threads', 1n, 128n, 1n, { immutable: true }),
  num('auto-aof-rewrite-percentage', 0n, INT_MAX, 100n),
  num('cluster-replica-validity-factor', 0n, INT_MAX, 10n, { alias: 'cluster-slave-validity-factor' }),
  num('list-max-listpack-size', INT_MIN, INT_MAX, -2n, { alias: 'list-max-ziplist-size' }),
  num('tcp-keepalive', 0n, INT_MAX, 300n),
  num('cluster-migration-barrier', 0n, INT_MAX, 1n),
  num('active-defrag-cycle-min', 1n, 99n, 1n),
  num('active-defrag-cycle-max', 1n, 99n, 25n),
  num('active-defrag-threshold-lower', 0n, 1000n, 10n),
  num('active-defrag-threshold-upper', 0n, 1000n, 100n),
  num('lfu-log-factor', 0n, INT_MAX, 10n),
  num('lfu-decay-time', 0n, INT_MAX, 1n),
  num('replica-priority', 0n, INT_MAX, 100n, { alias: 'slave-priority' }),
  num('repl-diskless-sync-delay', 0n, INT_MAX, 5n),
  num('maxmemory-samples', 1n, INT_MAX, 5n),
  num('maxmemory-eviction-tenacity', 0n, 100n, 10n),
  num('timeout', 0n, INT_MAX, 0n),
  num('replica-announce-port', 0n, 65535n, 0n, { alias: 'slave-announce-port' }),
  num('tcp-backlog', 0n, INT_MAX, 511n, { immutable: true }),
  num('cluster-port', 0n, 65535n, 0n, { immutable: true }),
  num('cluster-announce-bus-port', 0n, 65535n, 0n),
  num('cluster-announce-port', 0n, 65535n, 0n),
  num('cluster-announce-tls-port', 0n, 65535n, 0n),
  num('repl-timeout', 1n, INT_MAX, 60n),
  num('repl-ping-replica-period', 1n, INT_MAX, 10n, { alias: 'repl-ping-slave-period' }),
  num('list-compress-depth', 0n, INT_MAX, 0n),
  num('rdb-key-save-delay', INT_MIN, INT_MAX, 0n, { hidden: true }),
  num('key-load-delay', INT_MIN, INT_MAX, 0n, { hidden: true }),
  num('active-expire-effort', 1n, 10n, 1n),
  // updateHZ: any value is accepted, the server runs (and reports) it capped to 1..500.
  num('hz', 0n, INT_MAX, 10n, { clamp: [1n, 500n] }),
  num('min-replicas-to-write', 0n, INT_MAX, 0n, { alias: 'min-slaves-to-write' }),
  num('min-replicas-max-lag', 0n, INT_MAX, 10n, { alias: 'min-slaves-max-lag' }),
  num('watchdog-period', 0n, INT_MAX, 0n, { hidden: true }),
  num('shutdown-timeout', 0n, INT_MAX, 10n),
  num('repl-diskless-sync-max-replicas', 0n, INT_MAX, 0n),

  // Unsigned int configs
  unum('maxclients', 1n, UINT_MAX, 10000n),
  unum('unixsocketperm', 0n, 0o777n, 0n, { immutable: true, octal: true }),
  unum('socket-mark-id', 0n, UINT_MAX, 0n, { immutable: true }),

  // Unsigned long configs (checked as signed by numericBoundaryCheck)
  num('active-defrag-max-scan-fields', 1n, LONG_MAX, 1000n),
  num('slowlog-max-len', 0n, LONG_MAX, 128n),
  num('acllog-max-len', 0n, LONG_MAX, 128n),

  // Long long configs
  num('busy-reply-threshold', 0n, LONG_MAX, 5000n, { alias: 'lua-time-limit' }),
  num('cluster-node-timeout', 0n, LLONG_MAX, 15000n),
  num('slowlog-log-slower-than', -1n, LLONG_MAX, 10000n),
  num('latency-monitor-threshold', 0n, LLONG_MAX, 0n),
  num('proto-max-bulk-len', 1024n * 1024n, LONG_MAX, 512n * 1024n * 1024n, { memory: true }),
  num('stream-node-max-entries', 0n, LLONG_MAX, 100n),
  num('repl-backlog-size', 1n, LLONG_MAX, 1024n * 1024n, { memory: true }),

  // Unsigned long long configs
  unum('maxmemory', 0n, ULLONG_MAX, 0n, { memory: true }),
  unum('cluster-link-sendbuf-limit', 0n, ULLONG_MAX, 0n, { memory: true }),

  // Size_t configs
  unum('hash-max-listpack-entries', 0n, LONG_MAX, 512n, { alias: 'hash-max-ziplist-entries' }),
  unum('set-max-intset-entries', 0n, LONG_MAX, 512n),
  unum('zset-max-listpack-entries', 0n, LONG_MAX, 128n, { alias: 'zset-max-ziplist-entries' }),
  unum('active-defrag-ignore-bytes', 1n, LLONG_MAX, 100n << 20n, { memory: true }),
  unum('hash-max-listpack-value', 0n, LONG_MAX, 64n, { alias: 'hash-max-ziplist-value', memory: true }),
  unum('stream-node-max-bytes', 0n, LONG_MAX, 4096n, { memory: true }),
  unum('zset-max-listpack-value', 0n, LONG_MAX, 64n, { alias: 'zset-max-ziplist-value', memory: true }),
  unum('hll-sparse-max-bytes', 0n, LONG_MAX, 3000n, { memory: true }),
  unum('tracking-table-max-keys', 0n, LONG_MAX, 1000000n),
  unum('client-query-buffer-limit', 1024n * 1024n, LONG_MAX, 1024n * 1024n * 1024n, { memory: true }),
  num('maxmemory-clients', -100n, SSIZE_MAX, 0n, { memory: true, percent: true }),

  // Other configs
  num('repl-backlog-ttl', 0n, LONG_MAX, 3600n),
  num('auto-aof-rewrite-min-size', 0n, LLONG_MAX, 64n * 1024n * 1024n, { memory: true }),
  num('loading-process-events-interval-bytes', 1024n, INT_MAX, 2n * 1024n * 1024n, { hidden: true }),

  // TLS configs (Debian builds with OpenSSL)
  num('tls-port', 0n, 65535n, 0n),
  num('tls-session-cache-size', 0n, INT_MAX, 20n * 1024n),
  num('tls-session-cache-timeout', 0n, INT_MAX, 300n),
  bool('tls-cluster', false),
  bool('tls-replication', false),
  enumeration('tls-auth-clients', ['no', 'yes', 'optional'], 'yes'),
  bool('tls-prefer-server-ciphers', false),
  bool('tls-session-caching', true),
  str('tls-cert-file', ''),
  str('tls-key-file', ''),
  str('tls-key-file-pass', ''),
  str('tls-client-cert-file', ''),
  str('tls-client-key-file', ''),
  str('tls-client-key-file-pass', ''),
  str('tls-dh-params-file', ''),
  str('tls-ca-cert-file', ''),
  str('tls-ca-cert-dir', ''),
  str('tls-protocols', ''),
  str('tls-ciphers', ''),
  str('tls-ciphersuites', ''),

  // Special configs
  special('dir', '/var/lib/redis', parseDir, { protected: true }),
  // Redis's built-in default saves on "3600 1 300 100 60 10000"; redsim starts like the test
  // oracle (--save ''), so nothing snapshots unless asked to.
  special('save', '', parseSave, { multiArg: true }),
  special('client-output-buffer-limit', 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60', parseObufLimits, { multiArg: true }),
  special('oom-score-adj-values', '0 200 800', parseOomValues, { multiArg: true }),
  special('notify-keyspace-events', '', parseNotify, { display: (s) => notifyFlagsToString(notifyFlagsFromString(s)) }),
  special('bind', '* -::*', parseBind, { multiArg: true }),
  special('replicaof', '', parseReplicaOf, { alias: 'slaveof', immutable: true, multiArg: true }),
  special('latency-tracking-info-percentiles', '50 99 99.9', parsePercentiles, { multiArg: true }),
];

