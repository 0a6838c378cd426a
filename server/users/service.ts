import type { User } from '../../shared/schemas/auth.ts';
import { PASSWORD_MIN_LENGTH } from '../../shared/schemas/common.ts';
import { AppError } from '../errors.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { hashPassword } from '../auth/password.ts';
import type { UserRow, UsersRepo } from './repo.ts';

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin === 1,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createUsersService(users: UsersRepo) {
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
      if (users.byEmail(email)) throw new AppError(ErrorCode.CONFLICT, `a user with e-mail ${email} already exists`);
      const hash = await hashPassword(input.password);
      // Checked again after the await (the rest runs synchronously): another request may have
      // taken the address, or set up the workspace, meanwhile.
      if (input.onlyIfFirst && users.count() > 0)
        throw new AppError(ErrorCode.SETUP_DONE, 'Kadence is already set up; sign in instead');
      if (users.byEmail(email)) throw new AppError(ErrorCode.CONFLICT, `a user with e-mail ${email} already exists`);
      const id = users.insert(email, name, hash, input.isAdmin ?? false);
      return toUser(users.byId(id) as UserRow);
    },
    byEmail(email: string): User | undefined {
      const row = users.byEmail(email.trim());
      return row ? toUser(row) : undefined;
    },
    byId(id: number): User | undefined {
      const row = users.byId(id);
      return row ? toUser(row) : undefined;
    },
    count: () => users.count(),
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
