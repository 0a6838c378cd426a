import { describe, expect, it } from 'vitest';
import type { ThemeAssignment } from '../../../server/theme-trends/assignments.ts';
import type { ItemTextRow, ThemeTrendsRepo } from '../../../server/theme-trends/repo.ts';
import { createSuggestedAssignments } from '../../../server/theme-trends/suggested.ts';
import { suggestThemes, type SuggestInput } from '../../../server/themes/suggest.ts';

const TEXTS: Record<number, string> = {
  1: 'Pakken kom tre dage for sent',
  2: 'Leveringen var forsinket igen',
  3: 'Min pakke kom for sent',
  4: 'Pakken er forsinket og leveringen tog en uge',
  5: 'Levering tog alt for lang tid, pakken var forsinket',
  6: 'Appen crasher når jeg logger ind',
  7: 'Appen lukker ned ved login',
  8: 'Ring til mig på [phone]',
};

function fakeRepo(ids: number[]) {
  const row = (id: number): ItemTextRow => ({ id, title: null, comment: TEXTS[id] ?? '', language: 'da' });
  const repo: Pick<ThemeTrendsRepo, 'windowItems' | 'textsOf' | 'teamLanguage'> = {
    windowItems: async () => ids.map(row),
    textsOf: async (_team, wanted) => wanted.map(row),
    teamLanguage: async () => 'da',
  };
  return repo;
}

const board = (feedbackId: number, theme = 'Levering'): ThemeAssignment => ({
  feedbackId,
  receivedAt: '2026-01-10T10:00:00.000Z',
  themeId: 1,
  theme,
  source: { kind: 'card', meetingId: 1, id: String(feedbackId) },
});

describe('the suggestion model’s themes for items no board grouped', () => {
  it('gives the boards’ theme to the ungrouped items of a cluster that resembles it, and nothing else', async () => {
    const inputs: SuggestInput[] = [];
    const suggested = createSuggestedAssignments({
      repo: fakeRepo([1, 2, 3, 4, 5, 6, 7, 8]),
      suggest: async (input) => {
        inputs.push(input);
        return suggestThemes(input);
      },
    });
    const grouped = [board(1), board(2), board(3)];
    const found = await suggested.forTeam(7, grouped);
    expect(found.map((a) => a.feedbackId).sort()).toEqual([4, 5]);
    expect(found.every((a) => a.theme === 'Levering' && a.themeId === 1)).toBe(true);
    // The earlier theme is described by the texts grouped under it; the grouped items are clustered too.
    expect(inputs[0]?.earlierThemes).toEqual([{ name: 'Levering', texts: [TEXTS[1], TEXTS[2], TEXTS[3]] }]);
    expect(inputs[0]?.items.map((item) => item.id).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);

    // The same window and grouping: no second clustering run.
    await suggested.forTeam(7, grouped);
    expect(inputs).toHaveLength(1);
    // A board groups one more item: clustered again, and that item is no longer a suggestion.
    const more = await suggested.forTeam(7, [...grouped, board(4)]);
    expect(inputs).toHaveLength(2);
    expect(more.map((a) => a.feedbackId)).toEqual([5]);
  });

  it('suggests nothing while no board has grouped anything', async () => {
    let runs = 0;
    const suggested = createSuggestedAssignments({
      repo: fakeRepo([4, 5]),
      suggest: async (input) => {
        runs++;
        return suggestThemes(input);
      },
    });
    expect(await suggested.forTeam(7, [])).toEqual([]);
    expect(runs).toBe(0);
  });
});
