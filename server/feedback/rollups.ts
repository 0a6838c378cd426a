import type { Database } from 'better-sqlite3';
import type { ScoreCounts } from '../../shared/kpi.ts';
import type { Metric } from '../../shared/schemas/imports.ts';
import { createPeriods } from './periods.ts';
import { type RollupCount, type TeamMonthRow, createRollupsRepo } from './rollups-repo.ts';

/**
 * The monthly rollups' rules: every change of what is visible is counted into them in the
 * transaction that makes it (callers run these inside theirs), in the team's months, so they always
 * equal what the rows say (tests/unit/feedback/rollups.test.ts). Each step first loads the month
 * starts the change can touch, from the same midnights the KPI periods use.
 */
export function createRollups(db: Database) {
  const repo = createRollupsRepo(db);

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
export type Rollups = ReturnType<typeof createRollups>;

function byMonth(rows: RollupCount[]): Map<string, ScoreCounts> {
  const months = new Map<string, Map<number, number>>();
  for (const row of rows) {
    let counts = months.get(row.month);
    if (!counts) months.set(row.month, (counts = new Map()));
    counts.set(row.score, row.answers);
  }
  return months;
}
