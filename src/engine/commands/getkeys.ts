import type { MapReply, Reply, SetReply, StatusReply } from '../../protocol/reply.js';
import { string2ll } from '../util/numbers.js';
import type { CommandSpec } from './spec.js';

/**
 * Where a command's keys are (db.c, Redis 7.0): resolved from the key specs that COMMAND INFO
 * publishes (begin_search index/keyword, find_keys range/keynum), falling back to the few
 * getkeys_proc functions Redis keeps for what specs cannot say (SORT's STORE anywhere, SET and
 * BITFIELD whose access depends on the arguments, MIGRATE's KEYS form). COMMAND GETKEYS uses
 * it; so can anything that must know a command's keys (cluster slot checks, ACL key patterns).
 */

/** A key argument: its index in argv and its key-spec flags (RO, RW, OW, RM, access, ...). */
export interface KeyReference {
  readonly pos: number;
  readonly flags: readonly string[];
}

type BeginSearch =
  | { type: 'index'; pos: number }
  | { type: 'keyword'; keyword: string; startfrom: number }
  | { type: 'unknown' };

type FindKeys =
  | { type: 'range'; lastkey: number; keystep: number; limit: number }
  | { type: 'keynum'; keynumidx: number; firstkey: number; keystep: number }
  | { type: 'unknown' };

interface KeySpec {
  flags: string[];
  bs: BeginSearch;
  fk: FindKeys;
}

/** A native key finder: the keys, or null when Redis's proc would find none. */
type GetKeysProc = (argv: readonly string[]) => KeyReference[] | null;

const RO_ACCESS = ['RO', 'access'];
const RW_ACCESS_UPDATE = ['RW', 'access', 'update'];
const OW_UPDATE = ['OW', 'update'];
const RW_ACCESS_DELETE = ['RW', 'access', 'delete'];

/** sortGetKeys: the sorted key, and the last STORE destination (LIMIT/GET/BY skip their arguments). */
function sortGetKeys(argv: readonly string[]): KeyReference[] {
  const keys: KeyReference[] = [{ pos: 1, flags: RO_ACCESS }];
  let store: KeyReference | null = null;
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!.toLowerCase();
    if (arg === 'limit') i += 2;
    else if (arg === 'get' || arg === 'by') i += 1;
    else if (arg === 'store' && i + 1 < argv.length) store = { pos: i + 1, flags: OW_UPDATE };
  }
  if (store !== null) keys.push(store);
  return keys;
}

/** setGetKeys: the key is read too when GET is given. */
function setGetKeys(argv: readonly string[]): KeyReference[] {
  for (let i = 3; i < argv.length; i++) {
    if (argv[i]!.toLowerCase() === 'get') return [{ pos: 1, flags: RW_ACCESS_UPDATE }];
  }
  return [{ pos: 1, flags: OW_UPDATE }];
}

/** bitfieldGetKeys: read-only unless a SET/INCRBY (or anything unparsable) appears. */
function bitfieldGetKeys(argv: readonly string[]): KeyReference[] {
  let readonly = true;
  for (let i = 2; i < argv.length; i++) {
    const remaining = argv.length - i - 1;
    const arg = argv[i]!.toLowerCase();
    if (arg === 'get' && remaining >= 2) i += 2;
    else if ((arg === 'set' || arg === 'incrby') && remaining >= 3) { readonly = false; break; }
    else if (arg === 'overflow' && remaining >= 1) i += 1;
    else { readonly = false; break; }
  }
  return [{ pos: 1, flags: readonly ? RO_ACCESS : RW_ACCESS_UPDATE }];
}

/** migrateGetKeys: argv[3], or everything after KEYS (which needs an empty argv[3]). */
function migrateGetKeys(argv: readonly string[]): KeyReference[] | null {
  let first = 3;
  let num = 1;
  const skip: Record<string, number> = { copy: 0, replace: 0, auth: 1, auth2: 2 };
  if (argv.length > 6) {
    for (let i = 6; i < argv.length; i++) {
      const arg = argv[i]!.toLowerCase();
      if (arg === 'keys') {
        if (argv[3]!.length > 0) return null;
        first = i + 1;
        num = argv.length - first;
        break;
      }
      i += Object.hasOwn(skip, arg) ? skip[arg]! : 0;
    }
  }
  const keys: KeyReference[] = [];
  for (let i = 0; i < num; i++) keys.push({ pos: first + i, flags: RW_ACCESS_DELETE });
  return keys;
}

/** The getkeys_proc functions whose answers key specs cannot give. */
const GETKEYS_PROCS: ReadonlyMap<string, GetKeysProc> = new Map<string, GetKeysProc>([
  ['sort', sortGetKeys],
  ['sort_ro', () => [{ pos: 1, flags: RO_ACCESS }]],
  ['set', setGetKeys],
  ['bitfield', bitfieldGetKeys],
  ['migrate', migrateGetKeys],
]);

function mapGet(m: Reply, key: string): Reply | undefined {
  const v = (m as MapReply).v;
  for (let i = 0; i < v.length; i += 2) if (v[i] === key) return v[i + 1];
  return undefined;
}

