/**
 * The import page's own words: why rows were rejected, the tools and encodings a file is read as.
 * Loaded with the import page (not in the app's catalogue), so no other page pays for them.
 */
export const importReasonsEn = {
  recognised: 'Read as {{format}} in {{encoding}}, recognised as {{preset}}.',
  recognisedWorkbook: 'Read as an Excel workbook, recognised as {{preset}}.',
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
  presets: {
    surveymonkey: 'SurveyMonkey',
    typeform: 'Typeform',
    'google-forms': 'Google Forms',
    'microsoft-forms': 'Microsoft Forms',
    'google-play': 'Google Play',
    trustpilot: 'Trustpilot',
    delighted: 'Delighted',
    zendesk: 'Zendesk',
    generic: 'a general table',
    api: 'the API',
  },
  encodings: {
    utf8: 'UTF-8',
    utf16le: 'UTF-16 (little-endian)',
    utf16be: 'UTF-16 (big-endian)',
    windows1252: 'Windows-1252',
  },
};
