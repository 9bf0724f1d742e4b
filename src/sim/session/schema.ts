import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { SESSION_FORMAT, SESSION_VERSION, type SessionSnapshot } from '../../protocol/api.js';
import { toByteString } from '../bytes.js';

/**
 * The session file is user input (a file picked from disk, an old autosave): it is checked
 * against this schema before anything is touched, and every string is brought to bytes.
 */
// zod/mini ships without messages; English ones make the import error say what is wrong.
z.config(en());

const bytes = z.pipe(z.string(), z.transform(toByteString));
const time = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));

const value = z.discriminatedUnion('type', [
  z.object({ type: z.literal('string'), value: bytes }),
  z.object({ type: z.literal('list'), items: z.array(bytes) }),
  z.object({ type: z.literal('set'), members: z.array(bytes) }),
  z.object({ type: z.literal('zset'), entries: z.array(z.tuple([bytes, z.string()])) }),
  z.object({ type: z.literal('hash'), entries: z.array(z.tuple([bytes, bytes])) }),
  z.object({ type: z.literal('stream'), entries: z.array(z.tuple([z.string(), z.array(bytes)])) }),
]);

const session = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  clock: z.object({ now: time, speed: time, paused: z.boolean() }),
  dbs: z.array(
    z.object({
      db: z.number().check(z.int(), z.minimum(0)),
      keys: z.array(z.object({ key: bytes, expireAt: z.nullable(time), value })),
    }),
  ),
});

export type ParsedSession = { ok: true; snapshot: SessionSnapshot } | { ok: false; error: string };

export function parseSession(input: unknown): ParsedSession {
  const r = session.safeParse(input);
  if (r.success) return { ok: true, snapshot: r.data };
  const issue = r.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'file' : issue.path.join('.');
  return { ok: false, error: `not a redsim session: ${where}: ${issue?.message ?? 'invalid'}` };
}
