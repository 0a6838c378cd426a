import type { Database } from 'better-sqlite3';
import { ErrorCode } from '../../shared/errors.ts';
import { AppError } from '../errors.ts';

const WINDOW_MS = 60_000;

/**
 * Sign-in attempts counted per account (the e-mail as typed, in lower case, whether or not an
 * account has it, so the limit says nothing about which accounts exist). An attempt is recorded
 * before the password is checked, so parallel guesses count too; a successful one is taken back.
 */
export function createLoginLimit(db: Database, maxPerMinute: number) {
  const purge = db.prepare<[string]>('DELETE FROM login_attempts WHERE at <= ?');
  const count = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM login_attempts WHERE email = ? AND at > ?',
  );
  const insert = db.prepare<[string, string]>('INSERT INTO login_attempts (email, at) VALUES (?, ?)');
  const remove = db.prepare<[number]>('DELETE FROM login_attempts WHERE id = ?');

  const begin = db.transaction((email: string, now: Date): number => {
    const since = new Date(now.getTime() - WINDOW_MS).toISOString();
    purge.run(since);
    if ((count.get(email, since)?.n ?? 0) >= maxPerMinute) {
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many sign-in attempts for this account; try again in a minute');
    }
    return Number(insert.run(email, now.toISOString()).lastInsertRowid);
  });

  return {
    /** Records one attempt for `email`, or refuses with RATE_LIMITED; answers the id to take back on success. */
    begin: (email: string, now = new Date()): number => begin(email.trim().toLowerCase(), now),
    succeeded: (attemptId: number): void => {
      remove.run(attemptId);
    },
  };
}
export type LoginLimit = ReturnType<typeof createLoginLimit>;
