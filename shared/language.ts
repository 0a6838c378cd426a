/** The languages Kadence speaks; a team has one, and every viewer has their own UI language. */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A new team's language when none is given; the DEFAULT_LANGUAGE setting may change it. */
export const DEFAULT_LANGUAGE: Language = 'da';

export const isLanguage = (value: unknown): value is Language => value === 'da' || value === 'en';
