/**
 * How many bytes lzf_compress (Redis's lzf_c.c: HLOG 16, VERY_FAST) would write
 * for an input, without writing them: the same hash, the same greedy matches, the same
 * literal runs and the same "does not fit" failure (0). What the quicklist reports as a
 * compressed node's size.
 *
 * One difference remains: Redis leaves the hash table uninitialized (INIT_HTAB 0), so a stale
 * slot from an earlier call may occasionally offer a match a clean table would not; here the
 * table always starts empty, which can only make the result a few bytes larger.
 */

const HLOG = 16;
const HSIZE = 1 << HLOG;
/** MAX_LIT: literal runs are cut every 32 bytes. */
const MAX_LIT = 1 << 5;
/** MAX_OFF: back-references reach 8 KB behind. */
const MAX_OFF = 1 << 13;
/** MAX_REF: a back-reference covers at most 264 bytes. */
const MAX_REF = (1 << 8) + (1 << 3);

/** The hash table, reused across calls; a slot is valid only when stamped with this call's generation. */
const htab = new Int32Array(HSIZE);
const stamp = new Uint32Array(HSIZE);
let generation = 0;

/** IDX(h) with VERY_FAST: ((h >> 8) - h*5) & (HSIZE - 1), in 32-bit unsigned arithmetic. */
function idx(h: number): number {
  return ((h >>> (3 * 8 - HLOG)) - Math.imul(h, 5)) & (HSIZE - 1);
}

/** lzf_compress(in, in_len, out, outLen)'s return value: the output length, or 0 when it does not fit. */
export function lzfCompressedSize(input: Uint8Array, outLen: number): number {
  const inLen = input.length;
  if (inLen === 0 || outLen === 0) return 0;
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    stamp.fill(0);
    generation = 1;
  }
  const gen = generation;
  const slot = (h: number): number => {
    const i = idx(h);
    return stamp[i] === gen ? htab[i]! : -1;
  };
  const set = (h: number, pos: number): void => {
    const i = idx(h);
    htab[i] = pos;
    stamp[i] = gen;
  };

  let ip = 0;
  let op = 1; // start run
  let lit = 0;
  let hval = ((input[0]! << 8) | input[1]!) >>> 0;
  while (ip < inLen - 2) {
    hval = ((hval << 8) | input[ip + 2]!) >>> 0;
    const ref = slot(hval);
    set(hval, ip);
    const off = ip - ref - 1;
    if (ref > 0 && off >= 0 && off < MAX_OFF && ip + 4 < inLen && input[ref] === input[ip] && input[ref + 1] === input[ip + 1] && input[ref + 2] === input[ip + 2]) {
      let len = 2;
      const maxlen = Math.min(inLen - ip - len, MAX_REF);
      if (lit === 0) op--; // undo the empty run
      if (op + 3 + 1 >= outLen) return 0;
      let mismatch = false;
      if (maxlen > 16) {
        for (let k = 0; k < 16; k++) {
          len++;
          if (input[ref + len] !== input[ip + len]) {
            mismatch = true;
            break;
          }
        }
      }
      if (!mismatch) {
        do len++;
        while (len < maxlen && input[ref + len] === input[ip + len]);
      }
      len -= 2; // len is now #octets - 1
      ip++;
      op += len < 7 ? 2 : 3;
      lit = 0;
      op++; // start run
      ip += len + 1;
      if (ip >= inLen - 2) break;
      ip -= 2;
      hval = ((input[ip]! << 8) | input[ip + 1]!) >>> 0;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      set(hval, ip);
      ip++;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      set(hval, ip);
      ip++;
    } else {
      if (op >= outLen) return 0;
      lit++;
      op++;
      ip++;
      if (lit === MAX_LIT) {
        lit = 0;
        op++; // start run
      }
    }
  }
  if (op + 3 > outLen) return 0;
  while (ip < inLen) {
    lit++;
    op++;
    ip++;
    if (lit === MAX_LIT) {
      lit = 0;
      op++;
    }
  }
  if (lit === 0) op--; // undo the empty run
  return op;
}
