import type { BoardThemes } from '../live/board-themes.ts';
import { suggestThemesOffLoop } from '../themes/worker-runner.ts';
import type { ThemeRow, ThemeTrendsRepo } from './repo.ts';
import { createSuggestedAssignments, type SuggestedAssignment } from './suggested.ts';

/** One feedback item's theme, with what put it there. */
export interface ThemeAssignment {
  feedbackId: number;
  receivedAt: string;
  /** The team's theme, after merges: the theme a merged one went into. */
  themeId: number;
  theme: string;
  /** A card or a comment grouped on a meeting's board. */
  source: { kind: 'card' | 'comment'; meetingId: number; id: string };
}

/** Follows merges to the theme that is still in use; a loop (never made by the engine) stops where it began. */
function resolver(rows: readonly ThemeRow[]) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (id: number): ThemeRow | undefined => {
    let row = byId.get(id);
    const seen = new Set<number>();
    while (row && row.merged_into !== null && !seen.has(row.id)) {
      seen.add(row.id);
      row = byId.get(row.merged_into) ?? row;
    }
    return row;
  };
}

/**
 * Every theme assignment of a team's feedback items: the one place that says which items carry which
 * theme, read by the inbox (show and filter) and by the month-by-month counts.
 * `forTeam` is what the boards grouped: what a meeting confirmed, which the month-by-month counts
 * read. `suggestedForTeam` is the suggestion model's for the items no board grouped (./suggested.ts),
 * shown in the inbox as suggestions beside the boards' themes and not counted as mentions.
 */
export function createThemeAssignments(deps: { board: BoardThemes; repo: ThemeTrendsRepo }) {
  const { board, repo } = deps;
  const suggested = createSuggestedAssignments({ repo, suggest: suggestThemesOffLoop });
  const self = {
    async forTeam(teamId: number): Promise<ThemeAssignment[]> {
      const placements = await board.placements(teamId);
      if (placements.length === 0) return [];
      const resolve = resolver(await repo.themes(teamId));
      const received = await repo.receivedAt(teamId, [...new Set(placements.map((placement) => placement.feedbackId))]);
      return placements.flatMap((placement) => {
        const theme = resolve(placement.themeId);
        const receivedAt = received.get(placement.feedbackId);
        if (!theme || receivedAt === undefined) return [];
        return [
          {
            feedbackId: placement.feedbackId,
            receivedAt,
            themeId: theme.id,
            theme: theme.name,
            source: { kind: placement.kind, meetingId: placement.meetingId, id: placement.id },
          },
        ];
      });
    },

    async suggestedForTeam(teamId: number): Promise<SuggestedAssignment[]> {
      return suggested.forTeam(teamId, await self.forTeam(teamId));
    },
  };
  return self;
}
export type ThemeAssignments = ReturnType<typeof createThemeAssignments>;
