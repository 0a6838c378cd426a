import type { Database } from 'better-sqlite3';
import type { Language } from '../../shared/language.ts';
import type { TeamRole } from '../../shared/roles.ts';

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

export function createTeamsRepo(db: Database) {
  const cols = 'id, name, slug, timezone, language, created_at';
  const bySlug = db.prepare<[string], TeamRow>(`SELECT ${cols} FROM teams WHERE slug = ?`);
  const byId = db.prepare<[number], TeamRow>(`SELECT ${cols} FROM teams WHERE id = ?`);
  const all = db.prepare<[], TeamRow>(`SELECT ${cols} FROM teams ORDER BY name`);
  const forUser = db.prepare<[number], TeamRow & { role: TeamRole }>(
    `SELECT t.id, t.name, t.slug, t.timezone, t.language, t.created_at, m.role
       FROM teams t JOIN memberships m ON m.team_id = t.id
      WHERE m.user_id = ? ORDER BY t.name`,
  );
  const insert = db.prepare<[string, string, string, Language]>(
    'INSERT INTO teams (name, slug, timezone, language) VALUES (?, ?, ?, ?)',
  );
  const update = db.prepare<[string, string, Language, number]>(
    'UPDATE teams SET name = ?, timezone = ?, language = ? WHERE id = ?',
  );
  const role = db.prepare<[number, number], { role: TeamRole }>(
    'SELECT role FROM memberships WHERE team_id = ? AND user_id = ?',
  );
  const members = db.prepare<[number], MemberRow>(
    `SELECT u.id AS user_id, u.name, u.email, m.role
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.team_id = ? ORDER BY u.name`,
  );
  const upsertMember = db.prepare<[number, number, TeamRole]>(
    `INSERT INTO memberships (team_id, user_id, role) VALUES (?, ?, ?)
     ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role`,
  );
  const removeMember = db.prepare<[number, number]>('DELETE FROM memberships WHERE team_id = ? AND user_id = ?');
  const leadCount = db.prepare<[number], { n: number }>(
    "SELECT count(*) AS n FROM memberships WHERE team_id = ? AND role = 'lead'",
  );
  /** Whether the user leads the unit holding the team or a unit above it (migration 0018's tree). */
  const ledFromAbove = db.prepare<[number, number], { n: number }>(
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT u.id, u.parent_id FROM units u JOIN unit_teams ut ON ut.unit_id = u.id WHERE ut.team_id = ?
       UNION ALL SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id
     ) SELECT count(*) AS n FROM up JOIN unit_leads l ON l.unit_id = up.id WHERE l.user_id = ?`,
  );

  return {
    ledFromAbove: (teamId: number, userId: number) => (ledFromAbove.get(teamId, userId)?.n ?? 0) > 0,
    bySlug: (slug: string) => bySlug.get(slug),
    byId: (id: number) => byId.get(id),
    all: () => all.all(),
    forUser: (userId: number) => forUser.all(userId),
    insert: (name: string, slug: string, timezone: string, language: Language) =>
      Number(insert.run(name, slug, timezone, language).lastInsertRowid),
    update: (id: number, name: string, timezone: string, language: Language) =>
      update.run(name, timezone, language, id),
    role: (teamId: number, userId: number) => role.get(teamId, userId)?.role,
    members: (teamId: number) => members.all(teamId),
    upsertMember: (teamId: number, userId: number, memberRole: TeamRole) =>
      upsertMember.run(teamId, userId, memberRole),
    removeMember: (teamId: number, userId: number) => removeMember.run(teamId, userId).changes,
    leadCount: (teamId: number) => (leadCount.get(teamId) as { n: number }).n,
  };
}
export type TeamsRepo = ReturnType<typeof createTeamsRepo>;
