import type { Database, Statement } from 'better-sqlite3';
import type { Metric } from '../../shared/schemas/imports.ts';

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
  match?: string | undefined;
  /** Only these items (e.g. those carrying a theme). */
  ids?: readonly number[] | undefined;
}

const TAG_SEPARATOR = '\u001f';

/**
 * Items whose rating changed after a reply was posted. An item's versions are its history rows
 * (each holds the values before a change, migration 0013) and then the item itself; a change is a
 * pair of consecutive versions. It counts when the rating differs between the two and the later
 * version carries a reply that was already there before the change (the earlier version had it) or
 * that is dated before the later rating (a review site's submit date moves when the customer edits).
 * Driven from the history, which only changed items have, so the inbox's time order stays cheap.
 */
const laterVersion = (column: string) => `CASE WHEN n.id IS NULL THEN c.${column} ELSE n.${column} END`;
const RATING_AFTER_REPLY = `f.id IN (
  SELECT h.feedback_id FROM feedback_item_history h
  JOIN feedback c ON c.id = h.feedback_id
  LEFT JOIN feedback_item_history n ON n.id = (SELECT min(x.id) FROM feedback_item_history x WHERE x.feedback_id = h.feedback_id AND x.id > h.id)
  WHERE c.team_id = @teamId AND h.score IS NOT NULL AND ${laterVersion('score')} IS NOT NULL AND h.score <> ${laterVersion('score')}
    AND ${laterVersion('replied_at')} IS NOT NULL AND (h.replied_at IS NOT NULL OR ${laterVersion('replied_at')} <= ${laterVersion('received_at')}))`;
const latestChange = (column: string) =>
  `(SELECT h.${column} FROM feedback_item_history h WHERE h.feedback_id = f.id ORDER BY h.id DESC LIMIT 1)`;
// What the inbox, the board and the KPI drill-down show of an item.
const ITEM_COLUMNS = `f.id, f.source, f.received_at, f.metric, f.score, f.title, f.comment, f.language, f.segment, f.reply, f.replied_at, f.flagged,
           (SELECT group_concat(tag, '${TAG_SEPARATOR}') FROM feedback_tags t WHERE t.feedback_id = f.id) AS tags,
           ${latestChange('changed_at')} AS edited_at, ${latestChange('metric')} AS was_metric, ${latestChange('score')} AS was_score`;

