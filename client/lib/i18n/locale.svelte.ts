import i18next from 'i18next';
import { format, parseISO } from 'date-fns';
import { da as daLocale, enGB } from 'date-fns/locale';
import { da } from './da.ts';
import { en } from './en.ts';

export type Lang = 'en' | 'da';
const STORAGE_KEY = 'kadence.lang';

void i18next.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: en }, da: { translation: da } }, interpolation: { escapeValue: false }, initImmediate: false });

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

  set(lang: Lang): void {
    this.lang = lang;
    localStorage.setItem(STORAGE_KEY, lang);
    document.documentElement.lang = lang;
  }

  /**
   * Reading `lang` here makes every caller re-render when the language changes. A numeric `count`
   * picks the plural form by the language's rules: keys `name_one` and `name_other`, called as `name`.
   */
  t = (key: string, params: Record<string, string | number> = {}): string => i18next.t(key, { lng: this.lang, ...params });

  date = (iso: string, pattern = 'PPP'): string => format(parseISO(iso), pattern, { locale: this.lang === 'da' ? daLocale : enGB });

  /** A figure rounded for display, in the viewer's language (Danish: decimal comma); data keep their precision. */
  number = (value: number, decimals = 1): string => new Intl.NumberFormat(this.lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: decimals }).format(value);
}

export const locale = new Locale();
