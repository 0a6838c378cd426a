import type { ActionsService } from '../actions/service.ts';
import type { FeedbackService } from '../feedback/service.ts';
import { type MeetingsService, NO_MEETINGS_HEALTH } from '../meetings/service.ts';
import type { UnitDashboard } from '../units/dashboard.ts';
import type { UnitsService } from '../units/service.ts';
import type { UnitFigures } from './service.ts';

/**
 * The digest's figures from the services that own them: the teams below a unit (units), whether a
 * team lost the rhythm (the unit dashboard, read as of the month's end), its reviews with the
 * actions decided at them (cadence health), its actions (the actions service) and the unit's pooled
 * KPIs (feedback). Reads only.
 */
export function serviceFigures(deps: {
  units: Pick<UnitsService, 'teamsBelow' | 'resolve'>;
  dashboard: UnitDashboard;
  meetings: Pick<MeetingsService, 'healthOfTeams'>;
  actions: Pick<ActionsService, 'ofTeams'>;
  feedback: Pick<FeedbackService, 'unitKpis'>;
}): UnitFigures {
  return {
    async teamsBelow(unitId) {
      return (await deps.units.teamsBelow(unitId)).map(({ team }) => team);
    },
    async teams(unitId, teams, until) {
      if (teams.length === 0) return [];
      const board = await deps.dashboard.forUnit(await deps.units.resolve(String(unitId)), until);
      const rhythm = new Map(board.rhythm.teams.map((row) => [row.team.slug, row]));
      // One read each for all the unit's teams, not one per team.
      const [actions, healths] = await Promise.all([
        deps.actions.ofTeams(
          teams.map((team) => team.id),
          until,
        ),
        deps.meetings.healthOfTeams(teams, until),
      ]);
      return teams.map((team) => {
        const health = healths.get(team.id) ?? NO_MEETINGS_HEALTH;
        const row = rhythm.get(team.slug);
        return {
          teamId: team.id,
          team: { slug: team.slug, name: team.name, timezone: team.timezone },
          meetings: health.meetings,
          actions: actions.filter((action) => action.team.id === team.id),
          lost: row?.lost ?? null,
          lastHeldAt: row?.lastHeldAt ?? null,
        };
      });
    },
    kpis: (teamIds, from, to) => deps.feedback.unitKpis(teamIds, from, to),
  };
}
