import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/language.ts';
import { MASK, MASK_LABELS } from '../../../shared/redact.ts';
import { CONCEPTS, conceptsOfWord, conceptVector } from '../../../server/themes/lexicon.ts';
import { suggestThemes, type SuggestItem } from '../../../server/themes/suggest.ts';
import { analyse } from '../../../server/themes/text.ts';
import { seeded } from '../../helpers/seeded-random.ts';

/** The keys of a comment's concepts. */
const concepts = (text: string, language: Language): string[] =>
  conceptVector(analyse(text, language)).map(([number]) => CONCEPTS[number]?.key ?? '?');

describe('the concept lexicon', () => {
  it.each([
    ['Leveringen var forsinket igen', 'The delivery was late again', 'delivery'],
    ['Pakken kom aldrig frem', 'My parcel never arrived', 'delivery'],
    ['Prisen er alt for høj', 'The price is far too high', 'price'],
    ['Alt for dyrt', 'Far too expensive', 'price'],
    ['Kundeservicen svarede aldrig på min mail', 'Customer service never answered my email', 'support'],
    ['Jeg har stadig ikke fået min refusion', 'I still have not received my refund', 'returns'],
    ['Kvaliteten er blevet dårligere', 'The quality has gone down', 'quality'],
    ['Appen crasher hele tiden', 'The app crashes all the time', 'digital'],
    ['Jeg kan ikke logge ind med min adgangskode', 'I cannot log in with my password', 'account'],
    ['Fakturaen var forkert', 'The invoice was wrong', 'billing'],
    ['Personalet var uhøfligt', 'The staff were rude', 'staff'],
    ['Vi ventede en time i telefonkøen', 'We waited an hour in the queue', 'waiting'],
  ])('gives "%s" and "%s" the concept %s', (danish, english, key) => {
    expect(concepts(danish, 'da')).toContain(key);
    expect(concepts(english, 'en')).toContain(key);
  });

  it('finds a concept in a Danish compound, an inflection and a typing slip', () => {
    const keys = (word: string) => conceptsOfWord(word).map((number) => CONCEPTS[number]?.key);
    expect(keys('fragtprisen')).toContain('price');
    expect(keys('leveringstiden')).toContain('delivery');
    expect(keys('kundeserivce')).toContain('support');
    expect(keys('refnd')).toContain('returns');
    expect(keys('qualty')).toContain('quality');
    // A short word is not read as a slip of a longer one, and everyday words belong to no concept.
    expect(keys('ring')).toEqual([]);
    expect(keys('hund')).toEqual([]);
    expect(keys('weather')).toEqual([]);
  });

  it('never takes a concept from masked personal data (the Danish phone mask would read as "telefon")', () => {
    const masks = [...Object.values(MASK), ...Object.values(MASK_LABELS.da), ...Object.values(MASK_LABELS.en)];
    for (const language of ['da', 'en'] as const) expect(concepts(masks.join(' '), language)).toEqual([]);
    const items: SuggestItem[] = [
      ...Array.from({ length: 6 }, (_, index) => ({ id: `m${index}`, text: `Ring på ${MASK_LABELS.da.phone}` })),
      ...Array.from({ length: 6 }, (_, index) => ({ id: `e${index}`, text: `Skriv til ${MASK.email} nr ${index}` })),
    ];
    const result = suggestThemes({ items, language: 'da' });
    for (const theme of result.themes)
      for (const word of [theme.name, ...theme.terms])
        expect(word.toLocaleLowerCase()).not.toMatch(/telefon|phone|e-mail|mail|cpr|slettet|erased/);
  });

  it('has each concept named in both languages and unit-length vectors', () => {
    expect(CONCEPTS.length).toBeGreaterThanOrEqual(8);
    expect(CONCEPTS.length).toBeLessThanOrEqual(12);
    for (const concept of CONCEPTS) {
      expect(concept.name.da).not.toBe('');
      expect(concept.name.en).not.toBe('');
    }
    const vector = conceptVector(analyse('Pakken kom for sent og prisen var for høj, pakken var våd', 'da'));
    expect(vector.reduce((sum, [, weight]) => sum + weight * weight, 0)).toBeCloseTo(1, 10);
    expect(conceptVector(analyse('ok', 'da'))).toEqual([]);
  });
});

