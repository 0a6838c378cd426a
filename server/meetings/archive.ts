import type { MeetingSummary } from '../../shared/meeting/index.ts';
import type { ArchiveEntry } from '../../shared/schemas/archive.ts';
import type { ArchiveRow } from './repo.ts';

/**
 * One held review as the archive lists it. Themes and decisions come from the summary kept when the
 * meeting ended; attendance comes from the attendance rows, so a person who joined twice counts once.
 */
export function toArchiveEntry(row: ArchiveRow): ArchiveEntry {
  const summary = row.summary ? (JSON.parse(row.summary) as MeetingSummary) : null;
  return {
    id: row.id,
    startsAt: row.starts_at,
    endedAt: summary ? new Date(summary.endedAt).toISOString() : null,
    attendance: row.attendance,
    themes: summary ? [...summary.themes].sort((a, b) => b.votes - a.votes).map((theme) => theme.name) : [],
    decisions: summary
      ? summary.decisions.map((decision) => ({
          title: decision.title,
          ownerName: decision.ownerName,
          dueDate: decision.dueDate,
        }))
      : [],
  };
}
