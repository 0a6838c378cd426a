import type { Database, Statement } from 'better-sqlite3';
import { sql } from 'kysely';
import type { ImportError, ImportSummary } from '../../shared/schemas/imports.ts';
import type { Executor, StoreDialect } from '../db/kysely/store.ts';
import { createRollups } from '../feedback/rollups.ts';
import { createChangesRepo } from './changes-repo.ts';
import type { NewFeedback } from './normalise.ts';
import { type RejectedRow, storedParams } from './rejections.ts';

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

const importColumns = [
  'id',
  'team_id',
  'channel',
  'file_name',
  'preset',
  'status',
  'rows_total',
  'imported',
  'updated',
  'duplicates',
  'rejected',
  'failure',
  'created_at',
  'finished_at',
] as const;

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
// Rows per multi-row insert: 16 values each, far below either store's bound parameters.
const INSERT_CHUNK = 1_000;
// Error report rows read per step when erasure looks for quotes.
const ERASE_PAGE = 5_000;

export interface ImportsRepoDeps {
  dialect: StoreDialect;
  /**
   * On SQLite, the better-sqlite3 handle the store itself runs on (sharedSqliteStore): new rows then
   * go in through one prepared statement, inside the store's transaction on that same connection,
   * the fastest path SQLite has. Without it, multi-row inserts through the store (PostgreSQL always).
   */
  sqlite?: Database | undefined;
}

const sqliteInserts = new WeakMap<Database, Statement>();

