import { sql } from 'kysely';
import type { Metric } from '../../shared/schemas/imports.ts';
import type { Executor } from '../db/kysely/store.ts';
import type { NewFeedback } from './normalise.ts';

interface HeldRow {
  id: number;
  source: string;
  dedupe_key: string;
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
// Column names only (constants of this file), never values.
const setFrom = (alias: string, columns: readonly string[]) =>
  sql.raw(columns.map((column) => `${column} = ${alias}.${column}`).join(', '));
const KEPT = sql.raw([...VALUES, ...TEXTS].join(', '));
const KEPT_FROM_F = sql.raw([...VALUES, ...TEXTS].map((column) => `f.${column}`).join(', '));

// Keys looked up per query and staged rows per insert: far below either store's bound parameters.
const LOOKUP_CHUNK = 1_000;
const STAGE_CHUNK = 500;

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

const keyOf = (source: string, dedupeKey: string) => `${source}\u0000${dedupeKey}`;

/**
 * SQL for answers that come back changed: staged while their import runs, applied with the
 * import's done mark (the item's earlier values go to feedback_item_history), put back on undo.
 * The same SQL on both stores; run it on the transaction of the import step it belongs to.
 */
export function createChangesRepo(db: Executor) {
  /**
   * The held items of finished imports (their search entries exist, so an update can replace them)
   * among the given [source, key] pairs, by their pair. Looked up through the unique index by
   * sources and keys, then matched pairwise here.
   */
  async function heldItems(teamId: number, items: NewFeedback[]): Promise<Map<string, HeldRow>> {
    const found = new Map<string, HeldRow>();
    for (let start = 0; start < items.length; start += LOOKUP_CHUNK) {
      const chunk = items.slice(start, start + LOOKUP_CHUNK);
      const rows = await db
        .selectFrom('feedback as f')
        .select([
          'f.id',
          'f.source',
          'f.dedupe_key',
          'f.received_at',
          'f.metric',
          'f.score',
          'f.title',
          'f.comment',
          'f.reply',
          'f.replied_at',
        ])
        .where('f.team_id', '=', teamId)
        .where('f.source', 'in', [...new Set(chunk.map((item) => item.source))])
        .where('f.dedupe_key', 'in', [...new Set(chunk.map((item) => item.dedupeKey))])
        .where('f.import_id', 'in', (eb) => eb.selectFrom('feedback_imports').select('id').where('status', '=', 'done'))
        .execute();
      for (const row of rows) found.set(keyOf(row.source, row.dedupe_key), row);
    }
    return found;
  }

  return {
    /**
     * Of items the unique index ignored (their source and answer id are held already), stages those
     * whose content changed; returns how many. An older version than the one held (an earlier export
     * imported again) changes nothing, and neither does an answer this import brought itself.
     */
    async stageChanged(teamId: number, importId: number, items: NewFeedback[]): Promise<number> {
      const held = await heldItems(teamId, items);
      const rows = [];
      for (const item of items) {
        const row = held.get(keyOf(item.source, item.dedupeKey));
        if (!row || !differs(row, item)) continue;
        if (versionOf(item.receivedAt, item.repliedAt) < versionOf(row.received_at, row.replied_at)) continue;
        rows.push({
          import_id: importId,
          feedback_id: row.id,
          received_at: item.receivedAt,
          metric: item.metric,
          score: item.score,
          title: item.title,
          comment: item.comment,
          language: item.language,
          segment: item.segment,
          reply: item.reply,
          replied_at: item.repliedAt,
          original: item.original,
        });
      }
      let staged = 0;
      // The first of an item's changes in the batch is kept, as each was staged in turn.
      for (let start = 0; start < rows.length; start += STAGE_CHUNK) {
        const result = await db
          .insertInto('feedback_staged_updates')
          .values(rows.slice(start, start + STAGE_CHUNK))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        staged += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return staged;
    },
    /** Inside the transaction that marks the import done. */
    async applyStaged(importId: number): Promise<void> {
      await sql`INSERT INTO feedback_item_history (feedback_id, import_id, ${KEPT})
        SELECT f.id, s.import_id, ${KEPT_FROM_F}
        FROM feedback_staged_updates s JOIN feedback f ON f.id = s.feedback_id WHERE s.import_id = ${importId} ORDER BY f.id`.execute(
        db,
      );
      await sql`UPDATE feedback SET ${setFrom('s', VALUES)} FROM feedback_staged_updates s
        WHERE s.import_id = ${importId} AND s.feedback_id = feedback.id`.execute(db);
      // Title and comment only where they changed: each such update also rewrites the item's search entry.
      await sql`UPDATE feedback SET ${setFrom('s', TEXTS)} FROM feedback_staged_updates s
        WHERE s.import_id = ${importId} AND s.feedback_id = feedback.id
          AND (feedback.title IS DISTINCT FROM s.title OR feedback.comment IS DISTINCT FROM s.comment)`.execute(db);
      await db.deleteFrom('feedback_staged_updates').where('import_id', '=', importId).execute();
    },
    async discardStaged(importId: number): Promise<void> {
      await db.deleteFrom('feedback_staged_updates').where('import_id', '=', importId).execute();
    },
    /** Inside the transaction that marks the import undone. */
    async revertApplied(importId: number): Promise<void> {
      // A later import's change of the same item then starts from what this import found.
      await sql`UPDATE feedback_item_history AS later SET ${setFrom('h', [...VALUES, ...TEXTS])}
        FROM feedback_item_history AS h
        WHERE h.import_id = ${importId} AND later.feedback_id = h.feedback_id
          AND later.id = (SELECT min(n.id) FROM feedback_item_history n WHERE n.feedback_id = h.feedback_id AND n.id > h.id)`.execute(
        db,
      );
      const lastChange = sql`NOT EXISTS (SELECT 1 FROM feedback_item_history n WHERE n.feedback_id = h.feedback_id AND n.id > h.id)`;
      await sql`UPDATE feedback SET ${setFrom('h', VALUES)} FROM feedback_item_history h
        WHERE h.import_id = ${importId} AND h.feedback_id = feedback.id AND ${lastChange}`.execute(db);
      await sql`UPDATE feedback SET ${setFrom('h', TEXTS)} FROM feedback_item_history h
        WHERE h.import_id = ${importId} AND h.feedback_id = feedback.id AND ${lastChange}
          AND (feedback.title IS DISTINCT FROM h.title OR feedback.comment IS DISTINCT FROM h.comment)`.execute(db);
      await db.deleteFrom('feedback_item_history').where('import_id', '=', importId).execute();
    },
  };
}
export type ChangesRepo = ReturnType<typeof createChangesRepo>;
