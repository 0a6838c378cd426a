import { TEAM_ROLES, type TeamRole } from '../../shared/roles.ts';
import type { Store } from '../db/kysely/store.ts';
import { createSharedSignal } from './shared-signal.ts';

/**
 * Something that takes access away or changes it. The services that change sessions and
 * memberships announce it after their transaction commits; the socket layers push out or downgrade
 * the person's open sockets at once. Keyed by user, and on PostgreSQL passed to every other process
 * on the database (NOTIFY on ACCESS_CHANNEL), so the person's sockets there follow at once too; the
 * check on every socket command (which reads sessions and memberships from the database) holds
 * everywhere regardless, e.g. when a notification was lost.
 */
export type AccessChange =
  /** One session ended: signed out, or found expired. */
  | { kind: 'session-ended'; userId: number; sessionHash: string }
  /** A new password ends every session of the person but the one that changed it. */
  | { kind: 'password-changed'; userId: number; keepSessionHash: string }
  /** Removed from a team (role null) or given another role in it. */
  | { kind: 'membership'; userId: number; teamId: number; role: TeamRole | null };

export type AccessListener = (change: AccessChange) => void;

/** The channel on which processes pass each other access changes. */
export const ACCESS_CHANNEL = 'kadence_access';

const id = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** An access change back from another process's JSON; null for anything else. */
export function parseAccessChange(value: unknown): AccessChange | null {
  if (typeof value !== 'object' || value === null) return null;
  const change = value as Record<string, unknown>;
  if (!id(change.userId)) return null;
  if (change.kind === 'session-ended' && text(change.sessionHash))
    return { kind: 'session-ended', userId: change.userId, sessionHash: change.sessionHash };
  if (change.kind === 'password-changed' && text(change.keepSessionHash))
    return { kind: 'password-changed', userId: change.userId, keepSessionHash: change.keepSessionHash };
  if (
    change.kind === 'membership' &&
    id(change.teamId) &&
    (change.role === null || (TEAM_ROLES as readonly unknown[]).includes(change.role))
  )
    return { kind: 'membership', userId: change.userId, teamId: change.teamId, role: change.role as TeamRole | null };
  return null;
}

export function createAccessChanges(store: Pick<Store, 'db' | 'dialect'>) {
  const signal = createSharedSignal<AccessChange>({
    channel: ACCESS_CHANNEL,
    dialect: store.dialect,
    parse: parseAccessChange,
  });
  return {
    /** Returns a function that stops listening. */
    on: signal.on,
    /**
     * This process's sockets follow at once; the other processes' when the notification arrives. A
     * notification that fails to go out is not retried: those sockets are refused at their next
     * command, which reads the database.
     */
    emit(change: AccessChange): void {
      signal.emit(change);
      signal.announce(store.db, change).catch(() => undefined);
    },
    /** Other processes' changes reach this process's listeners (several processes on PostgreSQL). */
    follow: signal.follow,
  };
}
export type AccessChanges = ReturnType<typeof createAccessChanges>;

/** The session a socket signed in with. */
export interface SocketSession {
  userId: number;
  hash: string;
  /** ms since the epoch. */
  expiresAt: number;
}

/** Whether the change ends the session a socket signed in with. */
export function endsSession(change: AccessChange, session: SocketSession): boolean {
  if (change.kind === 'session-ended') return change.sessionHash === session.hash;
  if (change.kind === 'password-changed')
    return change.userId === session.userId && change.keepSessionHash !== session.hash;
  return false;
}

/** setTimeout is limited to about 24.8 days; a longer session is re-armed on the way. */
const LONGEST_TIMER_MS = 2_000_000_000;

/** Calls `onExpired` when the session's time is up; the returned function cancels it. */
export function whenExpired(session: SocketSession, onExpired: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = () => {
    const left = session.expiresAt - Date.now();
    if (left <= 0) {
      onExpired();
      return;
    }
    timer = setTimeout(arm, Math.min(left, LONGEST_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

/** The room of every socket of one person, in each namespace. */
export const userRoom = (userId: number) => `user:${userId}`;
