import { sql } from 'kysely';
import type { Language } from '../../shared/language.ts';
import type { TeamRole } from '../../shared/roles.ts';
import type { Executor } from '../db/kysely/store.ts';

export interface TeamRow {
  id: number;
  name: string;
  slug: string;
  timezone: string;
  language: Language;
  created_at: string;
}

export interface MemberRow {
  user_id: number;
  name: string;
  email: string;
  role: TeamRole;
}

const columns = ['id', 'name', 'slug', 'timezone', 'language', 'created_at'] as const;

/** Teams and memberships over the Kysely store (SQLite and PostgreSQL alike): SQL only. */
export function createTeamsRepo(db: Executor) {
  return {
    /** Whether the user leads the unit holding the team or a unit above it (migration 0018's tree). */
    ledFromAbove: async (teamId: number, userId: number): Promise<boolean> => {
      const result = await sql<{ n: number }>`
        WITH RECURSIVE up(id, parent_id) AS (
          SELECT u.id, u.parent_id FROM units u JOIN unit_teams ut ON ut.unit_id = u.id WHERE ut.team_id = ${teamId}
          UNION ALL SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id
        ) SELECT count(*) AS n FROM up JOIN unit_leads l ON l.unit_id = up.id WHERE l.user_id = ${userId}`.execute(db);
      return (result.rows[0]?.n ?? 0) > 0;
    },
    bySlug: (slug: string): Promise<TeamRow | undefined> =>
      db.selectFrom('teams').select(columns).where('slug', '=', slug).executeTakeFirst(),
    byId: (id: number): Promise<TeamRow | undefined> =>
      db.selectFrom('teams').select(columns).where('id', '=', id).executeTakeFirst(),
    all: (): Promise<TeamRow[]> => db.selectFrom('teams').select(columns).orderBy('name').execute(),
    forUser: (userId: number): Promise<(TeamRow & { role: TeamRole })[]> =>
      db
        .selectFrom('teams as t')
        .innerJoin('memberships as m', 'm.team_id', 't.id')
        .select(['t.id', 't.name', 't.slug', 't.timezone', 't.language', 't.created_at', 'm.role'])
        .where('m.user_id', '=', userId)
        .orderBy('t.name')
        .execute(),
    insert: async (name: string, slug: string, timezone: string, language: Language): Promise<number> => {
      const row = await db
        .insertInto('teams')
        .values({ name, slug, timezone, language })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    update: async (id: number, name: string, timezone: string, language: Language): Promise<number> => {
      const result = await db
        .updateTable('teams')
        .set({ name, timezone, language })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    role: async (teamId: number, userId: number): Promise<TeamRole | undefined> => {
      const row = await db
        .selectFrom('memberships')
        .select('role')
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.role;
    },
    members: (teamId: number): Promise<MemberRow[]> =>
      db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id as user_id', 'u.name', 'u.email', 'm.role'])
        .where('m.team_id', '=', teamId)
        .orderBy('u.name')
        .execute(),
    /** How many members each of the teams has, in one query (a team without members is left out). */
    memberCounts: async (teamIds: readonly number[]): Promise<Map<number, number>> => {
      if (teamIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('memberships')
        .select(['team_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('team_id', 'in', [...teamIds])
        .groupBy('team_id')
        .execute();
      // PostgreSQL's count is a bigint, which the driver hands over as a string.
      return new Map(rows.map((row) => [row.team_id, Number(row.n)]));
    },
    upsertMember: async (teamId: number, userId: number, memberRole: TeamRole): Promise<void> => {
      await db
        .insertInto('memberships')
        .values({ team_id: teamId, user_id: userId, role: memberRole })
        .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ role: (eb) => eb.ref('excluded.role') }))
        .execute();
    },
    removeMember: async (teamId: number, userId: number): Promise<number> => {
      const result = await db
        .deleteFrom('memberships')
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    leadCount: async (teamId: number): Promise<number> => {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('team_id', '=', teamId)
        .where('role', '=', 'lead')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type TeamsRepo = ReturnType<typeof createTeamsRepo>;
