import type { Database } from 'better-sqlite3';
import type { ImportError, ImportSummary } from '../../shared/schemas/imports.ts';
import type { NewFeedback } from './normalise.ts';

interface ImportRow {
  id: number;
  team_id: number;
  channel: ImportSummary['channel'];
  file_name: string | null;
  preset: string;
  status: ImportSummary['status'];
  rows_total: number;
  imported: number;
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
  duplicates: row.duplicates,
  rejected: row.rejected,
  failure: row.failure,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

export interface Counts {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

// Rows indexed for search per transaction: one FTS5 segment each. Measured on a million rows, a step
// held the event loop 15 ms (median) and 40 ms at most; 5,000-row steps took 31 and 62 ms for 14 %
// less indexing time in all. Live meetings wait for a step, so the shorter hold wins.
const INDEX_CHUNK = 2_500;

/** SQL for imports and the rows they bring; statements are prepared once. */
export function createImportsRepo(db: Database) {
  const insertImport = db.prepare(
    `INSERT INTO feedback_imports (team_id, channel, file_name, preset, status, created_by) VALUES (?, ?, ?, ?, 'running', ?)`,
  );
  const insertItem = db.prepare(
    `INSERT OR IGNORE INTO feedback (team_id, import_id, source, external_id, dedupe_key, received_at, metric, score, title, comment, language, customer_ref, segment, original)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertError = db.prepare('INSERT INTO feedback_import_errors (import_id, line, reason) VALUES (?, ?, ?)');
  const finish = db.prepare(
    `UPDATE feedback_imports SET status = @status, rows_total = @rows, imported = @imported, duplicates = @duplicates, rejected = @rejected,
       failure = @failure, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
  );
  const deleteSome = db.prepare('DELETE FROM feedback WHERE id IN (SELECT id FROM feedback WHERE import_id = ? LIMIT 5000)');
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
  const errorsOf = db.prepare('SELECT line, reason FROM feedback_import_errors WHERE import_id = ? ORDER BY line');
  const running = db.prepare(`SELECT id FROM feedback_imports WHERE status = 'running'`);
  const setStatus = db.prepare('UPDATE feedback_imports SET status = ?, failure = COALESCE(?, failure) WHERE id = ?');
  // lower() folds ASCII only; the caller's replacement folds the rest, so a row found here is rewritten right.
  const errorsQuoting = db.prepare<[number, string], { rowid: number; reason: string }>(
    `SELECT e.rowid AS rowid, e.reason AS reason FROM feedback_import_errors e JOIN feedback_imports i ON i.id = e.import_id
     WHERE i.team_id = ? AND instr(lower(e.reason), lower(?)) > 0`,
  );
  const setReason = db.prepare('UPDATE feedback_import_errors SET reason = ? WHERE rowid = ?');

  /** One batch in one transaction: items (duplicates ignored by the unique index) and rejections. */
  const writeBatchTx = db.transaction((teamId: number, importId: number, items: NewFeedback[], errors: ImportError[]) => {
    let imported = 0;
    // Positional values: no object per row for a million rows.
    for (const item of items) {
      imported += insertItem.run(teamId, importId, item.source, item.externalId, item.dedupeKey, item.receivedAt, item.metric, item.score, item.title, item.comment, item.language, item.customerRef, item.segment, item.original).changes;
    }
    for (const error of errors) insertError.run(importId, error.line, error.reason);
    return imported;
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
    start(teamId: number, channel: ImportSummary['channel'], fileName: string | null, preset: string, userId: number | null): number {
      return Number(insertImport.run(teamId, channel, fileName, preset, userId).lastInsertRowid);
    },
    /** Stores a batch of a running import (see unsynced). */
    writeBatch(teamId: number, importId: number, items: NewFeedback[], errors: ImportError[]): number {
      return unsynced(() => writeBatchTx(teamId, importId, items, errors));
    },
    finish(id: number, status: 'done' | 'failed', counts: Counts, failure: string | null = null): void {
      finish.run({ id, status, failure, ...counts });
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
    errors(importId: number): ImportError[] {
      return errorsOf.all(importId) as ImportError[];
    },
    /**
     * Erasure: in the team's error reports, every quote of one of `texts` (case-insensitive) becomes
     * `marker`; the line stays, so the report keeps its counts. Runs in the caller's transaction.
     */
    eraseFromErrors(teamId: number, texts: string[], marker: string): number {
      let changed = 0;
      for (const text of texts) {
        const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
        for (const row of errorsQuoting.all(teamId, text)) {
          const next = row.reason.replace(pattern, marker);
          if (next !== row.reason) changed += setReason.run(next, row.rowid).changes;
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
