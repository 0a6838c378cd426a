import type { Formatter } from '../../shared/format.ts';

export interface AxisLabel {
  index: number;
  text: string;
}

/** Rough width of an 11 px axis label per character, on the wide side so labels never touch. */
const CHAR_WIDTH = 6.5;
/** The least free space between two neighbouring labels. */
const GAP = 8;

export const labelWidth = (text: string): number => text.length * CHAR_WIDTH;

/**
 * Month labels for a chart axis that fit the plot's width: short month names (`feb.`), the year only
 * on the first label and the first of each new year (`jan. 2027`), and only every n-th month where the
 * slots are too narrow for one label each (the smallest n whose labels leave a gap between neighbours).
 * Counted back from the newest month, so it is always named. `otherTexts` are labels drawn in the same
 * slots (the `n=` row), which thin with the months.
 */
export function monthAxisLabels(months: readonly string[], plotWidth: number, format: Pick<Formatter, 'month' | 'monthShort'>, otherTexts: readonly string[] = []): { step: number; labels: AxisLabel[] } {
  const slot = plotWidth / Math.max(1, months.length);
  const fits = (labels: AxisLabel[]) =>
    labels.every((label, i) => {
      const next = labels[i + 1];
      if (next === undefined) return true;
      const room = (next.index - label.index) * slot;
      const other = (index: number) => labelWidth(otherTexts[index] ?? '');
      return room >= (labelWidth(label.text) + labelWidth(next.text)) / 2 + GAP && room >= (other(label.index) + other(next.index)) / 2 + GAP;
    });
  for (let step = 1; step < months.length; step += 1) {
    const labels = everyNth(months, step, format);
    if (fits(labels)) return { step, labels };
  }
  return { step: Math.max(1, months.length), labels: everyNth(months, Math.max(1, months.length), format) };
}

function everyNth(months: readonly string[], step: number, format: Pick<Formatter, 'month' | 'monthShort'>): AxisLabel[] {
  const labels: AxisLabel[] = [];
  let lastYear = '';
  months.forEach((month, index) => {
    if ((months.length - 1 - index) % step !== 0) return;
    const year = month.slice(0, 4);
    labels.push({ index, text: year === lastYear ? format.monthShort(month) : format.month(month) });
    lastYear = year;
  });
  return labels;
}
