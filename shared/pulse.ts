/** Results below this many respondents are never shown; the threshold can be raised, never lowered. */
export const MIN_RESPONDENTS = 5;
/** Comments need at least this many respondents by default; never fewer than the number threshold. */
export const DEFAULT_COMMENT_RESPONDENTS = 5;

/**
 * Warnings when a round opens (codes the client translates): the team has fewer eligible members than
 * the threshold, so its results (or its comments) will never be shown for this round.
 */
export const PULSE_WARNINGS = ['PULSE_RESULTS_NEVER_SHOWN', 'PULSE_COMMENTS_NEVER_SHOWN'] as const;
export type PulseWarningCode = (typeof PULSE_WARNINGS)[number];

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export interface StatementResult {
  statementId: number;
  textEn: string;
  textDa: string;
  /** Answers per point on the agree scale, index 0 = 1 (strongly disagree) … 4 = 5 (strongly agree). */
  distribution: [number, number, number, number, number];
  mean: number;
  /** Change in mean from the team's previous quarter with a shown result, if there is one. */
  change: number | null;
}

/** Mean of an agree-scale distribution, to one decimal. */
export function agreeMean(distribution: readonly number[]): number {
  const n = distribution.reduce((sum, count) => sum + count, 0);
  if (n === 0) return 0;
  const total = distribution.reduce((sum, count, index) => sum + count * (index + 1), 0);
  return Math.round((total / n) * 10) / 10;
}

/** The quarter a date falls in, e.g. 2026-Q4. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** Orders quarters so trends read left to right. */
export function compareQuarters(a: string, b: string): number {
  return a.localeCompare(b);
}

/**
 * The anonymity rule every pulse figure passes, a team's and every rollup's alike: a closed round,
 * and both the people who answered and the people who could answer (fixed when it opened) reach
 * the threshold, so accounts added later cannot make up the numbers.
 */
export function meetsThreshold(group: { respondents: number; eligible: number; open: boolean }, threshold: number) {
  return !group.open && group.respondents >= threshold && group.eligible >= threshold;
}
