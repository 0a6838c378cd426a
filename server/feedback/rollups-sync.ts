import type { Database } from 'better-sqlite3';
import type { ScoreCounts } from '../../shared/kpi.ts';
import type { Metric } from '../../shared/schemas/imports.ts';
import { createPeriods } from './periods.ts';
import type { RollupCount, TeamMonthRow } from './rollups-repo.ts';

/**
 * The rollups on the synchronous better-sqlite3 handle, for one caller left: the test helper that
 * writes a meeting's cards past the services (tests/helpers/meeting.ts, synchronous for its many
 * callers); it goes when that helper awaits rollups.ts, the server's one path. The monthly rollups' rules: every change of what is visible is counted into them in the
 * transaction that makes it (callers run these inside theirs), in the team's months, so they always
 * equal what the rows say (tests/unit/feedback/rollups.test.ts). Each step first loads the month
 * starts the change can touch, from the same midnights the KPI periods use.
 */
export function createSyncRollups(db: Database) {
  const repo = createSyncRollupsRepo(db);

  /** Loads the months of the team's zone that the team's rows (and this import's changes) span. */
  function loadMonths(teamId: number, importId: number | null): string {
    const { timezone, from, to } = repo.span(teamId, importId);
    if (timezone === null) throw new Error(`team ${teamId} not found`);
    repo.loadMonths(from === null || to === null ? [] : createPeriods(timezone).monthStarts(from, to));
    return timezone;
  }

  const rebuild = db.transaction((teamId: number) => repo.rebuild(teamId, loadMonths(teamId, null)));

  /** Runs a change for the team an import belongs to, with its months loaded, then drops emptied cells. */
  function forImport(importId: number, change: () => void): void {
    const teamId = repo.teamOfImport(importId);
    if (teamId === null) return;
    loadMonths(teamId, importId);
    change();
    repo.dropEmpty(teamId);
  }

  return {
    /** In the transaction that marks an import done, before its staged changes are applied. */
    importDone(importId: number): void {
      forImport(importId, () => {
        repo.addImportRows(importId);
        repo.applyStaged(importId);
      });
    },
    /** In the transaction that marks a done import undone, before its changes are put back. */
    importUndone(importId: number): void {
      forImport(importId, () => {
        repo.removeImportRows(importId);
        repo.revertApplied(importId);
      });
    },
    /** In the transaction that deletes the rows (erasure), before they go. */
    rowsDeleted(teamId: number, ids: number[]): void {
      if (ids.length === 0) return;
      loadMonths(teamId, null);
      repo.removeRows(teamId, ids);
      repo.dropEmpty(teamId);
    },
    /** Counts the team's rollups again from its rows in its current zone (a new team, a zone change). */
    rebuild: (teamId: number) => rebuild(teamId),
    /** At start-up: builds the rollups of teams that have none yet (from before migration 0018). */
    buildMissing(): number {
      const stale = repo.staleTeams();
      for (const teamId of stale) rebuild(teamId);
      return stale.length;
    },
    /** One team's answers per score, per month from `from` to `to` (YYYY-MM in its zone, inclusive). */
    teamMonths(teamId: number, metric: Metric, from: string, to: string, source?: string): Map<string, ScoreCounts> {
      return byMonth(repo.teamCounts(teamId, metric, from, to, source));
    },
    /** Per team, metric, month and score, over all sources: what a unit's dashboard pools (shared/kpi-pool.ts). */
    teamsMonths: (teamIds: number[], from: string, to: string): TeamMonthRow[] =>
      teamIds.length === 0 ? [] : repo.teamsCounts(teamIds, from, to),
  };
}
export type SyncRollups = ReturnType<typeof createSyncRollups>;

function byMonth(rows: RollupCount[]): Map<string, ScoreCounts> {
  const months = new Map<string, Map<number, number>>();
  for (const row of rows) {
    let counts = months.get(row.month);
    if (!counts) months.set(row.month, (counts = new Map()));
    counts.set(row.score, row.answers);
  }
  return months;
}

/** Every score any metric has (NPS 0–10; the others within it). */
const SCORE_RANGE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
type ScoreColumns = Record<`s${(typeof SCORE_RANGE)[number]}`, number | null>;

interface Span {
  timezone: string | null;
  from: string | null;
  to: string | null;
}

/** The month a row falls in: the latest month start at or before its time (from the loaded months). */
const monthOf = (column: string) =>
  `(SELECT m.month FROM temp.rollup_months m WHERE m.start <= ${column} ORDER BY m.start DESC LIMIT 1)`;

