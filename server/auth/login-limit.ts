import { sql } from 'kysely';
import { ErrorCode } from '../../shared/errors.ts';
import type { Executor, Store } from '../db/kysely/store.ts';
import { AppError } from '../errors.ts';

const WINDOW_MS = 60_000;
/** The first key of PostgreSQL's two-key advisory locks taken for sign-in attempts. */
const LOGIN_LOCK_SPACE = 1_262_570_316;

/** The login_attempts table's queries; `begin` below runs them in one transaction. */
export function createLoginAttemptsRepo(db: Executor) {
  return {
    purge: async (since: string): Promise<void> => {
      await db.deleteFrom('login_attempts').where('at', '<=', since).execute();
    },
    countSince: async (email: string, since: string): Promise<number> => {
      const row = await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email', '=', email)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    insert: async (email: string, at: string): Promise<number> => {
      const row = await db.insertInto('login_attempts').values({ email, at }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    remove: async (id: number): Promise<void> => {
      await db.deleteFrom('login_attempts').where('id', '=', id).execute();
    },
  };
}

/**
 * Sign-in attempts counted per account (the e-mail as typed, in lower case, whether or not an
 * account has it, so the limit says nothing about which accounts exist). An attempt is recorded
 * before the password is checked, so parallel guesses count too; a successful one is taken back.
 * The count lives in the database, so every process shares it.
 */
export function createLoginLimit(store: Store, maxPerMinute: number) {
  return {
    /** Records one attempt for `email`, or refuses with RATE_LIMITED; answers the id to take back on success. */
    begin: (typed: string, now = new Date()): Promise<number> => {
      const email = typed.trim().toLowerCase();
      return store.transaction(async (trx) => {
        // PostgreSQL's transactions run side by side: one lock per address (for this transaction,
        // in a key space of its own) makes parallel guesses count one after the other, as SQLite's
        // single writer does.
        if (store.dialect === 'postgres')
          await sql`SELECT pg_advisory_xact_lock(${LOGIN_LOCK_SPACE}, hashtext(${email}))`.execute(trx);
        const attempts = createLoginAttemptsRepo(trx);
        const since = new Date(now.getTime() - WINDOW_MS).toISOString();
        await attempts.purge(since);
        if ((await attempts.countSince(email, since)) >= maxPerMinute) {
          throw new AppError(
            ErrorCode.RATE_LIMITED,
            'Too many sign-in attempts for this account; try again in a minute',
          );
        }
        return attempts.insert(email, now.toISOString());
      });
    },
    succeeded: (attemptId: number): Promise<void> => createLoginAttemptsRepo(store.db).remove(attemptId),
  };
}
export type LoginLimit = ReturnType<typeof createLoginLimit>;
