import { formatter } from '../../../shared/format.ts';
import { formatDate, type DatePattern } from './dates.ts';
import { areaCatalogues, coreCatalogues, type Area, type Lang } from './areas.ts';
import { Translator, type MessageParams } from '../../../shared/translate.ts';

export type { Area, Lang } from './areas.ts';
const STORAGE_KEY = 'kadence.lang';

const translator = new Translator('en');

// Each catalogue part is its own chunk per language: a viewer downloads the core and the areas of the
// pages they open, in the language they read. Each is fetched once; a retry after a failure refetches.
const fetched: Partial<Record<`${Lang}:${Area | 'core'}`, Promise<void>>> = {};
function loadPart(lang: Lang, part: Area | 'core'): Promise<void> {
  const id = `${lang}:${part}` as const;
  let pending = fetched[id];
  if (!pending) {
    const load = part === 'core' ? coreCatalogues[lang] : areaCatalogues[lang][part];
    pending = load().then((catalogue) => translator.add(lang, catalogue));
    pending.catch(() => delete fetched[id]);
    fetched[id] = pending;
  }
  return pending;
}

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'da' || stored === 'en') return stored;
  return navigator.languages.some((lang) => lang.toLowerCase().startsWith('da')) ? 'da' : 'en';
}

/** The chosen language: follows the browser until switched, then remembered. */
export class Locale {
  lang = $state<Lang>(initialLang());
  /** The areas pages have asked for, in whatever language: a language switch fetches them all first. */
  private readonly areas: Area[] = [];
  // The language shown and the one being switched to, outside reactivity, so that asking for an area
  // from a template subscribes to nothing (a step's await block must not restart on a switch).
  private shown: Lang = this.lang;
  private target: Lang = this.lang;

  constructor() {
    document.documentElement.lang = this.lang;
  }

  /** Resolves when the starting language's catalogue is in; the app mounts after it, so no key ever shows raw. */
  ready(): Promise<void> {
    return loadPart(this.target, 'core');
  }

  /**
   * Resolves when the given areas' strings are in for the current language. Routes and the board's
   * steps await it together with their chunk, so a page renders with its strings and never its keys.
   */
  need(...areas: Area[]): Promise<void> {
    for (const area of areas) if (!this.areas.includes(area)) this.areas.push(area);
    const langs = this.shown === this.target ? [this.shown] : [this.shown, this.target];
    return Promise.all(langs.flatMap((lang) => areas.map((area) => loadPart(lang, area)))).then(() => undefined);
  }

  /** Switches once the new catalogue has arrived, so the page never shows a half-translated state. */
  async set(lang: Lang): Promise<void> {
    this.target = lang;
    await Promise.all([loadPart(lang, 'core'), ...this.areas.map((area) => loadPart(lang, area))]);
    // An area asked for while this language was being fetched is fetched in it too.
    await Promise.all(this.areas.map((area) => loadPart(lang, area)));
    if (this.target !== lang) return;
    this.shown = lang;
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
