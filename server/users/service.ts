import type { User } from '../../shared/schemas/auth.ts';
import { PASSWORD_MIN_LENGTH } from '../../shared/schemas/common.ts';
import { AppError } from '../errors.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { hashPassword } from '../auth/password.ts';
import { sql } from 'kysely';
import type { Store } from '../db/kysely/store.ts';
import { createUsersRepo, type UserRow } from './repo.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin === 1,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createUsersService(deps: { store: Store }) {
  const { store } = deps;
  const users = createUsersRepo(store.db);
  return {
    /** Validates everything before writing, so a refused account leaves nothing behind. */
    async create(input: {
      email: string;
      name: string;
      password: string;
      isAdmin?: boolean;
      onlyIfFirst?: boolean;
    }): Promise<User> {
      const email = input.email.trim();
      const name = input.name.trim();
      if (!EMAIL.test(email) || email.length > 254)
        throw new AppError(ErrorCode.VALIDATION, `"${email}" is not an e-mail address`);
      if (!name || name.length > 100)
        throw new AppError(ErrorCode.VALIDATION, 'a name of 1 to 100 characters is required');
      if (input.password.length < PASSWORD_MIN_LENGTH)
        throw new AppError(ErrorCode.VALIDATION, `the password must have at least ${PASSWORD_MIN_LENGTH} characters`);
      if (input.password.length > 200)
        throw new AppError(ErrorCode.VALIDATION, 'the password must have at most 200 characters');
      if (await users.byEmail(email))
        throw new AppError(ErrorCode.CONFLICT, `a user with e-mail ${email} already exists`);
      const hash = await hashPassword(input.password);
      // Checked again after hashing, in the transaction that writes: another request may have
      // taken the address, or set up the workspace, meanwhile.
      const row = await store.transaction(async (trx) => {
        const inTrx = createUsersRepo(trx);
        // PostgreSQL runs two setups side by side; the lock makes the second see the first's account.
        if (input.onlyIfFirst && store.dialect === 'postgres')
          await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
        if (input.onlyIfFirst && (await inTrx.count()) > 0)
          throw new AppError(ErrorCode.SETUP_DONE, 'Kadence is already set up; sign in instead');
        if (await inTrx.byEmail(email))
          throw new AppError(ErrorCode.CONFLICT, `a user with e-mail ${email} already exists`);
        const id = await inTrx.insert(email, name, hash, input.isAdmin ?? false).catch((error: unknown) => {
          // Another transaction inserted the address after this one looked.
          if (isUniqueViolation(error))
            throw new AppError(ErrorCode.CONFLICT, `a user with e-mail ${email} already exists`);
          throw error;
        });
        return (await inTrx.byId(id)) as UserRow;
      });
      return toUser(row);
    },
    async byEmail(email: string): Promise<User | undefined> {
      const row = await users.byEmail(email.trim());
      return row ? toUser(row) : undefined;
    },
    async byId(id: number): Promise<User | undefined> {
      const row = await users.byId(id);
      return row ? toUser(row) : undefined;
    },
    count: () => users.count(),
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
