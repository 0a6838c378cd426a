import type { Language } from '../../shared/language.ts';
import type { AnalysedDoc, Vocabulary } from './vectors.ts';

export interface TellingTerm {
  /** The stem (or two stems for a bigram). */
  term: string;
  /** How the cluster's comments write it most often. */
  surface: string;
  score: number;
  /** The share of the cluster's comments holding it. */
  coverage: number;
}

/**
 * A cluster's most telling single stems: common inside it, rare outside it (share in the cluster ×
 * idf over all comments). Ties go to the term that sorts first, so the ranking is stable.
 */
export function tellingTerms(members: readonly AnalysedDoc[], vocabulary: Vocabulary, limit = 5): TellingTerm[] {
  const docCount = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const doc of members) {
    const seen = new Set<string>();
    for (const token of doc.tokens) {
      let forms = surfaces.get(token.stem);
      if (!forms) surfaces.set(token.stem, (forms = new Map()));
      forms.set(token.surface, (forms.get(token.surface) ?? 0) + 1);
      if (seen.has(token.stem)) continue;
      seen.add(token.stem);
      docCount.set(token.stem, (docCount.get(token.stem) ?? 0) + 1);
    }
  }
  const rank = (inVocabulary: boolean): TellingTerm[] => {
    const ranked: TellingTerm[] = [];
    for (const [term, count] of docCount) {
      const id = vocabulary.ids.get(term);
      if (inVocabulary && id === undefined) continue;
      const coverage = count / members.length;
      const idf = id === undefined ? 1 : (vocabulary.idf[id] ?? 0);
      ranked.push({ term, surface: commonest(surfaces.get(term)), score: coverage * idf, coverage });
    }
    return ranked;
  };
  // A theme held together by n-grams alone (typos of one word) has no stem in the vocabulary: then
  // its commonest stems name it.
  let ranked = rank(true);
  if (ranked.length === 0) ranked = rank(false);
  ranked.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return ranked.slice(0, limit);
}

/** The form written most often; ties to the shorter, then alphabetical. */
function commonest(forms: Map<string, number> | undefined): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of forms ?? []) {
    if (
      count > bestCount ||
      (count === bestCount && (form.length < best.length || (form.length === best.length && form < best)))
    ) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

export const capitalise = (word: string): string => word.charAt(0).toLocaleUpperCase() + word.slice(1);

const AND: Record<Language, string> = { da: 'og', en: 'and' };

/**
 * "Levering", or "Levering og pakke" when a second term is nearly as telling and covers comments
 * the first does not reach.
 */
export function themeName(terms: readonly TellingTerm[], language: Language): string {
  const [first, second] = terms;
  if (!first) return '';
  if (second && second.score >= 0.6 * first.score && first.coverage < 0.8)
    return `${capitalise(first.surface)} ${AND[language]} ${second.surface}`;
  return capitalise(first.surface);
}

/** The language most of the members are written in (Danish on a tie, Kadence's default). */
export function majorityLanguage(members: readonly AnalysedDoc[]): Language {
  let english = 0;
  for (const doc of members) if (doc.language === 'en') english++;
  return english * 2 > members.length ? 'en' : 'da';
}
