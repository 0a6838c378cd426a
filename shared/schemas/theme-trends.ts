import { type Static, Type } from 'typebox';

export const ThemeFlagSchema = Type.Union([Type.Literal('new'), Type.Literal('rising'), Type.Literal('falling')], {
  description:
    'new: no mention in the three months before; rising: at least double the three-month mean and p < 0.05 by a one-sided Poisson test with that mean as the expected rate; falling: at most half of it and p < 0.05 the other way',
});
export type ThemeFlag = Static<typeof ThemeFlagSchema>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ThemeMonthSchema = Type.Object({
  month: Type.String({ description: 'YYYY-MM in the team’s time zone, by when the feedback item was received' }),
  mentions: Type.Integer({ description: 'cards and comments grouped into the theme on the team’s boards' }),
  usual: Type.Number({ description: 'the mean of the three months before' }),
  flag: Nullable(ThemeFlagSchema),
  p: Nullable(Type.Number({ description: 'the one-sided Poisson p-value behind a rising or falling check' })),
});
export type ThemeMonth = Static<typeof ThemeMonthSchema>;

export const ThemeTrendsSchema = Type.Object({
  months: Type.Array(Type.String()),
  themes: Type.Array(Type.Object({ name: Type.String(), months: Type.Array(ThemeMonthSchema) })),
  /** The most recent month with any mention: each theme mentioned or flagged then, flagged ones first. */
  latest: Nullable(
    Type.Object({
      month: Type.String(),
      themes: Type.Array(
        Type.Object({
          name: Type.String(),
          mentions: Type.Integer(),
          usual: Type.Number(),
          flag: Nullable(ThemeFlagSchema),
        }),
      ),
    }),
  ),
});
export type ThemeTrends = Static<typeof ThemeTrendsSchema>;

export const ThemeTrendsQuery = Type.Object({
  months: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 24, default: 6, description: 'months shown, newest last' }),
  ),
});
