import type { Field, Mapping, Metric } from '../../shared/schemas/imports.ts';

/** Lower-case, accents kept (æøå matter in Danish), punctuation and brackets reduced to spaces. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[()[\]{}_:?*#.\-/,;!"'’“”«»]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The fields a header can name by itself (the metric column has its own few names; a reply is mapped by a tool's preset or by hand, never guessed from a header). */
type NamedField =
  'receivedAt' | 'score' | 'comment' | 'title' | 'externalId' | 'customer' | 'segment' | 'source' | 'language';

/** Whole headers that name a field outright, in Danish or English (compared normalised). */
const NAMES: Record<NamedField, string[]> = {
  receivedAt: [
    'date',
    'dato',
    'timestamp',
    'tidspunkt',
    'tidsstempel',
    'time',
    'tid',
    'created',
    'created at',
    'oprettet',
    'submitted',
    'submitted at',
    'received',
    'modtaget',
    'date utc',
    'datetime',
    'response date',
    'svardato',
    'submit date',
    'review date',
    'anmeldelsesdato',
  ],
  score: [
    'score',
    'karakter',
    'bedømmelse',
    'rating',
    'stjerner',
    'stars',
    'star rating',
    'star',
    'nps',
    'nps score',
    'csat',
    'csat score',
    'ces',
    'ces score',
    'point',
    'points',
    'review stars',
    'vurdering',
    'stjernebedømmelse',
    'tilfredshed',
    'satisfaction',
  ],
  comment: [
    'comment',
    'comments',
    'kommentar',
    'kommentarer',
    'begrundelse',
    'feedback',
    'review',
    'reviews',
    'anmeldelse',
    'anmeldelser',
    'text',
    'tekst',
    'message',
    'besked',
    'body',
    'review text',
    'review content',
    'review body',
    'free text',
    'fritekst',
    'verbatim',
    'remarks',
    'bemærkninger',
  ],
  title: ['title', 'titel', 'overskrift', 'subject', 'emne', 'headline', 'review title', 'summary'],
  externalId: [
    'id',
    '#',
    'response id',
    'svar id',
    'review id',
    'ref',
    'reference',
    'feedback id',
    'ticket id',
    'uuid',
  ],
  customer: [
    'customer',
    'kunde',
    'email',
    'e mail',
    'customer id',
    'kunde id',
    'kundenummer',
    'customer email',
    'kunde email',
    'email address',
    'e mail address',
    'mailadresse',
    'e mailadresse',
  ],
  segment: ['segment', 'gruppe', 'product', 'produkt', 'plan', 'afdeling', 'department', 'store', 'butik'],
  source: ['source', 'kilde', 'kanal', 'channel'],
  language: ['language', 'sprog', 'lang', 'locale'],
};
const METRIC_NAMES = ['metric', 'måling', 'survey type', 'type'];

/** `word` as a whole word: JavaScript's \b knows no æøå, so letters and digits are spelled out. */
const words = (...list: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'u');

/** An open question asks for words: why, the reason, what to improve. */
const OPEN_QUESTION =
  /reason|why|tell us|what made you|hvad fik dig|explain|improve|anything else|what could|what can we|what did you|what should|årsag|hvorfor|begrund|fortæl|uddyb|forbedr|gøre bedre|hvad kan vi|hvad skal vi|andet du/;
/** A rating question asks for a number: recommend, how likely, how satisfied, on a scale. */
const RATING_QUESTION =
  /recommend|anbefal|how likely|how satisfied|how easy|how would you rate|how do you rate|rate (us|our|your|the)|on a scale|scale of|hvor sandsynligt|hvor tilfreds|hvor nemt|hvor let|på en skala|\b0 10\b|\b1 5\b|\b1 7\b/;
/** A reply to the customer is kept by a tool's preset or mapped by hand, never guessed as their comment. */
const REPLY = /reply|replied|response from|svar fra|besvarelse fra|answer from/;
/** A question, whatever it asks: a question mark, or a question word first. */
const QUESTION =
  /\?|^\s*(how|what|why|which|would|will|did|do|does|are|is|was|please|hvor|hvad|hvorfor|hvilke|hvilken|hvordan|vil|var|er|har|kan|ville)\b/i;
/** "Date of comment", "Begrundelse for karakter": the head of the phrase comes before the preposition. */
const PREPOSITION = words('of', 'for', 'on', 'about', 'from', 'til', 'om', 'af', 'på', 'fra');

