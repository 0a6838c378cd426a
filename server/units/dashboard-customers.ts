import { MIN_ANSWERS } from '../../shared/kpi.ts';
import { monthsUpTo } from '../../shared/kpi-pool.ts';
import { METRICS, type Metric } from '../../shared/schemas/imports.ts';
import type { Customers } from '../../shared/schemas/units.ts';
import { localDate, toLocal } from '../../shared/zoned-clock.ts';
import type { ActionsService } from '../actions/service.ts';
import type { FeedbackService } from '../feedback/service.ts';
import type { TeamRow } from '../teams/repo.ts';

/** The dashboard's customer chart spans the last twelve months, as the team page's chart does. */
export const CUSTOMER_MONTHS = 12;

const isMetric = (value: string | null): value is Metric => METRICS.some((metric) => metric === value);
const monthOf = (instant: string, timezone: string) => localDate(toLocal(new Date(instant), timezone)).slice(0, 7);

/**
 * A unit's customers section: each team's KPIs and the unit's pooled figure per metric, month by
 * month, from the monthly rollups (feedbackService.unitKpis over shared/kpi-pool.ts, the same
 * computeKpi and 95 % interval as the team page), with the months in which actions aimed at the
 * metric were completed. Months are each team's own calendar months; the window ends with this
 * month in the zone of the unit's first team (the zone the rhythm's periods use), UTC without teams.
 */
export async function unitCustomers(
  deps: { feedback: Pick<FeedbackService, 'unitKpis'>; actions: Pick<ActionsService, 'doneWithMetric'> },
  teams: readonly TeamRow[],
  now: Date,
): Promise<Customers> {
  const zone = teams[0]?.timezone ?? 'UTC';
  const months = monthsUpTo(localDate(toLocal(now, zone)).slice(0, 7), CUSTOMER_MONTHS);
  const first = months[0] ?? '';
  const last = months.at(-1) ?? '';
  const teamIds = [...teams].sort((a, b) => a.name.localeCompare(b.name)).map((team) => team.id);
  const byId = new Map(teams.map((team) => [team.id, team]));
  const ref = (team: TeamRow) => ({ slug: team.slug, name: team.name, timezone: team.timezone });
  const kpis = await deps.feedback.unitKpis(teamIds, first, last);
  // A day before the first month's midnight in UTC reaches that midnight in every zone; the exact
  // month is then taken in the team's own zone.
  const since = new Date(Date.parse(`${first}-01T00:00:00Z`) - 86_400_000).toISOString();
  const shown = new Set(months);
  const completed = (await deps.actions.doneWithMetric(teamIds, since)).flatMap((row) => {
    const team = byId.get(row.team_id);
    if (!team || !row.done_at || !isMetric(row.effect_metric)) return [];
    const month = monthOf(row.done_at, team.timezone);
    if (!shown.has(month)) return [];
    return [{ id: row.id, title: row.title, team: ref(team), metric: row.effect_metric, month, doneAt: row.done_at }];
  });
  const done = (metric: Metric, month: string, teamId?: number) =>
    completed.filter(
      (action) =>
        action.metric === metric &&
        action.month === month &&
        (teamId === undefined || byId.get(teamId)?.slug === action.team.slug),
    ).length;
  return {
    months,
    minimum: MIN_ANSWERS,
    metrics: kpis.pooled.map((pool) => ({
      metric: pool.metric,
      unit: pool.months.map((month) => ({ ...month, actionsDone: done(pool.metric, month.month) })),
      teams: kpis.teams.flatMap((series) => {
        const team = byId.get(series.teamId);
        if (series.metric !== pool.metric || !team) return [];
        return [
          {
            team: ref(team),
            months: series.months.map((month) => ({ ...month, actionsDone: done(pool.metric, month.month, team.id) })),
          },
        ];
      }),
    })),
    completed,
  };
}
