import { describe, expect, it, vi } from 'vitest';

// The locale module reads the saved language and sets <html lang> when it is imported.
const saved = new Map([['kadence.lang', 'en']]);
vi.stubGlobal('localStorage', {
  getItem: (key: string) => saved.get(key) ?? null,
  setItem: (key: string, value: string) => saved.set(key, value),
});
vi.stubGlobal('navigator', { languages: ['en'] });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { locale } = await import('../../../client/lib/i18n/locale.svelte.ts');
const { historyText } = await import('../../../client/lib/action-history.ts');
// The tracker's pages load the actions area of the catalogues with their route, as this does.
await locale.need('actions');

describe('an action’s history as the tracker shows it', () => {
  const decided = { kind: 'decided', to: '2026-12-08T09:00:00.000Z' };

  it('says in which review an action was decided, in the viewer’s language', async () => {
    await locale.set('en');
    expect(historyText(decided, locale)).toBe('decided it in the review of 8 December 2026');
    await locale.set('da');
    expect(historyText(decided, locale)).toBe('besluttede den på gennemgangen 8. december 2026');
  });

  it('keeps the other kinds as they were', async () => {
    await locale.set('en');
    expect(historyText({ kind: 'created', to: 'open' }, locale)).toBe('created it');
    expect(historyText({ kind: 'status', to: 'done' }, locale)).toBe('changed status');
  });

  it('rounds figures for display in the viewer’s language, e.g. a rating mean of 4.29 from the command line', async () => {
    await locale.set('da');
    expect(locale.number(4.29)).toBe('4,3');
    expect(locale.number(-18.44)).toMatch(/^[-−]18,4$/);
    await locale.set('en');
    expect(locale.number(4.29)).toBe('4.3');
    expect(locale.number(40)).toBe('40');
  });
});
