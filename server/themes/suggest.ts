/**
 * Theme suggestions: groups customer comments (Danish and English) into themes, offline.
 *
 * The API, for the group step and the command line:
 *
 *   suggestThemes(input: SuggestInput): Suggestions                  synchronous, for a board (≤ a few hundred items)
 *   suggestThemesInWorker(input: SuggestInput): Promise<Suggestions>  the same in a worker thread (./worker-runner.ts)
 *   suggestThemesOffLoop(input: SuggestInput): Promise<Suggestions>   inline when small, in a worker when large
 *
 *   SuggestInput  = { items: { id: string; text: string; language?: 'da' | 'en' }[];
 *                     earlierThemes?: { name: string; texts?: string[] }[];
 *                     language?: 'da' | 'en' }            // for comments whose language cannot be told
 *   Suggestions   = { themes: SuggestedTheme[]; unassigned: string[] }
 *   SuggestedTheme = { name: string; ids: string[]; matched?: string; terms: string[]; language: 'da' | 'en' }
 *
 * Every id given appears exactly once: in one theme's `ids` or in `unassigned` (comments with no
 * content words, and those that resemble no other comment). A theme that resembles an earlier theme
 * of the team carries that theme's name as `name` and as `matched`. Ids keep the order given; themes
 * come largest first. The result does not depend on the order of the items. Duplicate ids throw a
 * VALIDATION AppError. Item texts are expected to be masked already (shared/redact.ts); the masks
 * and any address or number left are never terms.
 *
 * How: text.ts (tokens, stopwords, Snowball stems), vectors.ts (sublinear TF-IDF over stems and
 * bigrams, blended with character 3- and 4-grams of the stems for typos, inflection and compounds),
 * lexicon.ts (a bilingual concept lexicon: 30 % of the similarity is the cosine of the comments'
 * concepts, so "levering" and "delivery" meet), cluster.ts (communities of the 15-nearest-neighbour
 * graph by Louvain modularity at resolution 1.5, so the number of themes comes from the data; then
 * nearest-centroid rounds that leave comments close to no theme unassigned), naming.ts, match.ts.
 * Settings chosen on one half of bench/themes' labelled set; see docs/benchmarks-themes.md.
 */
import { isLanguage, type Language } from '../../shared/language.ts';
import { invalid } from '../errors.ts';
import { clusterBySilhouette, louvain, neighbourGraph, similarityMatrix } from './cluster.ts';
import { leadingConcept } from './lexicon.ts';
import { matchEarlierThemes, type ClusterProfile, type EarlierTheme } from './match.ts';
import { majorityLanguage, tellingTerms, themeName, type TellingTerm } from './naming.ts';
import { languageOf } from './text.ts';
import {
  analyseDocs,
  DEFAULT_EXPANSION,
  DEFAULT_WEIGHTING,
  dotDense,
  expand,
  weigh,
  withConcepts,
  type AnalysedDoc,
  type ExpansionOptions,
  type SparseVector,
  type Vocabulary,
  type WeightingOptions,
} from './vectors.ts';

export type { EarlierTheme } from './match.ts';

export interface SuggestItem {
  id: string;
  text: string;
  language?: Language | undefined;
}

export interface SuggestInput {
  items: readonly SuggestItem[];
  earlierThemes?: readonly EarlierTheme[] | undefined;
  /** The language of comments too short to tell (the team's language); else the majority's. */
  language?: Language | undefined;
}

export interface SuggestedTheme {
  name: string;
  ids: string[];
  /** The earlier theme this one was matched to (then `name` is that theme's name). */
  matched?: string;
  /** The most telling words, as the comments write them. */
  terms: string[];
  /** The language most of its comments are in (the name's language). */
  language: Language;
}

export interface Suggestions {
  themes: SuggestedTheme[];
  unassigned: string[];
}

/** Above this many comments one evenly spread sample is clustered and the rest join its themes. */
const SAMPLE_SIZE = 1200;
/** At most this many themes, and at most √(comments): the silhouette alone keeps splitting short texts. */
const MAX_THEMES = 30;

/** A theme needs this many comments; fewer go to unassigned. */
export function minThemeSize(count: number): number {
  return count <= 100 ? 2 : count <= 1000 ? 3 : 5;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function fallbackLanguage(items: readonly SuggestItem[], given: Language | undefined): Language {
  if (given) return given;
  let danish = 0;
  let english = 0;
  for (const item of items) {
    const language = item.language ?? languageOf(item.text, undefined, 'da');
    if (language === 'da') danish++;
    else if (language === 'en') english++;
  }
  return english > danish ? 'en' : 'da';
}

function centroidOf(vectors: readonly SparseVector[], dimensions: number): Float64Array {
  const centroid = new Float64Array(dimensions);
  for (const vector of vectors)
    for (let index = 0; index < vector.terms.length; index++) {
      const term = vector.terms[index] ?? 0;
      centroid[term] = (centroid[term] ?? 0) + (vector.weights[index] ?? 0);
    }
  let norm = 0;
  for (const value of centroid) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < dimensions; index++) centroid[index] = (centroid[index] ?? 0) / norm;
  return centroid;
}

