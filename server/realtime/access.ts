import type { TeamRole } from '../../shared/roles.ts';

/**
 * Something that takes access away or changes it. The services that change sessions and
 * memberships announce it after their transaction commits; the socket layers push out or downgrade
 * the person's open sockets at once. In-process and keyed by user: with several processes this is
 * what would be relayed between them, while the check on every socket command (which reads sessions
 * and memberships from the database) already holds everywhere.
 */
export type AccessChange =
  /** One session ended: signed out, or found expired. */
  | { kind: 'session-ended'; userId: number; sessionHash: string }
  /** A new password ends every session of the person but the one that changed it. */
  | { kind: 'password-changed'; userId: number; keepSessionHash: string }
  /** Removed from a team (role null) or given another role in it. */
  | { kind: 'membership'; userId: number; teamId: number; role: TeamRole | null };

export type AccessListener = (change: AccessChange) => void;

export function createAccessChanges() {
  const listeners = new Set<AccessListener>();
  return {
    /** Returns a function that stops listening. */
    on(listener: AccessListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(change: AccessChange): void {
      for (const listener of listeners) listener(change);
    },
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
