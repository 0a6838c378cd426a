import type { Field, Mapping, Metric } from '../../shared/schemas/imports.ts';

/** Lower-case, accents kept (æøå matter in Danish), punctuation and brackets reduced to spaces. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[()[\]{}_:?*#.\-/]+/g, ' ').replace(/\s+/g, ' ').trim();
}

// A reply is mapped by a tool's preset (Google Play) or by hand, never guessed from a header.
const SYNONYMS: Record<Exclude<Field, 'metric' | 'reply' | 'repliedAt'>, string[]> = {
  receivedAt: ['date', 'dato', 'timestamp', 'tidspunkt', 'tidsstempel', 'time', 'tid', 'created', 'created at', 'oprettet', 'submitted', 'submitted at', 'received', 'modtaget', 'date utc', 'datetime'],
  score: ['score', 'karakter', 'bedømmelse', 'rating', 'stjerner', 'stars', 'nps', 'csat', 'ces', 'point'],
  comment: ['comment', 'comments', 'kommentar', 'kommentarer', 'begrundelse', 'feedback', 'review', 'anmeldelse', 'text', 'tekst', 'message', 'besked'],
  title: ['title', 'titel', 'overskrift', 'subject', 'emne', 'headline'],
  externalId: ['id', 'response id', 'svar id', 'review id', 'ref', 'reference'],
  customer: ['customer', 'kunde', 'email', 'e mail', 'customer id', 'kunde id', 'kundenummer', 'customer email', 'kunde email'],
  segment: ['segment', 'gruppe', 'product', 'produkt', 'plan', 'afdeling', 'department', 'store', 'butik'],
  source: ['source', 'kilde', 'kanal', 'channel'],
  language: ['language', 'sprog', 'lang', 'locale'],
};
const RECOMMEND = /recommend|anbefal/;

/**
 * Maps columns whose headers say unambiguously what they are, in Danish or English. A field two
 * headers could fill is left unmapped for the person to choose: guessing would import wrong data.
 */
export function autoMap(headers: string[]): Mapping {
  const mapping: Mapping = {};
  const normalised = headers.map(normaliseHeader);
  const recommend = headers.filter((_, index) => RECOMMEND.test(normalised[index] ?? ''));
  if (recommend.length === 1) mapping.score = recommend[0];
  for (const [field, words] of Object.entries(SYNONYMS) as [keyof typeof SYNONYMS, string[]][]) {
    if (mapping[field]) continue;
    const hits = headers.filter((_, index) => words.includes(normalised[index] ?? ''));
    if (hits.length === 1) mapping[field] = hits[0];
  }
  if (!mapping.metric) {
    const hits = headers.filter((_, index) => ['metric', 'måling', 'survey type', 'type'].includes(normalised[index] ?? ''));
    if (hits.length === 1) mapping.metric = hits[0];
  }
  return mapping;
}

/** The metric a score column's header names, if it names one. */
export function metricFromHeader(header: string): Metric | null {
  const text = normaliseHeader(header);
  if (RECOMMEND.test(text) || /\bnps\b/.test(text)) return 'nps';
  if (/\bcsat\b|tilfreds|satisf/.test(text)) return 'csat';
  if (/\bces\b|effort|indsats|besvær/.test(text)) return 'ces';
  if (/rating|stjerne|star/.test(text)) return 'rating';
  return null;
}

/**
 * For a plain "score"/"karakter" column the values decide: anything above 7 can only be the
 * 0–10 NPS scale, above 5 the 1–7 effort scale, otherwise a 1–5 satisfaction score.
 */
export function metricFromValues(scores: number[]): Metric {
  const max = Math.max(...scores, 0);
  if (max > 7 || scores.includes(0)) return 'nps';
  if (max > 5) return 'ces';
  return 'csat';
}

export function metricFromText(value: string): Metric | null {
  const text = value.trim().toLowerCase();
  if (text === 'nps' || text === 'enps') return 'nps';
  if (text === 'csat') return 'csat';
  if (text === 'ces') return 'ces';
  if (['rating', 'stars', 'stjerner', 'star'].includes(text)) return 'rating';
  return null;
}
