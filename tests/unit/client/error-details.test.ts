import { describe, expect, it, vi } from 'vitest';

// The error-message module reads the saved language and sets <html lang> when it is imported.
const saved = new Map([['kadence.lang', 'da']]);
vi.stubGlobal('localStorage', {
  getItem: (key: string) => saved.get(key) ?? null,
  setItem: (key: string, value: string) => saved.set(key, value),
});
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { errorMessage } = await import('../../../client/lib/errors.ts');
const { ApiError } = await import('../../../client/lib/api.ts');
const { locale } = await import('../../../client/lib/i18n/locale.svelte.ts');

describe('refusals the client words from their details', () => {
  const refusal = new ApiError(
    400,
    'VALIDATION',
    'This is not a feedback file Kadence can read: its text is in Big5 (Traditional Chinese), …',
    { reason: 'ENCODING', encoding: 'Big5 (Traditional Chinese)' },
  );

  it('a file in another encoding is refused in Danish and in English, naming the encoding', async () => {
    await locale.set('da');
    expect(errorMessage(refusal)).toBe(
      'Kadence kan ikke læse filen: teksten er skrevet i Big5 (Traditional Chinese), ikke i UTF-8, UTF-16 eller Windows-1252. Gem den som UTF-8 (i Excel: “CSV UTF-8”), og upload den igen.',
    );
    await locale.set('en');
    expect(errorMessage(refusal)).toBe(
      'Kadence cannot read this file: its text is in Big5 (Traditional Chinese), not UTF-8, UTF-16 or Windows-1252. Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again.',
    );
  });

  it('details without a worded reason leave the usual message', async () => {
    await locale.set('en');
    expect(errorMessage(new ApiError(400, 'VALIDATION', 'the file is empty', { reason: 'SOMETHING_ELSE' }))).toBe(
      'the file is empty',
    );
    expect(errorMessage(new ApiError(400, 'VALIDATION', 'the file is empty'))).toBe('the file is empty');
  });
});
