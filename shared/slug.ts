/** The longest slug a team may have (see SLUG_PATTERN in roles.ts). */
export const SLUG_MAX = 40;

// Danish letters are spelt out as Danes do when a name must be plain ASCII; the rest of Latin
// letters lose their accents (é → e), so "Café Østerbro" becomes "cafe-oesterbro".
const SPELLED: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss' };

/**
 * A team's slug proposed from its name: lowercase, æ→ae, ø→oe, å→aa, accents dropped, every other
 * character a hyphen, no repeated, leading or trailing hyphens, at most 40 characters. The person
 * creating the team may edit it before saving; "" when the name holds nothing usable.
 */
export function slugFromName(name: string): string {
  const spelled = [...name.toLowerCase()].map((char) => SPELLED[char] ?? char).join('');
  const plain = spelled.normalize('NFD').replace(/\p{M}/gu, '');
  const hyphenated = plain.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return hyphenated.slice(0, SLUG_MAX).replace(/-+$/, '');
}
