import type { Language } from '../../shared/language.ts';
import { CONCEPTS, conceptVector } from './lexicon.ts';
import { analyse, type Token } from './text.ts';

/** A comment as weighted terms: parallel arrays of term ids (ascending) and weights, L2-normalised. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

export interface AnalysedDoc {
  tokens: Token[];
  language: Language;
}

export interface Vocabulary {
  /** Term text by id: a stem, or two stems joined by a space (a bigram). */
  terms: string[];
  /** In how many documents each term occurs. */
  df: Int32Array;
  idf: Float64Array;
  ids: Map<string, number>;
  /** 1 for a character n-gram, 0 for a stem or bigram. */
  gram: Uint8Array;
}

export interface WeightingOptions {
  /** A term must occur in at least this many distinct comments to count. */
  minDf: number;
  /** Terms in more than this share of the comments tell nothing apart. */
  maxDfShare: number;
  /** The weight of a bigram of stems relative to a single stem. */
  bigramWeight: number;
  /** Lengths of the character n-grams taken from each stem (none: no n-grams). */
  gramSizes: readonly number[];
  /** The n-grams' share of a comment's vector (0…1): its cosine is this mix of n-gram and word cosines. */
  gramShare: number;
  /** N-grams in more than this share of the comments tell nothing apart. */
  gramMaxDfShare: number;
  /** Only the n-grams that start a stem ("<le", "<lev", …): a typo or an ending keeps them, a word inside another word does not. */
  gramPrefixesOnly: boolean;
}

export const DEFAULT_WEIGHTING: WeightingOptions = {
  minDf: 2,
  maxDfShare: 0.5,
  bigramWeight: 0.5,
  gramSizes: [3, 4],
  gramShare: 0.6,
  gramMaxDfShare: 0.5,
  gramPrefixesOnly: false,
};

/** Character n-grams are kept apart from stems by a mark no word holds. */
export const GRAM_MARK = '~';
export const isGram = (term: string): boolean => term.startsWith(GRAM_MARK);
/** Concept terms (lexicon.ts) are marked the same way. */
export const CONCEPT_MARK = '#';

/** The terms of one document with their counts: stems and bigrams of adjacent stems. */
function countTerms(tokens: Token[], gramSizes: readonly number[], prefixesOnly: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    // Stems with boundaries ("<lever>"): a typo or a compound keeps most of its n-grams in common.
    const padded = `<${token.stem}>`;
    for (const size of gramSizes)
      for (let start = 0; start + size <= padded.length && (start === 0 || !prefixesOnly); start++) {
        const gram = GRAM_MARK + padded.slice(start, start + size);
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
  }
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
    const next = tokens[index + 1];
    if (next && next.stem !== token.stem) {
      const bigram = `${token.stem} ${next.stem}`;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
  }
  return counts;
}

export function analyseDocs(texts: readonly { text: string; language: Language }[]): AnalysedDoc[] {
  return texts.map(({ text, language }) => ({ tokens: analyse(text, language), language }));
}

/**
 * TF-IDF with sublinear term frequency (1 + ln tf) and smoothed idf, over stems and bigrams of
 * stems; terms too rare or too common are left out. The vocabulary is sorted, so the same
 * documents give the same ids whatever order they came in.
 */
