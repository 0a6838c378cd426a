import type { Formatter } from '../../shared/format.ts';

export interface AxisLabel {
  index: number;
  text: string;
}

/** Rough width of an 11 px axis label per character, on the wide side so labels never touch. */
const CHAR_WIDTH = 7;
/** The least free space between two neighbouring labels. */
const GAP = 8;

export const labelWidth = (text: string): number => text.length * CHAR_WIDTH;

/**
 * Month labels for a chart axis that fit the plot's width: short month names (`feb.`), the year only
 * on the first label and the first of each new year (`jan. 2027`), and only every n-th month where the
 * slots are too narrow for one label each. Counted back from the newest month, so it is always named.
 * `otherTexts` are labels drawn in the same slots (the `n=` row), which thin with the months.
 */
export function monthAxisLabels(months: readonly string[], plotWidth: number, format: Pick<Formatter, 'month' | 'monthShort'>, otherTexts: readonly string[] = []): { step: number; labels: AxisLabel[] } {
  if (months.length === 0) return { step: 1, labels: [] };
  const slot = plotWidth / months.length;
  const widest = Math.max(...months.map((month) => labelWidth(format.month(month))), ...otherTexts.map(labelWidth));
  const step = Math.max(1, Math.ceil((widest + GAP) / Math.max(1, slot)));
  const labels: AxisLabel[] = [];
  let lastYear = '';
  months.forEach((month, index) => {
    if ((months.length - 1 - index) % step !== 0) return;
    const year = month.slice(0, 4);
    labels.push({ index, text: year === lastYear ? format.monthShort(month) : format.month(month) });
    lastYear = year;
  });
  return { step, labels };
}
