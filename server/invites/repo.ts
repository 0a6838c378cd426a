import type { TeamRole } from '../../shared/roles.ts';
import type { Executor } from '../db/kysely/store.ts';

export interface InviteRow {
  id: number;
  team_id: number;
  role: TeamRole;
  email: string | null;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

const columns = ['id', 'team_id', 'role', 'email', 'expires_at', 'used_at', 'revoked_at'] as const;

export function createInvitesRepo(db: Executor) {
  return {
    /**
     * Counts the team's invite e-mails within `windowMs` before `now` and records one more when
     * under `max`; false when at the limit. Run it in a transaction (`db` a trx) so the count and
     * the record are one step.
     */
    takeMail: async (teamId: number, inviteId: number, now: Date, windowMs: number, max: number): Promise<boolean> => {
      const since = new Date(now.getTime() - windowMs).toISOString();
      await db.deleteFrom('invite_emails').where('sent_at', '<=', since).execute();
      const sent = await db
        .selectFrom('invite_emails')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('team_id', '=', teamId)
        .where('sent_at', '>', since)
        .executeTakeFirstOrThrow();
      if (Number(sent.n) >= max) return false;
      await db
        .insertInto('invite_emails')
        .values({ team_id: teamId, invite_id: inviteId, sent_at: now.toISOString() })
        .execute();
      return true;
    },
    insert: async (
      hash: string,
      teamId: number,
      role: TeamRole,
      email: string | null,
      createdBy: number,
      expiresAt: string,
    ): Promise<number> => {
      const row = await db
        .insertInto('invites')
        .values({ token_hash: hash, team_id: teamId, role, email, created_by: createdBy, expires_at: expiresAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    byId: (id: number): Promise<InviteRow | undefined> =>
      db.selectFrom('invites').select(columns).where('id', '=', id).executeTakeFirst(),
    byHash: (hash: string): Promise<InviteRow | undefined> =>
      db.selectFrom('invites').select(columns).where('token_hash', '=', hash).executeTakeFirst(),
    forTeam: (teamId: number): Promise<InviteRow[]> =>
      db.selectFrom('invites').select(columns).where('team_id', '=', teamId).orderBy('id', 'desc').execute(),
    /** 1 when this call used the invite, 0 when it was used already (so only one person gets in). */
    markUsed: async (id: number, userId: number, at: string): Promise<number> => {
      const result = await db
        .updateTable('invites')
        .set({ used_at: at, used_by: userId })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    revoke: async (id: number, teamId: number, at: string): Promise<number> => {
      const result = await db
        .updateTable('invites')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('team_id', '=', teamId)
        .where('revoked_at', 'is', null)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
export type InvitesRepo = ReturnType<typeof createInvitesRepo>;
