import type { Database } from 'better-sqlite3';
import { ErrorCode } from '../../shared/errors.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { AppError } from '../errors.ts';
import type { AccessChanges } from '../realtime/access.ts';
import type { UsersRepo } from '../users/repo.ts';
import { toUser, type UsersService } from '../users/service.ts';
import type { LoginLimit } from './login-limit.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { SessionsRepo } from './repo.ts';
import { hashToken, newToken } from './tokens.ts';

// Verifying against a real hash when the e-mail is unknown keeps response times from revealing accounts.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function createAuthService(deps: {
  db: Database;
  users: UsersRepo;
  sessions: SessionsRepo;
  usersService: UsersService;
  sessionDays: number;
  loginLimit: LoginLimit;
  access: AccessChanges;
}) {
  const { users, sessions, usersService, sessionDays } = deps;

  function startSession(userId: number): { token: string; expiresAt: Date } {
    const token = newToken();
    // Sessions are only found by token, so those of people who never return are swept here.
    sessions.purgeExpired(new Date().toISOString());
    const expiresAt = new Date(Date.now() + sessionDays * 86_400_000);
    sessions.insert(hashToken(token), userId, expiresAt.toISOString());
    return { token, expiresAt };
  }

  function sessionForHash(hash: string): { user: User; expiresAt: number } | undefined {
    const session = sessions.find(hash);
    if (!session) return undefined;
    if (session.expires_at < new Date().toISOString()) {
      sessions.remove(hash);
      deps.access.emit({ kind: 'session-ended', userId: session.user_id, sessionHash: hash });
      return undefined;
    }
    const row = users.byId(session.user_id);
    return row ? { user: toUser(row), expiresAt: Date.parse(session.expires_at) } : undefined;
  }

  return {
    startSession,

    needsSetup: () => usersService.count() === 0,

    /** Creates the first account as workspace admin; refused once anyone exists. */
    async setup(input: { email: string; name: string; password: string }) {
      if (usersService.count() > 0)
        throw new AppError(ErrorCode.SETUP_DONE, 'Kadence is already set up; sign in instead');
      const user = await usersService.create({ ...input, isAdmin: true, onlyIfFirst: true });
      return { user, session: startSession(user.id) };
    },

    async login(email: string, password: string) {
      // Counted per account as well as per address (the route's limit), so guesses spread over
      // many addresses still stop.
      const attempt = deps.loginLimit.begin(email);
      const row = users.byEmail(email.trim());
      const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
      if (!row || !ok) throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Wrong e-mail or password');
      deps.loginLimit.succeeded(attempt);
      return { user: toUser(row), session: startSession(row.id) };
    },

    /** Costs what creating an account costs, so a refusal takes as long as a success. */
    async hashLikeNewAccount(password: string): Promise<void> {
      await hashPassword(password);
    },

    /** Resolves a session cookie to its user; expired sessions are removed on sight. */
    userForToken(token: string | undefined): User | undefined {
      return token ? sessionForHash(hashToken(token))?.user : undefined;
    },

    /** The session behind a cookie, for a socket that keeps it: the hash to check again and when it ends. */
    sessionForToken(token: string | undefined): { user: User; hash: string; expiresAt: number } | undefined {
      if (!token) return undefined;
      const hash = hashToken(token);
      const found = sessionForHash(hash);
      return found ? { user: found.user, hash, expiresAt: found.expiresAt } : undefined;
    },

    /** The user of a session still valid now (read from the database on every call). */
    userForSession: (hash: string): User | undefined => sessionForHash(hash)?.user,

    logout(token: string | undefined) {
      if (!token) return;
      const hash = hashToken(token);
      const session = sessions.find(hash);
      sessions.remove(hash);
      if (session) deps.access.emit({ kind: 'session-ended', userId: session.user_id, sessionHash: hash });
    },

    /** Changing the password signs out every other session of the user. */
    async changePassword(userId: number, currentToken: string, current: string, next: string) {
      const row = users.byId(userId);
      if (!row || !(await verifyPassword(current, row.password_hash))) {
        throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'The current password is wrong');
      }
      const hash = await hashPassword(next);
      deps.db.transaction(() => {
        users.updatePassword(userId, hash);
        sessions.removeOthers(userId, hashToken(currentToken));
      })();
      deps.access.emit({ kind: 'password-changed', userId, keepSessionHash: hashToken(currentToken) });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
