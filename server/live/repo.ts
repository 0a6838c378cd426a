import type { Database } from 'better-sqlite3';
import type { Actor, AgendaStep, MeetingEvent, MeetingState } from '../../shared/meeting/index.ts';

export interface MeetingRow {
  id: number;
  team_id: number;
  status: 'planned' | 'live' | 'ended' | 'skipped';
  agenda: string;
  slug: string;
}
export interface EventRow {
  seq: number;
  op_id: string;
  actor: string;
  type: string;
  payload: string;
  at: number;
}
export interface CardRow {
  id: number;
  position: number;
  title: string | null;
  comment: string | null;
  metric: string | null;
  score: number | null;
  source: string;
  received_at: string;
  language: string | null;
}
export interface GuestRow {
  id: number;
  name: string;
  meeting_id: number;
  role: 'participant' | 'observer';
  revoked_at: string | null;
}

export const toEvent = (row: EventRow): MeetingEvent =>
  ({
    seq: row.seq,
    opId: row.op_id,
    actor: JSON.parse(row.actor) as Actor,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    at: row.at,
  }) as MeetingEvent;

/** The scope of opIds the server makes (presence), apart from every person's own. */
export const SERVER_SCOPE = 'server';

/** SQL for the live meeting: the event log, snapshots, themes, guests and attendance. */
export function createLiveRepo(db: Database) {
  const meeting = db.prepare<[number], MeetingRow>(
    'SELECT m.id, m.team_id, m.status, m.agenda, t.slug FROM meetings m JOIN teams t ON t.id = m.team_id WHERE m.id = ?',
  );
  const maxSeq = db.prepare<[number], { seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM meeting_events WHERE meeting_id = ?',
  );
  const byOp = db.prepare<[number, string, string], { seq: number; body_hash: string | null }>(
    'SELECT seq, body_hash FROM meeting_events WHERE meeting_id = ? AND op_scope = ? AND op_id = ?',
  );
  const after = db.prepare<[number, number, number], EventRow>(
    'SELECT seq, op_id, actor, type, payload, at FROM meeting_events WHERE meeting_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const insertEvent = db.prepare(
    'INSERT INTO meeting_events (meeting_id, seq, op_scope, op_id, body_hash, actor, type, payload, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const latestSnapshot = db.prepare<[number], { seq: number; state: string }>(
    'SELECT seq, state FROM meeting_snapshots WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const insertSnapshot = db.prepare(
    'INSERT OR REPLACE INTO meeting_snapshots (meeting_id, seq, state) VALUES (?, ?, ?)',
  );
  const cards = db.prepare<[number], CardRow>(
    `SELECT f.id, c.position, f.title, f.comment, f.metric, f.score, f.source, f.received_at, f.language
     FROM meeting_cards c JOIN visible_feedback f ON f.id = c.feedback_id WHERE c.meeting_id = ? ORDER BY c.position`,
  );
  const themeByName = db.prepare<[number, string], { id: number }>(
    'SELECT id FROM themes WHERE team_id = ? AND name = ? COLLATE NOCASE AND merged_into IS NULL',
  );
  const insertTheme = db.prepare('INSERT INTO themes (team_id, name, created_in) VALUES (?, ?, ?)');
  const renameTheme = db.prepare('UPDATE themes SET name = ? WHERE id = ? AND team_id = ?');
  const mergeTheme = db.prepare('UPDATE themes SET merged_into = ? WHERE id = ? AND team_id = ?');
  const start = db.prepare(
    "UPDATE meetings SET status = 'live', started_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
  );
  const end = db.prepare(
    "UPDATE meetings SET status = 'ended', ended_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), summary = ? WHERE id = ?",
  );
  const memberName = db.prepare<[number, number], { name: string }>(
    'SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.team_id = ? AND m.user_id = ?',
  );
  const attend = db.prepare(
    'INSERT OR IGNORE INTO meeting_attendance (meeting_id, participant, name, role) VALUES (?, ?, ?, ?)',
  );
  const attendance = db.prepare<[number], { name: string; role: string }>(
    'SELECT name, role FROM meeting_attendance WHERE meeting_id = ? ORDER BY joined_at, name',
  );
  const liveMeetings = db.prepare<[], { id: number }>("SELECT id FROM meetings WHERE status = 'live'");
  const boardMeetings = db.prepare<[number], { id: number }>(
    "SELECT id FROM meetings WHERE team_id = ? AND status IN ('live', 'ended') ORDER BY id",
  );
  const teamThemes = db.prepare<[number], { name: string }>(
    'SELECT name FROM themes WHERE team_id = ? AND merged_into IS NULL ORDER BY name COLLATE NOCASE',
  );
  // Meetings of a team whose board (the cards carried by meeting.start) held any of the given card ids.
  const meetingsWithCards = db.prepare<[number, string], { id: number }>(
    `SELECT DISTINCT e.meeting_id AS id FROM meeting_events e JOIN meetings m ON m.id = e.meeting_id
     WHERE m.team_id = ? AND e.type = 'meeting.start'
       AND EXISTS (SELECT 1 FROM json_each(e.payload, '$.cards') c WHERE json_extract(c.value, '$.id') IN (SELECT value FROM json_each(?)))`,
  );
  const allEvents = db.prepare<[number], { seq: number; payload: string }>(
    'SELECT seq, payload FROM meeting_events WHERE meeting_id = ?',
  );
  const setPayload = db.prepare('UPDATE meeting_events SET payload = ? WHERE meeting_id = ? AND seq = ?');
  const allSnapshots = db.prepare<[number], { seq: number; state: string }>(
    'SELECT seq, state FROM meeting_snapshots WHERE meeting_id = ?',
  );
  const setSnapshot = db.prepare('UPDATE meeting_snapshots SET state = ? WHERE meeting_id = ? AND seq = ?');
  const summaryOf = db.prepare<[number], { summary: string | null }>('SELECT summary FROM meetings WHERE id = ?');
  const setSummary = db.prepare('UPDATE meetings SET summary = ? WHERE id = ?');

  return {
    meeting: (id: number) => meeting.get(id),
    liveMeetingIds: () => liveMeetings.all().map((row) => row.id),
    /** A team's meetings that have (or had) a board: held now or ended. */
    boardMeetingIds: (teamId: number) => boardMeetings.all(teamId).map((row) => row.id),
    maxSeq: (meetingId: number) => maxSeq.get(meetingId)?.seq ?? 0,
    /** An opId is looked up in its scope: the sender's key, or SERVER_SCOPE for ids the server makes. */
    op: (meetingId: number, scope: string, opId: string) => byOp.get(meetingId, scope, opId),
    eventsAfter: (meetingId: number, seq: number, limit = 100_000) => after.all(meetingId, seq, limit).map(toEvent),
    append(meetingId: number, event: MeetingEvent, scope: string, bodyHash: string | null): void {
      insertEvent.run(
        meetingId,
        event.seq,
        scope,
        event.opId,
        bodyHash,
        JSON.stringify(event.actor),
        event.type,
        JSON.stringify(event.payload),
        event.at,
      );
    },
    latestSnapshot(meetingId: number): MeetingState | undefined {
      const row = latestSnapshot.get(meetingId);
      return row ? (JSON.parse(row.state) as MeetingState) : undefined;
    },
    saveSnapshot: (state: MeetingState) => insertSnapshot.run(state.meetingId, state.seq, JSON.stringify(state)),
    cards: (meetingId: number) => cards.all(meetingId),
    steps: (row: MeetingRow) => JSON.parse(row.agenda) as AgendaStep[],
    /** Reuses the team's theme of the same name, so a theme is recognised across meetings. */
    themeFor(teamId: number, name: string, meetingId: number): number {
      return themeByName.get(teamId, name)?.id ?? Number(insertTheme.run(teamId, name, meetingId).lastInsertRowid);
    },
    newTheme: (teamId: number, name: string, meetingId: number) =>
      Number(insertTheme.run(teamId, name, meetingId).lastInsertRowid),
    renameTheme: (teamId: number, id: number, name: string) => renameTheme.run(name, id, teamId),
    mergeTheme: (teamId: number, from: number, into: number) => mergeTheme.run(into, from, teamId),
    start: (meetingId: number) => start.run(meetingId),
    end: (meetingId: number, summary: string) => end.run(summary, meetingId),
    memberName: (teamId: number, userId: number) => memberName.get(teamId, userId)?.name,
    attend: (meetingId: number, actor: Actor) => attend.run(meetingId, actor.key, actor.name, actor.role),
    attendance: (meetingId: number) => attendance.all(meetingId),
    teamThemes: (teamId: number) => teamThemes.all(teamId).map((row) => row.name),
    /**
     * Erasure: rewrites every stored JSON of the meetings whose board held one of `cardIds` (event
     * payloads, snapshots, the kept summary) through `scrub`, which returns the new JSON or null when
     * nothing changed. Runs in the caller's transaction; returns the meetings it looked at.
     */
    scrubMeetings(teamId: number, cardIds: string[], scrub: (json: string) => string | null): number[] {
      const ids = meetingsWithCards.all(teamId, JSON.stringify(cardIds)).map((row) => row.id);
      for (const meetingId of ids) {
        for (const row of allEvents.all(meetingId)) {
          const next = scrub(row.payload);
          if (next !== null) setPayload.run(next, meetingId, row.seq);
        }
        for (const row of allSnapshots.all(meetingId)) {
          const next = scrub(row.state);
          if (next !== null) setSnapshot.run(next, meetingId, row.seq);
        }
        const summary = summaryOf.get(meetingId)?.summary;
        const next = summary ? scrub(summary) : null;
        if (next !== null) setSummary.run(next, meetingId);
      }
      return ids;
    },
  };
}
export type LiveRepo = ReturnType<typeof createLiveRepo>;
