import type { Executor } from '../db/kysely/store.ts';
import type { UserRow } from '../users/repo.ts';

export interface SessionRow {
  user_id: number;
  expires_at: string;
}

export function createSessionsRepo(db: Executor) {
  return {
    insert: async (tokenHash: string, userId: number, expiresAt: string): Promise<void> => {
      await db
        .insertInto('sessions')
        .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt })
        .execute();
    },
    find: (tokenHash: string): Promise<SessionRow | undefined> =>
      db
        .selectFrom('sessions')
        .select(['user_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst(),
    /**
     * The session with its user, in one query: a live socket checks its session before every
     * command, so the second round trip would be paid hundreds of times a second in a busy meeting.
     */
    findWithUser: (tokenHash: string): Promise<(SessionRow & { user: UserRow }) | undefined> =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.user_id',
          'sessions.expires_at',
          'users.id',
          'users.email',
          'users.name',
          'users.password_hash',
          'users.is_admin',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .executeTakeFirst()
        .then((row) => {
          if (!row) return undefined;
          const { user_id, expires_at, ...user } = row;
          return { user_id, expires_at, user };
        }),
    remove: async (tokenHash: string): Promise<void> => {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    removeOthers: async (userId: number, keepHash: string): Promise<void> => {
      await db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '<>', keepHash).execute();
    },
    purgeExpired: async (now: string): Promise<void> => {
      await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
    },
  };
}
export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
