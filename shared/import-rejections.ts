import type { Metric, Rejection } from './schemas/imports.ts';

const SCALES: Record<Metric, string> = { nps: 'for NPS', csat: 'for CSAT', ces: 'for CES', rating: 'stars' };
const number = (value: number): string => value.toLocaleString('en');

/**
 * A rejection in English: the `message` API users and the command line read (the app words the
 * code and params itself, in the viewer's language). The sentences are the ones reasons had before
 * they had codes, so scripts that read them keep working.
 */
export function rejectionMessage(rejection: Rejection): string {
  switch (rejection.code) {
    case 'FIELD_TOO_LONG':
      return `the field "${rejection.params.column}" is ${number(rejection.params.length)} characters long; the limit is ${number(rejection.params.limit)}`;
    case 'DATE_MISSING':
      return `the date is missing (column "${rejection.params.column}")`;
    case 'DATE_UNREADABLE':
      return `"${rejection.params.value}" is not a date Kadence can read`;
    case 'REPLY_DATE_UNREADABLE':
      return `"${rejection.params.value}" is not a reply date Kadence can read`;
    case 'METRIC_UNKNOWN':
      return `"${rejection.params.value}" is not a known metric (nps, csat, ces or rating)`;
    case 'SCORE_NOT_WHOLE':
      return `the score "${rejection.params.value}" is not a whole number`;
    case 'SCORE_NO_METRIC':
      return `the score "${rejection.params.value}" has no metric; map a metric column or choose the metric`;
    case 'SCORE_OUT_OF_RANGE':
      return `the score ${rejection.params.value} is outside ${rejection.params.low}–${rejection.params.high} ${SCALES[rejection.params.metric]}`;
    case 'RATING_NOT_GIVEN':
      return `no rating was given (${rejection.params.value || 'empty'})`;
    case 'RATING_NOT_GOOD_OR_BAD':
      return `"${rejection.params.value}" is not a Zendesk rating (good or bad)`;
    case 'NO_SCORE_OR_COMMENT':
      return 'the row has neither a score nor a comment';
    case 'FIELD_COUNT':
      return `the row has ${number(rejection.params.fields)} fields; the header has ${number(rejection.params.expected)}`;
    case 'QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (missing ")';
    case 'STRAY_QUOTE':
      return 'a quoted field has a stray " inside it';
    case 'ENTRY_NOT_OBJECT':
      return 'the entry is not an object';
    case 'LINE_NOT_OBJECT':
      return 'the line is not a JSON object';
    case 'LINE_NOT_JSON':
      return 'the line is not valid JSON';
    case 'OTHER':
      return rejection.params.text;
  }
}
