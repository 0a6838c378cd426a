/**
 * Why a row was not imported, in English and Danish: the sentences of the per-row codes
 * (shared/import-rejections.ts) and the score scales they name. The import page's catalogue holds
 * them (client/lib/i18n/areas/import-reasons), and the server writes the downloadable error report
 * with them in the team's language, so both say the same.
 */
export const rejectionWordsEn = {
  rejections: {
    FIELD_TOO_LONG: 'the field “{{column}}” is {{length}} characters long; the limit is {{limit}}',
    DATE_MISSING: 'the date is missing (column “{{column}}”)',
    DATE_UNREADABLE: '“{{value}}” is not a date Kadence can read',
    REPLY_DATE_UNREADABLE: '“{{value}}” is not a reply date Kadence can read',
    METRIC_UNKNOWN: '“{{value}}” is not a known metric (nps, csat, ces or rating)',
    SCORE_NOT_WHOLE: 'the score “{{value}}” is not a whole number',
    SCORE_NO_METRIC: 'the score “{{value}}” has no metric: choose a metric column, or the metric of the file',
    SCORE_OUT_OF_RANGE: 'the score {{value}} is outside {{scale}}',
    RATING_NOT_GIVEN: 'the customer was asked for a rating but gave none',
    RATING_NOT_GOOD_OR_BAD: '“{{value}}” is not a Zendesk rating (good or bad)',
    NO_SCORE_OR_COMMENT: 'the row has neither a score nor a comment',
    FIELD_COUNT_one: 'the row has {{fields}} field; the header has {{expected}}',
    FIELD_COUNT_other: 'the row has {{fields}} fields; the header has {{expected}}',
    QUOTE_NOT_CLOSED: 'a quoted field is never closed (a " is missing)',
    STRAY_QUOTE: 'a quoted field has a stray " inside it',
    ENTRY_NOT_OBJECT: 'the entry is not an object',
    LINE_NOT_OBJECT: 'the line is not a JSON object',
    LINE_NOT_JSON: 'the line is not valid JSON',
  },
  scales: {
    nps: '{{low}}–{{high}} for NPS',
    csat: '{{low}}–{{high}} for CSAT',
    ces: '{{low}}–{{high}} for CES',
    rating: '{{low}}–{{high}} stars',
  },
};

export const rejectionWordsDa: {
  [Group in keyof typeof rejectionWordsEn]: Record<keyof (typeof rejectionWordsEn)[Group], string>;
} = {
  rejections: {
    FIELD_TOO_LONG: 'feltet “{{column}}” er {{length}} tegn langt; grænsen er {{limit}}',
    DATE_MISSING: 'datoen mangler (kolonnen “{{column}}”)',
    DATE_UNREADABLE: '“{{value}}” er ikke en dato, Kadence kan læse',
    REPLY_DATE_UNREADABLE: '“{{value}}” er ikke en svardato, Kadence kan læse',
    METRIC_UNKNOWN: '“{{value}}” er ikke et kendt mål (nps, csat, ces eller rating)',
    SCORE_NOT_WHOLE: 'scoren “{{value}}” er ikke et helt tal',
    SCORE_NO_METRIC: 'scoren “{{value}}” har intet mål: vælg en kolonne med målet, eller filens mål',
    SCORE_OUT_OF_RANGE: 'scoren {{value}} ligger uden for {{scale}}',
    RATING_NOT_GIVEN: 'kunden blev bedt om en bedømmelse, men gav ingen',
    RATING_NOT_GOOD_OR_BAD: '“{{value}}” er ikke en Zendesk-bedømmelse (good eller bad)',
    NO_SCORE_OR_COMMENT: 'rækken har hverken en score eller en kommentar',
    FIELD_COUNT_one: 'rækken har {{fields}} felt; overskriften har {{expected}}',
    FIELD_COUNT_other: 'rækken har {{fields}} felter; overskriften har {{expected}}',
    QUOTE_NOT_CLOSED: 'et felt i anførselstegn lukkes aldrig (der mangler et ")',
    STRAY_QUOTE: 'et felt i anførselstegn har et løst " indeni',
    ENTRY_NOT_OBJECT: 'posten er ikke et objekt',
    LINE_NOT_OBJECT: 'linjen er ikke et JSON-objekt',
    LINE_NOT_JSON: 'linjen er ikke gyldig JSON',
  },
  scales: {
    nps: '{{low}}–{{high}} for NPS',
    csat: '{{low}}–{{high}} for CSAT',
    ces: '{{low}}–{{high}} for CES',
    rating: '{{low}}–{{high}} stjerner',
  },
};
