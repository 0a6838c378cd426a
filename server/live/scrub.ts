import { MASK } from '../../shared/redact.ts';

/** Shorter texts are only replaced on their own card: as substrings they would hit unrelated words. */
const MIN_QUOTED = 12;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Makes the rewrite that erasure applies to a meeting's stored JSON (events, snapshots, summary):
 * a card with an erased id keeps its place, score, reactions and theme, but its quote and title become
 * the marker; any other string that quotes one of the erased texts has that quote replaced. The board's
 * structure and every count stay as they were. Returns null when the JSON held nothing to erase.
 */
export function cardScrubber(cardIds: readonly string[], texts: readonly string[]): (json: string) => string | null {
  const ids = new Set(cardIds);
  const quoted = [...new Set(texts.map((text) => text.trim()).filter((text) => text.length >= MIN_QUOTED))].sort(
    (a, b) => b.length - a.length,
  );

  function scrubString(value: string): string {
    let out = value;
    for (const text of quoted) if (out.includes(text)) out = out.split(text).join(MASK.erased);
    return out;
  }

  function walk(value: Json): Json {
    if (typeof value === 'string') return scrubString(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    // fromEntries defines own properties, so a stored "__proto__" key stays a plain key.
    const out: { [key: string]: Json } = Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, walk(entry)]),
    );
    if (typeof value.id === 'string' && ids.has(value.id) && 'quote' in value) {
      out.quote = MASK.erased;
      if ('title' in value) out.title = value.title === null ? null : MASK.erased;
    }
    return out;
  }

  return (json: string) => {
    const next = JSON.stringify(walk(JSON.parse(json) as Json));
    return next === json ? null : next;
  };
}
