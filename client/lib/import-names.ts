import type { Params } from '../../shared/translate.ts';

type Translate = (key: string, params?: Params) => string;

/** An entry of `group` in the import page's catalogue (areas/import-reasons), or the server's own name when the catalogue has none (a tool added later). */
function named(group: string, name: string, t: Translate): string {
  const key = `${group}.${name}`;
  const text = t(key);
  return text === key ? name : text;
}

/** The tool a file was recognised as, as people call it: "surveymonkey" → "SurveyMonkey", "google-forms" → "Google Formularer". */
export const presetName = (name: string, t: Translate): string => named('presets', name, t);

/** The text encoding a file was read in: "windows1252" → "Windows-1252". */
export const encodingName = (name: string, t: Translate): string => named('encodings', name, t);

/** "Read as CSV (Windows-1252), recognised as SurveyMonkey." — a workbook has no text encoding to name. */
export function recognisedText(preview: { format: string; encoding: string; preset: string }, t: Translate): string {
  const preset = presetName(preview.preset, t);
  if (preview.encoding === 'binary') return t('recognisedWorkbook', { preset });
  return t('recognised', { format: preview.format.toUpperCase(), encoding: encodingName(preview.encoding, t), preset });
}
