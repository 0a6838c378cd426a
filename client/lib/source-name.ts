import type { Params } from '../../shared/translate.ts';

type Translate = (key: string, params?: Params) => string;

/**
 * Where a piece of feedback came from, as people call it: `google-play` (or `google_play`) →
 * "Google Play", `nps` → "NPS-undersøgelse" (the core catalogue's `sources`); a source the
 * catalogue does not know (a team's own, e.g. "webshop") shows as the team wrote it.
 */
export function sourceName(source: string, t: Translate): string {
  const key = `sources.${source.toLowerCase().replaceAll('_', '-')}`;
  const text = t(key);
  return text === key ? source : text;
}
