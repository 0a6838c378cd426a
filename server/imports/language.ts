const DANISH = new Set([
  'og',
  'ikke',
  'det',
  'er',
  'jeg',
  'at',
  'en',
  'et',
  'til',
  'på',
  'med',
  'af',
  'som',
  'har',
  'var',
  'meget',
  'godt',
  'god',
  'men',
  'den',
  'kan',
  'vi',
  'så',
  'min',
  'mit',
  'mig',
  'hurtig',
  'tak',
  'fik',
  'blev',
  'være',
  'kunne',
  'også',
  'jer',
  'hos',
  'aldrig',
  'altid',
  'svar',
  'levering',
]);
const ENGLISH = new Set([
  'the',
  'and',
  'is',
  'not',
  'was',
  'it',
  'to',
  'very',
  'good',
  'great',
  'with',
  'of',
  'my',
  'you',
  'but',
  'they',
  'have',
  'i',
  'this',
  'that',
  'for',
  'would',
  'never',
  'always',
  'thanks',
  'delivery',
  'service',
  'fast',
  'slow',
  'again',
]);

const SAMPLE = 300;

/** Maps what exports write ("da", "da-DK", "Danish", "dansk") to da/en; other languages stay unknown. */
export function languageFromCode(value: string): 'da' | 'en' | null {
  const text = value.trim().toLowerCase();
  if (/^(da|dk|dan|danish|dansk)([-_].*)?$/.test(text)) return 'da';
  if (/^(en|eng|english|engelsk)([-_].*)?$/.test(text)) return 'en';
  return null;
}

/**
 * Danish or English from the words used; æ, ø and å count for Danish. Short or mixed texts stay
 * undecided rather than being labelled wrongly.
 */
export function detectLanguage(text: string): 'da' | 'en' | null {
  // The opening words decide as well as a whole paragraph does, at a fraction of the cost per row.
  const sample = (text.length > SAMPLE ? text.slice(0, SAMPLE) : text).toLowerCase();
  let danish = 0;
  let english = 0;
  let special = false;
  // Words are the runs of a–z, æ, ø and å, read in place (no array of words per row).
  let start = -1;
  for (let index = 0; index <= sample.length; index++) {
    const code = index < sample.length ? sample.charCodeAt(index) : 0;
    const letter = (code >= 97 && code <= 122) || code === 0xe6 || code === 0xf8 || code === 0xe5;
    if (code === 0xe6 || code === 0xf8 || code === 0xe5) special = true;
    if (letter) {
      if (start < 0) start = index;
      continue;
    }
    if (start >= 0) {
      const word = sample.slice(start, index);
      if (DANISH.has(word)) danish++;
      if (ENGLISH.has(word)) english++;
      start = -1;
    }
  }
  if (special) danish += 2;
  if (danish === english) return null;
  return danish > english ? 'da' : 'en';
}
