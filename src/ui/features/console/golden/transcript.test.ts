import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeReply } from '../../../../engine/resp/decode.js';
import { commandDocs, type CommandDocSource } from '../../../../protocol/commandDocs.js';
import type { Reply } from '../../../../protocol/reply.js';
import { HelpTable } from '../help.js';
import { CliSession } from '../session.js';
import type { GoldenFile, GoldenTranscript } from './fixture.js';

/**
 * Replays each transcript captured by capture.ts: the typed lines go through our session, the
 * replies real redis-server sent are fed back in order, and what we print must equal what
 * Debian's redis-cli 7.0.15 printed, byte for byte.
 */
const golden = JSON.parse(fs.readFileSync(new URL('./transcripts.json', import.meta.url), 'utf8')) as GoldenFile;

function decodeOne(raw: string): Reply {
  const d = decodeReply(raw, 0);
  if (d === null || d.end !== raw.length) throw new Error(`bad fixture reply ${JSON.stringify(raw)}`);
  return d.reply;
}

/** Help sources from a COMMAND DOCS reply (flat name/docs pairs, subcommands nested alike). */
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

const help = new HelpTable(commandDocs(docSources(decodeOne(golden.commandDocs))));

function replay(t: GoldenTranscript): string {
  const session = new CliSession(help);
  const requests = [...t.requests];
  const replies = t.replies.map(decodeOne);
  let out = '';
  for (const line of t.lines) {
    const { action } = session.interpret(line);
    switch (action.kind) {
      case 'nothing':
        break;
      case 'print':
        out += action.text;
        break;
      case 'help':
        out += help.output(action.args);
        break;
      case 'command':
        for (let i = 0; i < action.repeat; i++) {
          expect(requests.shift()).toEqual(action.argv);
          out += session.send(action.argv);
          if (session.mode !== 'normal') {
            while (replies.length > 0) out += session.receive(replies.shift()!, 3).text;
            continue;
          }
          for (;;) {
            const reply = replies.shift();
            if (reply === undefined) throw new Error(`no reply left for ${action.argv.join(' ')}`);
            const r = session.receive(reply, 3);
            out += r.text;
            if (r.answered) break;
          }
        }
        break;
      default:
        throw new Error(`unexpected ${action.kind} in a transcript`);
    }
  }
  expect(requests).toEqual([]);
  expect(replies).toEqual([]);
  return out;
}

describe('golden transcripts from redis-cli 7.0.15 --no-raw', () => {
  it('were printed by the redis-cli we reproduce', () => {
    expect(golden.redisCli).toBe('redis-cli 7.0.15');
  });

  for (const t of golden.transcripts) {
    it(`${t.name} (RESP${t.resp}, ${t.lines.length} lines)`, () => {
      expect(replay(t)).toBe(t.output);
    });
  }
});