const KEY = 'team_id, metric, month, score, source';
/** Adds the counted cells to the rollups (a negative count takes them out). */
const upsert = (select: string) =>
  `INSERT INTO feedback_rollups (${KEY}, answers) ${select}
   ON CONFLICT (${KEY}) DO UPDATE SET answers = answers + excluded.answers`;
/** Counts rows per cell; `values` is the alias whose metric, score and time are counted. */
const counted = (sign: '' | '-', values: string, from: string, where: string) =>
  `SELECT f.team_id, ${values}.metric, ${monthOf(`${values}.received_at`)}, ${values}.score, f.source, ${sign}count(*)
   FROM ${from} WHERE ${where} AND ${values}.metric IS NOT NULL GROUP BY 1, 2, 3, 4, 5`;

// An item changed by a later import is only counted while it is visible (its own import is done).
const VISIBLE = `(f.import_id IS NULL OR f.import_id IN (SELECT i.id FROM feedback_imports i WHERE i.status = 'done'))`;
// The history rows an undo puts back (the item's latest change; see changes-repo.ts).
const LAST_CHANGE =
  'NOT EXISTS (SELECT 1 FROM feedback_item_history n WHERE n.feedback_id = h.feedback_id AND n.id > h.id)';

/**
 * SQL for the monthly rollups (migration 0018). Every change is counted in bulk, one INSERT … SELECT
 * … GROUP BY per kind of change, in the caller's transaction. Months come from a per-connection
 * table of month starts the caller loads first (`loadMonths`), since SQLite knows no time zones.
 */