/** The engine's settings; the defaults are what Kadence uses, the benchmark varies them. */
export interface SuggestTuning {
  weighting: WeightingOptions;
  expansion: ExpansionOptions;
  /** A fixed number of clusters instead of the silhouette's choice (for the benchmark). */
  clusters?: number;
  maxThemes: number;
  /** Rounds of nearest-centroid reassignment after the cut. */
  refinements: number;
  /** 'linkage': average linkage cut by silhouette; 'graph': communities of the nearest-neighbour graph. */
  method: 'linkage' | 'graph';
  /** The graph's neighbours per comment, its similarity floor and the modularity's resolution. */
  graphNeighbours: number;
  graphFloor: number;
  resolution: number;
  /** A comment stays in (or joins) a theme only when at least this close to its centroid; else it is unassigned. */
  joinSimilarity: number;
  /** The same for a comment that shares only n-grams, no whole word, with the others. */
  gramsOnlyJoinSimilarity: number;
  /** …and that has a stem at least this long. */
  gramsOnlyStemLength: number;
  /** The concept lexicon's share of the similarity (0: text alone). */
  conceptShare: number;
  /** Communities whose centroids are at least this close become one theme (above 1: never). */
  mergeSimilarity: number;
}

export const DEFAULT_TUNING: SuggestTuning = {
  weighting: DEFAULT_WEIGHTING,
  expansion: DEFAULT_EXPANSION,
  maxThemes: MAX_THEMES,
  refinements: 3,
  method: 'graph',
  graphNeighbours: 15,
  graphFloor: 0.1,
  resolution: 1.5,
  joinSimilarity: 0.15,
  gramsOnlyJoinSimilarity: 0.15,
  gramsOnlyStemLength: 5,
  conceptShare: 0.3,
  mergeSimilarity: 0.35,
};

