import { Type, type Static } from 'typebox';
import { ActionStatusSchema } from './actions.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const TeamRef = Type.Object({ slug: Type.String(), name: Type.String(), timezone: Type.String() });

export const UnitThemesQuery = Type.Object({
  quarter: Type.Optional(
    Type.String({ description: 'YYYYQn (2026Q3), or YYYY-Qn as the pulse writes it; the current quarter when absent' }),
  ),
});
export type UnitThemesQuery = Static<typeof UnitThemesQuery>;

export const UnitThemeDecisionSchema = Type.Object({
  actionId: Type.Integer(),
  title: Type.String(),
  team: TeamRef,
  ownerName: Nullable(Type.String()),
  status: ActionStatusSchema,
  dueDate: Nullable(Type.String({ description: 'YYYY-MM-DD in the team’s time zone' })),
  meetingId: Nullable(Type.Integer({ description: 'the review it was decided in' })),
});
export type UnitThemeDecision = Static<typeof UnitThemeDecisionSchema>;

export const UnitThemeSchema = Type.Object({
  name: Type.String({ description: 'the name the most teams (then meetings) gave the theme' }),
  /** Every name the teams gave it, as written, when they differ only by case, inflection or a word. */
  names: Type.Array(Type.String()),
  teamCount: Type.Integer(),
  meetingCount: Type.Integer(),
  teams: Type.Array(
    Type.Object({
      team: TeamRef,
      meetings: Type.Integer({ description: 'the team’s held reviews this quarter that had the theme on the board' }),
      /** The team's held reviews with the theme, newest first, for links to their summaries. */
      meetingIds: Type.Array(Type.Integer()),
    }),
  ),
  decisions: Type.Array(UnitThemeDecisionSchema),
});
export type UnitTheme = Static<typeof UnitThemeSchema>;

export const UnitThemesSchema = Type.Object(
  {
    quarter: Type.String({ description: 'YYYYQn' }),
    from: Type.String({ description: 'the quarter’s first day' }),
    to: Type.String({ description: 'the quarter’s last day' }),
    /** Teams in the unit and below it, and how many of them held a review with themes this quarter. */
    teams: Type.Integer(),
    teamsWithThemes: Type.Integer(),
    /** Most teams first, then most meetings, then by name. */
    themes: Type.Array(UnitThemeSchema),
  },
  {
    examples: [
      {
        quarter: '2026Q4',
        from: '2026-10-01',
        to: '2026-12-31',
        teams: 3,
        teamsWithThemes: 2,
        themes: [
          {
            name: 'Ventetid',
            names: ['Ventetid', 'Ventetiden'],
            teamCount: 2,
            meetingCount: 3,
            teams: [
              {
                team: { slug: 'kundeservice', name: 'Kundeservice', timezone: 'Europe/Copenhagen' },
                meetings: 2,
                meetingIds: [41, 37],
              },
              {
                team: { slug: 'webshop', name: 'Webshop', timezone: 'Europe/Copenhagen' },
                meetings: 1,
                meetingIds: [44],
              },
            ],
            decisions: [
              {
                actionId: 57,
                title: 'Ring kunder op inden for 24 timer efter en NPS på 0–6',
                team: { slug: 'kundeservice', name: 'Kundeservice', timezone: 'Europe/Copenhagen' },
                ownerName: 'Mette Østergaard',
                status: 'in_progress',
                dueDate: '2026-12-18',
                meetingId: 41,
              },
            ],
          },
        ],
      },
    ],
  },
);
export type UnitThemes = Static<typeof UnitThemesSchema>;
