import { RespServer } from './server.js';

/**
 * `npm run server -- --port 6380 [--bind 127.0.0.1] [--seed 1] [--<config-name> <value> ...]`
 * Options after the known ones are startup config, as on redis-server's command line.
 */
const USAGE = 'usage: npm run server -- [--port 6380] [--bind 127.0.0.1] [--seed N] [--<config> <value>]...';

interface Options {
  port: number;
  host: string;
  seed: number | undefined;
  config: Record<string, string>;
}

function parseArgs(args: string[]): Options | string {
  const opts: Options = { port: 6380, host: '127.0.0.1', seed: undefined, config: {} };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!;
    const value = args[i + 1];
    if (!name.startsWith('--') || value === undefined) return `bad option '${name}'`;
    switch (name) {
      case '--port':
        if (!/^\d+$/.test(value) || Number(value) > 65535) return `invalid port '${value}'`;
        opts.port = Number(value);
        break;
      case '--bind':
        opts.host = value;
        break;
      case '--seed':
        if (!/^\d+$/.test(value)) return `invalid seed '${value}'`;
        opts.seed = Number(value);
        break;
      default:
        opts.config[name.slice(2)] = value;
    }
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    console.error(`${opts}\n${USAGE}`);
    process.exit(1);
  }
  let server: RespServer;
  try {
    server = await RespServer.listen(opts);
  } catch (e) {
    console.error(`redsim: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  console.log(`redsim ready on ${server.host}:${server.port}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
