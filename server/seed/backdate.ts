import type { Database } from 'better-sqlite3';

/**
 * The one thing the demo cannot do through the services: make it have happened earlier. Everything
 * is first made the way the product makes it (the meeting engine's events, the actions and pulse
 * services); these statements then move the timestamps those wrote ("now") to the story's day.
 * Nothing else is changed: no row is added or removed, except meeting snapshots, which are only a
 * cache of the log and are folded again from it.
 */
export function createBackdate(db: Database) {
  const eventAt = db.prepare('UPDATE meeting_events SET at = ? WHERE meeting_id = ? AND seq = ?');
  const endEvent = db.prepare<[number], { seq: number; payload: string }>(
    "SELECT seq, payload FROM meeting_events WHERE meeting_id = ? AND type = 'meeting.end'",
  );
  const decideEvents = db.prepare<[number], { at: number; payload: string }>(
    "SELECT at, payload FROM meeting_events WHERE meeting_id = ? AND type = 'action.decide'",
  );
  const setPayload = db.prepare('UPDATE meeting_events SET payload = ? WHERE meeting_id = ? AND seq = ?');
  const meeting = db.prepare('UPDATE meetings SET started_at = ?, ended_at = ?, summary = ? WHERE id = ?');
  const prepared = db.prepare('UPDATE meetings SET prepared_at = ? WHERE id = ?');
  const attendance = db.prepare('UPDATE meeting_attendance SET joined_at = ? WHERE meeting_id = ?');
  const dropSnapshots = db.prepare('DELETE FROM meeting_snapshots WHERE meeting_id = ?');
  const actionCreated = db.prepare('UPDATE actions SET created_at = ?, updated_at = ? WHERE id = ?');
  const historyFirst = db.prepare(
    'UPDATE action_history SET at = ? WHERE id = (SELECT MIN(id) FROM action_history WHERE action_id = ?)',
  );
  const historyLatest = db.prepare(
    'UPDATE action_history SET at = ? WHERE id = (SELECT MAX(id) FROM action_history WHERE action_id = ?)',
  );
  const actionChanged = db.prepare(
    "UPDATE actions SET updated_at = ?, done_at = CASE WHEN status = 'done' THEN ? ELSE done_at END WHERE id = ?",
  );
  const round = db.prepare('UPDATE pulse_rounds SET created_at = ?, ends_on = ?, closed_at = ? WHERE id = ?');

  return {
    /** Moves a held meeting's log to its hour: each event to its planned minute, and what the end kept with it. */
    meeting: db.transaction((meetingId: number, times: Map<number, Date>, prepare: Date) => {
      for (const [seq, at] of times) eventAt.run(at.getTime(), meetingId, seq);
      const decidedAt = new Map<number, number>();
      for (const row of decideEvents.all(meetingId))
        decidedAt.set((JSON.parse(row.payload) as { actionId: number }).actionId, row.at);
      const end = endEvent.get(meetingId);
      if (!end) throw new Error(`meeting ${meetingId} has not ended`);
      const endedAt = times.get(end.seq) ?? new Date();
      const payload = JSON.parse(end.payload) as {
        summary: { endedAt: number; decisions: { actionId: number; at: number }[] };
      };
      payload.summary.endedAt = endedAt.getTime();
      for (const decision of payload.summary.decisions) decision.at = decidedAt.get(decision.actionId) ?? decision.at;
      setPayload.run(JSON.stringify(payload), meetingId, end.seq);
      const first = [...times.values()][0] ?? endedAt;
      meeting.run(first.toISOString(), endedAt.toISOString(), JSON.stringify(payload.summary), meetingId);
      prepared.run(prepare.toISOString(), meetingId);
      attendance.run(first.toISOString(), meetingId);
      dropSnapshots.run(meetingId);
    }),
    prepared: (meetingId: number, at: Date) => prepared.run(at.toISOString(), meetingId),
    /** An action decided at `at`: its row and its first history entry. */
    decided(actionId: number, at: Date): void {
      actionCreated.run(at.toISOString(), at.toISOString(), actionId);
      historyFirst.run(at.toISOString(), actionId);
    },
    /** The latest change of an action (status or note) happened at `at`. */
    changed(actionId: number, at: Date): void {
      historyLatest.run(at.toISOString(), actionId);
      actionChanged.run(at.toISOString(), at.toISOString(), actionId);
    },
    round: (roundId: number, openedAt: Date, endsOn: string, closedAt: Date | null) =>
      round.run(openedAt.toISOString(), endsOn, closedAt?.toISOString() ?? null, roundId),
  };
}
export type Backdate = ReturnType<typeof createBackdate>;
