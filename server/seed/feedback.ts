import type { Language } from '../../shared/language.ts';
import type { Services } from '../services.ts';
import type { Random } from './random.ts';
import { OTHER_QUOTES, THEMES, type ThemeKey } from './story.ts';

/** About this many answers arrive in a whole review period. */
const PER_PERIOD = 80;
const SOURCES: Record<Language, string[]> = {
  da: ['trustpilot', 'webshop', 'telefon', 'app-store'],
  en: ['trustpilot', 'webshop', 'phone', 'app-store'],
};

/** Which theme a customer's text belongs to (null: none), so a board can be grouped as the team would. */
export type ThemeOfText = Map<string, ThemeKey | null>;

export function themeOfText(language: Language): ThemeOfText {
  const map: ThemeOfText = new Map();
  for (const [key, theme] of Object.entries(THEMES) as [ThemeKey, (typeof THEMES)[ThemeKey]][])
    for (const quote of theme.quotes[language]) map.set(quote, key);
  for (const quote of OTHER_QUOTES[language]) map.set(quote, null);
  return map;
}

interface Item {
  id: string;
  receivedAt: string;
  metric: 'nps' | 'csat';
  score: number;
  comment: string;
  source: string;
  customer: string;
  language: Language;
}

/**
 * One review period's feedback as the story has it: its themes' complaints, praise, and neutral words,
 * the rest promoters once fixes have landed (the praise theme grows as the year goes on).
 * `share` is the part of the period that has passed (the current one is not over yet).
 */
function periodItems(slug: string, language: Language, period: number, from: Date, to: Date, random: Random): Item[] {
  const share = Math.min(1, (to.getTime() - from.getTime()) / (30 * 86_400_000));
  const items: Item[] = [];
  const add = (metric: 'nps' | 'csat', score: number, comment: string, source?: string) => {
    const at = new Date(from.getTime() + random.between(0.02, 0.98) * (to.getTime() - from.getTime()));
    items.push({
      id: `demo-${slug}-${period}-${items.length}`,
      receivedAt: at.toISOString(),
      metric,
      score,
      comment,
      source: source ?? random.pick(SOURCES[language]),
      customer: `kunde${random.int(0, 600)}@demo.kadence`,
      language,
    });
  };
  for (const theme of Object.values(THEMES)) {
    const count = Math.round((theme.perPeriod[period] ?? 0) * share);
    for (let index = 0; index < count; index++) {
      const quote = random.pick(theme.quotes[language]);
      const source = theme === THEMES.app ? 'app-store' : undefined;
      if (theme.praise) add(theme.metric, theme.metric === 'nps' ? random.int(9, 10) : 5, quote, source);
      else if (theme.metric === 'nps') add('nps', random.chance(0.85) ? random.int(0, 6) : 7, quote, source);
      else add('csat', random.chance(0.85) ? random.int(1, 2) : 3, quote, source);
    }
  }
  const rest = Math.max(0, Math.round(PER_PERIOD * share) - items.length);
  // Promoters among the rest grow as the year's fixes land.
  const happy = 0.2 + period * 0.035;
  for (let index = 0; index < rest; index++) {
    const metric = index % 3 === 2 ? 'csat' : 'nps';
    if (random.chance(happy))
      add(
        metric,
        metric === 'nps' ? random.int(9, 10) : random.int(4, 5),
        random.pick(THEMES.friendly.quotes[language]),
      );
    else add(metric, metric === 'nps' ? random.int(7, 8) : random.int(3, 4), random.pick(OTHER_QUOTES[language]));
  }
  return items;
}

/**
 * Imports a team's year of feedback through the import service, one batch per review period, as a
 * webhook or export would bring it. `bounds` are the periods' edges: a year ago, each review, now.
 */
export async function importFeedback(
  services: Services,
  team: { id: number; timezone: string },
  slug: string,
  language: Language,
  bounds: Date[],
  random: Random,
): Promise<number> {
  let imported = 0;
  for (let period = 0; period + 1 < bounds.length; period++) {
    const items = periodItems(slug, language, period, bounds[period] as Date, bounds[period + 1] as Date, random);
    imported += (
      await services.imports.ingestBatch(
        team,
        items.map((item) => ({ ...item })),
      )
    ).imported;
  }
  return imported;
}
