import type { Database } from 'better-sqlite3';
import type { TeamRole } from '../../shared/roles.ts';
import type { TeamRow } from './repo.ts';

/**
 * The synchronous part of the teams repository that the services still on the better-sqlite3
 * handle read inside their own synchronous `db.transaction()` (actions, invites). It goes when
 * they move to the store; everything else uses the store's repository (repo.ts).
 */
export function createTeamsSyncRepo(db: Database) {
  const cols = 'id, name, slug, timezone, language, created_at';
  const byId = db.prepare<[number], TeamRow>(`SELECT ${cols} FROM teams WHERE id = ?`);
  const all = db.prepare<[], TeamRow>(`SELECT ${cols} FROM teams ORDER BY name`);
  const forUser = db.prepare<[number], TeamRow & { role: TeamRole }>(
    `SELECT t.id, t.name, t.slug, t.timezone, t.language, t.created_at, m.role
       FROM teams t JOIN memberships m ON m.team_id = t.id
      WHERE m.user_id = ? ORDER BY t.name`,
  );
  const role = db.prepare<[number, number], { role: TeamRole }>(
    'SELECT role FROM memberships WHERE team_id = ? AND user_id = ?',
  );
  const upsertMember = db.prepare<[number, number, TeamRole]>(
    `INSERT INTO memberships (team_id, user_id, role) VALUES (?, ?, ?)
     ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role`,
  );

  return {
    byId: (id: number) => byId.get(id),
    all: () => all.all(),
    forUser: (userId: number) => forUser.all(userId),
    role: (teamId: number, userId: number) => role.get(teamId, userId)?.role,
    upsertMember: (teamId: number, userId: number, memberRole: TeamRole) =>
      upsertMember.run(teamId, userId, memberRole),
  };
}
export type TeamsSyncRepo = ReturnType<typeof createTeamsSyncRepo>;