function createSyncRollupsRepo(db: Database) {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS rollup_months (start TEXT PRIMARY KEY, month TEXT NOT NULL) WITHOUT ROWID');
  const clearMonths = db.prepare('DELETE FROM temp.rollup_months');
  const addMonth = db.prepare('INSERT INTO temp.rollup_months (start, month) VALUES (?, ?)');
  const teamOfImport = db.prepare<[number], { team_id: number }>('SELECT team_id FROM feedback_imports WHERE id = ?');
  // Each min/max walks the team's time index or the import's own staged and history rows: no scan.
  const span = db.prepare<{ team: number; import: number | null }, Span>(
    `SELECT (SELECT timezone FROM teams WHERE id = @team) AS timezone, min(at) AS "from", max(at) AS "to" FROM (
       SELECT (SELECT min(received_at) FROM feedback WHERE team_id = @team) AS at
       UNION ALL SELECT (SELECT max(received_at) FROM feedback WHERE team_id = @team)
       UNION ALL SELECT min(received_at) FROM feedback_staged_updates WHERE import_id = @import
       UNION ALL SELECT max(received_at) FROM feedback_staged_updates WHERE import_id = @import
       UNION ALL SELECT min(received_at) FROM feedback_item_history WHERE import_id = @import
       UNION ALL SELECT max(received_at) FROM feedback_item_history WHERE import_id = @import)`,
  );

  const importRows = (sign: '' | '-') => db.prepare(upsert(counted(sign, 'f', 'feedback f', 'f.import_id = ?')));
  const addImportRows = importRows('');
  const removeImportRows = importRows('-');
  // Staged changes, before they are applied: the item's current values out, the staged ones in.
  const stagedFrom = 'feedback_staged_updates s JOIN feedback f ON f.id = s.feedback_id';
  const stagedOut = db.prepare(upsert(counted('-', 'f', stagedFrom, `s.import_id = ? AND ${VISIBLE}`)));
  const stagedIn = db.prepare(upsert(counted('', 's', stagedFrom, `s.import_id = ? AND ${VISIBLE}`)));
  // An undo's restored values, before they are put back: current out, the kept earlier ones in.
  const historyFrom = 'feedback_item_history h JOIN feedback f ON f.id = h.feedback_id';
  const revertOut = db.prepare(
    upsert(counted('-', 'f', historyFrom, `h.import_id = ? AND ${LAST_CHANGE} AND ${VISIBLE}`)),
  );
  const revertIn = db.prepare(
    upsert(counted('', 'h', historyFrom, `h.import_id = ? AND ${LAST_CHANGE} AND ${VISIBLE}`)),
  );
  const removeRows = db.prepare(
    upsert(
      counted('-', 'f', 'feedback f', `f.team_id = ? AND f.id IN (SELECT value FROM json_each(?)) AND ${VISIBLE}`),
    ),
  );
  const clearTeam = db.prepare('DELETE FROM feedback_rollups WHERE team_id = ?');
  const addTeam = db.prepare(upsert(counted('', 'f', 'feedback f', `f.team_id = ? AND ${VISIBLE}`)));
  const dropEmpty = db.prepare('DELETE FROM feedback_rollups WHERE team_id = ? AND answers = 0');
  const setZone = db.prepare(
    'INSERT INTO feedback_rollup_zones (team_id, timezone) VALUES (?, ?) ON CONFLICT (team_id) DO UPDATE SET timezone = excluded.timezone',
  );
  const staleTeams = db
    .prepare(
      `SELECT t.id FROM teams t LEFT JOIN feedback_rollup_zones z ON z.team_id = t.id
       WHERE z.timezone IS NULL OR z.timezone <> t.timezone ORDER BY t.id`,
    )
    .pluck();

  const teamMonths = db.prepare<[number, Metric, string, string], RollupCount>(
    `SELECT team_id, metric, month, score, sum(answers) AS answers FROM feedback_rollups
     WHERE team_id = ? AND metric = ? AND month >= ? AND month <= ? GROUP BY month, score ORDER BY month, score`,
  );
  const teamSourceMonths = db.prepare<[number, Metric, string, string, string], RollupCount>(
    `SELECT team_id, metric, month, score, answers FROM feedback_rollups
     WHERE team_id = ? AND metric = ? AND month >= ? AND month <= ? AND source = ? ORDER BY month, score`,
  );
  // One row per team, metric and month with the answers per score in columns (scores run 0–10):
  // a tenth of the rows of one per score. The metric list lets each team's lookup use the key's
  // (team, metric, month) order, so the sum over sources and scores needs no sort.
  const teamsMonths = db.prepare<
    [string, string, string],
    ScoreColumns & { team_id: number; metric: Metric; month: string }
  >(
    `SELECT team_id, metric, month, ${SCORE_RANGE.map((score) => `sum(answers) FILTER (WHERE score = ${score}) AS s${score}`).join(', ')}
     FROM feedback_rollups
     WHERE team_id IN (SELECT value FROM json_each(?)) AND metric IN ('nps', 'csat', 'ces', 'rating')
       AND month >= ? AND month <= ?
     GROUP BY team_id, metric, month ORDER BY team_id, metric, month`,
  );

  return {
    teamOfImport: (importId: number) => teamOfImport.get(importId)?.team_id ?? null,
    /** The team's zone and the earliest and latest time a change for it (and this import) can touch. */
    span: (teamId: number, importId: number | null) => span.get({ team: teamId, import: importId }) as Span,
    loadMonths(months: { month: string; start: string }[]): void {
      clearMonths.run();
      for (const month of months) addMonth.run(month.start, month.month);
    },
    addImportRows: (importId: number) => void addImportRows.run(importId),
    removeImportRows: (importId: number) => void removeImportRows.run(importId),
    /** Before the staged changes of an import are applied. */
    applyStaged(importId: number): void {
      stagedOut.run(importId);
      stagedIn.run(importId);
    },
    /** Before an undone import's changes are put back. */
    revertApplied(importId: number): void {
      revertOut.run(importId);
      revertIn.run(importId);
    },
    /** Before rows are deleted (erasure): the visible ones among them leave the rollups. */
    removeRows: (teamId: number, ids: number[]) => void removeRows.run(teamId, JSON.stringify(ids)),
    /** The team's rollups counted again from its rows, in `timezone`'s months. */
    rebuild(teamId: number, timezone: string): void {
      clearTeam.run(teamId);
      addTeam.run(teamId);
      setZone.run(teamId, timezone);
    },
    dropEmpty: (teamId: number) => void dropEmpty.run(teamId),
    /** Teams whose rollups were never built, or were built in a zone the team no longer has. */
    staleTeams: () => staleTeams.all() as number[],
    /** One team's answers per month and score for a metric, from `from` to `to` (YYYY-MM, inclusive). */
    teamCounts(teamId: number, metric: Metric, from: string, to: string, source?: string): RollupCount[] {
      return source === undefined
        ? teamMonths.all(teamId, metric, from, to)
        : teamSourceMonths.all(teamId, metric, from, to, source);
    },
    /** Per team, metric and month over all sources, for several teams at once: answers per score. */
    teamsCounts(teamIds: number[], from: string, to: string): TeamMonthRow[] {
      return teamsMonths.all(JSON.stringify(teamIds), from, to).map((row) => {
        const counts = new Map<number, number>();
        for (const score of SCORE_RANGE) {
          const answers = row[`s${score}`];
          if (answers !== null && answers > 0) counts.set(score, answers);
        }
        return { teamId: row.team_id, metric: row.metric, month: row.month, counts };
      });
    },
  };
}
