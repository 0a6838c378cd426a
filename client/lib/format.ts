import { formatter, type Formatter } from '../../shared/format.ts';
import { localiseMasks } from '../../shared/redact.ts';
import { DEFAULT_TIMEZONE } from '../../shared/roles.ts';
import { locale } from './i18n/locale.svelte.ts';

/**
 * Dates, times and numbers in the viewer's UI language and the team's time zone (Copenhagen where no
 * team is at hand): `fmt(team.timezone).dateTime(meeting.startsAt)`, `fmt().number(mean)`. Reading
 * `locale.lang` here makes a template that calls it re-render when the language changes. The styles
 * per kind of place are listed in shared/format.ts.
 */
export const fmt = (timeZone: string = DEFAULT_TIMEZONE): Formatter => formatter(locale.lang, timeZone);

/** Masked customer text with `[phone]`, `[CPR]`… written in the viewer's language (`[telefon]`, `[cpr]`). */
export const masked = (text: string): string => localiseMasks(text, locale.lang);
