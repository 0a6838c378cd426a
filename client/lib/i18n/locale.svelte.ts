import { formatter } from '../../../shared/format.ts';
import { formatDate, type DatePattern } from './dates.ts';
import type { Messages } from './en.ts';
import type { Shape } from './shape.ts';
import { Translator, type MessageParams } from './translate.ts';

export type Lang = 'en' | 'da';
const STORAGE_KEY = 'kadence.lang';

// Each language's catalogue is its own chunk: a viewer downloads only the one they read in.
const catalogues: Record<Lang, () => Promise<Shape<Messages>>> = {
  en: () => import('./en.ts').then((module) => module.en),
  da: () => import('./da.ts').then((module) => module.da),
};

const translator = new Translator('en');

/** Fetches a catalogue once; later calls for the same language resolve at once. */
async function loadCatalogue(lang: Lang): Promise<void> {
  if (translator.has(lang)) return;
  translator.add(lang, await catalogues[lang]());
}

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'da' || stored === 'en') return stored;
  return navigator.languages.some((lang) => lang.toLowerCase().startsWith('da')) ? 'da' : 'en';
}

/** The chosen language: follows the browser until switched, then remembered. */
export class Locale {
  lang = $state<Lang>(initialLang());

  constructor() {
    document.documentElement.lang = this.lang;
  }

  /** Resolves when the starting language's catalogue is in; the app mounts after it, so no key ever shows raw. */
  ready(): Promise<void> {
    return loadCatalogue(this.lang);
  }

  /** Switches once the new catalogue has arrived, so the page never shows a half-translated state. */
  async set(lang: Lang): Promise<void> {
    await loadCatalogue(lang);
    this.lang = lang;
    localStorage.setItem(STORAGE_KEY, lang);
    document.documentElement.lang = lang;
  }

  /**
   * Reading `lang` here makes every caller re-render when the language changes. A numeric `count`
   * picks the plural form by the language's rules: keys `name_one` and `name_other`, called as `name`.
   */
  t = (key: string, params: MessageParams = {}): string => translator.t(this.lang, key, params);

  date = (iso: string, pattern: DatePattern = 'PPP'): string => formatDate(this.lang, iso, pattern);

  /** A figure rounded for display, in the viewer's language (Danish: decimal comma), by shared/format.ts. */
  number = (value: number, decimals = 1): string => formatter(this.lang).number(value, decimals);
}

export const locale = new Locale();