export function suggestThemes(input: SuggestInput, tuning: SuggestTuning = DEFAULT_TUNING): Suggestions {
  const seen = new Set<string>();
  for (const item of input.items) {
    if (seen.has(item.id)) throw invalid(`the id "${item.id}" is given twice`);
    seen.add(item.id);
  }
  const fallback = fallbackLanguage(input.items, input.language);
  // Canonical order (by text, then id) so that the input's order cannot change the result.
  const order = input.items.map((_, index) => index);
  order.sort((x, y) => {
    const a = input.items[x];
    const b = input.items[y];
    return a && b ? compare(a.text, b.text) || compare(a.id, b.id) : 0;
  });
  const items = order.map((index) => input.items[index]).filter((item): item is SuggestItem => item !== undefined);
  const docs = analyseDocs(
    items.map((item) => ({
      text: item.text,
      language: languageOf(item.text, isLanguage(item.language) ? item.language : undefined, fallback),
    })),
  );
  // Document frequencies and co-occurrences count distinct comments: fifty copies of one comment
  // would otherwise make each of its rare words "frequent" and each pair of them "related".
  const firstOf = new Map<string, number>();
  const distinctOf = docs.map((doc, index) => {
    const key = doc.tokens.map((token) => token.stem).join(' ');
    const first = firstOf.get(key);
    if (first !== undefined) return first;
    firstOf.set(key, index);
    return index;
  });
  const distinctIndexes = [...firstOf.values()];
  // In a month of thousands, a typo made twice is no theme: the floor rises by one per thousand comments.
  const minDf = Math.max(tuning.weighting.minDf, Math.ceil(docs.length / 1000));
  const weighed = weigh(
    distinctIndexes.map((index) => docs[index]).filter((doc) => doc !== undefined),
    { ...tuning.weighting, minDf },
  );
  const distinctDocs = distinctIndexes.map((index) => docs[index]).filter((doc) => doc !== undefined);
  const conceptual = withConcepts(
    expand(weighed.vectors, weighed.vocabulary, tuning.expansion),
    distinctDocs,
    weighed.vocabulary,
    tuning.conceptShare,
  );
  const { vocabulary } = conceptual;
  const expanded = conceptual.vectors;
  const vectorAt = new Map(distinctIndexes.map((index, position) => [index, expanded[position]]));
  const empty: SparseVector = { terms: new Int32Array(0), weights: new Float64Array(0) };
  const vectors = distinctOf.map((first) => vectorAt.get(first) ?? empty);
  const candidates = vectors
    .map((vector, index) => ({ vector, index }))
    .filter(({ vector }) => vector.terms.length > 0)
    .map(({ vector, index }) => ({ vector, index, gramsOnly: vector.terms.every((term) => vocabulary.gram[term]) }))
    // A comment whose words no other comment shares is themed by its n-grams only when a word is long
    // enough for them to say something: the n-grams of "ring" are mostly those of "levering".
    .filter(
      ({ index, gramsOnly }) =>
        !gramsOnly || (docs[index]?.tokens ?? []).some((token) => token.stem.length >= tuning.gramsOnlyStemLength),
    );

  // Comments with the same terms ("Hurtig levering" fifty times) are clustered once: repeated
  // points would otherwise form tight little clusters that the silhouette rewards. They share
  // their label afterwards. A large set clusters an even sample of its distinct comments.
  const distinct = new Map<string, { vector: SparseVector; index: number }>();
  const representative = new Map<number, number>();
  for (const candidate of candidates) {
    const key = `${candidate.vector.terms.join(',')}|${candidate.vector.weights.join(',')}`;
    const first = distinct.get(key);
    if (first) representative.set(candidate.index, first.index);
    else distinct.set(key, candidate);
  }
  const unique = [...distinct.values()];
  const step = Math.max(1, Math.ceil(unique.length / SAMPLE_SIZE));
  const sample = unique.filter((_, position) => position % step === 0);
  const minSize = minThemeSize(candidates.length);
  const sampled = sample.map(({ vector }) => vector);
  const { labels } =
    tuning.method === 'graph'
      ? {
          labels: louvain(
            neighbourGraph(similarityMatrix(sampled), sampled.length, tuning.graphNeighbours, tuning.graphFloor),
            tuning.resolution,
          ),
        }
      : clusterBySilhouette(
          sampled,
          tuning.clusters
            ? { minClusters: tuning.clusters, maxClusters: tuning.clusters }
            : { minClusters: 2, maxClusters: Math.min(tuning.maxThemes, Math.ceil(Math.sqrt(sample.length))) },
        );
  const label = new Int32Array(docs.length).fill(-1);
  sample.forEach(({ index }, position) => (label[index] = labels[position] ?? -1));
  for (const [index, first] of representative) label[index] = label[first] ?? -1;
  mergeCloseClusters(label, candidates, vocabulary.terms.length, tuning.mergeSimilarity);
  // The cut's clusters seed a few rounds of nearest-centroid reassignment over every comment: the
  // rest of a large set joins them, and a comment that average linkage left in a loose catch-all
  // cluster moves to the theme it is closest to, or to unassigned when it is close to none.
  for (let round = 0; round < tuning.refinements; round++) {
    const groups = new Map<number, SparseVector[]>();
    for (const { vector, index } of candidates) {
      const own = label[index] ?? -1;
      if (own < 0) continue;
      const list = groups.get(own) ?? [];
      list.push(vector);
      groups.set(own, list);
    }
    const centroids = [...groups.entries()]
      .filter(([, members]) => members.length >= minSize)
      .sort((a, b) => a[0] - b[0])
      .map(([own, members]) => ({ own, centroid: centroidOf(members, vocabulary.terms.length) }));
    for (const { vector, index, gramsOnly } of candidates) {
      let best = -1;
      let bestSimilarity = gramsOnly ? tuning.gramsOnlyJoinSimilarity : tuning.joinSimilarity;
      for (const { own, centroid } of centroids) {
        const similarity = dotDense(vector, centroid);
        if (similarity > bestSimilarity) {
          bestSimilarity = similarity;
          best = own;
        }
      }
      label[index] = best;
    }
  }

  const members = new Map<number, number[]>();
  label.forEach((own, index) => {
    if (own < 0) return;
    const list = members.get(own) ?? [];
    list.push(index);
    members.set(own, list);
  });
  const kept = [...members.values()].filter((list) => list.length >= minSize);
  const profiles: ClusterProfile[] = kept.map((list) => ({
    members: list.map((index) => docs[index]).filter((doc) => doc !== undefined),
    centroid: centroidOf(
      list.map((index) => vectors[index]).filter((vector) => vector !== undefined),
      vocabulary.terms.length,
    ),
  }));
  const matches = matchEarlierThemes(profiles, input.earlierThemes ?? [], vocabulary, fallback);

  const positionOf = new Map(order.map((original, canonical) => [canonical, original]));
  const idsOf = (list: number[]) =>
    list
      .map((canonical) => positionOf.get(canonical) ?? 0)
      .sort((a, b) => a - b)
      .map((original) => input.items[original]?.id ?? '');
  const themed = new Set<number>();
  const themes: SuggestedTheme[] = kept.map((list, clusterIndex) => {
    for (const index of list) themed.add(index);
    const profile = profiles[clusterIndex];
    const members = profile?.members ?? [];
    const terms = tellingTerms(members, vocabulary);
    const matched = matches.get(clusterIndex);
    const { name, language } = nameOf(members, terms, vocabulary, fallback);
    const theme: SuggestedTheme = {
      name: matched ?? name,
      ids: idsOf(list),
      terms: terms.map((term) => term.surface),
      language,
    };
    if (matched !== undefined) theme.matched = matched;
    return theme;
  });
  themes.sort(
    (a, b) => b.ids.length - a.ids.length || compare(a.name, b.name) || compare(a.ids[0] ?? '', b.ids[0] ?? ''),
  );
  distinctNames(themes);
  const unassigned = idsOf(docs.map((_, index) => index).filter((index) => !themed.has(index)));
  return { themes, unassigned };
}

