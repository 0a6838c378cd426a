import { createHash } from 'node:crypto';
import { type ScoreBand, scoreBandRange } from '../../shared/kpi.ts';
import type { Metric } from '../../shared/fields.ts';

export interface Candidate {
  id: number;
  source: string;
  metric: Metric | null;
  score: number | null;
  flagged: number;
}

export function bandOf(item: Pick<Candidate, 'metric' | 'score'>): ScoreBand | 'none' {
  if (item.metric === null || item.score === null) return 'none';
  for (const band of ['promoter', 'passive', 'detractor'] as const) {
    const [low, high] = scoreBandRange(item.metric, band);
    if (item.score >= low && item.score <= high) return band;
  }
  return 'none';
}

/**
 * A readable board: every flagged item, then a sample stratified by score band and source, each
 * stratum represented in proportion to its size (and at least once while there is room). The order
 * inside a stratum comes from a hash of meeting and item, so the same window gives the same board.
 */
export function proposeCards(items: Candidate[], size: number, seed: string): number[] {
  const flagged = items.filter((item) => item.flagged === 1).map((item) => item.id);
  const room = Math.max(0, size - flagged.length);
  const rank = (id: number) => createHash('sha1').update(`${seed}:${id}`).digest('hex');
  const strata = new Map<string, number[]>();
  for (const item of items) {
    if (item.flagged === 1) continue;
    const key = `${bandOf(item)}|${item.source}`;
    strata.set(key, [...(strata.get(key) ?? []), item.id]);
  }
  const ordered = [...strata.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, ids]) => ({ key, ids: ids.sort((x, y) => rank(x).localeCompare(rank(y))) }));
  const total = ordered.reduce((sum, stratum) => sum + stratum.ids.length, 0);
  const quota = new Map(
    ordered.map((stratum) => [
      stratum.key,
      Math.min(stratum.ids.length, Math.max(1, Math.floor((stratum.ids.length / Math.max(1, total)) * room))),
    ]),
  );
  let chosen = ordered.flatMap((stratum) => stratum.ids.slice(0, quota.get(stratum.key)));
  // Rounding leaves room or overshoots: fill from the largest strata, or trim the smallest quotas last.
  if (chosen.length > room) chosen = chosen.slice(0, room);
  for (const stratum of [...ordered].sort((a, b) => b.ids.length - a.ids.length)) {
    for (const id of stratum.ids) {
      if (chosen.length >= room) break;
      if (!chosen.includes(id)) chosen.push(id);
    }
  }
  return [...flagged, ...chosen];
}