function parseKeySpec(r: Reply): KeySpec {
  const flags = ((mapGet(r, 'flags') as SetReply).v as StatusReply[]).map((f) => f.s);
  const bsMap = mapGet(r, 'begin_search')!;
  const bsSpec = mapGet(bsMap, 'spec')!;
  let bs: BeginSearch;
  switch (mapGet(bsMap, 'type')) {
    case 'index':
      bs = { type: 'index', pos: mapGet(bsSpec, 'index') as number };
      break;
    case 'keyword':
      bs = { type: 'keyword', keyword: mapGet(bsSpec, 'keyword') as string, startfrom: mapGet(bsSpec, 'startfrom') as number };
      break;
    default:
      bs = { type: 'unknown' };
  }
  const fkMap = mapGet(r, 'find_keys')!;
  const fkSpec = mapGet(fkMap, 'spec')!;
  let fk: FindKeys;
  switch (mapGet(fkMap, 'type')) {
    case 'range':
      fk = {
        type: 'range',
        lastkey: mapGet(fkSpec, 'lastkey') as number,
        keystep: mapGet(fkSpec, 'keystep') as number,
        limit: mapGet(fkSpec, 'limit') as number,
      };
      break;
    case 'keynum':
      fk = {
        type: 'keynum',
        keynumidx: mapGet(fkSpec, 'keynumidx') as number,
        firstkey: mapGet(fkSpec, 'firstkey') as number,
        keystep: mapGet(fkSpec, 'keystep') as number,
      };
      break;
    default:
      fk = { type: 'unknown' };
  }
  return { flags, bs, fk };
}

/** Key specs parsed once per command (they are Redis's COMMAND INFO data, never changed). */
const specCache = new WeakMap<CommandSpec, KeySpec[]>();

function keySpecs(cmd: CommandSpec): KeySpec[] {
  let specs = specCache.get(cmd);
  if (specs === undefined) {
    const info = cmd.info as Reply[];
    specs = ((info[8] as SetReply).v).map(parseKeySpec);
    specCache.set(cmd, specs);
  }
  return specs;
}

/** doesCommandHaveKeys: a getkeys_proc, or a key spec that is not marked not_key. */
export function commandHasKeys(cmd: CommandSpec): boolean {
  return GETKEYS_PROCS.has(cmd.fullname) || keySpecs(cmd).some((s) => !s.flags.includes('not_key'));
}

/**
 * getKeysUsingKeySpecs: null when a spec cannot be applied to these arguments (unknown type,
 * out-of-range positions, a bad key count, an incomplete spec that matched).
 */
function getKeysUsingKeySpecs(cmd: CommandSpec, argv: readonly string[], includeNotKeys: boolean): KeyReference[] | null {
  const argc = argv.length;
  const keys: KeyReference[] = [];
  for (const spec of keySpecs(cmd)) {
    if (spec.flags.includes('not_key') && !includeNotKeys) continue;
    let first = 0;
    if (spec.bs.type === 'index') {
      first = spec.bs.pos;
    } else if (spec.bs.type === 'keyword') {
      const { keyword, startfrom } = spec.bs;
      const start = startfrom > 0 ? startfrom : argc + startfrom;
      const end = startfrom > 0 ? argc - 1 : 0;
      // As in Redis, the search stops before `end`: a keyword in the last place has no key.
      for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (argv[i]!.toLowerCase() === keyword.toLowerCase()) {
          first = i + 1;
          break;
        }
      }
      if (first === 0) continue;
    } else {
      return null;
    }
    let last: number;
    let step: number;
    if (spec.fk.type === 'range') {
      step = spec.fk.keystep;
      if (spec.fk.lastkey >= 0) last = first + spec.fk.lastkey;
      else if (spec.fk.limit === 0) last = argc + spec.fk.lastkey;
      else last = first + (Math.trunc((argc - first) / spec.fk.limit) + spec.fk.lastkey);
    } else if (spec.fk.type === 'keynum') {
      step = spec.fk.keystep;
      if (first + spec.fk.keynumidx >= argc) return null;
      const numkeys = string2ll(argv[first + spec.fk.keynumidx]!);
      if (numkeys === null || numkeys < 0 || numkeys > 2147483647) return null;
      first += spec.fk.firstkey;
      last = first + Number(numkeys) - 1;
    } else {
      return null;
    }
    if (last >= argc || last < first || first >= argc) return null;
    for (let i = first; i <= last; i += step) keys.push({ pos: i, flags: spec.flags });
    if (spec.flags.includes('incomplete')) return null;
  }
  return keys;
}

/**
 * getKeysFromCommandWithSpecs: the keys of `argv` (argv[0] is the command name, argv[1] the
 * subcommand for container commands), in spec order. Empty when the command has no keys or its
 * arguments do not fit (COMMAND GETKEYS then reports "Invalid arguments"); arity is the
 * caller's to check. `includeNotKeys` also returns not_key arguments (shard channels).
 */
export function getKeysFromCommand(cmd: CommandSpec, argv: readonly string[], includeNotKeys = false): KeyReference[] {
  const proc = GETKEYS_PROCS.get(cmd.fullname);
  const specs = keySpecs(cmd);
  const variableFlags = specs.some((s) => s.flags.includes('variable_flags'));
  if (!variableFlags && specs.some((s) => !s.flags.includes('not_key') || includeNotKeys)) {
    const keys = getKeysUsingKeySpecs(cmd, argv, includeNotKeys);
    if (keys !== null) return keys;
  }
  return proc === undefined ? [] : proc(argv) ?? [];
}
