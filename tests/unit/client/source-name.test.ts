import { describe, expect, it } from 'vitest';
import { appDa } from '../../../client/lib/i18n/areas/app.da.ts';
import { appEn } from '../../../client/lib/i18n/areas/app.en.ts';
import { sourceName } from '../../../client/lib/source-name.ts';
import { Translator } from '../../../shared/translate.ts';

describe('feedback sources by their proper names', () => {
  const words = new Translator('en');
  words.add('en', appEn);
  words.add('da', appDa);
  const da = (key: string) => words.t('da', key);
  const en = (key: string) => words.t('en', key);

  it('names the known tools and channels in each language, whether the id is written with _ or -', () => {
    expect(sourceName('google_play', da)).toBe('Google Play');
    expect(sourceName('google-play', en)).toBe('Google Play');
    expect(sourceName('trustpilot', da)).toBe('Trustpilot');
    expect(sourceName('app_store', en)).toBe('App Store');
    expect(sourceName('nps', da)).toBe('NPS-undersøgelse');
    expect(sourceName('nps', en)).toBe('NPS survey');
    expect(sourceName('survey', da)).toBe('Undersøgelse');
    expect(sourceName('CSAT', da)).toBe('CSAT-undersøgelse');
    expect(sourceName('support_rating', en)).toBe('Support rating');
  });

  it('shows a team’s own source as written', () => {
    expect(sourceName('webshop', da)).toBe('webshop');
    expect(sourceName('Butik i Aarhus', en)).toBe('Butik i Aarhus');
  });
});
