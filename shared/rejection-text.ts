import type { Formatter } from './format.ts';
import type { Rejection } from './schemas/imports.ts';
import type { Params } from './translate.ts';

type Translate = (key: string, params?: Params) => string;

/**
 * Why a row was not imported, in the viewer's language: the code picks the catalogue's sentence
 * (`rejections.<CODE>` in areas/import-reasons), numbers go through the formatter (3.000.000 in Danish), a row's
 * field count picks the plural form, and masks inside a quoted value are written in the viewer's
 * language (`[telefon]`). A reason kept whole from before reasons had codes shows as it was written.
 */
export function rejectionText(
  rejection: Rejection,
  t: Translate,
  format: Formatter,
  mask: (text: string) => string,
): string {
  const key = `rejections.${rejection.code}`;
  switch (rejection.code) {
    case 'FIELD_TOO_LONG':
      return t(key, {
        column: rejection.params.column,
        length: format.number(rejection.params.length, 0),
        limit: format.number(rejection.params.limit, 0),
      });
    case 'DATE_MISSING':
      return t(key, { column: rejection.params.column });
    case 'SCORE_OUT_OF_RANGE': {
      const { low, high, metric, value } = rejection.params;
      return t(key, {
        value: mask(value),
        scale: t(`scales.${metric}`, { low: format.number(low, 0), high: format.number(high, 0) }),
      });
    }
    case 'FIELD_COUNT':
      return t(key, {
        count: rejection.params.fields,
        fields: format.number(rejection.params.fields, 0),
        expected: format.number(rejection.params.expected, 0),
      });
    case 'OTHER':
      return mask(rejection.params.text);
    case 'DATE_UNREADABLE':
    case 'REPLY_DATE_UNREADABLE':
    case 'METRIC_UNKNOWN':
    case 'SCORE_NOT_WHOLE':
    case 'SCORE_NO_METRIC':
    case 'RATING_NOT_GOOD_OR_BAD':
      return t(key, { value: mask(rejection.params.value) });
    case 'RATING_NOT_GIVEN':
    case 'NO_SCORE_OR_COMMENT':
    case 'QUOTE_NOT_CLOSED':
    case 'STRAY_QUOTE':
    case 'ENTRY_NOT_OBJECT':
    case 'LINE_NOT_OBJECT':
    case 'LINE_NOT_JSON':
      return t(key);
  }
}
