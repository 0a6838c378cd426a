import type { Database } from 'better-sqlite3';

export interface SessionRow {
  user_id: number;
  expires_at: string;
}

export function createSessionsRepo(db: Database) {
  const insert = db.prepare<[string, number, string]>(
    'INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)',
  );
  const find = db.prepare<[string], SessionRow>('SELECT user_id, expires_at FROM sessions WHERE token_hash = ?');
  const remove = db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?');
  const removeOthers = db.prepare<[number, string]>('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?');
  const purge = db.prepare<[string]>('DELETE FROM sessions WHERE expires_at < ?');
  return {
    insert: (tokenHash: string, userId: number, expiresAt: string) => insert.run(tokenHash, userId, expiresAt),
    find: (tokenHash: string) => find.get(tokenHash),
    remove: (tokenHash: string) => remove.run(tokenHash),
    removeOthers: (userId: number, keepHash: string) => removeOthers.run(userId, keepHash),
    purgeExpired: (now: string) => purge.run(now),
  };
}
export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
