import type { Executor } from '../db/kysely/store.ts';

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
