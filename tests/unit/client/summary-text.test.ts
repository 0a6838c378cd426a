import { describe, expect, it } from 'vitest';
import { da } from '../../../client/lib/i18n/da.ts';
import { en } from '../../../client/lib/i18n/en.ts';
import { Translator, type MessageParams } from '../../../shared/translate.ts';
import { summaryMarkdown, summaryScore } from '../../../client/lib/live-summary.ts';
import { formatter } from '../../../shared/format.ts';
import type { MeetingSummary } from '../../../shared/meeting/index.ts';

const translator = new Translator('en');
translator.add('en', en);
translator.add('da', da);
const reader = (language: 'da' | 'en') => ({
  t: (key: string, params?: MessageParams) => translator.t(language, key, params),
  format: formatter(language, 'Europe/Copenhagen'),
});

const summary: MeetingSummary = {
  endedAt: Date.UTC(2026, 10, 11, 10),
  attendance: [{ name: 'Mette Lund', role: 'lead' }],
  cards: 1,
  averageScores: [
    { metric: 'csat', average: 2.4, count: 8 },
    { metric: 'nps', average: 9.2, count: 22 },
  ],
  themes: [
    { id: 1, name: 'Størrelser', votes: 13, cards: 4, comments: 2 },
    { id: 2, name: 'Returnering', votes: 1, cards: 1, comments: 0 },
  ],
  decisions: [
    {
      actionId: 1,
      title: 'Ring til tre kunder',
      ownerId: 1,
      ownerName: 'Mette Lund',
      dueDate: '2026-12-08',
      themeId: 1,
      commentIds: [],
      cardIds: [],
      at: 1,
    },
  ],
  rating: { count: 6, mean: 4.5 },
};

describe('the meeting summary in the reader’s language', () => {
  it('writes the Markdown file with Danish decimal commas, singular counts and Danish dates', () => {
    const { t, format } = reader('da');
    const text = summaryMarkdown(summary, t, format);
    expect(text).toContain('- CSAT: 2,4 (8)');
    expect(text).toContain('- NPS: 9,2 (22)');
    expect(text).toContain('Mødets vurdering: 4,5 af 5 (svar: 6)');
    expect(text).toContain('Størrelser — 13 prikker');
    expect(text).toContain('Returnering — 1 prik\n');
    expect(text).toContain('1 feedbackpunkt på tavlen');
    expect(text).toContain('Frist 8. dec. 2026');
    expect(text).toContain('11. nov. 2026');
    expect(text).not.toMatch(/\d\.\d/);
  });

  it('writes the English file with points and English plurals', () => {
    const { t, format } = reader('en');
    const text = summaryMarkdown(summary, t, format);
    expect(text).toContain('- CSAT: 2.4 (8)');
    expect(text).toContain('Returnering — 1 dot\n');
    expect(text).toContain('Størrelser — 13 dots');
    expect(text).toContain('1 feedback item on the board');
    expect(text).toContain('Due 8 Dec 2026');
  });

  it('gives the page and the file the same score line', () => {
    expect(summaryScore({ metric: 'csat', average: 2.4, count: 1200 }, formatter('da'))).toBe('CSAT: 2,4 (1.200)');
    expect(summaryScore({ metric: 'csat', average: 2.4, count: 1200 }, formatter('en'))).toBe('CSAT: 2.4 (1,200)');
  });
});
