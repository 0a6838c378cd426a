import type { Database } from 'better-sqlite3';
import type { Metric } from '../../shared/schemas/imports.ts';
import type { NewFeedback } from './normalise.ts';

interface HeldRow {
  position: number;
  id: number;
  received_at: string;
  metric: Metric | null;
  score: number | null;
  title: string | null;
  comment: string | null;
  reply: string | null;
  replied_at: string | null;
}

// The columns an update sets and the history keeps; title and comment go separately (see below).
const VALUES = ['received_at', 'metric', 'score', 'language', 'segment', 'reply', 'replied_at', 'original'] as const;
const TEXTS = ['title', 'comment'] as const;
const setFrom = (alias: string, columns: readonly string[]) =>
  columns.map((column) => `${column} = ${alias}.${column}`).join(', ');

/** The latest version of an answer: when it was given, or when it was replied to if that was later. */
const versionOf = (receivedAt: string, repliedAt: string | null) =>
  repliedAt !== null && repliedAt > receivedAt ? repliedAt : receivedAt;

/** Whether what the customer or the reply says is different (the date alone is not a change). */
function differs(held: HeldRow, item: NewFeedback): boolean {
  return (
    held.metric !== item.metric ||
    held.score !== item.score ||
    held.title !== item.title ||
    held.comment !== item.comment ||
    held.reply !== item.reply ||
    held.replied_at !== item.repliedAt
  );
}

/**
 * SQL for answers that come back changed: staged while their import runs, applied with the
 * import's done mark (the item's earlier values go to feedback_item_history), put back on undo.
 */
export function createChangesRepo(db: Database) {
  // One query per batch, not per row: each [source, key] pair looked up through the unique index.
  // Only items of finished imports (their search entries exist, so an update can replace them).
  const held = db.prepare(
    `SELECT CAST(j.key AS INTEGER) AS position, f.id, f.received_at, f.metric, f.score, f.title, f.comment, f.reply, f.replied_at
     FROM json_each(?) j CROSS JOIN feedback f
     WHERE f.team_id = ? AND f.source = j.value ->> 0 AND f.dedupe_key = j.value ->> 1
       AND f.import_id IN (SELECT i.id FROM feedback_imports i WHERE i.status = 'done')`,
  );
  const stage = db.prepare(
    `INSERT OR IGNORE INTO feedback_staged_updates (import_id, feedback_id, received_at, metric, score, title, comment, language, segment, reply, replied_at, original)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const keepHistory = db.prepare(
    `INSERT INTO feedback_item_history (feedback_id, import_id, ${[...VALUES, ...TEXTS].join(', ')})
     SELECT f.id, s.import_id, ${[...VALUES, ...TEXTS].map((column) => `f.${column}`).join(', ')}
     FROM feedback_staged_updates s JOIN feedback f ON f.id = s.feedback_id WHERE s.import_id = ? ORDER BY f.id`,
  );
  const applyValues = db.prepare(
    `UPDATE feedback SET ${setFrom('s', VALUES)} FROM feedback_staged_updates s WHERE s.import_id = ? AND s.feedback_id = feedback.id`,
  );
  // Title and comment only where they changed: each such update also rewrites the item's search entry.
  const applyTexts = db.prepare(
    `UPDATE feedback SET ${setFrom('s', TEXTS)} FROM feedback_staged_updates s
     WHERE s.import_id = ? AND s.feedback_id = feedback.id AND (feedback.title IS NOT s.title OR feedback.comment IS NOT s.comment)`,
  );
  const dropStaged = db.prepare('DELETE FROM feedback_staged_updates WHERE import_id = ?');

  // Undo. A later import's change of the same item then starts from what this import found.
  const splice = db.prepare(
    `UPDATE feedback_item_history AS later SET ${setFrom('h', [...VALUES, ...TEXTS])}
     FROM feedback_item_history AS h
     WHERE h.import_id = ? AND later.feedback_id = h.feedback_id
       AND later.id = (SELECT min(n.id) FROM feedback_item_history n WHERE n.feedback_id = h.feedback_id AND n.id > h.id)`,
  );
  const lastChange =
    'NOT EXISTS (SELECT 1 FROM feedback_item_history n WHERE n.feedback_id = h.feedback_id AND n.id > h.id)';
  const restoreValues = db.prepare(
    `UPDATE feedback SET ${setFrom('h', VALUES)} FROM feedback_item_history h WHERE h.import_id = ? AND h.feedback_id = feedback.id AND ${lastChange}`,
  );
  const restoreTexts = db.prepare(
    `UPDATE feedback SET ${setFrom('h', TEXTS)} FROM feedback_item_history h
     WHERE h.import_id = ? AND h.feedback_id = feedback.id AND ${lastChange} AND (feedback.title IS NOT h.title OR feedback.comment IS NOT h.comment)`,
  );
  const dropHistory = db.prepare('DELETE FROM feedback_item_history WHERE import_id = ?');

  return {
    /**
     * Of items the unique index ignored (their source and answer id are held already), stages those
     * whose content changed; returns how many. An older version than the one held (an earlier export
     * imported again) changes nothing, and neither does an answer this import brought itself.
     */
    stageChanged(teamId: number, importId: number, items: NewFeedback[]): number {
      const rows = held.all(JSON.stringify(items.map((item) => [item.source, item.dedupeKey])), teamId) as HeldRow[];
      let staged = 0;
      for (const row of rows) {
        const item = items[row.position];
        if (!item || !differs(row, item)) continue;
        if (versionOf(item.receivedAt, item.repliedAt) < versionOf(row.received_at, row.replied_at)) continue;
        staged += stage.run(
          importId,
          row.id,
          item.receivedAt,
          item.metric,
          item.score,
          item.title,
          item.comment,
          item.language,
          item.segment,
          item.reply,
          item.repliedAt,
          item.original,
        ).changes;
      }
      return staged;
    },
    /** Inside the transaction that marks the import done. */
    applyStaged(importId: number): void {
      keepHistory.run(importId);
      applyValues.run(importId);
      applyTexts.run(importId);
      dropStaged.run(importId);
    },
    discardStaged(importId: number): void {
      dropStaged.run(importId);
    },
    /** Inside the transaction that marks the import undone. */
    revertApplied(importId: number): void {
      splice.run(importId);
      restoreValues.run(importId);
      restoreTexts.run(importId);
      dropHistory.run(importId);
    },
  };
}
