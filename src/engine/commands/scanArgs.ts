import { error, type ErrorReply } from '../../protocol/reply.js';
import * as E from '../resp/errors.js';
import { string2ll } from '../util/numbers.js';
import { optionName } from '../util/options.js';

/**
 * The options of HSCAN and SSCAN (scanGenericCommand's step 1 for a collection): COUNT and
 * MATCH in any order, the last one winning; TYPE only exists for the keyspace SCAN.
 */

export const INVALID_CURSOR = Object.freeze(error('ERR invalid cursor'));

export interface ScanOptions {
  count: number;
  /** null when there is no pattern, or it is exactly "*" (which matches everything). */
  pattern: string | null;
}

/** Parse the options from argv[first] on: COUNT must be an integer >= 1. */
export function parseScanOptions(argv: readonly string[], first: number): ScanOptions | ErrorReply {
  let count = 10;
  let pattern: string | null = null;
  for (let i = first; i < argv.length; i += 2) {
    const opt = optionName(argv[i]!);
    const hasArg = i + 1 < argv.length;
    if (opt === 'COUNT' && hasArg) {
      const n = string2ll(argv[i + 1]!);
      if (n === null) return E.NOT_INTEGER;
      if (n < 1) return E.SYNTAX;
      count = Number(n);
    } else if (opt === 'MATCH' && hasArg) {
      const p = argv[i + 1]!;
      pattern = p === '*' ? null : p;
    } else {
      return E.SYNTAX;
    }
  }
  return { count, pattern };
}
