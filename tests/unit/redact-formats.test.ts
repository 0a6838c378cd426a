import { describe, expect, it } from 'vitest';
import { MASK, redact } from '../../shared/redact.ts';

/** A small seeded generator, so a failing CPR number can be reproduced from the test output. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const passesModulus11 = (digits: string) =>
  [...digits].reduce((sum, digit, index) => sum + Number(digit) * (WEIGHTS[index] ?? 0), 0) % 11 === 0;

/** CPR numbers on real calendar dates; half pass the modulus-11 check, half do not (allowed since 2007). */
function cprCorpus(count: number): { digits: string; modulus11: boolean }[] {
  const random = seeded(20_261_201);
  const out: { digits: string; modulus11: boolean }[] = [];
  while (out.length < count) {
    const day = new Date(Date.UTC(1937, 0, 1) + Math.floor(random() * 100 * 365.25) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCFullYear() % 100).padStart(2, '0')}`;
    const wantValid = out.length % 2 === 0;
    let serial = Math.floor(random() * 10_000);
    for (
      let tries = 0;
      tries < 10_000 && passesModulus11(date + String(serial).padStart(4, '0')) !== wantValid;
      tries++
    )
      serial = (serial + 1) % 10_000;
    const digits = date + String(serial).padStart(4, '0');
    out.push({ digits, modulus11: passesModulus11(digits) });
  }
  return out;
}

describe('masking the formats customers really write', () => {
  it('masks e-mail addresses with letters outside ASCII, in the local part and the domain', () => {
    expect(redact('Skriv til søren@blåbær.dk i dag')).toBe(`Skriv til ${MASK.email} i dag`);
    expect(redact('ÆBLE.Øst@Æblegården.DK, tak')).toBe(`${MASK.email}, tak`);
    expect(redact('mail: ivan@пример.рф eller bo@xn--blbr-poa3e.dk')).toBe(`mail: ${MASK.email} eller ${MASK.email}`);
  });

  it('masks phone numbers written with dashes, dots, a country code or 00', () => {
    const cases = [
      '56-78-90-12',
      '67.89.01.23',
      '+45 12 34 56 78',
      '+4512345678',
      '0045 12 34 56 78',
      '0045-87-65-43-21',
      '004587654321',
      '+45 12.34.56.78',
      '12 34 56 78',
      '1234 5678',
      '12345678',
    ];
    for (const phone of cases)
      expect(redact(`Ring på ${phone} efter kl. 16`), phone).toBe(`Ring på ${MASK.phone} efter kl. 16`);
  });

  it('masks every generated CPR number, with and without the dash, whether or not it passes modulus 11', () => {
    const corpus = cprCorpus(400);
    expect(corpus.filter((entry) => entry.modulus11).length).toBe(200);
    for (const { digits } of corpus) {
      const dashed = `${digits.slice(0, 6)}-${digits.slice(6)}`;
      expect(redact(`Mit CPR-nummer er ${dashed}.`), dashed).toBe(`Mit CPR-nummer er ${MASK.cpr}.`);
      expect(redact(`CPR ${digits}, tak`), digits).toBe(`CPR ${MASK.cpr}, tak`);
    }
  });

  it('leaves order numbers, prices, dates, times and percentages untouched', () => {
    const untouched = [
      'Ordre #4711 kom aldrig',
      'ordrenr. 2026-004711',
      'Ordre SO-100234 og faktura 2026/0042',
      'Ordrenummer 123456789012 er forkert',
      'Det kostede 1.234,50 kr. og fragten 49,95 kr.',
      'Prisen steg fra kr. 12.500 til kr. 1.234.567,89',
      'Leveret 01-02-2026, bestilt 12.03.2026',
      'Mødet den 3/11/2026 og 31.12.2025',
      'Kommer kl. 10.00 eller kl. 10.00-11.30, senest kl. 16:45',
      'Sendt 2026-03-12 og 2026-03-12T10:15:00Z',
      '98 % var tilfredse, 12,5 % klagede og 45% svarede',
      'Fik 9 ud af 10, NPS 7, version 2.10.3',
    ];
    for (const text of untouched) expect(redact(text), text).toBe(text);
  });
});
