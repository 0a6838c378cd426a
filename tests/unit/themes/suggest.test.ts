import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestThemes, type SuggestItem, type Suggestions } from '../../../server/themes/suggest.ts';
import { seeded } from '../../helpers/seeded-random.ts';

const DELIVERY = [
  'Pakken kom tre dage for sent',
  'Leveringen var forsinket igen',
  'Pakken er forsinket og leveringen tog en uge',
  'Min pakke kom for sent',
  'Levering tog alt for lang tid, pakken var forsinket',
  'Leveringerne er altid forsinkede',
];
const PRICE = [
  'Prisen er alt for høj',
  'Alt for dyrt, prisen er steget',
  'Priserne er for høje i forhold til før',
  'Dyrt, prisen steg igen',
  'Prisen på fragt er for høj',
];
const LOGIN = [
  'I cannot log in to my account',
  'Login fails, my account is locked',
  'Cannot log in since the update, account error',
  'My account login is broken',
];
const NOISE = ['ok', '...', 'nej', '12345', 'Ring til mig på [phone]'];

const board = (): SuggestItem[] =>
  [...DELIVERY, ...PRICE, ...LOGIN, ...NOISE].map((text, index) => ({ id: `c${index}`, text }));

/** Every input id exactly once across themes and unassigned, nothing else. */
function expectEveryIdOnce(items: readonly SuggestItem[], result: Suggestions): void {
  const out = [...result.themes.flatMap((theme) => theme.ids), ...result.unassigned];
  expect(out.length).toBe(items.length);
  expect(new Set(out)).toEqual(new Set(items.map((item) => item.id)));
}

/** A result with ids sorted, to compare results whose input came in another order. */
const canonical = (result: Suggestions) => ({
  themes: result.themes.map((theme) => ({ ...theme, ids: [...theme.ids].sort() })),
  unassigned: [...result.unassigned].sort(),
});

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

