import { describe, expect, it } from 'vitest';
import { digestMail } from '../../../server/actions/digest-mail.ts';

describe('the digest e-mail in the team’s language', () => {
  const actions = [
    { title: 'Ring til Anna', dueDate: '2026-11-30', state: 'overdue' as const },
    { title: 'Ny returlabel', dueDate: '2026-12-08', state: 'due_soon' as const },
  ];

  it('in Danish: the states, Danish dates and the link', () => {
    expect(
      digestMail({ language: 'da', timezone: 'Europe/Copenhagen', publicUrl: 'https://k.example', actions }),
    ).toEqual({
      subject: 'Kadence: 2 handlinger kræver din opmærksomhed',
      text: '- Overskredet: Ring til Anna (frist 30. nov. 2026)\n- Snart frist: Ny returlabel (frist 8. dec. 2026)\n\nÅbn dine handlinger: https://k.example/#/actions\n',
    });
    expect(
      digestMail({
        language: 'da',
        timezone: 'Europe/Copenhagen',
        publicUrl: 'https://k.example',
        actions: actions.slice(0, 1),
      }).subject,
    ).toBe('Kadence: 1 handling kræver din opmærksomhed');
  });

  it('in English, with one action in the singular', () => {
    expect(
      digestMail({
        language: 'en',
        timezone: 'Europe/London',
        publicUrl: 'https://k.example',
        actions: actions.slice(1),
      }),
    ).toEqual({
      subject: 'Kadence: 1 action needs your attention',
      text: '- Due soon: Ny returlabel (due 8 Dec 2026)\n\nOpen your actions: https://k.example/#/actions\n',
    });
  });
});
