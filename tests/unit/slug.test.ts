import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../shared/roles.ts';
import { SLUG_MAX, slugFromName } from '../../shared/slug.ts';

describe('slugFromName', () => {
  it.each([
    ['Kundeservice', 'kundeservice'],
    ['Kundeservice Øst', 'kundeservice-oest'],
    ['Ærø Færger', 'aeroe-faerger'],
    ['Århus Butik', 'aarhus-butik'],
    ['ÆØÅ æøå', 'aeoeaa-aeoeaa'],
    ['Café Nørrebro', 'cafe-noerrebro'],
    ['Support & Salg (B2B)', 'support-salg-b2b'],
    ['  --Team  42--  ', 'team-42'],
    ['Straße', 'strasse'],
    ['日本', ''],
    ['', ''],
  ])('%j → %j', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it('stays within the slug rule for long names, never ending in a hyphen', () => {
    const slug = slugFromName('Den store kundeoplevelsesgruppe for hele Sjælland og øerne');
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug).toBe('den-store-kundeoplevelsesgruppe-for-hele');
    expect(new RegExp(SLUG_PATTERN).test(slug)).toBe(true);
  });
});