/** Words inside a longer header. */
const WORD_PATTERNS: [NamedField, RegExp][] = [
  [
    'customer',
    words(
      '(customer|kunde|user|bruger|client|klient|person|member|medlem)s? ?(id|nr|no|nummer|number|ref|email|e ?mail)',
      'e ?mail',
      'mailadresse',
    ),
  ],
  ['externalId', /(?:^|\s)(id|uuid)$/],
  [
    'receivedAt',
    /(?:^|\s)(date|time|timestamp|datetime|created|submitted|received)(?:\s|$)|dato|tidspunkt|tidsstempel/,
  ],
  ['title', words('title', 'titel', 'overskrift', 'subject', 'emne', 'headline')],
  [
    'score',
    /(?:^|\s)(score|rating|ratings|stars?|nps|csat|ces|points?)(?:\s|$)|karakter|bedømmelse|bedøm|vurder|stjerne|tilfreds|satisf|effort/,
  ],
  [
    'comment',
    /(?:^|\s)(comments?|text|body|message|feedback|verbatim|remarks)(?:\s|$)|kommentar|begrundelse|anmeldelse|tekst|besked|bemærkning/,
  ],
  ['source', words('source', 'kilde', 'kanal', 'channel')],
  ['segment', words('segment', 'product', 'produkt', 'department', 'afdeling', 'store', 'butik')],
  ['language', words('language', 'sprog', 'locale')],
];

// Global copies, for matchAll.
const WORDS = WORD_PATTERNS.map(
  ([field, pattern]) => [field, new RegExp(pattern.source, `${pattern.flags}g`)] as const,
);

/** The field whose word ends last in `text` (the head of an English noun phrase: "satisfaction comment"). */
function lastWord(text: string, fields: readonly Field[] | null): NamedField | null {
  let found: NamedField | null = null;
  let end = -1;
  for (const [field, pattern] of WORDS) {
    if (fields && !fields.includes(field)) continue;
    for (const match of text.matchAll(pattern)) {
      const at = match.index + match[0].length;
      if (at > end) {
        end = at;
        found = field;
      }
    }
  }
  return found;
}

/** How surely a header names a field: 3 by its whole name, 2 by what its question asks, 1 by a word in it. */
export interface Recognition {
  field: Field;
  strength: 1 | 2 | 3;
}

/** What one header means, from its name alone; null when it does not say. */
export function recogniseHeader(header: string): Recognition | null {
  const text = normaliseHeader(header);
  if (header.trim() === '#') return { field: 'externalId', strength: 3 };
  if (text === '') return null;
  if (METRIC_NAMES.includes(text)) return { field: 'metric', strength: 3 };
  for (const [field, names] of Object.entries(NAMES) as [NamedField, string[]][]) {
    if (names.includes(text)) return { field, strength: 3 };
  }
  if (REPLY.test(text)) return null;
  const question = QUESTION.test(header);
  const rating = RATING_QUESTION.test(text);
  // "What is the main reason for your score?" asks for words, even though it names the score.
  if (OPEN_QUESTION.test(text) && (question || !rating)) return { field: 'comment', strength: 2 };
  if (rating) return { field: 'score', strength: 2 };
  if (question) {
    // A question is answered by a number or by words; one that says neither (yes/no, a choice) is not guessed at.
    const asked = lastWord(text, ['score', 'comment']);
    return asked ? { field: asked, strength: 2 } : null;
  }
  const preposition = PREPOSITION.exec(text);
  const head = preposition && preposition.index > 0 ? text.slice(0, preposition.index) : text;
  const field = lastWord(head, null) ?? lastWord(text, null);
  return field ? { field, strength: 1 } : null;
}

export interface Recognised {
  mapping: Mapping;
  /** Fields two or more headers could fill equally well: left for the person to choose. */
  ambiguous: Partial<Record<Field, string[]>>;
}

/**
 * Maps columns by what their headers mean, in Danish or English: whole names, then questions, then
 * words inside the header. Each field takes the header that names it most surely; when two headers
 * name it equally surely, it is left unmapped for the person to choose: guessing would import wrong data.
 */
export function recogniseColumns(headers: string[]): Recognised {
  const best = new Map<Field, { strength: number; headers: string[] }>();
  for (const header of headers) {
    const found = recogniseHeader(header);
    if (!found) continue;
    const current = best.get(found.field);
    if (!current || found.strength > current.strength)
      best.set(found.field, { strength: found.strength, headers: [header] });
    else if (found.strength === current.strength) current.headers.push(header);
  }
  const mapping: Mapping = {};
  const ambiguous: Partial<Record<Field, string[]>> = {};
  for (const [field, { headers: candidates }] of best) {
    if (candidates.length === 1) mapping[field] = candidates[0];
    else ambiguous[field] = candidates;
  }
  return { mapping, ambiguous };
}

export function autoMap(headers: string[]): Mapping {
  return recogniseColumns(headers).mapping;
}

/** The best score and comment questions among a survey tool's question columns. */
export function surveyColumns(headers: string[]): { score?: string; comment?: string } {
  const score = headers.find((header) => recogniseHeader(header)?.field === 'score');
  const comment = headers.find((header) => header !== score && recogniseHeader(header)?.field === 'comment');
  return { ...(score ? { score } : {}), ...(comment ? { comment } : {}) };
}

const RECOMMEND = /recommend|anbefal/;

/** The metric a score column's header names, if it names one. */
export function metricFromHeader(header: string): Metric | null {
  const text = normaliseHeader(header);
  if (RECOMMEND.test(text) || /\bnps\b/.test(text)) return 'nps';
  if (/\bcsat\b|tilfreds|satisf/.test(text)) return 'csat';
  if (/\bces\b|effort|indsats|besvær|how easy|hvor nemt|hvor let/.test(text)) return 'ces';
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
