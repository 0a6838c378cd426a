import type { Formatter } from '../../shared/format.ts';

export interface AxisLabel {
  index: number;
  text: string;
}

/** The room one label needs: `sep. 2026` at 11 px is about 60 px wide, plus a gap. */
export const LABEL_ROOM = 70;

/**
 * Month labels for a chart axis that fit the plot's width: short month names (`feb.`), the year only
 * on the first label and on the first label of each new year (`jan. 2027`, or `feb. 2027` when January is skipped), and only every n-th month where a slot is narrower
 * than a label needs. Counted back from the newest month, so it is always named. The `n=` row under
 * the months is narrower and thins with them.
 */
export function monthAxisLabels(
  months: readonly string[],
  plotWidth: number,
  format: Pick<Formatter, 'month' | 'monthShort'>,
): { step: number; labels: AxisLabel[] } {
  const step = Math.max(1, Math.ceil(LABEL_ROOM / (plotWidth / Math.max(1, months.length))));
  const first = (months.length - 1) % step;
  const labels: AxisLabel[] = [];
  let shownYear = '';
  for (const [index, month] of months.entries()) {
    if (index < first || (index - first) % step) continue;
    // A label whose year differs from the label before it says its year, so a year change stays
    // visible even when thinning skips January.
    const year = month.slice(0, 4);
    labels.push({ index, text: year === shownYear ? format.monthShort(month) : format.month(month) });
    shownYear = year;
  }
  return { step, labels };
}
