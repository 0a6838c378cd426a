import type { FeedbackItem } from '../../shared/schemas/feedback.ts';
import type { Metric } from '../../shared/fields.ts';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A score as the inbox shows it: stars for a rating, the metric's name before any other score. */
export function scoreText(metric: Metric, score: number, t: Translate): string {
  return metric === 'rating'
    ? t('feedback.stars', { score: String(score) })
    : `${t(`feedback.metrics.${metric}`)} ${score}`;
}

/**
 * What the inbox says of an answer that came back changed: "edited (was 2★)" when the score changed,
 * "edited" when only the words or the reply did; null for an answer never changed.
 */
export function editedNote(item: Pick<FeedbackItem, 'edited' | 'metric' | 'score'>, t: Translate): string | null {
  if (!item.edited) return null;
  const { metric, score } = item.edited;
  if (metric === null || score === null || (metric === item.metric && score === item.score))
    return t('feedback.edited');
  return t('feedback.editedWas', { score: scoreText(metric, score, t) });
}

/**
 * An import's counts in one line; "updated" is named only when an import updated something. Numbers
 * go through `number` (the formatter: 1.234 in Danish); the history's "1 dublet / 2 dubletter" takes
 * its plural form from the count.
 */
export function importCounts(
  counts: { imported: number; updated: number; duplicates: number; rejected: number },
  key: 'done' | 'counts',
  t: Translate,
  number: (value: number) => string = String,
): string {
  const duplicates =
    key === 'counts'
      ? t('imports.duplicates', { count: counts.duplicates, n: number(counts.duplicates) })
      : number(counts.duplicates);
  const params = {
    imported: number(counts.imported),
    updated: number(counts.updated),
    duplicates,
    rejected: number(counts.rejected),
  };
  return t(counts.updated > 0 ? `imports.${key}WithUpdates` : `imports.${key}`, params);
}
