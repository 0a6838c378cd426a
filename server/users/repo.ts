import type { Executor } from '../db/kysely/store.ts';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  is_admin: 0 | 1;
}

const columns = ['id', 'email', 'name', 'password_hash', 'is_admin'] as const;

export function createUsersRepo(db: Executor) {
  return {
    byId: (id: number): Promise<UserRow | undefined> =>
      db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst(),
    byEmail: (email: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').select(columns).where('email', '=', email).executeTakeFirst(),
    insert: async (email: string, name: string, passwordHash: string, isAdmin: boolean): Promise<number> => {
      const row = await db
        .insertInto('users')
        .values({ email, name, password_hash: passwordHash, is_admin: isAdmin ? 1 : 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    count: async (): Promise<number> => {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    updatePassword: async (id: number, passwordHash: string): Promise<void> => {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
