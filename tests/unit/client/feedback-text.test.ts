import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { da } from '../../../client/lib/i18n/da.ts';
import { en } from '../../../client/lib/i18n/en.ts';
import { editedNote, importCounts } from '../../../client/lib/feedback-text.ts';

/** The inbox's and the import page's words for answers that came back changed, from the real catalogues. */
describe('edited answers and updated counts in both languages', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      lng: 'en',
      resources: { en: { translation: en }, da: { translation: da } },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
  });
  const t =
    (lng: 'en' | 'da') =>
    (key: string, params: Record<string, string | number> = {}) =>
      i18n.t(key, { lng, ...params });
  const edited = { at: '2026-12-03T10:00:00.000Z', metric: 'rating' as const, score: 2 };

  it('says "edited (was 2★)" / "redigeret (var 2★)" when the stars changed', () => {
    const item = { metric: 'rating' as const, score: 4, edited };
    expect(editedNote(item, t('en'))).toBe('edited (was 2★)');
    expect(editedNote(item, t('da'))).toBe('redigeret (var 2★)');
  });

  it('names the metric for other scores, says only "edited" when the score stayed, and nothing for an unchanged answer', () => {
    expect(editedNote({ metric: 'nps', score: 9, edited: { ...edited, metric: 'nps', score: 6 } }, t('da'))).toBe(
      'redigeret (var NPS 6)',
    );
    expect(editedNote({ metric: 'rating', score: 2, edited }, t('en'))).toBe('edited');
    expect(editedNote({ metric: null, score: null, edited: { ...edited, metric: null, score: null } }, t('da'))).toBe(
      'redigeret',
    );
    expect(editedNote({ metric: 'rating', score: 2, edited: null }, t('en'))).toBeNull();
  });

  it('counts updated in the import result and history only when there are some', () => {
    const counts = { imported: 1, updated: 1, duplicates: 1, rejected: 0 };
    expect(importCounts(counts, 'done', t('en'))).toBe('Imported 1, updated 1, duplicates 1, rejected 0.');
    expect(importCounts(counts, 'counts', t('da'))).toBe('1 importeret · 1 opdateret · 1 dublet · 0 afvist');
    expect(
      importCounts({ imported: 1234, updated: 0, duplicates: 2, rejected: 0 }, 'counts', t('da'), (value) =>
        value.toLocaleString('da-DK'),
      ),
    ).toBe('1.234 importeret · 2 dubletter · 0 afvist');
    expect(importCounts({ ...counts, updated: 0 }, 'counts', t('en'))).toBe('1 imported · 1 duplicate · 0 rejected');
    expect(importCounts({ ...counts, updated: 0 }, 'done', t('en'))).toBe('Imported 1, duplicates 1, rejected 0.');
  });
});
