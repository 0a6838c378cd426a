/**
 * Masks personal data in text shown on the shared board: e-mail addresses, phone numbers and Danish
 * CPR numbers. A stand-in until the feedback area's shared redaction lands; same intent, smaller.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const CPR = /\b\d{6}[- ]?\d{4}\b/g;
const PHONE = /(?:\+\d{1,3}[ -]?)?(?:\d[ -]?){7,11}\d\b/g;

export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(CPR, '[cpr]').replace(PHONE, '[phone]');
}
