import type { User } from '../../shared/schemas/auth.ts';
import type { Overview } from '../../shared/schemas/overview.ts';
import { roleAtLeast } from '../../shared/roles.ts';
import type { ActionsService } from '../actions/service.ts';
import type { MeetingsService } from '../meetings/service.ts';
import type { PulseService } from '../pulse/service.ts';
import type { TeamsService } from '../teams/service.ts';
import type { UnitsService } from '../units/service.ts';

/** How many upcoming reviews the home page lists per team: the next one and the one after. */
const PER_TEAM = 2;

/**
 * The home page's view of one person: their teams' next reviews, the actions they own that are
 * still open, pulse rounds open to them that they have not answered, and, for the teams they lead,
 * the rhythm. Each part is asked of the service that owns its rule, so it says what those pages say.
 * A read: it never schedules or writes. Only teams the person is a member of count (a workspace
 * admin who is not in a team does not "need" its reviews).
 */
export function createOverviewService(deps: {
  teams: TeamsService;
  meetings: MeetingsService;
  actions: Pick<ActionsService, 'list'>;
  pulse: PulseService;
  units: Pick<UnitsService, 'led'>;
}) {
  const { teams, meetings, actions, pulse, units } = deps;
  return {
    async forUser(user: User, now = new Date()): Promise<Overview> {
      const mine = (await teams.listFor(user)).flatMap(({ team, role }) => (role ? [{ team, role }] : []));
      const nowIso = now.toISOString();
      const ref = (team: { slug: string; name: string; timezone: string }) => ({
        slug: team.slug,
        name: team.name,
        timezone: team.timezone,
      });

      const nextReviews = (
        await Promise.all(
          mine.map(async ({ team, role }) =>
            (await meetings.meetings(team))
              .filter((row) => (row.status === 'planned' || row.status === 'live') && row.ends_at > nowIso)
              .slice(0, PER_TEAM)
              .map((row) => ({
                meetingId: row.id,
                team: ref(team),
                startsAt: row.starts_at,
                status: row.status === 'live' ? ('live' as const) : ('planned' as const),
                prepared: row.prepared_at !== null,
                mayPrepare: roleAtLeast(role, 'facilitator'),
              })),
          ),
        )
      )
        .flat()
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));

      const memberOf = new Set(mine.map(({ team }) => team.id));
      const openActions = (await actions.list(user, { owner: 'me' }, now)).actions
        .filter(
          (action) => memberOf.has(action.team.id) && (action.status === 'open' || action.status === 'in_progress'),
        )
        .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));

      const roundsOfTeams = await Promise.all(mine.map(({ team }) => pulse.rounds(user, team.slug)));
      const pulseRounds = mine.flatMap(({ team }, index) =>
        (roundsOfTeams[index] ?? [])
          .filter((round) => round.open && round.mayAnswer && !round.answered)
          .map((round) => ({ roundId: round.id, team: ref(team), quarter: round.quarter, endsOn: round.endsOn })),
      );

      const rhythm = await Promise.all(
        mine
          .filter(({ role }) => role === 'lead')
          .map(async ({ team }) => {
            const health = await meetings.health(team, now);
            return {
              team: ref(team),
              planned: health.planned,
              held: health.held,
              streak: health.streak,
              actionCompletionPct: health.actionCompletionPct,
            };
          }),
      );

      return {
        nextReviews,
        openActions,
        pulseRounds,
        rhythm,
        teams: mine.map(({ team, role }) => ({ slug: team.slug, name: team.name, role })),
        units: await units.led(user),
      };
    },
  };
}
export type OverviewService = ReturnType<typeof createOverviewService>;
