import { sql } from 'kysely';
import type { Executor } from '../db/kysely/store.ts';
import type { TeamRow } from '../teams/repo.ts';

export interface UnitRow {
  id: number;
  name: string;
  parent_id: number | null;
  created_at: string;
}

export interface UnitTeamRow {
  unit_id: number;
  team_id: number;
  slug: string;
  name: string;
}

export interface UnitLeadRow {
  unit_id: number;
  user_id: number;
  name: string;
  email: string;
}

const columns = ['id', 'name', 'parent_id', 'created_at'] as const;

/**
 * The units tree over the Kysely store: SQL only. Walks up and down the tree with recursive
 * queries, which SQLite and PostgreSQL write alike.
 */
export function createUnitsRepo(db: Executor) {
  return {
    byId: (id: number): Promise<UnitRow | undefined> =>
      db.selectFrom('units').select(columns).where('id', '=', id).executeTakeFirst(),
    byName: (name: string): Promise<UnitRow | undefined> =>
      db.selectFrom('units').select(columns).where('name', '=', name).executeTakeFirst(),
    all: (): Promise<UnitRow[]> => db.selectFrom('units').select(columns).orderBy('name').execute(),
    insert: async (name: string, parentId: number | null): Promise<number> => {
      const row = await db
        .insertInto('units')
        .values({ name, parent_id: parentId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    update: async (id: number, name: string, parentId: number | null): Promise<number> => {
      const result = await db
        .updateTable('units')
        .set({ name, parent_id: parentId })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    remove: async (id: number): Promise<number> => {
      const result = await db.deleteFrom('units').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    childCount: async (id: number): Promise<number> => {
      const row = await db
        .selectFrom('units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_id', '=', id)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** The unit itself and every unit above it, nearest first. */
    ancestorIds: async (id: number): Promise<number[]> => {
      const result = await sql<{ id: number; depth: number }>`
        WITH RECURSIVE up(id, parent_id, depth) AS (
          SELECT id, parent_id, 0 FROM units WHERE id = ${id}
          UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id
        ) SELECT id, depth FROM up ORDER BY depth`.execute(db);
      return result.rows.map((row) => row.id);
    },
    /** The unit itself and every unit below it. */
    descendantIds: async (id: number): Promise<number[]> => {
      const result = await sql<{ id: number }>`
        WITH RECURSIVE down(id) AS (
          SELECT id FROM units WHERE id = ${id}
          UNION ALL SELECT u.id FROM units u JOIN down ON u.parent_id = down.id
        ) SELECT id FROM down`.execute(db);
      return result.rows.map((row) => row.id);
    },
    /**
     * The teams in unit `id` and every unit below it, each with the name of the unit that holds it
     * directly, by team name: one query for the whole subtree, however many teams it holds.
     */
    teamsBelow: async (id: number): Promise<(TeamRow & { unit_name: string })[]> => {
      const result = await sql<TeamRow & { unit_name: string }>`
        WITH RECURSIVE down(id) AS (
          SELECT id FROM units WHERE id = ${id}
          UNION ALL SELECT u.id FROM units u JOIN down ON u.parent_id = down.id
        )
        SELECT t.id, t.name, t.slug, t.timezone, t.language, t.created_at, un.name AS unit_name
        FROM down
        JOIN unit_teams ut ON ut.unit_id = down.id
        JOIN teams t ON t.id = ut.team_id
        JOIN units un ON un.id = ut.unit_id
        ORDER BY t.name, t.id`.execute(db);
      return result.rows;
    },
    teams: (): Promise<UnitTeamRow[]> =>
      db
        .selectFrom('unit_teams as ut')
        .innerJoin('teams as t', 't.id', 'ut.team_id')
        .select(['ut.unit_id', 't.id as team_id', 't.slug', 't.name'])
        .orderBy('t.name')
        .execute(),
    unitOfTeam: async (teamId: number): Promise<number | null> => {
      const row = await db.selectFrom('unit_teams').select('unit_id').where('team_id', '=', teamId).executeTakeFirst();
      return row?.unit_id ?? null;
    },
    placeTeam: async (teamId: number, unitId: number): Promise<void> => {
      await db
        .insertInto('unit_teams')
        .values({ team_id: teamId, unit_id: unitId })
        .onConflict((oc) => oc.column('team_id').doUpdateSet({ unit_id: (eb) => eb.ref('excluded.unit_id') }))
        .execute();
    },
    releaseTeam: async (teamId: number, unitId: number): Promise<number> => {
      const result = await db
        .deleteFrom('unit_teams')
        .where('team_id', '=', teamId)
        .where('unit_id', '=', unitId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    leads: (): Promise<UnitLeadRow[]> =>
      db
        .selectFrom('unit_leads as l')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.unit_id', 'u.id as user_id', 'u.name', 'u.email'])
        .orderBy('u.name')
        .execute(),
    ledBy: async (userId: number): Promise<number[]> => {
      const rows = await db.selectFrom('unit_leads').select('unit_id').where('user_id', '=', userId).execute();
      return rows.map((row) => row.unit_id);
    },
    /** 1 when the lead was added, 0 when they led the unit already. */
    addLead: async (unitId: number, userId: number): Promise<number> => {
      const result = await db
        .insertInto('unit_leads')
        .values({ unit_id: unitId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },
    removeLead: async (unitId: number, userId: number): Promise<number> => {
      const result = await db
        .deleteFrom('unit_leads')
        .where('unit_id', '=', unitId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