/**
 * Communities whose centroids are close are joined, closest pair first (labels are changed in
 * place): on a small board two comments in English about delivery can form a community of their
 * own beside the Danish ones, though the lexicon puts their centroids close together.
 */
function mergeCloseClusters(
  label: Int32Array,
  candidates: readonly { vector: SparseVector; index: number }[],
  dimensions: number,
  threshold: number,
): void {
  if (threshold > 1) return;
  const groups = new Map<number, SparseVector[]>();
  for (const { vector, index } of candidates) {
    const own = label[index] ?? -1;
    if (own < 0) continue;
    const list = groups.get(own) ?? [];
    list.push(vector);
    groups.set(own, list);
  }
  const clusters = [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([own, members]) => ({ own, centroid: centroidOf(members, dimensions) }));
  const pairs: { a: number; b: number; similarity: number }[] = [];
  for (let x = 0; x < clusters.length; x++)
    for (let y = x + 1; y < clusters.length; y++) {
      const a = clusters[x];
      const b = clusters[y];
      if (!a || !b) continue;
      let similarity = 0;
      for (let term = 0; term < dimensions; term++) similarity += (a.centroid[term] ?? 0) * (b.centroid[term] ?? 0);
      if (similarity >= threshold) pairs.push({ a: a.own, b: b.own, similarity });
    }
  if (pairs.length === 0) return;
  pairs.sort((p, q) => q.similarity - p.similarity || p.a - q.a || p.b - q.b);
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  for (let index = 0; index < label.length; index++) {
    const own = label[index] ?? -1;
    if (own >= 0) label[index] = find(own);
  }
}

/** Both languages hold at least this share of a theme's comments: it is named in the team's language. */
const MIXED_SHARE = 0.2;
/** A mixed theme takes its concept's name when at least this share of its comments hold that concept. */
const CONCEPT_NAME_SHARE = 0.5;

/**
 * A theme's name and its language. One written mostly in one language speaks the language of the
 * comments its first word comes from. One that mixes Danish and English (the lexicon joins
 * "levering" and "delivery") is named in the team's language, from the words of its comments in
 * that language, or the name of the lexicon's concept most of them share.
 */
function nameOf(
  members: readonly AnalysedDoc[],
  terms: readonly TellingTerm[],
  vocabulary: Vocabulary,
  teamLanguage: Language,
): { name: string; language: Language } {
  const danish = members.filter((doc) => doc.language === 'da').length;
  const english = members.length - danish;
  if (Math.min(danish, english) >= MIXED_SHARE * members.length) {
    // The topic that joined them, when most share one ("Levering" / "Delivery"); else the words.
    const concept = leadingConcept(members, CONCEPT_NAME_SHARE);
    if (concept) return { name: concept.name[teamLanguage], language: teamLanguage };
    const own = members.filter((doc) => doc.language === teamLanguage);
    return { name: themeName(tellingTerms(own, vocabulary), teamLanguage), language: teamLanguage };
  }
  const top = terms[0]?.term;
  const naming = members.filter((doc) => doc.tokens.some((token) => token.stem === top));
  const language = majorityLanguage(naming.length > 0 ? naming : members);
  return { name: themeName(terms, language), language };
}

/** Two themes never share a name (a team's theme names are unique): later ones take their second term or a number. */
function distinctNames(themes: SuggestedTheme[]): void {
  const taken = new Set<string>();
  for (const theme of themes) {
    let name = theme.name;
    const second = theme.terms[1];
    if (taken.has(name.toLocaleLowerCase()) && second && theme.matched === undefined)
      name = `${name} ${theme.language === 'da' ? 'og' : 'and'} ${second}`;
    for (let number = 2; taken.has(name.toLocaleLowerCase()); number++) name = `${theme.name} ${number}`;
    theme.name = name;
    taken.add(name.toLocaleLowerCase());
  }
}
