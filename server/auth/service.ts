import { ErrorCode } from '../../shared/errors.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type { Store } from '../db/kysely/store.ts';
import { AppError } from '../errors.ts';
import type { AccessChanges } from '../realtime/access.ts';
import { createUsersRepo } from '../users/repo.ts';
import { toUser, type UsersService } from '../users/service.ts';
import type { LoginLimit } from './login-limit.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSessionsRepo } from './repo.ts';
import { hashToken, newToken } from './tokens.ts';

// Verifying against a real hash when the e-mail is unknown keeps response times from revealing accounts.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function createAuthService(deps: {
  store: Store;
  usersService: UsersService;
  sessionDays: number;
  loginLimit: LoginLimit;
  access: AccessChanges;
}) {
  const { store, usersService, sessionDays } = deps;
  const users = createUsersRepo(store.db);
  const sessions = createSessionsRepo(store.db);

  async function startSession(userId: number): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + sessionDays * 86_400_000);
    await store.transaction(async (trx) => {
      const inTrx = createSessionsRepo(trx);
      // Sessions are only found by token, so those of people who never return are swept here.
      await inTrx.purgeExpired(new Date().toISOString());
      await inTrx.insert(hashToken(token), userId, expiresAt.toISOString());
    });
    return { token, expiresAt };
  }

  async function sessionForHash(hash: string): Promise<{ user: User; expiresAt: number } | undefined> {
    const session = await sessions.findWithUser(hash);
    if (!session) return undefined;
    if (session.expires_at < new Date().toISOString()) {
      await sessions.remove(hash);
      deps.access.emit({ kind: 'session-ended', userId: session.user_id, sessionHash: hash });
      return undefined;
    }
    return { user: toUser(session.user), expiresAt: Date.parse(session.expires_at) };
  }

  return {
    startSession,

    needsSetup: async (): Promise<boolean> => (await usersService.count()) === 0,

    /** Creates the first account as workspace admin; refused once anyone exists. */
    async setup(input: { email: string; name: string; password: string }) {
      if ((await usersService.count()) > 0)
        throw new AppError(ErrorCode.SETUP_DONE, 'Kadence is already set up; sign in instead');
      const user = await usersService.create({ ...input, isAdmin: true, onlyIfFirst: true });
      return { user, session: await startSession(user.id) };
    },

    async login(email: string, password: string) {
      // Counted per account as well as per address (the route's limit), so guesses spread over
      // many addresses still stop.
      const attempt = await deps.loginLimit.begin(email);
      const row = await users.byEmail(email.trim());
      const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
      if (!row || !ok) throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Wrong e-mail or password');
      await deps.loginLimit.succeeded(attempt);
      return { user: toUser(row), session: await startSession(row.id) };
    },

    /** Costs what creating an account costs, so a refusal takes as long as a success. */
    async hashLikeNewAccount(password: string): Promise<void> {
      await hashPassword(password);
    },

    /** Resolves a session cookie to its user; expired sessions are removed on sight. */
    async userForToken(token: string | undefined): Promise<User | undefined> {
      return token ? (await sessionForHash(hashToken(token)))?.user : undefined;
    },

    /** The session behind a cookie, for a socket that keeps it: the hash to check again and when it ends. */
    async sessionForToken(
      token: string | undefined,
    ): Promise<{ user: User; hash: string; expiresAt: number } | undefined> {
      if (!token) return undefined;
      const hash = hashToken(token);
      const found = await sessionForHash(hash);
      return found ? { user: found.user, hash, expiresAt: found.expiresAt } : undefined;
    },

    /** The user of a session still valid now (read from the database on every call). */
    userForSession: async (hash: string): Promise<User | undefined> => (await sessionForHash(hash))?.user,

    async logout(token: string | undefined): Promise<void> {
      if (!token) return;
      const hash = hashToken(token);
      const session = await store.transaction(async (trx) => {
        const inTrx = createSessionsRepo(trx);
        const found = await inTrx.find(hash);
        await inTrx.remove(hash);
        return found;
      });
      if (session) deps.access.emit({ kind: 'session-ended', userId: session.user_id, sessionHash: hash });
    },

    /** Changing the password signs out every other session of the user. */
    async changePassword(userId: number, currentToken: string, current: string, next: string) {
      const row = await users.byId(userId);
      if (!row || !(await verifyPassword(current, row.password_hash))) {
        throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'The current password is wrong');
      }
      const hash = await hashPassword(next);
      await store.transaction(async (trx) => {
        await createUsersRepo(trx).updatePassword(userId, hash);
        await createSessionsRepo(trx).removeOthers(userId, hashToken(currentToken));
      });
      deps.access.emit({ kind: 'password-changed', userId, keepSessionHash: hashToken(currentToken) });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
