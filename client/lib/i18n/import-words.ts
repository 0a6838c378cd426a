import { importReasonsDa } from './areas/import-reasons.da.ts';
import { importReasonsEn } from './areas/import-reasons.en.ts';
import { locale } from './locale.svelte.ts';
import { Translator, type Params } from './translate.ts';

/**
 * The import page's own catalogue (rejection reasons, tools, encodings), bundled with that page
 * rather than with the app's catalogue, through the same translator (plural forms by
 * Intl.PluralRules) in the viewer's language.
 */
const words = new Translator('en');
words.add('en', importReasonsEn);
words.add('da', importReasonsDa);

export const importWord = (key: string, params?: Params): string => words.t(locale.lang, key, params);