describe('suggestThemes', () => {
  it('groups delivery, price and login comments apart and names them from their words', () => {
    const result = suggestThemes({ items: board() });
    expectEveryIdOnce(board(), result);
    const themeOf = (id: string) => result.themes.find((theme) => theme.ids.includes(id));
    const delivery = themeOf('c1');
    const price = themeOf(`c${DELIVERY.length}`);
    const login = themeOf(`c${DELIVERY.length + PRICE.length}`);
    expect(delivery).toBeDefined();
    expect(new Set([delivery, price, login]).size).toBe(3);
    expect(delivery?.ids.length).toBeGreaterThanOrEqual(4);
    expect(price?.name).toMatch(/^Pris/);
    expect(login?.language).toBe('en');
    // Noise and the masked phone number never make a theme.
    for (let index = 0; index < NOISE.length; index++)
      expect(result.unassigned).toContain(`c${DELIVERY.length + PRICE.length + LOGIN.length + index}`);
  });

  it('names a theme after the commonest written form of its top stem, capitalised', () => {
    const result = suggestThemes({ items: board() });
    const name = result.themes.find((theme) => theme.ids.includes('c1'))?.name ?? '';
    expect(name).toMatch(/^(Pakken|Leveringen|Levering|Forsinket)/);
    expect(name.charAt(0)).toBe(name.charAt(0).toLocaleUpperCase());
  });

  it('gives the same output for the same input, and for the input shuffled', () => {
    const items = board();
    const first = suggestThemes({ items });
    expect(suggestThemes({ items })).toEqual(first);
    const random = seeded(7);
    for (let round = 0; round < 5; round++)
      expect(canonical(suggestThemes({ items: shuffle(items, random) }))).toEqual(canonical(first));
  });

  it('gives the same themes for the 415 labelled comments in any order', () => {
    const lines = readFileSync(new URL('../../../bench/themes/eval-set.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    const items: SuggestItem[] = lines.map((line) => {
      const row = JSON.parse(line) as { id: string; text: string };
      return { id: row.id, text: row.text };
    });
    const result = suggestThemes({ items });
    expect(result.themes.length).toBeGreaterThan(3);
    const random = seeded(415);
    for (let round = 0; round < 3; round++)
      expect(canonical(suggestThemes({ items: shuffle(items, random) }))).toEqual(canonical(result));
  });

  it('offers a cluster that resembles an earlier theme under that theme’s name', () => {
    const result = suggestThemes({ items: board(), earlierThemes: [{ name: 'Levering' }, { name: 'Åbningstider' }] });
    const delivery = result.themes.find((theme) => theme.ids.includes('c1'));
    expect(delivery?.name).toBe('Levering');
    expect(delivery?.matched).toBe('Levering');
    expect(result.themes.filter((theme) => theme.matched !== undefined)).toHaveLength(1);
  });

  it('matches an earlier theme by the texts grouped under it when its name says nothing', () => {
    const result = suggestThemes({
      items: board(),
      earlierThemes: [{ name: 'Det med kassen', texts: ['Prisen er for høj', 'Alt er blevet dyrt'] }],
    });
    const price = result.themes.find((theme) => theme.ids.includes(`c${DELIVERY.length}`));
    expect(price?.matched).toBe('Det med kassen');
    expect(price?.name).toBe('Det med kassen');
  });

  it('offers English comments on last month’s Danish theme under its name, through the concept they share', () => {
    const english = [
      'The parcel arrived three days late',
      'Delivery was delayed again',
      'My package came late and shipping took a week',
      'Late delivery, the courier never came',
      'Shipping took far too long',
      'The price is far too high',
      'Too expensive, prices went up again',
      'Prices are high compared to before',
      'Expensive, the price rose again',
    ].map((text, i) => ({ id: `e${i}`, text, language: 'en' as const }));
    const result = suggestThemes({ items: english, earlierThemes: [{ name: 'Levering' }], language: 'da' });
    const delivery = result.themes.find((theme) => theme.ids.includes('e1'));
    expect(delivery?.matched).toBe('Levering');
    expect(delivery?.name).toBe('Levering');
    // The price comments speak of another concept: not offered as Levering.
    const price = result.themes.find((theme) => theme.ids.includes('e5'));
    expect(price?.matched).toBeUndefined();
  });

  it('matches each earlier theme at most once', () => {
    const result = suggestThemes({ items: board(), earlierThemes: [{ name: 'Levering og pris' }] });
    expect(result.themes.filter((theme) => theme.matched === 'Levering og pris')).toHaveLength(1);
  });

  it('lets a typo join its word’s theme by shared n-grams, but not a short word found inside another', () => {
    const items = [...board(), { id: 'typo', text: 'Leverngerne' }, { id: 'inside', text: 'Ring' }];
    const result = suggestThemes({ items });
    expectEveryIdOnce(items, result);
    const delivery = result.themes.find((theme) => theme.ids.includes('c1'));
    expect(delivery?.ids).toContain('typo');
    expect(result.unassigned).toContain('inside');
  });

  it('refuses an id given twice', () => {
    expect(() => suggestThemes({ items: [...board(), { id: 'c0', text: 'igen' }] })).toThrow(/twice/);
  });

  it('puts items without content words, and everything of an empty board, in unassigned', () => {
    expect(suggestThemes({ items: [] })).toEqual({ themes: [], unassigned: [] });
    const result = suggestThemes({
      items: [
        { id: 'a', text: '' },
        { id: 'b', text: 'ok' },
        { id: 'c', text: '42' },
      ],
    });
    expect(result).toEqual({ themes: [], unassigned: ['a', 'b', 'c'] });
  });

  it('gives every id exactly once, over random inputs (property)', () => {
    const random = seeded(2026);
    const words = [
      'pakken',
      'levering',
      'forsinket',
      'prisen',
      'dyrt',
      'app',
      'crasher',
      'login',
      'refund',
      'delivery',
      'late',
      'price',
      'kvalitet',
      'god',
      'tak',
      '[phone]',
      'og',
      'ikke',
      'the',
      '42',
    ];
    for (let round = 0; round < 40; round++) {
      const count = Math.floor(random() * 60);
      const items: SuggestItem[] = [];
      for (let index = 0; index < count; index++) {
        const length = Math.floor(random() * 8);
        const text = Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
        const language = random() < 0.3 ? ('en' as const) : random() < 0.5 ? ('da' as const) : undefined;
        items.push({ id: `r${round}-${index}`, text, language });
      }
      const result = suggestThemes({ items });
      expectEveryIdOnce(items, result);
      // Deterministic whatever the order: the graph's communities are found in a canonical order.
      expect(canonical(suggestThemes({ items: shuffle(items, random) }))).toEqual(canonical(result));
      for (const theme of result.themes) {
        expect(theme.ids.length).toBeGreaterThanOrEqual(2);
        expect(theme.name).not.toBe('');
      }
      expect(new Set(result.themes.map((theme) => theme.name.toLowerCase())).size).toBe(result.themes.length);
    }
  });
});