const DANISH_DELIVERY = [
  'Leveringen var forsinket igen',
  'Pakken kom tre dage for sent',
  'Min pakke er stadig ikke leveret',
  'Forsendelsen tog en uge',
];
const ENGLISH_DELIVERY = [
  'The delivery was late again',
  'My parcel arrived three days late',
  'Shipping took a week',
  'The courier never delivered my package',
];
const DANISH_PRICE = ['Prisen er alt for høj', 'Alt for dyrt', 'Priserne er steget igen', 'Det koster for meget'];
const ENGLISH_PRICE = ['The price is far too high', 'Far too expensive', 'Prices went up again', 'It costs too much'];

const bilingual = (): SuggestItem[] =>
  [...DANISH_DELIVERY, ...ENGLISH_DELIVERY, ...DANISH_PRICE, ...ENGLISH_PRICE].map((text, index) => ({
    id: `b${index}`,
    text,
  }));

describe('suggestions across Danish and English', () => {
  it('puts a Danish and an English comment on one topic in one theme', () => {
    const result = suggestThemes({ items: bilingual(), language: 'da' });
    const themeOf = (id: string) => result.themes.findIndex((theme) => theme.ids.includes(id));
    // Danish delivery (b0) with English delivery (b4); Danish price (b8) with English price (b12); apart.
    expect(themeOf('b0')).toBeGreaterThanOrEqual(0);
    expect(themeOf('b0')).toBe(themeOf('b4'));
    expect(themeOf('b8')).toBeGreaterThanOrEqual(0);
    expect(themeOf('b8')).toBe(themeOf('b12'));
    expect(themeOf('b0')).not.toBe(themeOf('b8'));
  });

  it('joins two English comments on a small board to the Danish theme on their topic', () => {
    const texts = [
      'Pakken kom en uge for sent',
      'Leveringen var forsinket igen',
      'Pakken var forsinket',
      'The parcel arrived a week late',
      'Delivery was delayed again',
      'Supporten var venlig og hurtig',
      'Customer service was friendly and quick',
      'Supporten svarede hurtigt',
    ];
    const result = suggestThemes({ items: texts.map((text, index) => ({ id: `s${index}`, text })), language: 'da' });
    expect(result.themes.map((theme) => ({ name: theme.name, ids: theme.ids }))).toEqual([
      { name: 'Levering', ids: ['s0', 's1', 's2', 's3', 's4'] },
      { name: 'Kundeservice', ids: ['s5', 's6', 's7'] },
    ]);
  });

  it('names a theme that mixes both languages in the team’s language', () => {
    const danishTeam = suggestThemes({ items: bilingual(), language: 'da' });
    const englishTeam = suggestThemes({ items: bilingual(), language: 'en' });
    const themeOf = (themes: typeof danishTeam.themes, id: string) => themes.find((theme) => theme.ids.includes(id));
    // Most of each theme's comments share one concept of the lexicon: the theme takes its name.
    expect(themeOf(danishTeam.themes, 'b0')).toMatchObject({ name: 'Levering', language: 'da' });
    expect(themeOf(danishTeam.themes, 'b8')).toMatchObject({ name: 'Pris', language: 'da' });
    expect(themeOf(englishTeam.themes, 'b0')).toMatchObject({ name: 'Delivery', language: 'en' });
    expect(themeOf(englishTeam.themes, 'b8')).toMatchObject({ name: 'Price', language: 'en' });
    // The grouping itself does not depend on the language the names are given in.
    expect(englishTeam.themes.map((theme) => theme.ids)).toEqual(danishTeam.themes.map((theme) => theme.ids));
  });

  it('gives the same result again, and for the items in any order', () => {
    const items = bilingual();
    const first = suggestThemes({ items, language: 'en' });
    expect(suggestThemes({ items, language: 'en' })).toEqual(first);
    const random = seeded(17);
    for (let round = 0; round < 5; round++) {
      const shuffled = [...items];
      for (let index = shuffled.length - 1; index > 0; index--) {
        const other = Math.floor(random() * (index + 1));
        [shuffled[index], shuffled[other]] = [shuffled[other] as SuggestItem, shuffled[index] as SuggestItem];
      }
      const again = suggestThemes({ items: shuffled, language: 'en' });
      expect(again.themes.map((theme) => ({ ...theme, ids: [...theme.ids].sort() }))).toEqual(
        first.themes.map((theme) => ({ ...theme, ids: [...theme.ids].sort() })),
      );
      expect([...again.unassigned].sort()).toEqual([...first.unassigned].sort());
    }
  });
});
