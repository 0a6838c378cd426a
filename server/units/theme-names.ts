import type { Language } from '../../shared/language.ts';
import { conceptsOfWord } from '../themes/lexicon.ts';
import { analyse } from '../themes/text.ts';

/**
 * When two teams' theme names are the same theme. Names are read as the themes engine reads a
 * comment (server/themes/text.ts): lower case, stopwords out, each word stemmed in the team's
 * language, so "Ventetid", "ventetiden" and "Lang ventetid" all hold the stem "ventetid".
 * - the same stems (in any order) are the same theme;
 * - otherwise a name joins a theme whose stems it shares at least half of (Jaccard ≥ ½, so
 *   "Lang ventetid" joins "Ventetid"), taking the best such theme, and only a theme that stands
 *   on its own: themes are considered most teams first and a name never joins a name that itself
 *   joined another, so "Pris og levering" cannot chain "Pris" and "Levering" together.
 * - otherwise a name that speaks of one topic of the themes engine's lexicon joins a theme of the
 *   other language that speaks of that one topic too, so a Danish team's "Levering" and an English
 *   team's "Delivery" are one theme. Within one language the words tell themes apart ("Pakker" is
 *   not "Levering"), and a name of two topics ("Pris og levering") never joins this way.
 * A name of stopwords only ("Andet", "Other") is matched by its lower-case text.
 */
export const SIMILAR_NAMES = 0.5;

export function nameStems(name: string, language: Language): string[] {
  const stems = [...new Set(analyse(name, language).map((token) => token.stem))].sort();
  return stems.length > 0 ? stems : [name.trim().toLocaleLowerCase()];
}

/** The one lexicon concept a name speaks of, if it speaks of exactly one. */
export function nameTopic(name: string, language: Language): number | undefined {
  const concepts = new Set<number>();
  for (const token of analyse(name, language))
    for (const concept of conceptsOfWord(token.surface, token.stem)) concepts.add(concept);
  return concepts.size === 1 ? [...concepts][0] : undefined;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const inA = new Set(a);
  const shared = b.filter((stem) => inA.has(stem)).length;
  return shared / (a.length + b.length - shared);
}

/** A group of names with the same stems, and how widely it was raised (for the order of joining). */
export interface NameGroup {
  stems: readonly string[];
  /** nameTopic of the group's name, and the language its team writes in. */
  topic?: number | undefined;
  language?: Language | undefined;
  teams: number;
  meetings: number;
  label: string;
}

/**
 * For each group (by index), the index of the group it joins; a group that stands on its own maps
 * to itself. `groups` must come most teams first, then most meetings, then by label.
 */
export function joinSimilar(groups: readonly NameGroup[]): number[] {
  const into: number[] = [];
  groups.forEach((group, index) => {
    let best = index;
    let bestScore = 0;
    for (let earlier = 0; earlier < index; earlier++) {
      if (into[earlier] !== earlier) continue;
      const other = groups[earlier];
      if (!other) continue;
      const byStems = jaccard(other.stems, group.stems);
      const sameTopic = group.topic !== undefined && group.topic === other.topic && group.language !== other.language;
      // One shared topic counts as half the stems in common: a name that shares more of a theme's words wins.
      const score = byStems >= SIMILAR_NAMES ? byStems : sameTopic ? SIMILAR_NAMES : byStems;
      if (score >= SIMILAR_NAMES && score > bestScore) {
        best = earlier;
        bestScore = score;
      }
    }
    into.push(best);
  });
  return into;
}
