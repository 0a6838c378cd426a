import type { Language } from '../../shared/language.ts';
import { conceptsOfWord, conceptVector } from './lexicon.ts';
import { analyse, languageOf } from './text.ts';

import { dotDense, normalised, type AnalysedDoc, type SparseVector, type Vocabulary } from './vectors.ts';

/** A theme the team used before: its name and, when known, the texts that were grouped under it. */
export interface EarlierTheme {
  name: string;
  texts?: readonly string[];
}

/** A cluster as matching sees it: its members' analysed comments and their unit-length centroid. */
export interface ClusterProfile {
  members: readonly AnalysedDoc[];
  centroid: Float64Array;
}

/** From this score on (share of comments naming the theme, or cosine to its texts) a cluster is the earlier theme. */
export const MATCH_THRESHOLD = 0.3;
const CONCEPT_WEIGHT = 0.9;

/** The stems of a theme name in both languages: names are short and their language is unknown. */
function nameStems(name: string): Set<string> {
  const stems = new Set<string>();
  for (const language of ['da', 'en'] as const) for (const token of analyse(name, language)) stems.add(token.stem);
  return stems;
}

/**
 * The lexicon's concepts a theme name speaks of ("Levering" → delivery): a cluster of English delivery
 * comments then resembles last month's Danish "Levering" though none of them uses its word.
 */
function nameConcepts(name: string): Set<number> {
  const concepts = new Set<number>();
  for (const language of ['da', 'en'] as const)
    for (const token of analyse(name, language))
      for (const concept of conceptsOfWord(token.surface, token.stem)) concepts.add(concept);
  return concepts;
}

/** The earlier theme's texts as one unit vector in the current vocabulary (terms unknown now are dropped). */
function textVector(texts: readonly string[], vocabulary: Vocabulary, fallback: Language): SparseVector | null {
  const weights = new Map<number, number>();
  for (const text of texts) {
    const tokens = analyse(text, languageOf(text, undefined, fallback));
    for (const token of tokens) {
      const id = vocabulary.ids.get(token.stem);
      if (id !== undefined) weights.set(id, (weights.get(id) ?? 0) + (vocabulary.idf[id] ?? 0));
    }
  }
  if (weights.size === 0) return null;
  return normalised([...weights.entries()].sort((a, b) => a[0] - b[0]));
}

/**
 * How much a cluster resembles an earlier theme, 0…1: the share of its comments that name the theme
 * or speak of the name's concept, or the cosine to the texts grouped under it, whichever is more.
 */
function resemblance(
  cluster: ClusterProfile,
  stems: ReadonlySet<string>,
  concepts: ReadonlySet<number>,
  texts: SparseVector | null,
  perLanguageStems: (doc: AnalysedDoc) => boolean,
): number {
  let naming = 0;
  let speaking = 0;
  for (const doc of cluster.members) {
    if (stems.size > 0 && perLanguageStems(doc)) naming++;
    if (concepts.size > 0 && conceptVector(doc.tokens).some(([concept]) => concepts.has(concept))) speaking++;
  }
  const size = cluster.members.length;
  const byName = size > 0 ? naming / size : 0;
  // A little below naming: of two earlier themes on one topic, the one the comments name wins.
  const byConcept = size > 0 ? (CONCEPT_WEIGHT * speaking) / size : 0;
  const byTexts = texts ? dotDense(texts, cluster.centroid) : 0;
  return Math.max(byName, byConcept, byTexts);
}

/**
 * Pairs clusters with earlier themes, best resemblance first, each at most once on either side.
 * Returns, per cluster index, the earlier theme's name it is offered under.
 */
export function matchEarlierThemes(
  clusters: readonly ClusterProfile[],
  earlier: readonly EarlierTheme[],
  vocabulary: Vocabulary,
  fallback: Language,
): Map<number, string> {
  const pairs: { cluster: number; theme: number; score: number }[] = [];
  earlier.forEach((theme, themeIndex) => {
    const stems = nameStems(theme.name);
    const concepts = nameConcepts(theme.name);
    const texts = theme.texts && theme.texts.length > 0 ? textVector(theme.texts, vocabulary, fallback) : null;
    const mentions = (doc: AnalysedDoc) => doc.tokens.some((token) => stems.has(token.stem));
    clusters.forEach((cluster, clusterIndex) => {
      const score = resemblance(cluster, stems, concepts, texts, mentions);
      if (score >= MATCH_THRESHOLD) pairs.push({ cluster: clusterIndex, theme: themeIndex, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.cluster - b.cluster || a.theme - b.theme);
  const byCluster = new Map<number, string>();
  const used = new Set<number>();
  for (const pair of pairs) {
    if (byCluster.has(pair.cluster) || used.has(pair.theme)) continue;
    const theme = earlier[pair.theme];
    if (!theme) continue;
    byCluster.set(pair.cluster, theme.name);
    used.add(pair.theme);
  }
  return byCluster;
}
