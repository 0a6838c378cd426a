import { describe, expect, it } from 'vitest';
import { importReasonsDa } from '../../../client/lib/i18n/areas/import-reasons.da.ts';
import { importReasonsEn } from '../../../client/lib/i18n/areas/import-reasons.en.ts';
import { Translator, type Params } from '../../../shared/translate.ts';
import { encodingName, presetName, recognisedText } from '../../../client/lib/import-names.ts';
import { rejectionText } from '../../../shared/rejection-text.ts';
import { formatter } from '../../../shared/format.ts';
import { rejectionMessage } from '../../../shared/import-rejections.ts';
import { localiseMasks } from '../../../shared/redact.ts';
import { ImportErrorSchema, type Rejection } from '../../../shared/schemas/imports.ts';

const translator = new Translator('en');
translator.add('en', importReasonsEn);
translator.add('da', importReasonsDa);
const inLanguage = (lang: 'da' | 'en') => ({
  t: (key: string, params?: Params) => translator.t(lang, key, params),
  format: formatter(lang, 'Europe/Copenhagen'),
  mask: (text: string) => localiseMasks(text, lang),
});
const text = (rejection: Rejection, lang: 'da' | 'en') => {
  const { t, format, mask } = inLanguage(lang);
  return rejectionText(rejection, t, format, mask);
};

/** One of every code, as the import makes them. */
const EVERY: Rejection[] = [
  { code: 'FIELD_TOO_LONG', params: { column: 'Kommentar', length: 3_000_000, limit: 20_000 } },
  { code: 'DATE_MISSING', params: { column: 'Dato' } },
  { code: 'DATE_UNREADABLE', params: { value: '[phone]' } },
  { code: 'REPLY_DATE_UNREADABLE', params: { value: 'i går' } },
  { code: 'METRIC_UNKNOWN', params: { value: 'kpi' } },
  { code: 'SCORE_NOT_WHOLE', params: { value: '7,5' } },
  { code: 'SCORE_NO_METRIC', params: { value: '8' } },
  { code: 'SCORE_OUT_OF_RANGE', params: { value: '11', metric: 'nps', low: 0, high: 10 } },
  { code: 'RATING_NOT_GIVEN', params: { value: 'offered' } },
  { code: 'RATING_NOT_GOOD_OR_BAD', params: { value: 'meh' } },
  { code: 'NO_SCORE_OR_COMMENT', params: {} },
  { code: 'FIELD_COUNT', params: { fields: 2, expected: 3 } },
  { code: 'QUOTE_NOT_CLOSED', params: {} },
  { code: 'STRAY_QUOTE', params: {} },
  { code: 'ENTRY_NOT_OBJECT', params: {} },
  { code: 'LINE_NOT_OBJECT', params: {} },
  { code: 'LINE_NOT_JSON', params: {} },
  { code: 'OTHER', params: { text: 'the score is odd [phone]' } },
];

