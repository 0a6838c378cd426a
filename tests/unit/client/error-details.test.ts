import { describe, expect, it, vi } from 'vitest';

// The error-message module reads the saved language and sets <html lang> when it is imported.
const saved = new Map([['kadence.lang', 'da']]);
vi.stubGlobal('localStorage', {
  getItem: (key: string) => saved.get(key) ?? null,
  setItem: (key: string, value: string) => saved.set(key, value),
});
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { importErrorMessage: errorMessage } = await import('../../../client/lib/refusal-text.ts');
const { ApiError } = await import('../../../client/lib/api.ts');
import type { FileRefusalReason } from '../../../shared/import-refusals.ts';
const { locale } = await import('../../../client/lib/i18n/locale.svelte.ts');

describe('refusals the client words from their details', () => {
  const refusal = new ApiError(
    400,
    'VALIDATION',
    'This is not a feedback file Kadence can read: its text is in Big5 (Traditional Chinese), …',
    { reason: 'ENCODING', encoding: 'Big5 (Traditional Chinese)' },
  );

  it('a file in another encoding is refused in Danish and in English, naming the encoding', async () => {
    await locale.need('import-reasons');
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

describe('every whole-file refusal has its sentence in both languages', () => {
  const reasons: FileRefusalReason[] = [
    'FILE_UNREADABLE',
    'FILE_EMPTY',
    'FILE_BINARY',
    'OFFICE_DOCUMENT',
    'ZIP_NOT_WORKBOOK',
    'NO_WORKSHEET',
    'WORKSHEET_EMPTY',
    'WORKBOOK_TEXT_TOO_LARGE',
    'NO_HEADER',
    'NO_ROWS',
    'NO_DATE_COLUMN',
    'NO_SCORE_COLUMN',
    'NO_DATE_OR_SCORE_COLUMN',
    'JSON_TOO_LARGE',
    'JSON_INVALID',
    'JSON_NO_LIST',
    'ENCODING',
  ];

  it('words each reason in Danish and in English, never the server’s English under VALIDATION', async () => {
    await locale.need('import-reasons');
    for (const lang of ['da', 'en'] as const) {
      await locale.set(lang);
      for (const reason of reasons) {
        const text = errorMessage(new ApiError(400, 'VALIDATION', 'This is not a feedback file …', { reason }));
        expect(text, `${lang} ${reason}`).not.toContain('refusals.');
        expect(text, `${lang} ${reason}`).not.toContain('This is not a feedback file');
      }
    }
    await locale.set('da');
    expect(
      errorMessage(new ApiError(400, 'VALIDATION', '…', { reason: 'NO_DATE_COLUMN', columns: '"sted", "tid"' })),
    ).toBe('Ingen kolonne blev genkendt som datoen. Vælg kolonnerne nedenfor (filen har "sted", "tid").');
    expect(
      errorMessage(new ApiError(413, 'UPLOAD_TOO_LARGE', '…', { reason: 'UPLOAD_TOO_LARGE', megabytes: '100' })),
    ).toBe('Filen er større end 100 MB, den største upload denne server tager imod.');
  });
});
