import { hashToken, newToken } from '../auth/tokens.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { ErrorCode } from '../../shared/errors.ts';
import type { Store } from '../db/kysely/store.ts';
import { createSharedSignal } from '../realtime/shared-signal.ts';

/** The channel on which processes pass each other revoked guest links. */
export const GUEST_LINK_CHANNEL = 'kadence_guest_link';

export interface GuestIdentity {
  id: number;
  /** The meeting link the guest came through; revoking it ends the guest's connections. */
  linkId: number;
  name: string;
  meetingId: number;
  role: 'participant' | 'observer';
}

/** Revocable meeting links and the guests who came through them. Only hashes of secrets are stored. */
export function createGuestsService(store: Pick<Store, 'db' | 'dialect'>) {
  const { db } = store;
  /** On PostgreSQL a revocation through any process ends the guest's connections on every one. */
  const revoked = createSharedSignal<number>({
    channel: GUEST_LINK_CHANNEL,
    dialect: store.dialect,
    parse: (value) => (Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : null),
  });

  return {
    /** Called with the link's id whenever a link is revoked; returns a function that stops listening. */
    onRevoke: revoked.on,
    /** Other processes' revocations reach this process's listeners (several processes on PostgreSQL). */
    followRevocations: revoked.follow,
    async createLink(
      meetingId: number,
      role: 'participant' | 'observer',
      createdBy: number,
    ): Promise<{ id: number; token: string }> {
      const token = newToken();
      const { id } = await db
        .insertInto('meeting_guest_links')
        .values({ meeting_id: meetingId, token_hash: hashToken(token), role, created_by: createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id, token };
    },
    links: (meetingId: number) =>
      db
        .selectFrom('meeting_guest_links')
        .select(['id', 'role', 'created_at', 'revoked_at'])
        .where('meeting_id', '=', meetingId)
        .orderBy('id')
        .execute(),
    async revoke(meetingId: number, linkId: number): Promise<void> {
      const result = await db
        .updateTable('meeting_guest_links')
        .set({ revoked_at: new Date().toISOString() })
        .where('id', '=', linkId)
        .where('meeting_id', '=', meetingId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound('Active guest link');
      // After the write, so a listener that ends connections acts on a committed revocation. A
      // notification that fails to go out is not retried: the guest's next command is refused anyway.
      revoked.emit(linkId);
      revoked.announce(db, linkId).catch(() => undefined);
    },
    /**
     * Turns a link plus a display name into a guest with its own secret for the socket, and tells the
     * guest which team's review they joined (the frame names it, as it does for members).
     */
    async join(
      token: string,
      rawName: string,
    ): Promise<{ secret: string; meetingId: number; role: string; name: string; teamName: string; startsAt: string }> {
      const name = rawName.trim();
      if (!name || name.length > 60) throw invalid('a display name of 1 to 60 characters is required');
      const link = await db
        .selectFrom('meeting_guest_links as l')
        .innerJoin('meetings as m', 'm.id', 'l.meeting_id')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .select(['l.id', 'l.meeting_id', 'l.role', 'l.revoked_at', 'm.status', 't.name as team_name', 'm.starts_at'])
        .where('l.token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!link || link.revoked_at)
        throw new AppError(ErrorCode.INVITE_INVALID, 'This meeting link is no longer valid');
      if (link.status === 'ended' || link.status === 'skipped')
        throw new AppError(ErrorCode.INVITE_INVALID, 'This meeting is over');
      const secret = newToken();
      await db
        .insertInto('meeting_guests')
        .values({ secret_hash: hashToken(secret), link_id: link.id, name })
        .execute();
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
    isActive: async (guestId: number): Promise<boolean> => {
      const row = await db
        .selectFrom('meeting_guests as g')
        .innerJoin('meeting_guest_links as l', 'l.id', 'g.link_id')
        .select('l.revoked_at')
        .where('g.id', '=', guestId)
        .executeTakeFirst();
      return row !== undefined && row.revoked_at === null;
    },
    /** The guest behind a socket secret, unless the link was revoked. */
    async guestForSecret(secret: string | undefined): Promise<GuestIdentity | undefined> {
      if (!secret) return undefined;
      const guest = await db
        .selectFrom('meeting_guests as g')
        .innerJoin('meeting_guest_links as l', 'l.id', 'g.link_id')
        .select(['g.id', 'g.name', 'l.id as linkId', 'l.meeting_id as meetingId', 'l.role', 'l.revoked_at'])
        .where('g.secret_hash', '=', hashToken(secret))
        .executeTakeFirst();
      return guest && !guest.revoked_at
        ? { id: guest.id, linkId: guest.linkId, name: guest.name, meetingId: guest.meetingId, role: guest.role }
        : undefined;
    },
  };
}
export type GuestsService = ReturnType<typeof createGuestsService>;
