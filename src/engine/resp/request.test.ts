import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestParser } from './request.js';

function encode(argv: string[]): string {
  return `*${argv.length}\r\n` + argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('');
}

function parseAll(chunks: string[]): unknown[] {
  const p = new RequestParser();
  const out: unknown[] = [];
  for (const chunk of chunks) {
    p.feed(chunk);
    for (let r = p.next(); r !== null; r = p.next()) {
      out.push(r);
      // A protocol error ends the connection: the server stops reading there.
      if ('protocolError' in r) return out;
    }
  }
  return out;
}

const byteString = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }).map((cs) => String.fromCharCode(...cs));

describe('RequestParser', () => {
  it('reads pipelined multibulk requests however the stream is split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(byteString, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 20 }),
        (commands, cuts) => {
          const stream = commands.map(encode).join('');
          const chunks: string[] = [];
          let at = 0;
          for (const cut of cuts) {
            if (at >= stream.length) break;
            chunks.push(stream.slice(at, at + cut));
            at += cut;
          }
          if (at < stream.length) chunks.push(stream.slice(at));
          expect(parseAll(chunks)).toEqual(commands);
        },
      ),
    );
  });

  it('rejects the header forms Redis rejects', () => {
    expect(parseAll(['*1\r\n$01\r\na\r\n'])).toEqual([{ protocolError: 'ERR Protocol error: invalid bulk length' }]);
    expect(parseAll(['*1\r\n$-1\r\n'])).toEqual([{ protocolError: 'ERR Protocol error: invalid bulk length' }]);
    expect(parseAll(['*1\r\n+1\r\n'])).toEqual([{ protocolError: "ERR Protocol error: expected '$', got '+'" }]);
    expect(parseAll(['*x\r\n'])).toEqual([{ protocolError: 'ERR Protocol error: invalid multibulk length' }]);
    expect(parseAll(['*0\r\n*-1\r\nPING\r\n'])).toEqual([['PING']]);
  });

  it('reads inline commands with redis-cli quoting', () => {
    expect(parseAll(['SET k "a b"\r\nGET k\n'])).toEqual([['SET', 'k', 'a b'], ['GET', 'k']]);
    expect(parseAll(['SET k "a\r\n'])).toEqual([{ protocolError: 'ERR Protocol error: unbalanced quotes in request' }]);
  });
});
