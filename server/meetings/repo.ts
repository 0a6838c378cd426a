import type { Database } from 'better-sqlite3';

export interface CadenceRow {
  id: number;
  rrule: string;
  start_time: string;
  timezone: string;
  duration_minutes: number;
  valid_from: string;
}
export interface ExceptionRow {
  occurrence_local: string;
  kind: 'moved' | 'skipped';
  moved_to_local: string | null;
  reason: string | null;
}
export interface MeetingRow {
  id: number;
  team_id: number;
  occurrence_local: string | null;
  starts_at: string;
  ends_at: string;
  status: 'planned' | 'live' | 'ended' | 'skipped';
  skip_reason: string | null;
  agenda: string;
  window_start: string | null;
  window_end: string;
  prepared_at: string | null;
}

export interface ArchiveRow {
  id: number;
  starts_at: string;
  summary: string | null;
  /** People who took part, each counted once however often they joined. */
  attendance: number;
}

/** SQL for cadences, their exceptions, agenda templates, calendar tokens, meetings and their cards. */
export function createMeetingsRepo(db: Database) {
  const statements = {
    cadences: db.prepare(
      'SELECT id, rrule, start_time, timezone, duration_minutes, valid_from FROM cadences WHERE team_id = ? ORDER BY valid_from',
    ),
    upsertCadence: db.prepare(
      `INSERT INTO cadences (team_id, rrule, start_time, timezone, duration_minutes, valid_from, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (team_id, valid_from) DO UPDATE SET rrule = excluded.rrule, start_time = excluded.start_time, timezone = excluded.timezone, duration_minutes = excluded.duration_minutes`,
    ),
    dropLaterCadences: db.prepare('DELETE FROM cadences WHERE team_id = ? AND valid_from > ?'),
    exceptions: db.prepare(
      'SELECT occurrence_local, kind, moved_to_local, reason FROM cadence_exceptions WHERE team_id = ?',
    ),
    upsertException: db.prepare(
      `INSERT INTO cadence_exceptions (team_id, occurrence_local, kind, moved_to_local, reason, created_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (team_id, occurrence_local) DO UPDATE SET kind = excluded.kind, moved_to_local = excluded.moved_to_local, reason = excluded.reason`,
    ),
    template: db.prepare('SELECT steps FROM agenda_templates WHERE team_id = ?'),
    saveTemplate: db.prepare(
      `INSERT INTO agenda_templates (team_id, steps) VALUES (?, ?) ON CONFLICT (team_id) DO UPDATE SET steps = excluded.steps, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ),
    meetings: db.prepare('SELECT * FROM meetings WHERE team_id = ? ORDER BY starts_at'),
    teamsWithCadence: db.prepare(
      'SELECT t.id, t.name, t.timezone FROM teams t WHERE EXISTS (SELECT 1 FROM cadences c WHERE c.team_id = t.id) ORDER BY t.id',
    ),
    refreshAgendas: db.prepare(
      `UPDATE meetings SET agenda = ? WHERE team_id = ? AND status = 'planned' AND starts_at > ?`,
    ),
    meeting: db.prepare('SELECT * FROM meetings WHERE id = ? AND team_id = ?'),
    insertMeeting: db.prepare(
      'INSERT INTO meetings (team_id, occurrence_local, starts_at, ends_at, status, skip_reason, agenda, window_start, window_end) VALUES (@teamId, @occurrence, @startsAt, @endsAt, @status, @skipReason, @agenda, NULL, @startsAt)',
    ),
    updatePlanned: db.prepare(
      'UPDATE meetings SET starts_at = ?, ends_at = ?, status = ?, skip_reason = ? WHERE id = ?',
    ),
    deleteMeeting: db.prepare('DELETE FROM meetings WHERE id = ?'),
    setWindow: db.prepare('UPDATE meetings SET window_start = ?, window_end = ? WHERE id = ?'),
    setPrepared: db.prepare(`UPDATE meetings SET prepared_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`),
    tokens: db.prepare(
      'SELECT id, created_at AS createdAt FROM calendar_tokens WHERE team_id = ? AND revoked_at IS NULL',
    ),
    insertToken: db.prepare('INSERT INTO calendar_tokens (team_id, token_hash) VALUES (?, ?)'),
    revokeTokens: db.prepare(
      `UPDATE calendar_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE team_id = ? AND revoked_at IS NULL`,
    ),
    tokenTeam: db.prepare('SELECT team_id AS teamId FROM calendar_tokens WHERE token_hash = ? AND revoked_at IS NULL'),
    cards: db.prepare(
      'SELECT feedback_id AS feedbackId, picked_by AS pickedBy FROM meeting_cards WHERE meeting_id = ? ORDER BY position',
    ),
    addCard: db.prepare(
      'INSERT OR IGNORE INTO meeting_cards (meeting_id, feedback_id, position, picked_by) VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM meeting_cards WHERE meeting_id = ?), ?)',
    ),
    removeCard: db.prepare('DELETE FROM meeting_cards WHERE meeting_id = ? AND feedback_id = ?'),
    clearProposal: db.prepare(`DELETE FROM meeting_cards WHERE meeting_id = ? AND picked_by = 'proposal'`),
    windowItems: db.prepare(
      `SELECT id, source, metric, score, flagged FROM visible_feedback WHERE team_id = @teamId AND received_at < @end AND (@start IS NULL OR received_at >= @start)`,
    ),
    actionsOf: db.prepare('SELECT status, done_at AS doneAt FROM actions WHERE meeting_id = ?'),
    attendance: db.prepare('SELECT count(DISTINCT participant) AS n FROM meeting_attendance WHERE meeting_id = ?'),
    archive: db.prepare<[number], ArchiveRow>(
      `SELECT m.id, m.starts_at, m.summary, (SELECT count(DISTINCT a.participant) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS attendance
       FROM meetings m WHERE m.team_id = ? AND m.status = 'ended' ORDER BY m.starts_at DESC`,
    ),
  };
  return statements;
}
export type MeetingsRepo = ReturnType<typeof createMeetingsRepo>;
