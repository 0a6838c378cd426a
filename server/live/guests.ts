import type { Database } from 'better-sqlite3';
import { hashToken, newToken } from '../auth/tokens.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { ErrorCode } from '../../shared/errors.ts';

export interface GuestIdentity {
  id: number;
  /** The meeting link the guest came through; revoking it ends the guest's connections. */
  linkId: number;
  name: string;
  meetingId: number;
  role: 'participant' | 'observer';
}

/** Revocable meeting links and the guests who came through them. Only hashes of secrets are stored. */
export function createGuestsService(db: Database) {
  const insertLink = db.prepare(
    'INSERT INTO meeting_guest_links (meeting_id, token_hash, role, created_by) VALUES (?, ?, ?, ?)',
  );
  const links = db.prepare<[number], { id: number; role: string; created_at: string; revoked_at: string | null }>(
    'SELECT id, role, created_at, revoked_at FROM meeting_guest_links WHERE meeting_id = ? ORDER BY id',
  );
  const linkByHash = db.prepare<
    [string],
    {
      id: number;
      meeting_id: number;
      role: 'participant' | 'observer';
      revoked_at: string | null;
      status: string;
      team_name: string;
      starts_at: string;
    }
  >(
    `SELECT l.id, l.meeting_id, l.role, l.revoked_at, m.status, t.name AS team_name, m.starts_at FROM meeting_guest_links l
     JOIN meetings m ON m.id = l.meeting_id JOIN teams t ON t.id = m.team_id WHERE l.token_hash = ?`,
  );
  const revoke = db.prepare(
    "UPDATE meeting_guest_links SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND meeting_id = ? AND revoked_at IS NULL",
  );
  const insertGuest = db.prepare('INSERT INTO meeting_guests (secret_hash, link_id, name) VALUES (?, ?, ?)');
  const guestBySecret = db.prepare<[string], GuestIdentity & { revoked_at: string | null }>(
    `SELECT g.id, g.name, l.id AS linkId, l.meeting_id AS meetingId, l.role, l.revoked_at FROM meeting_guests g
     JOIN meeting_guest_links l ON l.id = g.link_id WHERE g.secret_hash = ?`,
  );

  const guestActive = db.prepare<[number], { revoked_at: string | null }>(
    'SELECT l.revoked_at FROM meeting_guests g JOIN meeting_guest_links l ON l.id = g.link_id WHERE g.id = ?',
  );

  const revokedListeners = new Set<(linkId: number) => void>();

  return {
    /** Called with the link's id whenever a link is revoked; returns a function that stops listening. */
    onRevoke(listener: (linkId: number) => void): () => void {
      revokedListeners.add(listener);
      return () => revokedListeners.delete(listener);
    },
    createLink(meetingId: number, role: 'participant' | 'observer', createdBy: number): { id: number; token: string } {
      const token = newToken();
      const id = Number(insertLink.run(meetingId, hashToken(token), role, createdBy).lastInsertRowid);
      return { id, token };
    },
    links: (meetingId: number) => links.all(meetingId),
    revoke(meetingId: number, linkId: number): void {
      if (revoke.run(linkId, meetingId).changes === 0) throw notFound('Active guest link');
      for (const listener of revokedListeners) listener(linkId);
    },
    /**
     * Turns a link plus a display name into a guest with its own secret for the socket, and tells the
     * guest which team's review they joined (the frame names it, as it does for members).
     */
    join(
      token: string,
      rawName: string,
    ): { secret: string; meetingId: number; role: string; name: string; teamName: string; startsAt: string } {
      const name = rawName.trim();
      if (!name || name.length > 60) throw invalid('a display name of 1 to 60 characters is required');
      const link = linkByHash.get(hashToken(token));
      if (!link || link.revoked_at)
        throw new AppError(ErrorCode.INVITE_INVALID, 'This meeting link is no longer valid');
      if (link.status === 'ended' || link.status === 'skipped')
        throw new AppError(ErrorCode.INVITE_INVALID, 'This meeting is over');
      const secret = newToken();
      insertGuest.run(hashToken(secret), link.id, name);
      return {
        secret,
        meetingId: link.meeting_id,
        role: link.role,
        name,
        teamName: link.team_name,
        startsAt: link.starts_at,
      };
    },
    /** Whether a guest's link is still valid now (read on every command, so it holds across processes). */
    isActive: (guestId: number): boolean => {
      const row = guestActive.get(guestId);
      return row !== undefined && row.revoked_at === null;
    },
    /** The guest behind a socket secret, unless the link was revoked. */
    guestForSecret(secret: string | undefined): GuestIdentity | undefined {
      if (!secret) return undefined;
      const guest = guestBySecret.get(hashToken(secret));
      return guest && !guest.revoked_at
        ? { id: guest.id, linkId: guest.linkId, name: guest.name, meetingId: guest.meetingId, role: guest.role }
        : undefined;
    },
  };
}
export type GuestsService = ReturnType<typeof createGuestsService>;
