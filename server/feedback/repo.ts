import { sql, type RawBuilder } from 'kysely';
import type { Metric } from '../../shared/schemas/imports.ts';
import type { Executor, StoreDialect } from '../db/kysely/store.ts';

export interface FeedbackRow {
  id: number;
  source: string;
  received_at: string;
  metric: Metric | null;
  score: number | null;
  title: string | null;
  comment: string | null;
  language: 'da' | 'en' | null;
  segment: string | null;
  reply: string | null;
  replied_at: string | null;
  flagged: number;
  tags: string | null;
  /** From the item's latest change, when it came back edited: when, and the score before it. */
  edited_at: string | null;
  was_metric: Metric | null;
  was_score: number | null;
}

export interface Filter {
  teamId: number;
  from?: string | undefined;
  to?: string | undefined;
  source?: string | undefined;
  metric?: Metric | undefined;
  bands?: { metric: Metric; low: number; high: number }[] | undefined;
  language?: string | undefined;
  tag?: string | undefined;
  flagged?: boolean | undefined;
  /** Only items whose rating changed after a reply was posted (see RATING_AFTER_REPLY). */
  ratingAfterReply?: boolean | undefined;
  /** What a person typed into the search box (see searchWords); each store's full-text search finds it. */
  match?: string | undefined;
  /** Only these items (e.g. those carrying a theme). */
  ids?: readonly number[] | undefined;
}

const TAG_SEPARATOR = '\u001f';

