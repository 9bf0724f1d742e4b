import fs from 'node:fs';
import { decodeReply } from '../../../../engine/resp/decode.js';
import type { CommandDoc } from '../../../../protocol/api.js';
import { commandDocs, type CommandDocSource } from '../../../../protocol/commandDocs.js';
import type { Reply } from '../../../../protocol/reply.js';
import type { GoldenFile } from './fixture.js';

/** The golden fixture, for tests. */
export function loadGolden(): GoldenFile {
  return JSON.parse(fs.readFileSync(new URL('./transcripts.json', import.meta.url), 'utf8')) as GoldenFile;
}

export function decodeOne(raw: string): Reply {
  const d = decodeReply(raw, 0);
  if (d === null || d.end !== raw.length) throw new Error(`bad fixture reply ${JSON.stringify(raw)}`);
  return d.reply;
}

/** Real redis-server 7.0.15's COMMAND DOCS (every command), as CommandDocs. */
export function goldenCommandDocs(golden: GoldenFile): CommandDoc[] {
  return commandDocs(docSources(decodeOne(golden.commandDocs)));
}

/** Sources from a RESP2 COMMAND DOCS reply: flat name/docs pairs, subcommands nested alike. */
function docSources(r: Reply): CommandDocSource[] {
  const items = r as Reply[];
  const out: CommandDocSource[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const docs = items[i + 1] as Reply[];
    const subsAt = docs.indexOf('subcommands');
    const subs = subsAt === -1 ? [] : docSources(docs[subsAt + 1]!);
    out.push({
      fullname: items[i] as string,
      arity: 0,
      flags: new Set(),
      docs,
      subcommands: subs.length === 0 ? null : new Map(subs.map((s) => [s.fullname, s])),
    });
  }
  return out;
}
