import { createRequire } from 'node:module';
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import type { Language } from '../../shared/language.ts';
import { MASK, MASK_LABELS, redact } from '../../shared/redact.ts';

/**
 * Text analysis for theme suggestions, Danish and English, offline: a comment becomes the stems of
 * its content words. Masked personal data, URLs, e-mail addresses and numbers never become terms.
 */

// Every mask label in every language ([phone], [telefon], [e-mail], [CPR], [cpr], [erased], [slettet]).
const MASK_WORDS = [
  ...new Set([...Object.values(MASK), ...Object.values(MASK_LABELS.da), ...Object.values(MASK_LABELS.en)]),
];
const MASK_PATTERN = new RegExp(MASK_WORDS.map((word) => word.replace(/[[\]\\]/g, '\\$&')).join('|'), 'giu');
const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/giu;
// A word: letters (any script, with their combining marks) and digits, joined by inner apostrophes.
const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
const HAS_DIGIT = /\p{N}/u;

/**
 * stopwords-iso's English list is a union of search-engine lists and holds content words that
 * customer feedback is about (order, website, page, problem, work); these are kept as terms.
 */
const ENGLISH_KEPT = new Set([
  'order',
  'ordered',
  'ordering',
  'orders',
  'page',
  'pages',
  'website',
  'webpage',
  'homepage',
  'site',
  'help',
  'problem',
  'problems',
  'information',
  'work',
  'worked',
  'working',
  'works',
  'call',
  'click',
  'goods',
  'system',
]);

/** A few words that the lists leave in but that say nothing about a theme in either language. */
const FILLER: Record<Language, readonly string[]> = {
  da: [
    'hej',
    'desværre',
    'mvh',
    'venlig',
    'hilsen',
    'bare',
    'lige',
    'rigtig',
    'virkelig',
    'altså',
    'nok',
    'osv',
    'fx',
    'ok',
  ],
  en: ['hi', 'hey', 'regards', 'ok', 'lol', 'pls', 'really', 'just', 'etc'],
};

function loadStopwords(): Record<Language, ReadonlySet<string>> {
  // stopwords-iso is a JSON file; require reads it the same way from the sources and the bundle.
  const lists: unknown = createRequire(import.meta.url)('stopwords-iso');
  const list = (language: Language): string[] => {
    const words = typeof lists === 'object' && lists !== null ? Reflect.get(lists, language) : undefined;
    if (!Array.isArray(words)) throw new Error(`stopwords-iso has no list for ${language}`);
    return words.filter((word): word is string => typeof word === 'string');
  };
  return {
    da: new Set([...list('da'), ...FILLER.da]),
    en: new Set([...list('en').filter((word) => !ENGLISH_KEPT.has(word)), ...FILLER.en]),
  };
}

let stopwordLists: Record<Language, ReadonlySet<string>> | undefined;
/** The stopwords of a language, loaded once on first use (no work at import time). */
export function stopwords(language: Language): ReadonlySet<string> {
  stopwordLists ??= loadStopwords();
  return stopwordLists[language];
}

// English function words that turn up in Danish comments ("appen crasher all the time"). The whole
// English list would take Danish words with it ("sent" is late in Danish), so only its short words
// and the commonest long ones.
const ENGLISH_IN_DANISH = [
  'this',
  'that',
  'with',
  'have',
  'from',
  'they',
  'were',
  'what',
  'when',
  'there',
  'would',
  'very',
];
let foreignLists: Record<Language, ReadonlySet<string>> | undefined;
/** Stopwords of the other language that are removed from a comment too (mixed comments). */
function foreignStopwords(language: Language): ReadonlySet<string> {
  foreignLists ??= {
    da: new Set([...[...stopwords('en')].filter((word) => word.length <= 3), ...ENGLISH_IN_DANISH]),
    en: stopwords('da'),
  };
  return foreignLists[language];
}

const stemmers = new Map<Language, Stemmer>();
const stemCache = new Map<string, string>();

/**
 * The Snowball stem, applied until it settles: Danish "kvaliteten" stems to "kvalitet" and that to
 * "kvalit", the stem of "kvalitet". English "-y" stems end in "i" (delivery → deliveri) while the
 * verb forms drop it (delivered → deliv); the "i" is taken off and the rest stemmed again, so
 * deliveries, delivery and delivered meet.
 */
export function stem(word: string, language: Language): string {
  const key = `${language}:${word}`;
  const cached = stemCache.get(key);
  if (cached !== undefined) return cached;
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = newStemmer(language === 'da' ? 'danish' : 'english');
    stemmers.set(language, stemmer);
  }
  let current = word;
  for (let round = 0; round < 3; round++) {
    let next = stemmer.stem(current);
    if (language === 'en' && next.length > 4 && next.endsWith('i')) next = stemmer.stem(next.slice(0, -1));
    if (next === current) break;
    current = next;
  }
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(key, current);
  return current;
}

/** Lower-case words of a comment, without masks, URLs, e-mail addresses, phone numbers or numbers. */
export function tokenise(text: string): string[] {
  const cleaned = redact(text.normalize('NFC')).replace(URL_PATTERN, ' ').replace(MASK_PATTERN, ' ');
  const words: string[] = [];
  for (const match of cleaned.toLowerCase().matchAll(WORD_PATTERN)) {
    let word = match[0].replace(/’/g, "'");
    if (HAS_DIGIT.test(word)) continue;
    // Possessive and Danish genitive apostrophes ("customer's", "Kadence's") carry no meaning here.
    word = word.replace(/'s$/, '');
    if (word.length >= 2) words.push(word);
  }
  return words;
}

/**
 * The comment's language as given, else from its words: the stopwords of each language it uses
 * (æ, ø and å count for Danish); a tie (a short or mixed comment) takes the fallback, usually the
 * language of the rest of the comments. (The importer's detector, server/imports/language.ts, decides
 * "for" alone as English, which a short Danish comment like "Pakken kom for sent" is not.)
 */
export function languageOf(text: string, given: Language | undefined, fallback: Language): Language {
  if (given) return given;
  let danish = /[æøå]/i.test(text) ? 2 : 0;
  let english = 0;
  const da = stopwords('da');
  const en = stopwords('en');
  for (const word of tokenise(text)) {
    if (da.has(word)) danish++;
    if (en.has(word)) english++;
  }
  return danish === english ? fallback : danish > english ? 'da' : 'en';
}

/** One analysed word: its stem (the term) and how it was written (for naming themes). */
export interface Token {
  stem: string;
  surface: string;
}

/** The content words of a comment, stemmed in its language, without stopwords (its own and common foreign ones). */
export function analyse(text: string, language: Language): Token[] {
  const own = stopwords(language);
  const other = foreignStopwords(language);
  const tokens: Token[] = [];
  for (const word of tokenise(text)) {
    if (own.has(word) || other.has(word) || word.includes("'")) continue;
    const stemmed = stem(word, language);
    if (stemmed.length < 2) continue;
    tokens.push({ stem: stemmed, surface: word });
  }
  return tokens;
}
