/**
 * Dates for the pages around the hour, on Intl in the viewer's language and the team's time zone
 * (Danish: "13. jan. 2026"). A stand-in until the shared formatting module lands; one style per kind.
 */
const tag = (lang: string) => (lang === 'da' ? 'da-DK' : 'en-GB');

export function dayOf(iso: string, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(tag(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export function dayAndTimeOf(iso: string, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(tag(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** A date-only value (YYYY-MM-DD) shows no time and does not shift with the zone. */
export function dateOnly(value: string, lang: string): string {
  return dayOf(`${value.slice(0, 10)}T12:00:00Z`, lang, 'UTC');
}
