import type { Culture } from '../../shared/schemas/units.ts';
import type { PulseService } from '../pulse/service.ts';
import type { TeamRow } from '../teams/repo.ts';

/**
 * A unit's culture section: the pulse statements rolled up over its teams for the newest quarter,
 * by the pulse service's own rule (pulse.rollup over shared/pulse-pool.ts): only teams whose round
 * met the anonymity thresholds are pooled, and statements show only when the pool meets them too.
 * Comments stay on the team pages: a unit shows counts and means, never anyone's words.
 */
export async function unitCulture(
  deps: { pulse: Pick<PulseService, 'rollup'> },
  teams: readonly TeamRow[],
): Promise<Culture> {
  const { quarter, threshold, rounds, pooled } = await deps.pulse.rollup(teams.map((team) => team.id));
  const roundOf = new Map(rounds.map((round) => [round.teamId, round]));
  return {
    quarter,
    threshold,
    teams: [...teams]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((team) => {
        const round = roundOf.get(team.id);
        return {
          team: { slug: team.slug, name: team.name, timezone: team.timezone },
          hasRound: round?.roundId != null,
          respondents: round?.respondents ?? 0,
          eligible: round?.eligible ?? 0,
          open: round?.open ?? false,
          included: round?.enough ?? false,
        };
      }),
    pooled,
  };
}
