import { isLanguage } from '../../shared/language.ts';
import { redact } from '../../shared/redact.ts';
import type { EarlierTheme, SuggestInput, SuggestItem, Suggestions } from '../themes/suggest.ts';
import type { ThemeAssignment } from './assignments.ts';
import type { ItemTextRow, ThemeTrendsRepo } from './repo.ts';

/** One item the suggestion model put under a theme the team's boards use. */
export interface SuggestedAssignment {
  feedbackId: number;
  themeId: number;
  theme: string;
}

/** At most this many of the window's items are read (a month of feedback is the engine's target). */
export const WINDOW_LIMIT = 5000;
/** An earlier theme is described to the model by at most this many of the items grouped under it. */
const TEXTS_PER_THEME = 50;

const textOf = (row: ItemTextRow): string =>
  redact([row.title, row.comment].filter((part) => part !== null && part.trim() !== '').join('. '));

/**
 * The model's themes for the items no board grouped: the team's feedback from the month of the
 * earliest item a board grouped on (the window the boards cover), grouped or not, clustered; each
 * cluster that resembles a theme the boards use (by its name or the texts grouped under it) gives
 * that theme to its items no board grouped. Clusters that resemble none stay unnamed here: only a meeting makes a new theme. Computed
 * again only when the window's items or the boards' grouping changed.
 */
export function createSuggestedAssignments(deps: {
  repo: Pick<ThemeTrendsRepo, 'windowItems' | 'textsOf' | 'teamLanguage'>;
  suggest: (input: SuggestInput) => Promise<Suggestions>;
}) {
  const { repo, suggest } = deps;
  const cached = new Map<number, { key: string; found: SuggestedAssignment[] }>();

  return {
    async forTeam(teamId: number, board: readonly ThemeAssignment[]): Promise<SuggestedAssignment[]> {
      if (board.length === 0) return [];
      const earliest = board.reduce(
        (first, a) => (a.receivedAt < first ? a.receivedAt : first),
        board[0]?.receivedAt ?? '',
      );
      const since = `${earliest.slice(0, 7)}-01`;
      const grouped = new Set(board.map((assignment) => assignment.feedbackId));
      // The grouped items are clustered too: an ungrouped item finds its theme among them even when
      // it is the only one of its kind that no board showed.
      const window = await repo.windowItems(teamId, since, WINDOW_LIMIT);
      const themes = new Map<string, { themeId: number; ids: number[] }>();
      for (const assignment of board) {
        const theme = themes.get(assignment.theme) ?? { themeId: assignment.themeId, ids: [] };
        if (!theme.ids.includes(assignment.feedbackId) && theme.ids.length < TEXTS_PER_THEME)
          theme.ids.push(assignment.feedbackId);
        themes.set(assignment.theme, theme);
      }
      const key = JSON.stringify([
        window.map((row) => row.id),
        [...themes].map(([name, theme]) => [name, theme.themeId, theme.ids]),
      ]);
      const known = cached.get(teamId);
      if (known?.key === key) return known.found;

      const texts = new Map(
        (await repo.textsOf(teamId, [...new Set([...themes.values()].flatMap((theme) => theme.ids))])).map((row) => [
          row.id,
          textOf(row),
        ]),
      );
      const earlierThemes: EarlierTheme[] = [...themes].map(([name, theme]) => ({
        name,
        texts: theme.ids.map((id) => texts.get(id) ?? '').filter((text) => text !== ''),
      }));
      const items: SuggestItem[] = window
        .map((row) => ({
          id: String(row.id),
          text: textOf(row),
          language: isLanguage(row.language) ? row.language : undefined,
        }))
        .filter((item) => item.text !== '');
      const language = await repo.teamLanguage(teamId);
      const result =
        items.length === 0
          ? { themes: [], unassigned: [] }
          : await suggest({ items, earlierThemes, language: isLanguage(language) ? language : undefined });
      const found: SuggestedAssignment[] = [];
      for (const theme of result.themes) {
        const matched = theme.matched === undefined ? undefined : themes.get(theme.matched);
        if (!matched || theme.matched === undefined) continue;
        for (const id of theme.ids)
          if (!grouped.has(Number(id)))
            found.push({ feedbackId: Number(id), themeId: matched.themeId, theme: theme.matched });
      }
      cached.set(teamId, { key, found });
      return found;
    },
  };
}