describe('rejection reasons on the import page', () => {
  it('covers every code the API can send', () => {
    const codes = ImportErrorSchema.anyOf.map((member) => member.properties.code.const);
    expect(EVERY.map((rejection) => rejection.code).sort()).toEqual([...codes].sort());
  });

  it.each(EVERY.filter((rejection) => rejection.code !== 'OTHER'))(
    '$code has its own sentence in each language, every placeholder filled',
    (rejection) => {
      const danish = text(rejection, 'da');
      const english = text(rejection, 'en');
      for (const sentence of [danish, english]) {
        expect(sentence).not.toMatch(/{{|rejections\./);
        expect(sentence.length).toBeGreaterThan(10);
      }
      expect(danish).not.toBe(english);
    },
  );

  it('words reasons as Danes read them: numbers, plurals, masks and scales', () => {
    expect(
      text({ code: 'FIELD_TOO_LONG', params: { column: 'Kommentar', length: 3_000_000, limit: 20_000 } }, 'da'),
    ).toBe('feltet “Kommentar” er 3.000.000 tegn langt; grænsen er 20.000');
    expect(
      text({ code: 'FIELD_TOO_LONG', params: { column: 'Comment', length: 3_000_000, limit: 20_000 } }, 'en'),
    ).toBe('the field “Comment” is 3,000,000 characters long; the limit is 20,000');
    expect(text({ code: 'FIELD_COUNT', params: { fields: 1, expected: 3 } }, 'da')).toBe(
      'rækken har 1 felt; overskriften har 3',
    );
    expect(text({ code: 'FIELD_COUNT', params: { fields: 4, expected: 3 } }, 'da')).toBe(
      'rækken har 4 felter; overskriften har 3',
    );
    expect(text({ code: 'FIELD_COUNT', params: { fields: 1, expected: 3 } }, 'en')).toBe(
      'the row has 1 field; the header has 3',
    );
    expect(text({ code: 'FIELD_COUNT', params: { fields: 1_200, expected: 3 } }, 'en')).toBe(
      'the row has 1,200 fields; the header has 3',
    );
    expect(text({ code: 'DATE_UNREADABLE', params: { value: '[phone]' } }, 'da')).toBe(
      '“[telefon]” er ikke en dato, Kadence kan læse',
    );
    expect(text({ code: 'SCORE_OUT_OF_RANGE', params: { value: '6', metric: 'rating', low: 1, high: 5 } }, 'da')).toBe(
      'scoren 6 ligger uden for 1–5 stjerner',
    );
    expect(text({ code: 'SCORE_OUT_OF_RANGE', params: { value: '11', metric: 'nps', low: 0, high: 10 } }, 'en')).toBe(
      'the score 11 is outside 0–10 for NPS',
    );
    expect(text({ code: 'OTHER', params: { text: 'kept from before [phone]' } }, 'da')).toBe(
      'kept from before [telefon]',
    );
  });

  it('keeps the English message for API users the same as the sentences reasons always had', () => {
    expect(EVERY.map(rejectionMessage)).toEqual([
      'the field "Kommentar" is 3,000,000 characters long; the limit is 20,000',
      'the date is missing (column "Dato")',
      '"[phone]" is not a date Kadence can read',
      '"i går" is not a reply date Kadence can read',
      '"kpi" is not a known metric (nps, csat, ces or rating)',
      'the score "7,5" is not a whole number',
      'the score "8" has no metric; map a metric column or choose the metric',
      'the score 11 is outside 0–10 for NPS',
      'no rating was given (offered)',
      '"meh" is not a Zendesk rating (good or bad)',
      'the row has neither a score nor a comment',
      'the row has 2 fields; the header has 3',
      'a quoted field is never closed (missing ")',
      'a quoted field has a stray " inside it',
      'the entry is not an object',
      'the line is not a JSON object',
      'the line is not valid JSON',
      'the score is odd [phone]',
    ]);
  });
});

describe('the tool and the encoding a file was read as', () => {
  const t = (lang: 'da' | 'en') => inLanguage(lang).t;
  it('names them as people do, in each language', () => {
    expect(recognisedText({ format: 'csv', encoding: 'windows1252', preset: 'surveymonkey' }, t('da'))).toBe(
      'Læst som CSV i Windows-1252, genkendt som SurveyMonkey.',
    );
    expect(recognisedText({ format: 'csv', encoding: 'utf8', preset: 'google-forms' }, t('en'))).toBe(
      'Read as CSV in UTF-8, recognised as Google Forms.',
    );
    expect(recognisedText({ format: 'xlsx', encoding: 'binary', preset: 'generic' }, t('da'))).toBe(
      'Læst som Excel-projektmappe, genkendt som en almindelig tabel.',
    );
    expect(presetName('google-forms', t('da'))).toBe('Google Formularer');
    expect(encodingName('utf16le', t('da'))).toBe('UTF-16 (little-endian)');
  });

  it('shows a name the catalogue does not know as the server sent it', () => {
    expect(presetName('qualtrics', t('da'))).toBe('qualtrics');
    expect(encodingName('latin9', t('en'))).toBe('latin9');
  });
});
