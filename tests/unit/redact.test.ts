import { describe, expect, it } from 'vitest';
import { redact } from '../../shared/redact.ts';

describe('masking personal data in comments', () => {
  it('masks e-mail addresses, CPR numbers and phone numbers', () => {
    expect(redact('Skriv til mette.lund@firma.dk hurtigst')).toBe('Skriv til [e-mail] hurtigst');
    expect(redact('Mit CPR er 010190-1234, og min søns 3112051234')).toBe('Mit CPR er [CPR], og min søns [CPR]');
    expect(redact('Ring på 12 34 56 78 eller 12345678 eller 1234 5678')).toBe(
      'Ring på [phone] eller [phone] eller [phone]',
    );
    expect(redact('Call +45 12 34 56 78 or 0045 87654321 or +44 20 7946 0958')).toBe(
      'Call [phone] or [phone] or [phone]',
    );
  });
  it('leaves scores, dates, prices and times alone', () => {
    const text = 'Fik 9 ud af 10 den 2026-11-03 kl. 10:15, fragt 49,95 € – ordre #4711, 3/11/2026';
    expect(redact(text)).toBe(text);
    expect(redact(null)).toBeNull();
  });
});
