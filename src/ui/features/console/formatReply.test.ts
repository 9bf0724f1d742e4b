import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReply } from '../../../engine/resp/decode.js';
import { encodeReply } from '../../../engine/resp/encode.js';
import { bool, double, error, map, push, set, status, verbatim, NIL_ARRAY, type Reply } from '../../../protocol/reply.js';
import { formatDouble17g } from './double17g.js';
import { formatInvalidate, formatReplyRaw, formatReplyTTY, isInvalidatePush, printsRaw } from './formatReply.js';

const bytes = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const line = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '0', 'é', '\x1b', '"'), maxLength: 10 });
const leaf: fc.Arbitrary<Reply> = fc.oneof(
  bytes,
  fc.integer(),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).filter((b) => !Number.isSafeInteger(Number(b))),
  fc.constant(null),
  fc.constant(NIL_ARRAY),
  line.map(status),
  line.map((s) => error('ERR ' + s)),
  fc.double().map(double),
  fc.boolean().map(bool),
  bytes.map((s) => verbatim(s)),
);
const reply: fc.Arbitrary<Reply> = fc.letrec<{ r: Reply }>((tie) => ({
  r: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('r'), { maxLength: 12 }),
    fc.array(fc.tuple(tie('r'), tie('r')), { maxLength: 5 }).map((pairs) => map(pairs.flat())),
    fc.array(tie('r'), { maxLength: 4 }).map(set),
    fc.array(tie('r'), { maxLength: 4 }).map(push),
  ),
})).r;

/** What a redis-cli that received `r` encoded in `resp` has decoded. */
function overTheWire(r: Reply, resp: 2 | 3): Reply {
  const raw = encodeReply(r, resp);
  const d = decodeReply(raw, 0);
  if (d === null || d.end !== raw.length) throw new Error('codec round trip failed');
  return d.reply;
}

describe('formatReply', () => {
  it('prints a protocol-neutral reply exactly as redis-cli prints its RESP2 or RESP3 encoding', () => {
    // The goldens check decoded replies against real redis-cli; this checks that RESP2's
    // flattening (maps → arrays, doubles → bulk strings, booleans → integers) matches the
    // engine's encoder, so engine replies print like wire replies.
    fc.assert(
      fc.property(reply, fc.constantFrom<2 | 3>(2, 3), (r, resp) => {
        const wire = overTheWire(r, resp);
        expect(formatReplyTTY(r, resp)).toBe(formatReplyTTY(wire, 3));
        expect(formatReplyRaw(r, resp)).toBe(formatReplyRaw(wire, 3));
      }),
      { numRuns: 500 },
    );
  });

  it('aligns indexes right and indents nested replies by the index width', () => {
    const r = [...Array.from({ length: 9 }, (_, i) => String(i)), ['x', ['y', 'z']]];
    expect(formatReplyTTY(r, 2)).toBe(
      ' 1) "0"\n 2) "1"\n 3) "2"\n 4) "3"\n 5) "4"\n 6) "5"\n 7) "6"\n 8) "7"\n 9) "8"\n' +
        '10) 1) "x"\n    2) 1) "y"\n       2) "z"\n',
    );
  });

  it('puts a multi-line map value on its own line (7.0 alignment)', () => {
    const r = map(['one', ['a'], 'many', ['a', 'b'], 'nested', map(['k', 'v'])]);
    expect(formatReplyTTY(r, 3)).toBe(
      '1# "one" => 1) "a"\n2# "many" => \n   1) "a"\n   2) "b"\n3# "nested" => 1# "k" => "v"\n',
    );
  });

  it('names empty aggregates by type', () => {
    expect(formatReplyTTY([], 3)).toBe('(empty array)\n');
    expect(formatReplyTTY(map([]), 3)).toBe('(empty hash)\n');
    expect(formatReplyTTY(set([]), 3)).toBe('(empty set)\n');
    expect(formatReplyTTY(push([]), 3)).toBe('(empty push)\n');
    expect(formatReplyTTY(map([]), 2)).toBe('(empty array)\n');
  });

  it('cuts status and error texts at a NUL byte, as printf %s does', () => {
    expect(formatReplyTTY(status('a\0b'), 2)).toBe('a\n');
    expect(formatReplyTTY(error('ERR x\0y'), 2)).toBe('(error) ERR x\n');
  });

  it('formats doubles as %.17g', () => {
    expect(formatDouble17g(1.1)).toBe('1.1000000000000001');
    expect(formatDouble17g(3.141)).toBe('3.141');
    expect(formatDouble17g(1e100)).toBe('1e+100');
    expect(formatDouble17g(0.0001)).toBe('0.0001');
    expect(formatDouble17g(0.00001)).toBe('1.0000000000000001e-05');
    expect(formatDouble17g(123456789012345678)).toBe('1.2345678901234568e+17');
    expect(formatDouble17g(-0)).toBe('-0');
    expect(formatDouble17g(-Infinity)).toBe('-inf');
    expect(formatDouble17g(NaN)).toBe('nan');
  });

  it('knows the commands redis-cli prints raw', () => {
    expect(printsRaw(['INFO'])).toBe(true);
    expect(printsRaw(['client', 'LIST'])).toBe(true);
    expect(printsRaw(['CLIENT', 'INFO'])).toBe(true);
    expect(printsRaw(['CLIENT', 'GETNAME'])).toBe(false);
    expect(printsRaw(['CLUSTER', 'NODES'])).toBe(true);
    expect(printsRaw(['CLUSTER', 'NODES', 'x'])).toBe(false);
    expect(printsRaw(['LATENCY', 'GRAPH', 'command'])).toBe(true);
    expect(printsRaw(['MEMORY', 'DOCTOR'])).toBe(true);
    expect(printsRaw(['GET', 'info'])).toBe(false);
  });

  it('prints RESP3 invalidations the short way', () => {
    const inv = push(['invalidate', ['k1', 'k2']]);
    expect(isInvalidatePush(inv, 3)).toBe(true);
    expect(isInvalidatePush(inv, 2)).toBe(false);
    expect(isInvalidatePush(push(['invalidate', null]), 3)).toBe(false);
    expect(formatInvalidate(inv)).toBe("-> invalidate: 'k1', 'k2'\n");
  });
});