export function weigh(
  docs: readonly AnalysedDoc[],
  options: WeightingOptions = DEFAULT_WEIGHTING,
): { vectors: SparseVector[]; vocabulary: Vocabulary } {
  const counted = docs.map((doc) => countTerms(doc.tokens, options.gramSizes, options.gramPrefixesOnly));
  const df = new Map<string, number>();
  for (const counts of counted) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const minDf = options.minDf;
  const maxDf = Math.max(minDf, Math.floor(options.maxDfShare * n));
  const maxGramDf = Math.max(minDf, Math.floor(options.gramMaxDfShare * n));
  const terms = [...df.entries()]
    .filter(([term, count]) => count >= minDf && count <= (isGram(term) ? maxGramDf : maxDf))
    .map(([term]) => term)
    .sort();
  const ids = new Map(terms.map((term, id) => [term, id]));
  const dfArray = new Int32Array(terms.length);
  const idf = new Float64Array(terms.length);
  terms.forEach((term, id) => {
    const count = df.get(term) ?? 0;
    dfArray[id] = count;
    idf[id] = Math.log((1 + n) / (1 + count)) + 1;
  });
  const gram = new Uint8Array(terms.length);
  terms.forEach((term, id) => (gram[id] = isGram(term) ? 1 : 0));
  const vectors = counted.map((counts) => {
    const words: [number, number][] = [];
    const grams: [number, number][] = [];
    for (const [term, tf] of counts) {
      const id = ids.get(term);
      if (id === undefined) continue;
      const kind = term.includes(' ') ? options.bigramWeight : 1;
      (gram[id] ? grams : words).push([id, (1 + Math.log(tf)) * (idf[id] ?? 0) * kind]);
    }
    return blend(words, grams, options.gramShare);
  });
  return { vectors, vocabulary: { terms, df: dfArray, idf, ids, gram } };
}

/**
 * Words and n-grams each scaled to length one, then mixed so that the dot product of two comments
 * is (1 − share) × their word cosine + share × their n-gram cosine. A comment with no n-gram left
 * (or no word) is all the other part.
 */
export function blend(words: [number, number][], grams: [number, number][], share: number): SparseVector {
  const length = (entries: [number, number][]) => Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0));
  const wordLength = length(words);
  const gramLength = length(grams);
  const wordScale = gramLength > 0 ? Math.sqrt(1 - share) : 1;
  const gramScale = wordLength > 0 ? Math.sqrt(share) : 1;
  const entries: [number, number][] = [
    ...words.map(([id, w]): [number, number] => [id, wordLength > 0 ? (w / wordLength) * wordScale : 0]),
    ...grams.map(([id, w]): [number, number] => [id, gramLength > 0 ? (w / gramLength) * gramScale : 0]),
  ];
  entries.sort((a, b) => a[0] - b[0]);
  return normalised(entries);
}

/** A sparse vector from (term id, weight) pairs sorted by id, scaled to length one. */
export function normalised(entries: readonly (readonly [number, number])[]): SparseVector {
  let norm = 0;
  for (const [, weight] of entries) norm += weight * weight;
  norm = Math.sqrt(norm);
  const terms = new Int32Array(entries.length);
  const weights = new Float64Array(entries.length);
  entries.forEach(([id, weight], index) => {
    terms[index] = id;
    weights[index] = norm > 0 ? weight / norm : 0;
  });
  return { terms, weights };
}

/** Dot product of a sparse vector with a dense one. */
export function dotDense(vector: SparseVector, dense: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < vector.terms.length; index++)
    sum += (vector.weights[index] ?? 0) * (dense[vector.terms[index] ?? 0] ?? 0);
  return sum;
}

export interface ExpansionOptions {
  /** How much of a comment's weight flows to the terms its terms co-occur with. */
  strength: number;
  /** Neighbours kept per term. */
  neighbours: number;
  /** Comments two terms must share to be neighbours. */
  minShared: number;
}

export const DEFAULT_EXPANSION: ExpansionOptions = { strength: 0, neighbours: 8, minShared: 2 };

/**
 * Short comments rarely share words ("Pakken kom for sent", "Leveringen tog en uge"); the words
 * they use do share comments elsewhere in the set. Each comment's vector is widened with the terms
 * that co-occur with its own (cosine of their comment sets), then scaled to unit length again: a
 * first-order smoothing in the spirit of latent semantic analysis, at the cost of counting pairs.
 */
