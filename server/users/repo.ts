import type { Database } from 'better-sqlite3';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  is_admin: 0 | 1;
}

export function createUsersRepo(db: Database) {
  const byId = db.prepare<[number], UserRow>('SELECT id, email, name, password_hash, is_admin FROM users WHERE id = ?');
  const byEmail = db.prepare<[string], UserRow>(
    'SELECT id, email, name, password_hash, is_admin FROM users WHERE email = ?',
  );
  const insert = db.prepare<[string, string, string, number]>(
    'INSERT INTO users (email, name, password_hash, is_admin) VALUES (?, ?, ?, ?)',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const updatePassword = db.prepare<[string, number]>('UPDATE users SET password_hash = ? WHERE id = ?');

  return {
    byId: (id: number) => byId.get(id),
    byEmail: (email: string) => byEmail.get(email),
    insert: (email: string, name: string, passwordHash: string, isAdmin: boolean): number =>
      Number(insert.run(email, name, passwordHash, isAdmin ? 1 : 0).lastInsertRowid),
    count: () => (count.get() as { n: number }).n,
    updatePassword: (id: number, passwordHash: string) => updatePassword.run(passwordHash, id),
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
