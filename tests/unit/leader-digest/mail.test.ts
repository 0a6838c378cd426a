import { describe, expect, it } from 'vitest';
import { leaderDigestMail } from '../../../server/leader-digest/mail.ts';
import type { LeaderDigestContent } from '../../../shared/schemas/leader-digests.ts';

const content: LeaderDigestContent = {
  unit: { id: 4, name: 'Kunde\nservice\r\nBcc: x@evil.example' },
  lead: { id: 2, name: 'Pat' },
  month: '2026-11',
  timezone: 'Europe/London',
  language: 'en',
  totals: { teams: 2, planned: 3, held: 2, decided: 4, completed: 1, lost: 1 },
  teams: [
    {
      team: { slug: 'levering', name: 'Levering' },
      planned: 1,
      held: 0,
      decided: 0,
      completed: 0,
      lost: 'none_45_days',
      lastHeldAt: '2026-09-08T09:00:00.000Z',
    },
    {
      team: { slug: 'kundeservice', name: 'Kundeservice' },
      planned: 2,
      held: 2,
      decided: 4,
      completed: 1,
      lost: null,
      lastHeldAt: '2026-11-24T09:00:00.000Z',
    },
  ],
  kpis: [
    {
      metric: 'csat',
      teams: 1,
      current: { month: '2026-11', n: 100, value: 90, ci95: [82.6, 94.5] },
      previous: { month: '2026-10', n: 100, value: 50, ci95: [40.4, 59.6] },
      change: 40,
      changeCi95: [28.7, 51.3],
      clear: true,
    },
    {
      metric: 'nps',
      teams: 1,
      current: { month: '2026-11', n: 3, value: null, ci95: null },
      previous: { month: '2026-10', n: 0, value: null, ci95: null },
      change: null,
      changeCi95: null,
      clear: false,
    },
  ],
};

describe('the leader digest e-mail', () => {
  it('in English: the month’s counts, each KPI with its interval and change, the teams that lost the rhythm', () => {
    const mail = leaderDigestMail(content, 'https://k.example');
    expect(mail.subject).toBe('Kadence: monthly digest for Kunde service Bcc: x@evil.example, Nov 2026');
    expect(mail.text).toBe(
      [
        'Hello Pat',
        '',
        'How Nov 2026 went in Kunde service Bcc: x@evil.example.',
        'Reviews held: 2 of 3 planned',
        'Actions decided: 4; completed: 1',
        '',
        'Customers (the answers of all teams pooled):',
        '- CSAT: 90 (95% interval 82.6 to 94.5; n = 100), change +40 from Oct 2026 (95% interval +28.7 to +51.3): a clear change',
        '- NPS: too few answers for a figure (n = 3)',
        '',
        'Teams that lost the rhythm:',
        '- Levering: none held for 45 days, last held 8 Sept 2026',
        '',
        'Team by team:',
        '- Levering: 0 of 1 held, 0 decided, 0 completed',
        '- Kundeservice: 2 of 2 held, 4 decided, 1 completed',
        '',
        'Open the dashboard: https://k.example/#/units/4',
        '',
      ].join('\n'),
    );
  });

  it('in Danish, with Danish decimals, months and the minus sign', () => {
    const mail = leaderDigestMail(
      {
        ...content,
        unit: { id: 4, name: 'Kundeservice' },
        language: 'da',
        timezone: 'Europe/Copenhagen',
        kpis: [
          {
            metric: 'nps',
            teams: 2,
            current: { month: '2026-11', n: 40, value: -12.5, ci95: [-40.2, 15.2] },
            previous: { month: '2026-10', n: 38, value: 2, ci95: [-25, 29] },
            change: -14.5,
            changeCi95: [-53.4, 24.4],
            clear: false,
          },
        ],
      },
      'https://k.example',
    );
    expect(mail.subject).toBe('Kadence: månedsoverblik for Kundeservice, nov. 2026');
    expect(mail.text).toContain(
      '- NPS: −12,5 (95 %-interval −40,2 til 15,2; n = 40), ændring −14,5 fra okt. 2026 (95 %-interval −53,4 til +24,4): inden for usikkerheden',
    );
    expect(mail.text).toContain('- Levering: ingen holdt i 45 dage, senest holdt 8. sep. 2026');
    expect(mail.text).toContain('- Kundeservice: 2 af 2 holdt, 4 besluttet, 1 udført');
  });
});
