import { localDate } from '../../shared/actions.ts';
import { computeKpi } from '../../shared/kpi.ts';
import type { Effect } from '../../shared/schemas/actions.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { type KpiDifference, kpiDifference } from '../../shared/stats/kpi-difference.ts';
import { createPeriods } from '../feedback/periods.ts';
import type { FeedbackService } from '../feedback/service.ts';
import type { ActionRow, ActionsRepo } from './repo.ts';
import type { ActionsService } from './service.ts';

type Window = NonNullable<Effect['comparison']>['before'];

const BEFORE_AFTER_MONTHS = 3;

function shiftDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
function shiftMonths(date: string, months: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() + months);
  return value.toISOString().slice(0, 10);
}
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** Rounds the test's figures for the wire: differences and SE to 2 places, statistics and df to 2, p to 4. */
function rounded(test: KpiDifference): NonNullable<NonNullable<Effect['comparison']>['test']> {
  const round = (value: number | null, places: number) =>
    value === null ? null : Math.round(value * 10 ** places) / 10 ** places;
  return {
    method: test.method,
    nBefore: test.nBefore,
    nAfter: test.nAfter,
    alpha: test.alpha,
    difference: round(test.difference, 2),
    se: round(test.se, 2),
    statistic: round(test.statistic, 2),
    df: round(test.df, 2),
    p: round(test.p, 4),
  };
}

/**
 * What happened after an action: its KPI month by month with the decisions and completions of the
 * team's actions aimed at the same KPI or theme, and a before/after comparison.
 * Themes: until the meeting keeps a themes table, an item "mentions" a theme when it is the feedback
 * origin of an action linked to that theme; the count is per month the item was received.
 */
export function createEffect(deps: { actions: ActionsRepo; service: ActionsService; feedback: FeedbackService }) {
  const { actions, service, feedback } = deps;

  async function forRow(row: ActionRow, now: Date): Promise<Effect> {
    const team = { id: row.team_id, timezone: row.team_timezone };
    const decided = localDate(new Date(row.created_at), row.team_timezone);
    const first = monthIndex(shiftMonths(decided, -BEFORE_AFTER_MONTHS));
    const count = Math.min(36, Math.max(6, monthIndex(localDate(now, row.team_timezone)) - first + 1));
    const metric = row.effect_metric;
    const kpiMonths = metric ? await feedback.monthly(team, metric, count, undefined, now) : null;
    const periods = createPeriods(row.team_timezone).months(count, now);
    const themeId = row.theme_id;
    const mentions = await Promise.all(
      periods.map((period) =>
        themeId ? actions.themeMentions(row.team_id, themeId, period.start, period.end) : Promise.resolve(0),
      ),
    );
    const months = periods.map((period, index) => {
      const kpi = kpiMonths?.[index];
      return {
        month: period.month,
        n: kpi?.n ?? 0,
        value: kpi?.value ?? null,
        ci95: kpi?.ci95 ?? null,
        mentions: mentions[index] ?? 0,
      };
    });
    const markers = (await actions.linked(row.team_id, metric, row.theme_id))
      .flatMap((linked) => [
        { at: linked.created_at, kind: 'decided' as const, actionId: linked.id, title: linked.title },
        ...(linked.done_at && linked.status === 'done'
          ? [{ at: linked.done_at, kind: 'done' as const, actionId: linked.id, title: linked.title }]
          : []),
      ])
      .map((marker) => ({ ...marker, month: localDate(new Date(marker.at), row.team_timezone).slice(0, 7) }))
      .sort((a, b) => a.at.localeCompare(b.at));

    let comparison: Effect['comparison'] = null;
    if (metric) {
      const window = async (from: string, to: string) => {
        const counts = await feedback.scoreCounts(team, metric, { from, to });
        const kpi = computeKpi(metric, counts);
        const shown: Window = { from, to, n: kpi.n, value: kpi.value, ci95: kpi.ci95 };
        return { shown, counts };
      };
      const before = await window(shiftMonths(decided, -BEFORE_AFTER_MONTHS), shiftDays(decided, -1));
      const done = row.status === 'done' && row.done_at !== null;
      const doneDate = row.done_at ? localDate(new Date(row.done_at), row.team_timezone) : null;
      const after = done && doneDate ? await window(doneDate, shiftMonths(doneDate, BEFORE_AFTER_MONTHS)) : null;
      // The verdict is the test's: a difference is real when it is unlikely under "no change" (p < 0.05).
      const test = after ? kpiDifference(metric, before.counts, after.counts) : null;
      comparison = {
        before: before.shown,
        after: after?.shown ?? null,
        verdict: test?.verdict ?? 'not_done',
        test: test ? rounded(test) : null,
      };
    }
    return { actionId: row.id, metric, themeId: row.theme_id, months, markers, comparison };
  }

  return {
    /** For the tracker and for the meeting's check-in step, which passes its own actor. */
    async effect(user: User, actionId: number, now = new Date()): Promise<Effect> {
      return forRow(await service.visible(user, actionId), now);
    },
  };
}