/** The prepared row insert of a handle, prepared once per handle (repositories are built per transaction). */
function sqliteInsert(database: Database): Statement {
  let statement = sqliteInserts.get(database);
  if (!statement) {
    statement = database.prepare(
      `INSERT OR IGNORE INTO feedback (team_id, import_id, source, external_id, dedupe_key, received_at, metric, score, title, comment, language, customer_ref, segment, reply, replied_at, original)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    sqliteInserts.set(database, statement);
  }
  return statement;
}

const pairOf = (item: NewFeedback) => `${item.source}\u0000${item.dedupeKey}`;

/** Each text to erase as a case-insensitive pattern (folded as JavaScript folds, Unicode and all). */
const quotePatterns = (texts: string[]) =>
  texts.map((text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'));

/** A rejection's params with every quote replaced by the marker, or null when nothing changed. */
function erasedParams(stored: string, patterns: RegExp[], marker: string): string | null {
  const params: unknown = JSON.parse(stored);
  if (typeof params !== 'object' || params === null) return null;
  const next = JSON.stringify(
    Object.fromEntries(
      Object.entries(params).map(([name, value]: [string, unknown]) => [
        name,
        typeof value === 'string' ? patterns.reduce((text, pattern) => text.replace(pattern, marker), value) : value,
      ]),
    ),
  );
  return next === stored ? null : next;
}

/**
 * SQL for imports and the rows they bring, on either store. The steps that write (writeBatch,
 * finish, markUndone, indexSomeRows) run on a transaction: build the repository over it
 * (createImportsRepo(trx, deps)); reads run on the store's root.
 */
export function createImportsRepo(db: Executor, deps: ImportsRepoDeps) {
  const { dialect } = deps;
  const changes = createChangesRepo(db);

  /**
   * Inserts the batch's new items; returns how many went in, and the items the unique index
   * ignored (held already, or earlier in this batch). One function per store's fastest path.
   */
  async function insertItems(teamId: number, importId: number, items: NewFeedback[]) {
    const ignored: NewFeedback[] = [];
    let imported = 0;
    if (dialect === 'sqlite' && deps.sqlite) {
      const insert = sqliteInsert(deps.sqlite);
      // Positional values: no object per row for a million rows.
      for (const item of items) {
        const added = insert.run(
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
        else ignored.push(item);
      }
      return { imported, ignored };
    }
    // A pair's first item in the batch is offered; a later one is ignored as the unique index would.
    const first = new Set<string>();
    const offered: NewFeedback[] = [];
    for (const item of items) {
      const pair = pairOf(item);
      if (first.has(pair)) continue;
      first.add(pair);
      offered.push(item);
    }
    const inserted = new Set<string>();
    for (let start = 0; start < offered.length; start += INSERT_CHUNK) {
      const rows = await db
        .insertInto('feedback')
        .values(
          offered.slice(start, start + INSERT_CHUNK).map((item) => ({
            team_id: teamId,
            import_id: importId,
            source: item.source,
            external_id: item.externalId,
            dedupe_key: item.dedupeKey,
            received_at: item.receivedAt,
            metric: item.metric,
            score: item.score,
            title: item.title,
            comment: item.comment,
            language: item.language,
            customer_ref: item.customerRef,
            segment: item.segment,
            reply: item.reply,
            replied_at: item.repliedAt,
            original: item.original,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .returning(['source', 'dedupe_key'])
        .execute();
      for (const row of rows) inserted.add(`${row.source}\u0000${row.dedupe_key}`);
    }
    for (const item of items) {
      const pair = pairOf(item);
      // Each inserted pair counts once, for its first item.
      if (inserted.delete(pair)) imported++;
      else ignored.push(item);
    }
    return { imported, ignored };
  }

  async function finishRow(id: number, status: 'done' | 'failed', counts: Counts, failure: string | null) {
    await db
      .updateTable('feedback_imports')
      .set({
        status,
        rows_total: counts.rows,
        imported: counts.imported,
        updated: counts.updated,
        duplicates: counts.duplicates,
        rejected: counts.rejected,
        failure,
        finished_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }

  return {
    async start(
      teamId: number,
      channel: ImportSummary['channel'],
      fileName: string | null,
      preset: string,
      userId: number | null,
    ): Promise<number> {
      const row = await db
        .insertInto('feedback_imports')
        .values({ team_id: teamId, channel, file_name: fileName, preset, status: 'running', created_by: userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /**
     * One batch of a running import, on the caller's transaction: new items go in (an item already
     * held is ignored by the unique index); of those ignored, the ones with an answer id are compared
     * with what is held and a changed one is staged as an update. Then the rejections.
     */
    async writeBatch(
      teamId: number,
      importId: number,
      items: NewFeedback[],
      errors: RejectedRow[],
    ): Promise<BatchCounts> {
      const { imported, ignored } = await insertItems(teamId, importId, items);
      const again = ignored.filter((item) => item.externalId !== null);
      const updated = again.length > 0 ? await changes.stageChanged(teamId, importId, again) : 0;
      for (let start = 0; start < errors.length; start += INSERT_CHUNK) {
        await db
          .insertInto('feedback_import_errors')
          .values(
            errors.slice(start, start + INSERT_CHUNK).map((error) => ({
              import_id: importId,
              line: error.line,
              code: error.code,
              params: storedParams(error),
            })),
          )
          .execute();
      }
      return { imported, updated };
    },
    /**
     * Marks the import done, with its changes applied (and the rollups following) on the caller's
     * transaction, so it is seen whole or not at all; or marks it failed.
     */
    async finish(id: number, status: 'done' | 'failed', counts: Counts, failure: string | null = null): Promise<void> {
      if (status === 'done') {
        // The monthly rollups follow what an import makes visible, in the same transaction.
        await createRollups(db).importDone(id);
        await changes.applyStaged(id);
        await finishRow(id, 'done', counts, null);
      } else {
        await finishRow(id, status, counts, failure);
      }
    },
    /** Drops the changes a failed or interrupted import had staged. */
    discardStaged: (id: number): Promise<void> => changes.discardStaged(id),
    /**
     * Marks a finished import undone and puts back what its updates changed, on the caller's
     * transaction; its own rows are deleted after.
     */
    async markUndone(id: number): Promise<void> {
      await createRollups(db).importUndone(id);
      await db.updateTable('feedback_imports').set({ status: 'undone' }).where('id', '=', id).execute();
      await changes.revertApplied(id);
    },
    /**
     * Adds the next rows of an import (ids after `after`) to the search index, on the caller's
     * transaction (so the chunk found and the chunk indexed are the same rows); returns the last id
     * indexed, or null when all are. Callers loop (and yield) until null.
     */
    async indexSomeRows(importId: number, after: number): Promise<number | null> {
      const chunk = db
        .selectFrom('feedback')
        .select('id')
        .where('import_id', '=', importId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(INDEX_CHUNK);
      const found = await db
        .selectFrom(chunk.as('chunk'))
        .select((eb) => eb.fn.max('chunk.id').as('last'))
        .executeTakeFirst();
      const last = found?.last ?? null;
      if (last === null) return null;
      if (dialect === 'sqlite') {
        await sql`INSERT INTO feedback_fts (rowid, title, comment)
          SELECT id, title, comment FROM feedback WHERE import_id = ${importId} AND id > ${after} AND id <= ${last}`.execute(
          db,
        );
      } else {
        await sql`INSERT INTO feedback_search (feedback_id, document)
          SELECT id, kadence_feedback_document(language, title, comment) FROM feedback
          WHERE import_id = ${importId} AND id > ${after} AND id <= ${last}`.execute(db);
      }
      return Number(last);
    },
    /** Deletes up to 5,000 rows of an import that is no longer visible; callers loop (and yield) until it returns 0. */
    async deleteSomeRows(importId: number): Promise<number> {
      const result = await db
        .deleteFrom('feedback')
        .where('id', 'in', (eb) => eb.selectFrom('feedback').select('id').where('import_id', '=', importId).limit(5000))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async setStatus(id: number, status: ImportSummary['status'], failure: string | null = null): Promise<void> {
      await db
        .updateTable('feedback_imports')
        .set((eb) => ({ status, failure: eb.fn.coalesce(eb.val(failure), eb.ref('failure')) }))
        .where('id', '=', id)
        .execute();
    },
    async list(teamId: number): Promise<ImportSummary[]> {
      const rows = await db
        .selectFrom('feedback_imports')
        .select(importColumns)
        .where('team_id', '=', teamId)
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      return rows.map(toSummary);
    },
    async get(teamId: number, id: number): Promise<ImportSummary | null> {
      const row = await db
        .selectFrom('feedback_imports')
        .select(importColumns)
        .where('id', '=', id)
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return row ? toSummary(row) : null;
    },
    /** The import's rejected rows, masked, each with its English sentence. */
    async errors(importId: number): Promise<ImportError[]> {
      const rows = await db
        .selectFrom('feedback_import_errors')
        .select(['line', 'code', 'params'])
        .where('import_id', '=', importId)
        .orderBy('line')
        .orderBy('id')
        .execute();
      if (rows.length === 0) return [];
      const { storedRejection } = await import('./stored-rejection.ts');
      return rows.map((row) => storedRejection(row.line, row.code, row.params));
    },
    /**
     * Erasure: in the team's error reports, every quote of one of `texts` (case-insensitive) inside a
     * rejection's params (a row's value, a reason kept whole) becomes `marker`; the line and code stay,
     * so the report keeps its counts. Runs on the caller's transaction. The quotes are found here,
     * folded as the replacement folds, not by either store's lower() (SQLite's folds ASCII only).
     */
    async eraseFromErrors(teamId: number, texts: string[], marker: string): Promise<number> {
      const patterns = quotePatterns(texts);
      if (patterns.length === 0) return 0;
      let changed = 0;
      for (let after = 0; ;) {
        const rows = await db
          .selectFrom('feedback_import_errors as e')
          .innerJoin('feedback_imports as i', 'i.id', 'e.import_id')
          .select(['e.id', 'e.params'])
          .where('i.team_id', '=', teamId)
          .where('e.id', '>', after)
          .orderBy('e.id')
          .limit(ERASE_PAGE)
          .execute();
        for (const row of rows) {
          const next = erasedParams(row.params, patterns, marker);
          if (next === null) continue;
          const result = await db
            .updateTable('feedback_import_errors')
            .set({ params: next })
            .where('id', '=', row.id)
            .executeTakeFirst();
          changed += Number(result.numUpdatedRows);
        }
        const last = rows.at(-1);
        if (!last || rows.length < ERASE_PAGE) break;
        after = last.id;
      }
      return changed;
    },
    async runningIds(): Promise<number[]> {
      const rows = await db.selectFrom('feedback_imports').select('id').where('status', '=', 'running').execute();
      return rows.map((row) => row.id);
    },
  };
}
export type ImportsRepo = ReturnType<typeof createImportsRepo>;
