import type { Reply } from '../../protocol/reply.js';
import { encodeReply } from '../../engine/resp/encode.js';
import type { Client } from '../../engine/server/client.js';
import { RedisServer } from '../../engine/server/server.js';
import { ManualClock } from '../../engine/time/clock.js';
import { RespConnection } from './respConnection.js';
import { startRealRedis, type RealRedis } from './realRedis.js';

/** One command's reply from both sides: raw RESP bytes and the parsed value. */
export interface PairedReply {
  real: { raw: string; reply: Reply };
  engine: { raw: string; reply: Reply | undefined };
}

/**
 * A real redis-server and an engine driven side by side through numbered connections, for
 * tests that compare replies after normalising what is a fact of the machine (ids, addresses,
 * timestamps, memory): the structure of INFO, CLIENT LIST lines, MONITOR lines.
 */
export class PairedSession {
  readonly engine: RedisServer;
  readonly clock = new ManualClock(Date.now());
  private readonly realConns = new Map<number, RespConnection>();
  private readonly engineConns = new Map<number, { client: Client; out: Reply[] }>();

  private constructor(readonly real: RealRedis) {
    this.engine = new RedisServer({ clock: this.clock });
  }

  static async start(args: string[] = []): Promise<PairedSession> {
    return new PairedSession(await startRealRedis(args));
  }

  private async conn(n: number): Promise<[RespConnection, { client: Client; out: Reply[] }]> {
    if (!this.realConns.has(n)) {
      this.realConns.set(n, await RespConnection.connect(this.real.port));
      const out: Reply[] = [];
      this.engineConns.set(n, { client: this.engine.createClient({ sink: (r) => out.push(r) }), out });
    }
    return [this.realConns.get(n)!, this.engineConns.get(n)!];
  }

  /** Run one command on connection `n` of both sides. */
  async call(n: number, ...argv: string[]): Promise<PairedReply> {
    const [real, eng] = await this.conn(n);
    const before = eng.out.length;
    this.engine.exec(eng.client, argv);
    const reply = eng.out.length > before ? eng.out.splice(before, 1)[0] : undefined;
    return {
      real: await real.call(argv),
      engine: { raw: reply === undefined ? '<no reply>' : encodeReply(reply, eng.client.resp), reply },
    };
  }

  /** Read one pushed reply (pub/sub message, MONITOR line) on connection `n` of both sides. */
  async read(n: number): Promise<PairedReply> {
    const [real, eng] = await this.conn(n);
    const reply = eng.out.shift();
    return {
      real: await real.read(),
      engine: { raw: reply === undefined ? '<no reply>' : encodeReply(reply, eng.client.resp), reply },
    };
  }

  async stop(): Promise<void> {
    for (const c of this.realConns.values()) c.close();
    await this.real.stop();
  }
}
