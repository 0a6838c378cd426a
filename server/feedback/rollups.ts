import type { ScoreCounts } from '../../shared/kpi.ts';
import type { Metric } from '../../shared/schemas/imports.ts';
import type { Executor } from '../db/kysely/store.ts';
import { createPeriods } from './periods.ts';
import {
  type MonthStarts,
  type RollupCount,
  type RollupsRepo,
  type TeamMonthRow,
  createRollupsRepo,
} from './rollups-repo.ts';

/**
 * The monthly rollups' rules: every change of what is visible is counted into them in the
 * transaction that makes it (callers build these over their `trx` and run them inside), in the
 * team's months, so they always equal what the rows say (tests/unit/feedback/rollups.test.ts). Each
 * step first finds the month starts the change can touch, from the same midnights the KPI periods use.
 */
export function createRollups(db: Executor) {
  const repo = createRollupsRepo(db);

  /** The team's zone and the months of it that the team's rows (and this import's changes) span. */
  async function monthsOf(
    rollups: RollupsRepo,
    teamId: number,
    importId: number | null,
  ): Promise<{ timezone: string; months: MonthStarts }> {
    const { timezone, from, to } = await rollups.span(teamId, importId);
    if (timezone === null) throw new Error(`team ${teamId} not found`);
    return { timezone, months: from === null || to === null ? [] : createPeriods(timezone).monthStarts(from, to) };
  }

  /** Runs `fn` in the caller's transaction, or in one of its own when built over the store's root. */
  const inTransaction = (fn: (trx: Executor) => Promise<void>): Promise<void> =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);

  const rebuild = (teamId: number) =>
    inTransaction(async (trx) => {
      const rollups = createRollupsRepo(trx);
      const { timezone, months } = await monthsOf(rollups, teamId, null);
      await rollups.rebuild(months, teamId, timezone);
    });

  /** Runs a change for the team an import belongs to, with its months, then drops emptied cells. */
  async function forImport(importId: number, change: (months: MonthStarts) => Promise<void>): Promise<void> {
    const teamId = await repo.teamOfImport(importId);
    if (teamId === null) return;
    const { months } = await monthsOf(repo, teamId, importId);
    await change(months);
    await repo.dropEmpty(teamId);
  }

  return {
    /** In the transaction that marks an import done, before its staged changes are applied. */
    importDone: (importId: number): Promise<void> =>
      forImport(importId, async (months) => {
        await repo.addImportRows(months, importId);
        await repo.applyStaged(months, importId);
      }),
    /** In the transaction that marks a done import undone, before its changes are put back. */
    importUndone: (importId: number): Promise<void> =>
      forImport(importId, async (months) => {
        await repo.removeImportRows(months, importId);
        await repo.revertApplied(months, importId);
      }),
    /** In the transaction that deletes the rows (erasure), before they go. */
    async rowsDeleted(teamId: number, ids: number[]): Promise<void> {
      if (ids.length === 0) return;
      const { months } = await monthsOf(repo, teamId, null);
      await repo.removeRows(months, teamId, ids);
      await repo.dropEmpty(teamId);
    },
    /** Counts the team's rollups again from its rows in its current zone (a new team, a zone change). */
    rebuild,
    /** At start-up: builds the rollups of teams that have none yet (from before migration 0019), each in its own transaction. */
    async buildMissing(): Promise<number> {
      const stale = await repo.staleTeams();
      for (const teamId of stale) await rebuild(teamId);
      return stale.length;
    },
    /** One team's answers per score, per month from `from` to `to` (YYYY-MM in its zone, inclusive). */
    async teamMonths(
      teamId: number,
      metric: Metric,
      from: string,
      to: string,
      source?: string,
    ): Promise<Map<string, ScoreCounts>> {
      return byMonth(await repo.teamCounts(teamId, metric, from, to, source));
    },
    /** Per team, metric, month and score, over all sources: what a unit's dashboard pools (shared/kpi-pool.ts). */
    teamsMonths: async (teamIds: number[], from: string, to: string): Promise<TeamMonthRow[]> =>
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
