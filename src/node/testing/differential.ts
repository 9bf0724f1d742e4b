import fs from 'node:fs';
import path from 'node:path';
import type { Reply } from '../../protocol/reply.js';
import { splitArgs } from '../../protocol/splitargs.js';
import { decodeReply } from '../../engine/resp/decode.js';
import { encodeReply } from '../../engine/resp/encode.js';
import type { Client } from '../../engine/server/client.js';
import { RedisServer } from '../../engine/server/server.js';
import { ScaledClock } from '../../engine/time/clock.js';
import { encodeCommand, RespConnection } from './respConnection.js';
import { startRealRedis, type RealRedis } from './realRedis.js';

/**
 * Differential testing (DESIGN.md §5): the same commands run on the engine and on a real
 * redis-server 7.0; replies are compared as raw RESP bytes (exactly), or after sorting where
 * Redis's order is unspecified.
 *
 * Scripts are one command per line, in redis-cli syntax:
 *   SET k v            compare exactly
 *   ~ SMEMBERS s       compare ignoring the order of array elements (recursively)
 *   ? TIME             run on both, compare only the reply's shape (type and length)
 *   :sleep 120         wait (both sides run on the wall clock)
 *   :client 2          switch to connection 2 (opened on first use)
 *   :read              read one pushed reply on the current connection on both sides
 *   :send CMD          send a command on both sides without waiting for its reply (a blocking
 *                      command); its reply, when it comes, is taken with :read
 *   :none              assert nothing is waiting to be read on the current connection on
 *                      either side (after a short grace for the real server's bytes to arrive)
 *   # comment
 */
export type CompareMode = 'exact' | 'unordered' | 'shape';

export interface Divergence {
  line: string;
  real: string;
  engine: string;
}

export interface DiffResult {
  compared: number;
  divergences: Divergence[];
}

/** How long to wait for a reply that comes later (blocked commands, DEBUG SLEEP). */
const REPLY_WAIT_MS = 5000;
/** How long `:none` lets real bytes arrive before concluding there are none. */
const NONE_GRACE_MS = 50;
/** How long `:send` gives the real server to take the command before the script goes on. */
const SEND_GRACE_MS = 50;

interface EngineConn {
  client: Client;
  out: Reply[];
}

/** One real redis-server and one engine, reset between scripts. */
export class DifferentialHarness {
  private constructor(
    private readonly real: RealRedis,
    readonly configOverrides: Record<string, string>,
  ) {}

  static async start(configOverrides: Record<string, string> = {}): Promise<DifferentialHarness> {
    const args = Object.entries(configOverrides).flatMap(([k, v]) => [`--${k}`, v]);
    return new DifferentialHarness(await startRealRedis(args), configOverrides);
  }

  async stop(): Promise<void> {
    await this.real.stop();
  }

