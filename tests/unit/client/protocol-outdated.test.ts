import { describe, expect, it, vi } from 'vitest';

// The catalogue module reads the saved language and sets <html lang> when it is imported.
const saved = new Map([['kadence.lang', 'da']]);
vi.stubGlobal('localStorage', {
  getItem: (key: string) => saved.get(key) ?? null,
  setItem: (key: string, value: string) => saved.set(key, value),
});
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { locale } = await import('../../../client/lib/i18n/locale.svelte.ts');

describe('a page older than the server', () => {
  it('is told to reload in Danish and in English', async () => {
    await locale.set('da');
    expect(locale.t('errors.codes.PROTOCOL_OUTDATED')).toBe('Kadence er opdateret — genindlæs siden.');
    await locale.set('en');
    expect(locale.t('errors.codes.PROTOCOL_OUTDATED')).toBe('Kadence was updated — reload the page.');
  });
});
