import type { Database } from 'better-sqlite3';
import { MASK } from '../../shared/redact.ts';
import { startCardIds } from './repo.ts';

/** Shorter texts are only replaced on their own card: as substrings they would hit unrelated words. */
const MIN_QUOTED = 12;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Makes the rewrite that erasure applies to a meeting's stored JSON (events, snapshots, summary):
 * a card with an erased id keeps its place, score, reactions and theme, but its quote and title become
 * the marker; any other string that quotes one of the erased texts has that quote replaced. The board's
 * structure and every count stay as they were. Returns null when the JSON held nothing to erase.
 */
export function cardScrubber(cardIds: readonly string[], texts: readonly string[]): (json: string) => string | null {
  const ids = new Set(cardIds);
  const quoted = [...new Set(texts.map((text) => text.trim()).filter((text) => text.length >= MIN_QUOTED))].sort(
    (a, b) => b.length - a.length,
  );

  function scrubString(value: string): string {
    let out = value;
    for (const text of quoted) if (out.includes(text)) out = out.split(text).join(MASK.erased);
    return out;
  }

  function walk(value: Json): Json {
    if (typeof value === 'string') return scrubString(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    // fromEntries defines own properties, so a stored "__proto__" key stays a plain key.
    const out: { [key: string]: Json } = Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, walk(entry)]),
    );
    if (typeof value.id === 'string' && ids.has(value.id) && 'quote' in value) {
      out.quote = MASK.erased;
      if ('title' in value) out.title = value.title === null ? null : MASK.erased;
    }
    return out;
  }

  return (json: string) => {
    const next = JSON.stringify(walk(JSON.parse(json) as Json));
    return next === json ? null : next;
  };
}

/**
 * The erasure's rewrite of meeting logs on the synchronous handle, for the feedback service's erasure,
 * which still runs in one better-sqlite3 transaction; the live repository's `scrubMeetings` is the same
 * rewrite over the store, for when that erasure runs in a store transaction.
 */
export function createSyncMeetingScrub(db: Database) {
  const starts = db.prepare<[number], { meeting_id: number; payload: string }>(
    `SELECT e.meeting_id, e.payload FROM meeting_events e JOIN meetings m ON m.id = e.meeting_id
     WHERE m.team_id = ? AND e.type = 'meeting.start'`,
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
    scrubMeetings(teamId: number, cardIds: string[], scrub: (json: string) => string | null): number[] {
      const wanted = new Set(cardIds);
      const ids = [
        ...new Set(
          starts
            .all(teamId)
            .filter((row) => startCardIds(row.payload).some((id) => wanted.has(id)))
            .map((row) => row.meeting_id),
        ),
      ];
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
export type SyncMeetingScrub = ReturnType<typeof createSyncMeetingScrub>;
