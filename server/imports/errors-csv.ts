import { csvLine } from '../../shared/csv.ts';
import { formatter } from '../../shared/format.ts';
import type { Language } from '../../shared/language.ts';
import { localiseMasks } from '../../shared/redact.ts';
import { rejectionText } from '../../shared/rejection-text.ts';
import { rejectionWordsDa, rejectionWordsEn } from '../../shared/rejection-words.ts';
import type { ImportError } from '../../shared/schemas/imports.ts';
import { Translator } from '../../shared/translate.ts';

const words = new Translator('en');
words.add('en', rejectionWordsEn);
words.add('da', rejectionWordsDa);

const HEADERS: Record<Language, [string, string]> = { da: ['linje', 'årsag'], en: ['line', 'reason'] };
// A Danish spreadsheet splits CSV on semicolons (the comma is its decimal sign).
const DELIMITERS: Record<Language, ',' | ';'> = { da: ';', en: ',' };

/**
 * An import's error report as a spreadsheet opens it, in the team's language: localised headers,
 * each row's reason worded from its code as the import page words it (numbers and masks in that
 * language too), with a byte-order mark so Excel reads it as UTF-8.
 */
export function errorsCsv(errors: ImportError[], language: Language): string {
  const delimiter = DELIMITERS[language];
  const format = formatter(language);
  const t = (key: string, params?: Parameters<Translator['t']>[2]) => words.t(language, key, params);
  const mask = (text: string) => localiseMasks(text, language);
  const rows = errors.map((error) => csvLine([error.line, rejectionText(error, t, format, mask)], delimiter));
  return `\uFEFF${csvLine(HEADERS[language], delimiter)}${rows.join('')}`;
}
