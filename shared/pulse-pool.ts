import { agreeMean, meetsThreshold } from './pulse.ts';

type Distribution = [number, number, number, number, number];

const add = (a: Distribution, b: Distribution): Distribution => [
  a[0] + b[0],
  a[1] + b[1],
  a[2] + b[2],
  a[3] + b[3],
  a[4] + b[4],
];

/** One team's round in the quarter a rollup is about: its counts, and its answers only when it met the threshold. */
export interface TeamRound {
  teamId: number;
  /** Null when the team had no round that quarter. */
  roundId: number | null;
  respondents: number;
  eligible: number;
  open: boolean;
  /** Whether the team's own result is shown (meetsThreshold): only then do its answers enter a rollup. */
  enough: boolean;
  statements: { statementId: number; textEn: string; textDa: string; distribution: Distribution }[];
}

export interface PooledStatement {
  statementId: number;
  textEn: string;
  textDa: string;
  distribution: Distribution;
  /** Answers to the statement over the pooled teams. */
  n: number;
  mean: number;
  /** How many of the pooled teams were asked it. */
  teams: number;
}

export interface PooledPulse {
  /** The teams whose answers are pooled: those whose own round met the threshold. */
  teams: number;
  respondents: number;
  eligible: number;
  /** Whether the pool itself meets the threshold; without it no statement is shown. */
  enough: boolean;
  statements: PooledStatement[];
}

/**
 * The pulse rolled up over teams. Only teams whose own round met the threshold enter it, so no
 * rollup holds answers a team page withholds (otherwise the rollup minus the shown teams would
 * reveal a small team's answers); the pool and each statement must then meet the same threshold
 * by the same rule. Statements keep the order in which the teams' rounds asked them.
 */
export function poolPulse(rounds: readonly TeamRound[], threshold: number): PooledPulse {
  const pooled = rounds.filter((round) => round.enough && meetsThreshold(round, threshold));
  const respondents = pooled.reduce((sum, round) => sum + round.respondents, 0);
  const eligible = pooled.reduce((sum, round) => sum + round.eligible, 0);
  const enough = pooled.length > 0 && meetsThreshold({ respondents, eligible, open: false }, threshold);
  const byStatement = new Map<number, Omit<PooledStatement, 'n' | 'mean'>>();
  if (enough)
    for (const round of pooled)
      for (const statement of round.statements) {
        const entry = byStatement.get(statement.statementId);
        if (!entry) {
          byStatement.set(statement.statementId, {
            statementId: statement.statementId,
            textEn: statement.textEn,
            textDa: statement.textDa,
            distribution: [...statement.distribution],
            teams: 1,
          });
          continue;
        }
        entry.distribution = add(entry.distribution, statement.distribution);
        entry.teams += 1;
      }
  const statements = [...byStatement.values()]
    .map((entry) => ({
      ...entry,
      n: entry.distribution.reduce((sum, count) => sum + count, 0),
      mean: agreeMean(entry.distribution),
    }))
    // Every answer gives a score to every statement of its round, so n equals the respondents of the
    // teams asked it; the check stays so a statement never shows on fewer answers than the rule allows.
    .filter((entry) => entry.n >= threshold);
  return { teams: pooled.length, respondents, eligible, enough, statements };
}
