import type { ThemeFlag, ThemeTrends } from '../../shared/schemas/theme-trends.ts';
import { TREND_BASE_MONTHS, trendFlag } from '../../shared/stats/trend.ts';
import type { ThemeAssignments } from './assignments.ts';

interface Team {
  id: number;
  timezone: string;
}

const FLAG_ORDER: Record<ThemeFlag, number> = { rising: 0, new: 1, falling: 2 };

/** `count` months ending with `last` (YYYY-MM), oldest first. */
function monthsEndingWith(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const first = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** Themes month by month: the team's mentions per theme, their flags, and each item's themes for the inbox. */
export function createThemeTrends(deps: { assignments: ThemeAssignments }) {
  const { assignments } = deps;

  return {
    /** The item ids' themes (names, sorted), for the inbox's rows. */
    async themesOf(teamId: number, ids: readonly number[]): Promise<Map<number, string[]>> {
      const wanted = new Set(ids);
      const found = new Map<number, Set<string>>();
      for (const assignment of await assignments.forTeam(teamId)) {
        if (!wanted.has(assignment.feedbackId)) continue;
        const names = found.get(assignment.feedbackId) ?? new Set<string>();
        names.add(assignment.theme);
        found.set(assignment.feedbackId, names);
      }
      return new Map([...found].map(([id, names]) => [id, [...names].sort((a, b) => a.localeCompare(b))]));
    },

    /** The items carrying a theme, its name matched without regard to case. */
    async itemsOf(teamId: number, name: string): Promise<number[]> {
      const wanted = name.trim().toLowerCase();
      return [
        ...new Set(
          (await assignments.forTeam(teamId))
            .filter((assignment) => assignment.theme.toLowerCase() === wanted)
            .map((assignment) => assignment.feedbackId),
        ),
      ];
    },

    /** The themes the suggestion model gives the item ids no board grouped (names, sorted), for the inbox's rows. */
    async suggestedOf(teamId: number, ids: readonly number[]): Promise<Map<number, string[]>> {
      const wanted = new Set(ids);
      const found = new Map<number, string[]>();
      for (const assignment of await assignments.suggestedForTeam(teamId)) {
        if (!wanted.has(assignment.feedbackId)) continue;
        found.set(assignment.feedbackId, [...(found.get(assignment.feedbackId) ?? []), assignment.theme]);
      }
      return new Map([...found].map(([id, names]) => [id, [...new Set(names)].sort((a, b) => a.localeCompare(b))]));
    },

    /** The items the suggestion model puts under a theme, its name matched without regard to case. */
    async suggestedItemsOf(teamId: number, name: string): Promise<number[]> {
      const wanted = name.trim().toLowerCase();
      return (await assignments.suggestedForTeam(teamId))
        .filter((assignment) => assignment.theme.toLowerCase() === wanted)
        .map((assignment) => assignment.feedbackId);
    },

    /** The names of the team's themes that carry any item, for the inbox's filter. */
    async names(teamId: number): Promise<string[]> {
      return [...new Set((await assignments.forTeam(teamId)).map((assignment) => assignment.theme))].sort((a, b) =>
        a.localeCompare(b),
      );
    },

    /**
     * Mentions per theme per month (a month is when the item was received, in the team's zone), each with
     * its flag against the three months before it. The months end with the latest one any board has
     * grouped (not later than `now`'s): feedback of the months after it has not been through a meeting
     * yet, and its zero would read as a fall.
     */
    async monthly(team: Team, count = 6, now = new Date()): Promise<ThemeTrends> {
      const monthOf = new Intl.DateTimeFormat('en-CA', { timeZone: team.timezone, year: 'numeric', month: '2-digit' });
      const thisMonth = monthOf.format(now);
      const dated = (await assignments.forTeam(team.id))
        .map((assignment) => ({ theme: assignment.theme, month: monthOf.format(new Date(assignment.receivedAt)) }))
        .filter((assignment) => assignment.month <= thisMonth);
      const last = dated.reduce((latest, assignment) => (assignment.month > latest ? assignment.month : latest), '');
      const all = monthsEndingWith(last || thisMonth, count + TREND_BASE_MONTHS);
      const shown = all.slice(TREND_BASE_MONTHS);
      const counts = new Map<string, number[]>();
      for (const assignment of dated) {
        const index = all.indexOf(assignment.month);
        if (index < 0) continue;
        const row = counts.get(assignment.theme) ?? all.map(() => 0);
        row[index] = (row[index] ?? 0) + 1;
        counts.set(assignment.theme, row);
      }
      const themes = [...counts].map(([name, row]) => ({
        name,
        months: shown.map((month, index) => {
          const at = index + TREND_BASE_MONTHS;
          const mentions = row[at] ?? 0;
          const { flag, usual, p } = trendFlag(mentions, row.slice(at - TREND_BASE_MONTHS, at));
          return {
            month,
            mentions,
            usual: Math.round(usual * 10) / 10,
            flag,
            p: p === null ? null : Math.round(p * 1e4) / 1e4,
          };
        }),
      }));
      const visible = themes.filter((theme) => theme.months.some((month) => month.mentions > 0 || month.flag !== null));
      const lastIndex = shown.findLastIndex((_, index) =>
        visible.some((theme) => (theme.months[index]?.mentions ?? 0) > 0),
      );
      const at = (theme: (typeof visible)[number]) => theme.months[lastIndex];
      visible.sort(
        (a, b) =>
          (at(b)?.mentions ?? 0) - (at(a)?.mentions ?? 0) ||
          b.months.reduce((sum, m) => sum + m.mentions, 0) - a.months.reduce((sum, m) => sum + m.mentions, 0) ||
          a.name.localeCompare(b.name),
      );
      const latest =
        lastIndex < 0
          ? null
          : {
              month: shown[lastIndex] ?? '',
              themes: visible
                .flatMap((theme) => {
                  const month = at(theme);
                  return month && (month.mentions > 0 || month.flag !== null)
                    ? [{ name: theme.name, mentions: month.mentions, usual: month.usual, flag: month.flag }]
                    : [];
                })
                .sort(
                  (a, b) =>
                    (a.flag === null ? 3 : FLAG_ORDER[a.flag]) - (b.flag === null ? 3 : FLAG_ORDER[b.flag]) ||
                    b.mentions - a.mentions,
                ),
            };
      return { months: shown, themes: visible, latest };
    },
  };
}
export type ThemeTrendsService = ReturnType<typeof createThemeTrends>;
