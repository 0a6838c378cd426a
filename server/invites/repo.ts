import type { Database } from 'better-sqlite3';
import type { TeamRole } from '../../shared/roles.ts';

export interface InviteRow {
  id: number;
  team_id: number;
  role: TeamRole;
  email: string | null;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export function createInvitesRepo(db: Database) {
  const cols = 'id, team_id, role, email, expires_at, used_at, revoked_at';
  const insert = db.prepare<[string, number, TeamRole, string | null, number, string]>(
    'INSERT INTO invites (token_hash, team_id, role, email, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[number], InviteRow>(`SELECT ${cols} FROM invites WHERE id = ?`);
  const byHash = db.prepare<[string], InviteRow>(`SELECT ${cols} FROM invites WHERE token_hash = ?`);
  const forTeam = db.prepare<[number], InviteRow>(`SELECT ${cols} FROM invites WHERE team_id = ? ORDER BY id DESC`);
  const markUsed = db.prepare<[string, number, number]>(
    'UPDATE invites SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL',
  );
  const revoke = db.prepare<[string, number, number]>(
    'UPDATE invites SET revoked_at = ? WHERE id = ? AND team_id = ? AND revoked_at IS NULL AND used_at IS NULL',
  );
  const mailsSince = db.prepare<[number, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM invite_emails WHERE team_id = ? AND sent_at > ?',
  );
  const recordMail = db.prepare<[number, number, string]>(
    'INSERT INTO invite_emails (team_id, invite_id, sent_at) VALUES (?, ?, ?)',
  );
  const purgeMails = db.prepare<[string]>('DELETE FROM invite_emails WHERE sent_at <= ?');
  /** Counts the team's invite e-mails since `since` and records one more when under `max`; false when at the limit. */
  const takeMail = db.transaction(
    (teamId: number, inviteId: number, now: string, since: string, max: number): boolean => {
      purgeMails.run(since);
      if ((mailsSince.get(teamId, since)?.n ?? 0) >= max) return false;
      recordMail.run(teamId, inviteId, now);
      return true;
    },
  );
  return {
    takeMail: (teamId: number, inviteId: number, now: Date, windowMs: number, max: number): boolean =>
      takeMail(teamId, inviteId, now.toISOString(), new Date(now.getTime() - windowMs).toISOString(), max),
    insert: (
      hash: string,
      teamId: number,
      role: TeamRole,
      email: string | null,
      createdBy: number,
      expiresAt: string,
    ) => Number(insert.run(hash, teamId, role, email, createdBy, expiresAt).lastInsertRowid),
    byId: (id: number) => byId.get(id),
    byHash: (hash: string) => byHash.get(hash),
    forTeam: (teamId: number) => forTeam.all(teamId),
    markUsed: (id: number, userId: number, at: string) => markUsed.run(at, userId, id).changes,
    revoke: (id: number, teamId: number, at: string) => revoke.run(at, id, teamId).changes,
  };
}
export type InvitesRepo = ReturnType<typeof createInvitesRepo>;
