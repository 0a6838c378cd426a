import type { Kysely } from 'kysely';
import type { TeamRole } from '../../shared/roles.ts';
import type { KadenceDatabase } from '../db/kysely/schema.ts';
import type { InviteRow } from './repo.ts';

const columns = ['id', 'team_id', 'role', 'email', 'expires_at', 'used_at', 'revoked_at'] as const;

/**
 * The invites repository over the Kysely store, for SQLite and PostgreSQL alike: the same methods
 * and rows as createInvitesRepo (repo.ts), asynchronous. Not used by the services yet; they move
 * to it when the repositories are converted together (docs/postgres.md).
 */
export function createInvitesStoreRepo(db: Kysely<KadenceDatabase>) {
  return {
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
export type InvitesStoreRepo = ReturnType<typeof createInvitesStoreRepo>;
