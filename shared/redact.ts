import type { Language } from './language.ts';

/**
 * What stands in for masked personal data, and for a customer's words erased on request: the one
 * place these labels are written.
 */
export const MASK = { email: '[e-mail]', cpr: '[CPR]', phone: '[phone]', erased: '[erased]' } as const;

/**
 * The masks as each language writes them. Stored text keeps the tokens of MASK whatever the team's
 * language, so a shared screen can show every viewer the masks in their own language: the client
 * runs `localiseMasks` on masked text when it renders it.
 */
export const MASK_LABELS: Record<Language, Record<keyof typeof MASK, string>> = {
  da: { email: '[e-mail]', cpr: '[cpr]', phone: '[telefon]', erased: '[slettet]' },
  en: { email: '[e-mail]', cpr: '[CPR]', phone: '[phone]', erased: '[erased]' },
};

const MASK_TOKENS = /\[(?:e-mail|CPR|phone|erased)\]/g;
const MASK_KEYS = new Map<string, keyof typeof MASK>([
  [MASK.email, 'email'],
  [MASK.cpr, 'cpr'],
  [MASK.phone, 'phone'],
  [MASK.erased, 'erased'],
]);

/** Masked text with its mask tokens written in the viewer's language. */
export function localiseMasks(text: string, language: Language): string {
  return text.replace(MASK_TOKENS, (token) => {
    const key = MASK_KEYS.get(token);
    return key ? MASK_LABELS[language][key] : token;
  });
}

// Letters and digits of any script: søren@blåbær.dk is as much an address as anna@example.dk.
// The top-level domain is letters, or an IDNA label written out (xn--…).
const EMAIL = /[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)/giu;
// CPR: DDMMYY-XXXX (or without the dash). The modulus-11 check is not applied: numbers issued since
// 2007 need not satisfy it. Checked before phone numbers, which it would also match.
const CPR = /\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[- ]?\d{4}\b/g;
// +45 or 0045 and 6–12 more digits, grouped by spaces, dashes or dots.
const PHONE_INTERNATIONAL = /(?:\+|\b00)\d{1,3}\)?[ .-]?(?:\d[ .-]?){6,11}\d\b/g;
// Danish numbers: 8 digits, together or in pairs with one separator throughout (12 34 56 78,
// 56-78-90-12, 67.89.01.23), or 4 + 4 with a space. Dates (01-02-2026, 12.03.2026) have a group of four
// and times (10.00-11.30) mix separators, so they stay.
const PHONE_DANISH = /\b\d{2}([ .-]?)\d{2}\1\d{2}\1\d{2}\b|\b\d{4} \d{4}\b/g;

/**
 * Masks personal data inside customer comments before a team or an export sees them:
 * e-mail addresses, Danish CPR numbers and phone numbers. Over-masking an 8-digit order number is
 * the accepted price for never showing a phone number on a shared screen.
 */
export function redact(text: string): string;
export function redact(text: string | null): string | null;
export function redact(text: string | null): string | null {
  if (text === null) return null;
  return text
    .replace(EMAIL, MASK.email)
    .replace(CPR, MASK.cpr)
    .replace(PHONE_INTERNATIONAL, MASK.phone)
    .replace(PHONE_DANISH, MASK.phone);
}
