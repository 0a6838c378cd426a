import type { Database } from 'better-sqlite3';

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

/** The units tree: SQL only. Walks up and down the tree with recursive queries (both dialects have them). */
export function createUnitsRepo(db: Database) {
  const cols = 'id, name, parent_id, created_at';
  const byId = db.prepare<[number], UnitRow>(`SELECT ${cols} FROM units WHERE id = ?`);
  const byName = db.prepare<[string], UnitRow>(`SELECT ${cols} FROM units WHERE name = ?`);
  const all = db.prepare<[], UnitRow>(`SELECT ${cols} FROM units ORDER BY name`);
  const insert = db.prepare<[string, number | null]>('INSERT INTO units (name, parent_id) VALUES (?, ?)');
  const update = db.prepare<[string, number | null, number]>('UPDATE units SET name = ?, parent_id = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM units WHERE id = ?');
  const childCount = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM units WHERE parent_id = ?');
  /** The unit itself and every unit above it, nearest first. */
  const ancestors = db.prepare<[number], { id: number; depth: number }>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM units WHERE id = ?
       UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id
     ) SELECT id, depth FROM up ORDER BY depth`,
  );
  /** The unit itself and every unit below it. */
  const descendants = db.prepare<[number], { id: number }>(
    `WITH RECURSIVE down(id) AS (
       SELECT id FROM units WHERE id = ?
       UNION ALL SELECT u.id FROM units u JOIN down ON u.parent_id = down.id
     ) SELECT id FROM down`,
  );
  const teams = db.prepare<[], UnitTeamRow>(
    `SELECT ut.unit_id, t.id AS team_id, t.slug, t.name
       FROM unit_teams ut JOIN teams t ON t.id = ut.team_id ORDER BY t.name`,
  );
  const unitOfTeam = db.prepare<[number], { unit_id: number }>('SELECT unit_id FROM unit_teams WHERE team_id = ?');
  const placeTeam = db.prepare<[number, number]>(
    `INSERT INTO unit_teams (team_id, unit_id) VALUES (?, ?)
     ON CONFLICT (team_id) DO UPDATE SET unit_id = excluded.unit_id`,
  );
  const releaseTeam = db.prepare<[number, number]>('DELETE FROM unit_teams WHERE team_id = ? AND unit_id = ?');
  const leads = db.prepare<[], UnitLeadRow>(
    `SELECT l.unit_id, u.id AS user_id, u.name, u.email
       FROM unit_leads l JOIN users u ON u.id = l.user_id ORDER BY u.name`,
  );
  const ledBy = db.prepare<[number], { unit_id: number }>('SELECT unit_id FROM unit_leads WHERE user_id = ?');
  const addLead = db.prepare<[number, number]>(
    'INSERT INTO unit_leads (unit_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const removeLead = db.prepare<[number, number]>('DELETE FROM unit_leads WHERE unit_id = ? AND user_id = ?');

  return {
    byId: (id: number) => byId.get(id),
    byName: (name: string) => byName.get(name),
    all: () => all.all(),
    insert: (name: string, parentId: number | null) => Number(insert.run(name, parentId).lastInsertRowid),
    update: (id: number, name: string, parentId: number | null) => update.run(name, parentId, id),
    remove: (id: number) => remove.run(id).changes,
    childCount: (id: number) => (childCount.get(id) ?? { n: 0 }).n,
    ancestorIds: (id: number) => ancestors.all(id).map((row) => row.id),
    descendantIds: (id: number) => descendants.all(id).map((row) => row.id),
    teams: () => teams.all(),
    unitOfTeam: (teamId: number) => unitOfTeam.get(teamId)?.unit_id ?? null,
    placeTeam: (teamId: number, unitId: number) => placeTeam.run(teamId, unitId),
    releaseTeam: (teamId: number, unitId: number) => releaseTeam.run(teamId, unitId).changes,
    leads: () => leads.all(),
    ledBy: (userId: number) => ledBy.all(userId).map((row) => row.unit_id),
    addLead: (unitId: number, userId: number) => addLead.run(unitId, userId).changes,
    removeLead: (unitId: number, userId: number) => removeLead.run(unitId, userId).changes,
  };
}
export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
