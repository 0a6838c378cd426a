import { describe, expect, it } from 'vitest';
import { monthAxisLabels } from '../../../client/lib/month-axis.ts';
import { formatter } from '../../../shared/format.ts';

const months = [
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
  '2026-12',
];
const counts = months.map((_, index) => `n=${1040 + index}`);
/** A generous width for an 11 px label: 6.5 px a character. */
const labelWidth = (text: string) => text.length * 6.5;
/** The KPI chart's plot width (its box, as drawn on the check-in step, less 50 px of axis padding) at 1280 px and on a 390 px phone. */
const WIDTHS = { desktop: 708 - 50, phone: 390 - 2 * 16 - 2 * 16 - 50 };

/** Label centres sit in the middle of equal slots; neighbours must leave a gap between their texts. */
function overlaps(texts: { index: number; text: string }[], plotWidth: number): boolean {
  const slot = plotWidth / months.length;
  return texts.some((label, i) => {
    const next = texts[i + 1];
    return (
      next !== undefined && (next.index - label.index) * slot < (labelWidth(label.text) + labelWidth(next.text)) / 2 + 4
    );
  });
}

describe('the month labels on the KPI axis', () => {
  it.each(Object.entries(WIDTHS))('fit the plot without touching (%s)', (_, width) => {
    for (const language of ['da', 'en'] as const) {
      const { labels } = monthAxisLabels(months, width, formatter(language));
      expect(labels.length).toBeGreaterThan(1);
      expect(overlaps(labels, width), `${language} ${labels.map((l) => l.text).join(' | ')}`).toBe(false);
      // The n= row is drawn in the same slots as the months.
      expect(
        overlaps(
          labels.map(({ index }) => ({ index, text: counts[index] ?? '' })),
          width,
        ),
      ).toBe(false);
    }
  });

  it('always name the newest month, write the year once per year and use the viewer’s month names', () => {
    expect(monthAxisLabels(months, WIDTHS.desktop, formatter('da')).step).toBeLessThanOrEqual(2);
    const { labels, step } = monthAxisLabels(months, WIDTHS.phone, formatter('da'));
    expect(step).toBeGreaterThan(1);
    expect(labels.at(-1)?.index).toBe(11);
    const wide = monthAxisLabels(['2026-11', '2026-12', '2027-01', '2027-02'], 600, formatter('da'));
    expect(wide.step).toBe(1);
    expect(wide.labels.map((l) => l.text)).toEqual(['nov. 2026', 'dec.', 'jan. 2027', 'feb.']);
    expect(monthAxisLabels(['2026-11', '2026-12'], 600, formatter('en')).labels.map((l) => l.text)).toEqual([
      'Nov 2026',
      'Dec',
    ]);
  });

  it('says the new year on the first label of that year when thinning skips January', () => {
    // Five months in 200 px: a label every other month, counted back from March.
    const thinned = monthAxisLabels(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03'], 200, formatter('da'));
    expect(thinned.step).toBe(2);
    expect(thinned.labels.map((l) => l.text)).toEqual(['nov. 2026', 'jan. 2027', 'mar.']);
    const skipped = monthAxisLabels(['2026-12', '2027-01', '2027-02', '2027-03'], 160, formatter('da'));
    expect(skipped.step).toBe(2);
    expect(skipped.labels.map((l) => l.text)).toEqual(['jan. 2027', 'mar.']);
    const overJanuary = monthAxisLabels(['2026-11', '2026-12', '2027-01', '2027-02'], 160, formatter('da'));
    expect(overJanuary.labels.map((l) => l.text)).toEqual(['dec. 2026', 'feb. 2027']);
  });

  it('shows nothing for no months', () => {
    expect(monthAxisLabels([], 600, formatter('da')).labels).toEqual([]);
  });
});