/** SQL for reading feedback (always through visible_feedback), tags, flags and erasure. */
export function createFeedbackRepo(db: Database) {
  const cache = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  /** Only the conditions a filter uses go into the SQL, so the planner sees a simple query. */
  function where(filter: Filter): { sql: string; params: Record<string, string | number> } {
    const conditions = ['f.team_id = @teamId'];
    const params: Record<string, string | number> = { teamId: filter.teamId };
    const add = (condition: string, name: string, value: string | number | undefined) => {
      if (value === undefined) return;
      conditions.push(condition);
      params[name] = value;
    };
    add('f.received_at >= @from', 'from', filter.from);
    add('f.received_at < @to', 'to', filter.to);
    add('f.source = @source', 'source', filter.source);
    add('f.metric = @metric', 'metric', filter.metric);
    add('f.language = @language', 'language', filter.language);
    add('EXISTS (SELECT 1 FROM feedback_tags t WHERE t.feedback_id = f.id AND t.tag = @tag)', 'tag', filter.tag);
    add('f.flagged = @flagged', 'flagged', filter.flagged === undefined ? undefined : Number(filter.flagged));
    add('f.id IN (SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH @match)', 'match', filter.match);
    add('f.id IN (SELECT value FROM json_each(@ids))', 'ids', filter.ids ? JSON.stringify(filter.ids) : undefined);
    if (filter.ratingAfterReply) conditions.push(RATING_AFTER_REPLY);
    if (filter.bands) {
      conditions.push(
        `(${filter.bands.map((_, index) => `(f.metric = @bandMetric${index} AND f.score BETWEEN @bandLow${index} AND @bandHigh${index})`).join(' OR ')})`,
      );
      filter.bands.forEach((band, index) =>
        Object.assign(params, {
          [`bandMetric${index}`]: band.metric,
          [`bandLow${index}`]: band.low,
          [`bandHigh${index}`]: band.high,
        }),
      );
    }
    return { sql: conditions.join(' AND '), params };
  }

  const addTag = db.prepare(
    'INSERT OR IGNORE INTO feedback_tags (feedback_id, tag) SELECT id, ? FROM visible_feedback WHERE id = ? AND team_id = ?',
  );
  const removeTag = db.prepare(
    'DELETE FROM feedback_tags WHERE tag = ? AND feedback_id IN (SELECT id FROM feedback WHERE id = ? AND team_id = ?)',
  );
  const setFlag = db.prepare('UPDATE feedback SET flagged = ? WHERE id = ? AND team_id = ?');
  // Rowid ranges, not an index: there is no customer index (migration 0009). `+team_id` keeps the
  // planner on the rowid range instead of walking the team's time index.
  const customerRowsIn = db
    .prepare('SELECT id FROM feedback WHERE id > ? AND id <= ? AND +team_id = ? AND customer_ref = ?')
    .pluck();
  const lastId = db.prepare('SELECT max(id) FROM feedback').pluck();
  const deleteById = db.prepare('DELETE FROM feedback WHERE id = ? AND team_id = ?');
  const deleteAll = db.transaction((teamId: number, ids: number[]) => {
    let deleted = 0;
    for (const id of ids) deleted += deleteById.run(id, teamId).changes;
    return deleted;
  });
  const textsOf = db.prepare<[number, string], { id: number; title: string | null; comment: string | null }>(
    'SELECT id, title, comment FROM feedback WHERE team_id = ? AND id IN (SELECT value FROM json_each(?))',
  );
  // FTS5 takes a configuration value only as a literal, not as a bound parameter.
  const secureDeletesOn = db.prepare(`INSERT INTO feedback_fts (feedback_fts, rank) VALUES ('secure-delete', 1)`);
  const secureDeletesOff = db.prepare(`INSERT INTO feedback_fts (feedback_fts, rank) VALUES ('secure-delete', 0)`);
  const sources = db.prepare(
    'SELECT DISTINCT source FROM visible_feedback WHERE team_id = ? ORDER BY source LIMIT 500',
  );
  const tags = db.prepare(
    'SELECT DISTINCT t.tag FROM feedback_tags t JOIN feedback f ON f.id = t.feedback_id WHERE f.team_id = ? ORDER BY t.tag LIMIT 500',
  );

  return {
    page(filter: Filter, cursor: { at: string; id: number } | null, limit: number): FeedbackRow[] {
      const { sql, params } = where(filter);
      const after = cursor
        ? ' AND (f.received_at < @cursorAt OR (f.received_at = @cursorAt AND f.id < @cursorId))'
        : '';
      return prepared(
        `SELECT ${ITEM_COLUMNS}
         FROM visible_feedback f WHERE ${sql}${after} ORDER BY f.received_at DESC, f.id DESC LIMIT @limit`,
      ).all({ ...params, limit, ...(cursor ? { cursorAt: cursor.at, cursorId: cursor.id } : {}) }) as FeedbackRow[];
    },
    /** Answers per score for one metric: everything a KPI needs, counted in SQL. */
    scoreCounts(filter: Filter & { metric: Metric }): Map<number, number> {
      const { sql, params } = where(filter);
      const rows = prepared(
        `SELECT f.score AS score, count(*) AS n FROM visible_feedback f WHERE ${sql} AND f.score IS NOT NULL GROUP BY f.score`,
      ).all(params) as { score: number; n: number }[];
      return new Map(rows.map((row) => [row.score, row.n]));
    },
    byIds(teamId: number, ids: number[]): FeedbackRow[] {
      if (ids.length === 0) return [];
      return prepared(
        `SELECT ${ITEM_COLUMNS}
         FROM visible_feedback f WHERE f.team_id = ? AND f.id IN (SELECT value FROM json_each(?))`,
      ).all(teamId, JSON.stringify(ids)) as FeedbackRow[];
    },
    addTag: (teamId: number, id: number, tag: string) => addTag.run(tag, id, teamId).changes,
    removeTag: (teamId: number, id: number, tag: string) => removeTag.run(tag, id, teamId).changes,
    setFlag: (teamId: number, id: number, flagged: boolean) => setFlag.run(Number(flagged), id, teamId).changes,
    lastId: () => (lastId.get() as number | null) ?? 0,
    /** Ids of one customer's rows among ids (after, upTo]: one step of an erasure scan. */
    customerRowsIn: (teamId: number, customerRef: string, after: number, upTo: number) =>
      customerRowsIn.all(after, upTo, teamId, customerRef) as number[],
    /** The words of rows about to be erased, so their copies elsewhere can be found. */
    textsOf: (teamId: number, ids: number[]) => textsOf.all(teamId, JSON.stringify(ids)),
    /** Deletes the rows in one transaction (or the caller's), so an erasure is whole or not done. */
    deleteRows: (teamId: number, ids: number[]) => deleteAll(teamId, ids),
    /**
     * While on, a deleted row's words leave the search index at once (FTS5 secure-delete) instead of
     * staying in old segments behind a delete marker until a merge. The setting is stored in the
     * index's config table, so turning it on and off belongs in the same transaction as the deletes.
     */
    secureIndexDeletes(on: boolean): void {
      (on ? secureDeletesOn : secureDeletesOff).run();
    },
    sources: (teamId: number) => (sources.all(teamId) as { source: string }[]).map((row) => row.source),
    tags: (teamId: number) => (tags.all(teamId) as { tag: string }[]).map((row) => row.tag),
  };
}
export type FeedbackRepo = ReturnType<typeof createFeedbackRepo>;
export { TAG_SEPARATOR };
