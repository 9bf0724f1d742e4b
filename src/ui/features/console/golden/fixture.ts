/**
 * The golden fixture written by capture.ts and read by transcript.test.ts. Every string is a
 * byte string (char codes 0–255), as it went over the wire or out of redis-cli's stdout.
 */
export interface GoldenTranscript {
  name: string;
  /** 3 when redis-cli ran with `-3`. */
  resp: 2 | 3;
  /** What was typed, one line each (redis-cli quoting). */
  lines: string[];
  /** The commands redis-cli sent for those lines, after its startup requests. */
  requests: string[][];
  /** Every reply and push redis-cli received for them, raw RESP, in order. */
  replies: string[];
  /** redis-cli's stdout, byte for byte. */
  output: string;
}

export interface GoldenFile {
  /** `redis-cli --version` of the binary that printed the outputs. */
  redisCli: string;
  /** The raw COMMAND DOCS reply (RESP2) redis-cli loaded its help from. */
  commandDocs: string;
  transcripts: GoldenTranscript[];
}
