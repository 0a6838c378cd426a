import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { da } from '../../../client/lib/i18n/da.ts';
import { en } from '../../../client/lib/i18n/en.ts';
import { Translator, type Catalogue, type Params } from '../../../shared/translate.ts';

/** The client's translator replaced i18next to keep 13 KB off every page; it must answer as i18next does. */
describe('the translator, held to i18next', () => {
  const plural: Catalogue = {
    dot_one: '{{count}} prik',
    dot_other: '{{count}} prikker',
    none_zero: 'ingen',
    none_one: 'én',
    none_other: '{{count}} stk.',
  };
  const spaced = 'Hej {{ name }}, {{missing}}!';
  const extra: Catalogue = { plural, spaced, onlyEn: 'English only' };
  const reference = i18next.createInstance();
  const translator = new Translator('en');

  beforeAll(async () => {
    const daExtra = { plural, spaced };
    await reference.init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: { ...en, ...extra } }, da: { translation: { ...da, ...daExtra } } },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    translator.add('en', { ...en, ...extra });
    translator.add('da', { ...da, ...daExtra });
  });

  const cases: [string, Params][] = [
    ['app.name', {}],
    ['errors.codes.CSRF', {}],
    ['home.since', { date: '3. dec. 2026' }],
    ['live.split.do', { count: '3' }],
    ['plural.dot', { count: 1 }],
    ['plural.dot', { count: 2 }],
    ['plural.dot', { count: 0 }],
    ['plural.none', { count: 0 }],
    ['plural.none', { count: 1 }],
    ['plural.none', { count: 7 }],
    ['plural.dot', { count: '1' }],
    ['spaced', { name: 'Mette' }],
    ['onlyEn', {}],
    ['no.such.key', {}],
  ];

  it.each(cases)('gives %s with %o the same text in both languages', (key, params) => {
    for (const lng of ['en', 'da'] as const) {
      expect(translator.t(lng, key, params), `${lng} ${key}`).toBe(reference.t(key, { lng, ...params }));
    }
  });

  it('gives a key that names a group of texts back as the key', () => {
    expect(translator.t('da', 'errors')).toBe('errors');
  });

  it('answers only for languages it was given', () => {
    const fresh = new Translator('en');
    expect(fresh.has('da')).toBe(false);
    expect(fresh.t('da', 'app.name')).toBe('app.name');
    fresh.add('da', da);
    expect(fresh.has('da')).toBe(true);
    expect(fresh.t('da', 'app.name')).toBe('Kadence');
  });
});
