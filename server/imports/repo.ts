import type { Database } from 'better-sqlite3';
import type { ImportError, ImportSummary } from '../../shared/schemas/imports.ts';
import type { SyncRollups as Rollups } from '../feedback/rollups-sync.ts';
import { createChangesRepo } from './changes-repo.ts';
import type { NewFeedback } from './normalise.ts';
import { type RejectedRow, storedParams, storedRejection } from './rejections.ts';

interface ImportRow {
  id: number;
  team_id: number;
  channel: ImportSummary['channel'];
  file_name: string | null;
  preset: string;
  status: ImportSummary['status'];
  rows_total: number;
  imported: number;
  updated: number;
  duplicates: number;
  rejected: number;
  failure: string | null;
  created_at: string;
  finished_at: string | null;
}

const toSummary = (row: ImportRow): ImportSummary => ({
  id: row.id,
  status: row.status,
  channel: row.channel,
  fileName: row.file_name,
  preset: row.preset,
  rows: row.rows_total,
  imported: row.imported,
  updated: row.updated,
  duplicates: row.duplicates,
  rejected: row.rejected,
  failure: row.failure,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

export interface Counts {
  rows: number;
  imported: number;
  /** Items already held (same source and id) whose content had changed: updated, with history. */
  updated: number;
  duplicates: number;
  rejected: number;
}

/** What one batch did: new items, and items found again with changed content (staged). */
export interface BatchCounts {
  imported: number;
  updated: number;
}

// Rows indexed for search per transaction: one FTS5 segment each. Measured on a million rows, a step
// held the event loop 15 ms (median) and 40 ms at most; 5,000-row steps took 31 and 62 ms for 14 %
// less indexing time in all. Live meetings wait for a step, so the shorter hold wins.
const INDEX_CHUNK = 2_500;

/**
 * SQL for imports and the rows they bring; statements are prepared once. The monthly rollups
 * follow what an import makes visible, in the same transactions.
 */
export function createImportsRepo(db: Database, rollups: Pick<Rollups, 'importDone' | 'importUndone'>) {
  const insertImport = db.prepare(
    `INSERT INTO feedback_imports (team_id, channel, file_name, preset, status, created_by) VALUES (?, ?, ?, ?, 'running', ?)`,
  );
  const insertItem = db.prepare(
    `INSERT OR IGNORE INTO feedback (team_id, import_id, source, external_id, dedupe_key, received_at, metric, score, title, comment, language, customer_ref, segment, reply, replied_at, original)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const changes = createChangesRepo(db);
  const insertError = db.prepare(
    'INSERT INTO feedback_import_errors (import_id, line, code, params) VALUES (?, ?, ?, ?)',
  );
  const finish = db.prepare(
    `UPDATE feedback_imports SET status = @status, rows_total = @rows, imported = @imported, updated = @updated, duplicates = @duplicates, rejected = @rejected,
       failure = @failure, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
  );
  const deleteSome = db.prepare(
    'DELETE FROM feedback WHERE id IN (SELECT id FROM feedback WHERE import_id = ? LIMIT 5000)',
  );
  // Runs inside a transaction with lastIndexed, so the two see the same rows.
  const indexChunk = db.prepare(
    `INSERT INTO feedback_fts (rowid, title, comment)
     SELECT id, title, comment FROM feedback WHERE import_id = ? AND id > ? ORDER BY id LIMIT ${INDEX_CHUNK}`,
  );
  const lastOfChunk = db.prepare(
    `SELECT max(id) AS last FROM (SELECT id FROM feedback WHERE import_id = ? AND id > ? ORDER BY id LIMIT ${INDEX_CHUNK})`,
  );
  const indexSome = db.transaction((importId: number, after: number): number | null => {
    const { last } = lastOfChunk.get(importId, after) as { last: number | null };
    if (last !== null) indexChunk.run(importId, after);
    return last;
  });
  const byTeam = db.prepare('SELECT * FROM feedback_imports WHERE team_id = ? ORDER BY id DESC LIMIT 200');
  const byId = db.prepare('SELECT * FROM feedback_imports WHERE id = ? AND team_id = ?');
  const errorsOf = db.prepare<[number], { line: number; code: string; params: string }>(
    'SELECT line, code, params FROM feedback_import_errors WHERE import_id = ? ORDER BY line',
  );
  const running = db.prepare(`SELECT id FROM feedback_imports WHERE status = 'running'`);
  const setStatus = db.prepare('UPDATE feedback_imports SET status = ?, failure = COALESCE(?, failure) WHERE id = ?');
  // Found in the params' JSON text (the quote JSON-escaped as stored there), folded as the caller's
  // replacement folds (SQLite's lower() folds ASCII only: "Ørsted" would not find "ørsted").
  db.function('kadence_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : null,
  );
  const errorsQuoting = db.prepare<[number, string], { rowid: number; params: string }>(
    `SELECT e.rowid AS rowid, e.params AS params FROM feedback_import_errors e JOIN feedback_imports i ON i.id = e.import_id
     WHERE i.team_id = ? AND instr(kadence_fold(e.params), kadence_fold(?)) > 0`,
  );
  const setParams = db.prepare('UPDATE feedback_import_errors SET params = ? WHERE rowid = ?');

  /**
   * One batch in one transaction: new items go in (an item already held is ignored by the unique
   * index); of those ignored, the ones with an answer id are compared with what is held, all in one
   * query, and a changed one is staged as an update. Then the rejections.
   */
  const writeBatchTx = db.transaction(
    (teamId: number, importId: number, items: NewFeedback[], errors: RejectedRow[]): BatchCounts => {
      let imported = 0;
      const again: NewFeedback[] = [];
      // Positional values: no object per row for a million rows.
      for (const item of items) {
        const added = insertItem.run(
          teamId,
          importId,
          item.source,
          item.externalId,
          item.dedupeKey,
          item.receivedAt,
          item.metric,
          item.score,
          item.title,
          item.comment,
          item.language,
          item.customerRef,
          item.segment,
          item.reply,
          item.repliedAt,
          item.original,
        ).changes;
        if (added > 0) imported += added;
        else if (item.externalId !== null) again.push(item);
      }
      const updated = again.length > 0 ? changes.stageChanged(teamId, importId, again) : 0;
      for (const error of errors) insertError.run(importId, error.line, error.code, storedParams(error));
      return { imported, updated };
    },
  );

  /** The import's changes applied and the import made visible, in one transaction: seen whole or not at all. */
  const finishDone = db.transaction((id: number, counts: Counts) => {
    rollups.importDone(id);
    changes.applyStaged(id);
    finish.run({ id, status: 'done', failure: null, ...counts });
  });
  const undoTx = db.transaction((id: number) => {
    rollups.importUndone(id);
    setStatus.run('undone', null, id);
    changes.revertApplied(id);
  });

  /**
   * Work on the rows of an import that is still running is invisible (visible_feedback) and is
   * removed again after a crash, so it needs no fsync of its own: it runs at synchronous = NORMAL,
   * and the commit that marks the import done, at FULL, makes the whole log durable at once.
   * The pragma is per connection and back at FULL before anything else can run on it.
   */
  function unsynced<T>(work: () => T): T {
    db.pragma('synchronous = NORMAL');
    try {
      return work();
    } finally {
      db.pragma('synchronous = FULL');
    }
  }

  return {
    start(
      teamId: number,
      channel: ImportSummary['channel'],
      fileName: string | null,
      preset: string,
      userId: number | null,
    ): number {
      return Number(insertImport.run(teamId, channel, fileName, preset, userId).lastInsertRowid);
    },
    /** Stores a batch of a running import (see unsynced). */
    writeBatch(teamId: number, importId: number, items: NewFeedback[], errors: RejectedRow[]): BatchCounts {
      return unsynced(() => writeBatchTx(teamId, importId, items, errors));
    },
    /** Marks the import done and applies the changes it staged in the same transaction, or marks it failed. */
    finish(id: number, status: 'done' | 'failed', counts: Counts, failure: string | null = null): void {
      if (status === 'done') finishDone(id, counts);
      else finish.run({ id, status, failure, ...counts });
    },
    /** Drops the changes a failed or interrupted import had staged. */
    discardStaged(id: number): void {
      changes.discardStaged(id);
    },
    /** Marks a finished import undone and puts back what its updates changed; its own rows are deleted after. */
    markUndone(id: number): void {
      undoTx(id);
    },
    /**
     * Adds the next rows of a file import (ids after `after`) to the search index; returns the last
     * id indexed, or null when all are. Callers loop (and yield) until null.
     */
    indexSomeRows(importId: number, after: number): number | null {
      return unsynced(() => indexSome(importId, after));
    },
    /** Deletes up to 5,000 rows of an import that is no longer visible; callers loop (and yield) until it returns 0. */
    deleteSomeRows(importId: number): number {
      return unsynced(() => deleteSome.run(importId).changes);
    },
    setStatus(id: number, status: ImportSummary['status'], failure: string | null = null): void {
      setStatus.run(status, failure, id);
    },
    list(teamId: number): ImportSummary[] {
      return (byTeam.all(teamId) as ImportRow[]).map(toSummary);
    },
    get(teamId: number, id: number): ImportSummary | null {
      const row = byId.get(id, teamId) as ImportRow | undefined;
      return row ? toSummary(row) : null;
    },
    /** The import's rejected rows, masked, each with its English sentence. */
    errors(importId: number): ImportError[] {
      return errorsOf.all(importId).map((row) => storedRejection(row.line, row.code, row.params));
    },
    /**
     * Erasure: in the team's error reports, every quote of one of `texts` (case-insensitive) inside a
     * rejection's params (a row's value, a reason kept whole) becomes `marker`; the line and code stay,
     * so the report keeps its counts. Runs in the caller's transaction.
     */
    eraseFromErrors(teamId: number, texts: string[], marker: string): number {
      let changed = 0;
      for (const text of texts) {
        const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
        for (const row of errorsQuoting.all(teamId, JSON.stringify(text).slice(1, -1))) {
          const params: unknown = JSON.parse(row.params);
          if (typeof params !== 'object' || params === null) continue;
          const next = JSON.stringify(
            Object.fromEntries(
              Object.entries(params).map(([name, value]: [string, unknown]) => [
                name,
                typeof value === 'string' ? value.replace(pattern, marker) : value,
              ]),
            ),
          );
          if (next !== row.params) changed += setParams.run(next, row.rowid).changes;
        }
      }
      return changed;
    },
    runningIds(): number[] {
      return (running.all() as { id: number }[]).map((row) => row.id);
    },
  };
}
export type ImportsRepo = ReturnType<typeof createImportsRepo>;