  /** Run a script on a fresh engine and a flushed real server; returns what differed. */
  async run(script: string): Promise<DiffResult> {
    const clock = new ScaledClock(() => Date.now());
    const engine = new RedisServer({ clock, config: this.configOverrides });
    const realConns = new Map<number, RespConnection>();
    const engineConns = new Map<number, EngineConn>();
    const admin = await RespConnection.connect(this.real.port);
    await admin.call(['FLUSHALL']);
    await admin.call(['SCRIPT', 'FLUSH']);
    admin.close();
    let current = 1;
    const conn = async (n: number): Promise<[RespConnection, EngineConn]> => {
      if (!realConns.has(n)) {
        realConns.set(n, await RespConnection.connect(this.real.port));
        const out: Reply[] = [];
        engineConns.set(n, { client: engine.createClient({ sink: (r) => out.push(r) }), out });
      }
      return [realConns.get(n)!, engineConns.get(n)!];
    };
    const result: DiffResult = { compared: 0, divergences: [] };
    try {
      for (const rawLine of script.split('\n')) {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#')) continue;
        if (line.startsWith(':sleep ')) {
          await new Promise((r) => setTimeout(r, Number(line.slice(7))));
          engine.tick();
          continue;
        }
        if (line.startsWith(':client ')) {
          current = Number(line.slice(8));
          continue;
        }
        const [real, eng] = await conn(current);
        if (line === ':none') {
          await new Promise((r) => setTimeout(r, NONE_GRACE_MS));
          engine.tick();
          result.compared++;
          const realPending = real.unread();
          const enginePending = eng.out.map((r) => encodeReply(r, eng.client.resp)).join('');
          if (realPending !== '' || enginePending !== '') {
            result.divergences.push({ line, real: realPending || '<none>', engine: enginePending || '<none>' });
          }
          continue;
        }
        if (line.startsWith(':send ')) {
          const argv = splitArgs(utf8ToBytes(line.slice(6)));
          if (argv === null) throw new Error(`bad script line: ${line}`);
          engine.exec(eng.client, argv);
          real.writeRaw(encodeCommand(argv));
          await new Promise((r) => setTimeout(r, SEND_GRACE_MS));
          engine.tick();
          continue;
        }
        let mode: CompareMode = 'exact';
        let text = line;
        if (line.startsWith('~ ')) { mode = 'unordered'; text = line.slice(2); }
        else if (line.startsWith('? ')) { mode = 'shape'; text = line.slice(2); }
        let realReply: Reply;
        let realRaw: string;
        let engineReply: Reply | undefined;
        if (text === ':read') {
          ({ reply: realReply, raw: realRaw } = await real.read());
          for (let waited = 0; eng.out.length === 0 && waited < REPLY_WAIT_MS; waited += 5) {
            await new Promise((r) => setTimeout(r, 5));
            engine.tick();
          }
          engineReply = eng.out.shift();
        } else {
          const argv = splitArgs(utf8ToBytes(text));
          if (argv === null) throw new Error(`bad script line: ${line}`);
          const before = eng.out.length;
          engine.exec(eng.client, argv);
          const realPending = real.call(argv);
          // A blocked or sleeping command replies when its timer fires: let engine time run.
          for (let waited = 0; eng.out.length === before && waited < REPLY_WAIT_MS; waited += 5) {
            await new Promise((r) => setTimeout(r, 5));
            engine.tick();
          }
          engineReply = eng.out.length > before ? eng.out.splice(before, 1)[0] : undefined;
          ({ reply: realReply, raw: realRaw } = await realPending);
        }
        result.compared++;
        const resp = eng.client.resp;
        const engineRaw = engineReply === undefined ? '<no reply>' : encodeReply(engineReply, resp);
        // Loose modes compare what a client decodes from each side's bytes (a RESP2 push is an
        // array on the wire, whatever the engine called it).
        const engineDecoded = engineReply === undefined ? undefined : decodeReply(engineRaw)!.reply;
        const same =
          mode === 'exact'
            ? engineRaw === realRaw
            : engineDecoded !== undefined &&
              (mode === 'unordered'
                ? canonical(engineDecoded, resp, true) === canonical(realReply, resp, true)
                : shape(engineDecoded) === shape(realReply));
        if (!same) result.divergences.push({ line, real: realRaw, engine: engineRaw });
      }
    } finally {
      for (const c of realConns.values()) c.close();
    }
    recordCounts(result);
    return result;
  }
}

/** Console text is UTF-8; the engine and the wire speak bytes. */
export function utf8ToBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

function canonical(r: Reply, resp: 2 | 3, sort: boolean): string {
  if (Array.isArray(r)) {
    const items = r.map((x) => canonical(x, resp, sort));
    return `[${(sort ? items.sort() : items).join(',')}]`;
  }
  if (r !== null && typeof r === 'object' && (r.t === 'set' || r.t === 'map' || r.t === 'push')) {
    if (r.t === 'map') {
      const pairs: string[] = [];
      for (let i = 0; i < r.v.length; i += 2) pairs.push(`${canonical(r.v[i]!, resp, sort)}=>${canonical(r.v[i + 1]!, resp, sort)}`);
      return `${r.t}{${(sort ? pairs.sort() : pairs).join(',')}}`;
    }
    const items = r.v.map((x) => canonical(x, resp, sort));
    return `${r.t}[${(sort ? items.sort() : items).join(',')}]`;
  }
  return encodeReply(r, resp);
}

function shape(r: Reply): string {
  if (Array.isArray(r)) return `array(${r.length})`;
  if (r === null) return 'null';
  if (typeof r !== 'object') return typeof r;
  return 'v' in r && Array.isArray(r.v) ? `${r.t}(${r.v.length})` : r.t;
}

/** Accumulate per-process counts so the closing note can report them (DIFF_REPORT_DIR). */
function recordCounts(r: DiffResult): void {
  const dir = process.env.DIFF_REPORT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, `diff-${process.pid}.jsonl`), JSON.stringify({ compared: r.compared, divergences: r.divergences.length }) + '\n');
}

/** A readable failure message listing each divergence. */
export function describeDivergences(r: DiffResult): string {
  return r.divergences
    .map((d) => `  ${d.line}\n    real:   ${JSON.stringify(d.real)}\n    engine: ${JSON.stringify(d.engine)}`)
    .join('\n');
}
