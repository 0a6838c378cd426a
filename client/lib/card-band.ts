import { METRICS, type Metric } from '../../shared/fields.ts';
import { scoreBandRange, type ScoreBand } from '../../shared/kpi.ts';
import type { Card } from '../../shared/meeting/index.ts';

export const asMetric = (value: string | null): Metric | null => METRICS.find((metric) => metric === value) ?? null;

/** A card's score band (promoter / passive / detractor, the NPS idea for every metric), or null without a score. */
export function cardBand(card: Pick<Card, 'metric' | 'score'>): ScoreBand | null {
  const metric = asMetric(card.metric);
  if (metric === null || card.score === null) return null;
  for (const band of ['promoter', 'passive', 'detractor'] as const) {
    const [low, high] = scoreBandRange(metric, band);
    if (card.score >= low && card.score <= high) return band;
  }
  return null;
}

/** The metric most of these cards were scored on: the KPI an action made from them should move. */
export function mainMetric(cards: Pick<Card, 'metric'>[]): Metric | null {
  const counts = new Map<Metric, number>();
  for (const card of cards) {
    const metric = asMetric(card.metric);
    if (metric) counts.set(metric, (counts.get(metric) ?? 0) + 1);
  }
  let best: Metric | null = null;
  for (const [metric, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = metric;
  return best;
}