/** The words of what a person typed that a search looks for (at most 12); none when there is nothing to find. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** Turns what a person types into a safe FTS5 query: each word quoted, the last one as a prefix. */
export function ftsQuery(text: string): string | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  return words.map((word, index, all) => `"${word}"${index === all.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * Items whose rating changed after a reply was posted. An item's versions are its history rows
 * (each holds the values before a change, migration 0013) and then the item itself; a change is a
 * pair of consecutive versions. It counts when the rating differs between the two and the later
 * version carries a reply that was already there before the change (the earlier version had it) or
 * that is dated before the later rating (a review site's submit date moves when the customer edits).
 * Driven from the history, which only changed items have, so the inbox's time order stays cheap.
 */
const laterVersion = (column: string) => sql.raw(`CASE WHEN n.id IS NULL THEN c.${column} ELSE n.${column} END`);
const ratingAfterReply = (teamId: number) => sql`f.id IN (
  SELECT h.feedback_id FROM feedback_item_history h
  JOIN feedback c ON c.id = h.feedback_id
  LEFT JOIN feedback_item_history n ON n.id = (SELECT min(x.id) FROM feedback_item_history x WHERE x.feedback_id = h.feedback_id AND x.id > h.id)
  WHERE c.team_id = ${teamId} AND h.score IS NOT NULL AND ${laterVersion('score')} IS NOT NULL AND h.score <> ${laterVersion('score')}
    AND ${laterVersion('replied_at')} IS NOT NULL AND (h.replied_at IS NOT NULL OR ${laterVersion('replied_at')} <= ${laterVersion('received_at')}))`;
const latestChange = (column: string) =>
  sql.raw(`(SELECT h.${column} FROM feedback_item_history h WHERE h.feedback_id = f.id ORDER BY h.id DESC LIMIT 1)`);

/**
 * SQL for reading feedback (always through visible_feedback), tags, flags and erasure, on either
 * store. What differs by dialect stays here: the full-text search (FTS5 on SQLite, the tsvector
 * side table on PostgreSQL), joining tags into one text, and lists of ids as one parameter.
 */
export function createFeedbackRepo(db: Executor, dialect: StoreDialect) {
  const postgres = dialect === 'postgres';

  /** `column IN ids`, the list bound as one parameter (any length, one SQL text). */
  const idIn = (column: RawBuilder<unknown>, ids: readonly number[]) =>
    postgres
      ? sql`${column} = ANY(${[...ids]}::bigint[])`
      : sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

  /** Items matching what a person typed: FTS5's index on SQLite, the tsvector documents on PostgreSQL. */
  const search = (text: string) => {
    if (postgres) {
      // websearch_to_tsquery finds whole words (stemmed), not prefixes; the words alone, so no operator a person typed applies.
      const words = searchWords(text).join(' ');
      return sql`f.id IN (SELECT s.feedback_id FROM feedback_search s WHERE s.document @@ kadence_feedback_query(${words}))`;
    }
    return sql`f.id IN (SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH ${ftsQuery(text) ?? '""'})`;
  };

  const tagList = postgres
    ? sql.raw(`(SELECT string_agg(t.tag, '${TAG_SEPARATOR}') FROM feedback_tags t WHERE t.feedback_id = f.id)`)
    : sql.raw(`(SELECT group_concat(t.tag, '${TAG_SEPARATOR}') FROM feedback_tags t WHERE t.feedback_id = f.id)`);
  // What the inbox, the board and the KPI drill-down show of an item.
  const itemColumns = sql`f.id, f.source, f.received_at, f.metric, f.score, f.title, f.comment, f.language, f.segment, f.reply, f.replied_at, f.flagged,
           ${tagList} AS tags,
           ${latestChange('changed_at')} AS edited_at, ${latestChange('metric')} AS was_metric, ${latestChange('score')} AS was_score`;

  /** Only the conditions a filter uses go into the SQL, so the planner sees a simple query. */
  function where(filter: Filter): RawBuilder<unknown> {
    const conditions = [sql`f.team_id = ${filter.teamId}`];
    if (filter.from !== undefined) conditions.push(sql`f.received_at >= ${filter.from}`);
    if (filter.to !== undefined) conditions.push(sql`f.received_at < ${filter.to}`);
    if (filter.source !== undefined) conditions.push(sql`f.source = ${filter.source}`);
    if (filter.metric !== undefined) conditions.push(sql`f.metric = ${filter.metric}`);
    if (filter.language !== undefined) conditions.push(sql`f.language = ${filter.language}`);
    if (filter.tag !== undefined)
      conditions.push(sql`EXISTS (SELECT 1 FROM feedback_tags t WHERE t.feedback_id = f.id AND t.tag = ${filter.tag})`);
    if (filter.flagged !== undefined) conditions.push(sql`f.flagged = ${Number(filter.flagged)}`);
    if (filter.match !== undefined) conditions.push(search(filter.match));
    if (filter.ids) conditions.push(idIn(sql.raw('f.id'), filter.ids));
    if (filter.ratingAfterReply) conditions.push(ratingAfterReply(filter.teamId));
    if (filter.bands) {
      const bands = filter.bands.map(
        (band) => sql`(f.metric = ${band.metric} AND f.score BETWEEN ${band.low} AND ${band.high})`,
      );
      conditions.push(sql`(${sql.join(bands, sql` OR `)})`);
    }
    return sql.join(conditions, sql` AND `);
  }

  return {
    async page(filter: Filter, cursor: { at: string; id: number } | null, limit: number): Promise<FeedbackRow[]> {
      const after = cursor
        ? sql` AND (f.received_at < ${cursor.at} OR (f.received_at = ${cursor.at} AND f.id < ${cursor.id}))`
        : sql``;
      const result = await sql<FeedbackRow>`SELECT ${itemColumns}
         FROM visible_feedback f WHERE ${where(filter)}${after} ORDER BY f.received_at DESC, f.id DESC LIMIT ${limit}`.execute(
        db,
      );
      return result.rows;
    },
    /** Answers per score for one metric: everything a KPI needs, counted in SQL. */
    async scoreCounts(filter: Filter & { metric: Metric }): Promise<Map<number, number>> {
      const result = await sql<{
        score: number;
        n: number;
      }>`SELECT f.score AS score, count(*) AS n FROM visible_feedback f WHERE ${where(filter)} AND f.score IS NOT NULL GROUP BY f.score`.execute(
        db,
      );
      return new Map(result.rows.map((row) => [row.score, row.n]));
    },
    async byIds(teamId: number, ids: number[]): Promise<FeedbackRow[]> {
      if (ids.length === 0) return [];
      const result = await sql<FeedbackRow>`SELECT ${itemColumns}
         FROM visible_feedback f WHERE f.team_id = ${teamId} AND ${idIn(sql.raw('f.id'), ids)}`.execute(db);
      return result.rows;
    },
    async addTag(teamId: number, id: number, tag: string): Promise<number> {
      const result = await db
        .insertInto('feedback_tags')
        .columns(['feedback_id', 'tag'])
        .expression((eb) =>
          eb
            .selectFrom('visible_feedback')
            .select((inner) => ['id', inner.val(tag).as('tag')])
            .where('id', '=', id)
            .where('team_id', '=', teamId),
        )
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },
    async removeTag(teamId: number, id: number, tag: string): Promise<number> {
      const result = await db
        .deleteFrom('feedback_tags')
        .where('tag', '=', tag)
        .where('feedback_id', 'in', (eb) =>
          eb.selectFrom('feedback').select('id').where('id', '=', id).where('team_id', '=', teamId),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async setFlag(teamId: number, id: number, flagged: boolean): Promise<number> {
      const result = await db
        .updateTable('feedback')
        .set({ flagged: flagged ? 1 : 0 })
        .where('id', '=', id)
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async lastId(): Promise<number> {
      const row = await db
        .selectFrom('feedback')
        .select((eb) => eb.fn.max('id').as('last'))
        .executeTakeFirst();
      return row?.last ?? 0;
    },
    /** Ids of one customer's rows among ids (after, upTo]: one step of an erasure scan. */
    async customerRowsIn(teamId: number, customerRef: string, after: number, upTo: number): Promise<number[]> {
      // Id ranges, not an index: there is no customer index on SQLite (migration 0009). `+team_id`
      // keeps SQLite's planner on the rowid range instead of walking the team's time index.
      const result = await sql<{ id: number }>`SELECT id FROM feedback
        WHERE id > ${after} AND id <= ${upTo} AND +team_id = ${teamId} AND customer_ref = ${customerRef}`.execute(db);
      return result.rows.map((row) => row.id);
    },
    /** The words of rows about to be erased, so their copies elsewhere can be found. */
    async textsOf(
      teamId: number,
      ids: number[],
    ): Promise<{ id: number; title: string | null; comment: string | null }[]> {
      const result = await sql<{ id: number; title: string | null; comment: string | null }>`SELECT id, title, comment
        FROM feedback f WHERE team_id = ${teamId} AND ${idIn(sql.raw('f.id'), ids)}`.execute(db);
      return result.rows;
    },
    /** Deletes the rows; run it in the erasure's transaction, so an erasure is whole or not done. */
    async deleteRows(teamId: number, ids: number[]): Promise<number> {
      if (ids.length === 0) return 0;
      const result = await sql`DELETE FROM feedback WHERE team_id = ${teamId} AND ${idIn(sql.raw('id'), ids)}`.execute(
        db,
      );
      return Number(result.numAffectedRows ?? 0);
    },
    /**
     * While on, a deleted row's words leave SQLite's search index at once (FTS5 secure-delete)
     * instead of staying in old segments behind a delete marker until a merge. The setting is stored
     * in the index's config table, so turning it on and off belongs in the same transaction as the
     * deletes. PostgreSQL's index entry goes with the row (a foreign key), so there it does nothing.
     */
    async secureIndexDeletes(on: boolean): Promise<void> {
      if (postgres) return;
      // FTS5 takes a configuration value only as a literal, not as a bound parameter.
      await sql`INSERT INTO feedback_fts (feedback_fts, rank) VALUES ('secure-delete', ${sql.raw(on ? '1' : '0')})`.execute(
        db,
      );
    },
    async sources(teamId: number): Promise<string[]> {
      const rows = await db
        .selectFrom('visible_feedback')
        .select('source')
        .distinct()
        .where('team_id', '=', teamId)
        .orderBy('source')
        .limit(500)
        .execute();
      return rows.map((row) => row.source);
    },
    async tags(teamId: number): Promise<string[]> {
      const rows = await db
        .selectFrom('feedback_tags as t')
        .innerJoin('feedback as f', 'f.id', 't.feedback_id')
        .select('t.tag')
        .distinct()
        .where('f.team_id', '=', teamId)
        .orderBy('t.tag')
        .limit(500)
        .execute();
      return rows.map((row) => row.tag);
    },
  };
}
export type FeedbackRepo = ReturnType<typeof createFeedbackRepo>;
export { TAG_SEPARATOR };
