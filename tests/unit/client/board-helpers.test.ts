import { describe, expect, it } from 'vitest';
import { defaultAgenda, stepName } from '../../../shared/agenda.ts';
import { cardBand, mainMetric } from '../../../client/lib/card-band.ts';
import { dayBefore } from '../../../client/lib/day-before.ts';
import { da } from '../../../client/lib/i18n/da.ts';
import { en } from '../../../client/lib/i18n/en.ts';
import { stepShortName } from '../../../client/lib/step-names.ts';

/** A stand-in for locale.t: looks the key up in one catalogue. */
const catalogue =
  (messages: object) =>
  (key: string): string => {
    let node: unknown = messages;
    for (const part of key.split('.'))
      node = typeof node === 'object' && node !== null ? Reflect.get(node, part) : undefined;
    return typeof node === 'string' ? node : key;
  };
const inDanish = catalogue(da);
const inEnglish = catalogue(en);

describe('agenda step names on the board', () => {
  it('shows an unedited default step in the viewer’s language, whichever language it was made in', () => {
    const followUp = defaultAgenda('en').find((step) => step.key === 'followup');
    if (!followUp) throw new Error('no follow-up step');
    expect(stepShortName(followUp, inDanish)).toBe('Opfølgning');
    expect(stepName(followUp, 'da')).toBe('Opfølgning på sidste måneds handlinger');
    // A team whose defaults were made in Danish, read by an English viewer.
    const danish = defaultAgenda('da').find((step) => step.key === 'group');
    if (!danish) throw new Error('no group step');
    expect(stepShortName(danish, inEnglish)).toBe('Group');
    expect(stepName(danish, 'en')).toBe('Group into themes');
    expect(stepShortName(danish, inDanish)).toBe('Gruppér');
    expect(stepName(danish, 'da')).toBe('Saml i temaer');
  });

  it('shows a name the team wrote as written', () => {
    const edited = { key: 'checkin', name: 'Velkommen og kaffe', minutes: 5 };
    expect(stepShortName(edited, inEnglish)).toBe('Velkommen og kaffe');
    expect(stepName(edited, 'da')).toBe('Velkommen og kaffe');
    expect(stepName({ key: 'step', name: 'Demo af ny app' }, 'en')).toBe('Demo af ny app');
    expect(stepShortName({ key: 'step', name: 'Demo af ny app', minutes: 5 }, inDanish)).toBe('Demo af ny app');
  });
});

describe('board helpers', () => {
  it('dates an action the day before the next review, across month and year ends', () => {
    expect(dayBefore('2026-02-10T09:00:00.000Z')).toBe('2026-02-09');
    expect(dayBefore('2026-03-01T08:00:00.000Z')).toBe('2026-02-28');
    expect(dayBefore('2027-01-01T09:00:00.000Z')).toBe('2026-12-31');
  });

  it('bands cards like the inbox and finds the KPI most of a theme’s cards were scored on', () => {
    expect(cardBand({ metric: 'nps', score: 9 })).toBe('promoter');
    expect(cardBand({ metric: 'csat', score: 2 })).toBe('detractor');
    expect(cardBand({ metric: 'csat', score: 3 })).toBe('passive');
    expect(cardBand({ metric: null, score: null })).toBeNull();
    expect(mainMetric([{ metric: 'nps' }, { metric: 'csat' }, { metric: 'csat' }, { metric: null }])).toBe('csat');
    expect(mainMetric([])).toBeNull();
  });
});
