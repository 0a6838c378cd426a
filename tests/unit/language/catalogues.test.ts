import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { MASK, MASK_LABELS, localiseMasks, redact } from '../../../shared/redact.ts';
import { da } from '../../../client/lib/i18n/da.ts';
import { en } from '../../../client/lib/i18n/en.ts';

// The locale module reads the saved language and sets <html lang> when it is imported.
const saved = new Map([['kadence.lang', 'da']]);
vi.stubGlobal('localStorage', {
  getItem: (key: string) => saved.get(key) ?? null,
  setItem: (key: string, value: string) => saved.set(key, value),
});
vi.stubGlobal('document', { documentElement: { lang: '' } });
vi.stubGlobal('navigator', { languages: ['da-DK'] });
const { locale } = await import('../../../client/lib/i18n/locale.svelte.ts');
const { codedMessage } = await import('../../../client/lib/errors.ts');

describe('the catalogues', () => {
  it('have a Danish and an English text for every error code, and the client shows the Danish one', async () => {
    const codes = Object.values(ErrorCode);
    expect(codes.length).toBeGreaterThan(10);
    const danish: Record<string, string> = da.errors.codes;
    const english: Record<string, string> = en.errors.codes;
    for (const code of codes) {
      expect(danish[code], `da ${code}`).toMatch(/\S/);
      expect(english[code], `en ${code}`).toMatch(/\S/);
      expect(danish[code], `da ${code} is translated`).not.toBe(english[code]);
    }
    await locale.set('da');
    for (const code of codes.filter((code) => code !== ErrorCode.VALIDATION && code !== ErrorCode.CONFLICT)) {
      expect(codedMessage({ code, message: 'server text' })).toBe(danish[code]);
    }
  });

  it('pick plural forms by count by the language’s plural rules', async () => {
    await locale.set('da');
    expect(locale.t('counts.duplicates', { count: 1 })).toBe('1 dublet');
    expect(locale.t('counts.duplicates', { count: 2 })).toBe('2 dubletter');
    expect(locale.t('counts.duplicates', { count: 0 })).toBe('0 dubletter');
    expect(locale.t('counts.comments', { count: 1 })).toBe('1 kommentar');
    expect(locale.t('counts.members', { count: 12 })).toBe('12 medlemmer');
    await locale.set('en');
    expect(locale.t('counts.duplicates', { count: 1 })).toBe('1 duplicate');
    expect(locale.t('counts.duplicates', { count: 2 })).toBe('2 duplicates');
    expect(locale.t('counts.rows', { count: 1 })).toBe('1 row');
  });
});

describe('masks', () => {
  it('are stored as one set of tokens and shown in the viewer’s language', () => {
    const masked = redact('Ring 20 30 40 50 eller skriv til anna@example.dk, cpr 010203-1234');
    expect(masked).toContain(MASK.phone);
    expect(localiseMasks(masked, 'da')).toBe('Ring [telefon] eller skriv til [e-mail], cpr [cpr]');
    expect(localiseMasks(masked, 'en')).toBe('Ring [phone] eller skriv til [e-mail], cpr [CPR]');
    expect(localiseMasks(`citat ${MASK.erased}`, 'da')).toBe(`citat ${MASK_LABELS.da.erased}`);
    expect(localiseMasks('[telefon] [anything]', 'en')).toBe('[telefon] [anything]');
  });
});
