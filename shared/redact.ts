const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// CPR: DDMMYY-XXXX (or without the dash); checked before phone numbers, which it would also match.
const CPR = /\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[- ]?\d{4}\b/g;
const PHONE_INTERNATIONAL = /(?:\+|\b00)\d{1,3}[ -]?(?:\d[ -]?){6,11}\d\b/g;
// Danish numbers: 8 digits, written together, in pairs or as 4 + 4 — only spaces between, so dates stay.
const PHONE_DANISH = /\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b|\b\d{4} \d{4}\b/g;

/**
 * Masks personal data inside customer comments before a team or an export sees them:
 * e-mail addresses, Danish CPR numbers and phone numbers. Over-masking an 8-digit order number is
 * the accepted price for never showing a phone number on a shared screen.
 */
export function redact(text: string): string;
export function redact(text: string | null): string | null;
export function redact(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(EMAIL, '[e-mail]').replace(CPR, '[CPR]').replace(PHONE_INTERNATIONAL, '[phone]').replace(PHONE_DANISH, '[phone]');
}
