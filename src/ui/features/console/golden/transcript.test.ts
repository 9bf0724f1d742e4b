import { describe, expect, it } from 'vitest';
import { HelpTable } from '../help.js';
import { CliSession } from '../session.js';
import type { GoldenTranscript } from './fixture.js';
import { decodeOne, goldenCommandDocs, loadGolden } from './load.js';

/**
 * Replays each transcript captured by capture.ts: the typed lines go through our session, the
 * replies real redis-server sent are fed back in order, and what we print must equal what
 * Debian's redis-cli 7.0.15 printed, byte for byte.
 */
const golden = loadGolden();
const help = new HelpTable(goldenCommandDocs(golden));

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
