import type { Culture } from '../../shared/schemas/units.ts';

type CultureNoChange = NonNullable<Culture['pooled']['statements'][number]['noChange']>;

/** The quarter before 2026-Q1 is 2025-Q4. */
export function previousQuarter(quarter: string): string {
  const [year, q] = quarter.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** Changes are told to one decimal, like the means they compare: the difference of the two figures shown. */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;
import type { PulseService } from '../pulse/service.ts';
import type { TeamRow } from '../teams/repo.ts';

/**
 * A unit's culture section: the pulse statements rolled up over its teams for the newest quarter,
 * by the pulse service's own rule (pulse.rollup over shared/pulse-pool.ts): only teams whose round
 * met the anonymity thresholds are pooled, and statements show only when the pool meets them too.
 * Comments stay on the team pages: a unit shows counts and means, never anyone's words.
 * Each statement's change is against the previous quarter's pool, by the same rule; it is told only
 * when both pools meet the thresholds, and otherwise the statement says why (noChange).
 */
export async function unitCulture(
  deps: { pulse: Pick<PulseService, 'rollup'> },
  teams: readonly TeamRow[],
): Promise<Culture> {
  const ids = teams.map((team) => team.id);
  const { quarter, threshold, rounds, pooled } = await deps.pulse.rollup(ids);
  const roundOf = new Map(rounds.map((round) => [round.teamId, round]));
  const before = quarter === null ? null : await deps.pulse.rollup(ids, previousQuarter(quarter));
  const hadRound = before !== null && before.rounds.some((round) => round.roundId !== null);
  const previousMean = new Map(
    before?.pooled.enough ? before.pooled.statements.map((s) => [s.statementId, s.mean]) : [],
  );
  const statements = pooled.statements.map((statement) => {
    const earlier = previousMean.get(statement.statementId);
    if (earlier !== undefined)
      return {
        ...statement,
        change: { previousMean: earlier, delta: oneDecimal(statement.mean - earlier) },
        noChange: null,
      };
    const noChange: CultureNoChange = !hadRound
      ? 'no_previous_round'
      : before?.pooled.enough
        ? 'not_asked_before'
        : 'previous_not_enough';
    return { ...statement, change: null, noChange };
  });
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
    pooled: { ...pooled, statements },
    previous:
      before === null || before.quarter === null
        ? null
        : {
            quarter: before.quarter,
            teams: before.pooled.teams,
            respondents: before.rounds.reduce((sum, round) => sum + round.respondents, 0),
            enough: before.pooled.enough,
          },
  };
}