export function expand(
  vectors: readonly SparseVector[],
  vocabulary: Vocabulary,
  options = DEFAULT_EXPANSION,
): SparseVector[] {
  if (options.strength <= 0) return [...vectors];
  const shared = new Map<number, Map<number, number>>();
  // Over stems and bigrams only: n-grams already link the forms of a word, and their pairs are many.
  for (const vector of vectors) {
    for (let x = 0; x < vector.terms.length; x++) {
      const a = vector.terms[x] ?? 0;
      if (vocabulary.gram[a]) continue;
      let row = shared.get(a);
      if (!row) shared.set(a, (row = new Map()));
      for (let y = 0; y < vector.terms.length; y++) {
        const b = vector.terms[y] ?? 0;
        if (a !== b && !vocabulary.gram[b]) row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
  }
  const neighbours = new Map<number, [number, number][]>();
  for (const [a, row] of shared) {
    const list: [number, number][] = [];
    for (const [b, count] of row) {
      if (count < options.minShared) continue;
      list.push([b, count / Math.sqrt((vocabulary.df[a] ?? 1) * (vocabulary.df[b] ?? 1))]);
    }
    list.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    neighbours.set(a, list.slice(0, options.neighbours));
  }
  return vectors.map((vector) => {
    const weights = new Map<number, number>();
    for (let index = 0; index < vector.terms.length; index++) {
      const term = vector.terms[index] ?? 0;
      const weight = vector.weights[index] ?? 0;
      weights.set(term, (weights.get(term) ?? 0) + weight);
      for (const [other, similarity] of neighbours.get(term) ?? [])
        weights.set(other, (weights.get(other) ?? 0) + options.strength * weight * similarity);
    }
    return normalised([...weights.entries()].sort((a, b) => a[0] - b[0]));
  });
}

/**
 * Each comment's vector with its concept vector (lexicon.ts) mixed in: the dot product of two
 * comments becomes (1 − share) × their text cosine + share × their concept cosine, so a Danish and
 * an English comment on one topic are close though they share no word. Concepts are terms of their
 * own after the vocabulary's ("#delivery"); a comment with no concept word keeps its text vector, one
 * with no text term left is its concepts alone.
 */
export function withConcepts(
  vectors: readonly SparseVector[],
  docs: readonly AnalysedDoc[],
  vocabulary: Vocabulary,
  share: number,
): { vectors: SparseVector[]; vocabulary: Vocabulary } {
  if (share <= 0) return { vectors: [...vectors], vocabulary };
  const offset = vocabulary.terms.length;
  const terms = [...vocabulary.terms, ...CONCEPTS.map((concept) => `${CONCEPT_MARK}${concept.key}`)];
  const grow = <T extends Int32Array | Float64Array | Uint8Array>(
    array: T,
    make: (n: number) => T,
    fill: number,
  ): T => {
    const grown = make(terms.length);
    grown.set(array);
    grown.fill(fill, offset);
    return grown;
  };
  const ids = new Map(vocabulary.ids);
  CONCEPTS.forEach((concept, number) => ids.set(`${CONCEPT_MARK}${concept.key}`, offset + number));
  const grown: Vocabulary = {
    terms,
    ids,
    df: grow(vocabulary.df, (n) => new Int32Array(n), 0),
    idf: grow(vocabulary.idf, (n) => new Float64Array(n), 1),
    gram: grow(vocabulary.gram, (n) => new Uint8Array(n), 0),
  };
  const mixed = vectors.map((vector, index) => {
    const concepts = conceptVector(docs[index]?.tokens ?? []);
    if (concepts.length === 0) return vector;
    const scale = vector.terms.length > 0 ? Math.sqrt(share) : 1;
    const textScale = Math.sqrt(1 - share);
    const entries: [number, number][] = [];
    for (let at = 0; at < vector.terms.length; at++)
      entries.push([vector.terms[at] ?? 0, (vector.weights[at] ?? 0) * textScale]);
    for (const [concept, weight] of concepts) entries.push([offset + concept, weight * scale]);
    return normalised(entries);
  });
  return { vectors: mixed, vocabulary: grown };
}
