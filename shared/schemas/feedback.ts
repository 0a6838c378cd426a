import { Type, type Static } from 'typebox';
import { MetricSchema } from './imports.ts';

export const LocalDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD in the team’s time zone',
});

export const FeedbackItemSchema = Type.Object(
  {
    id: Type.Integer(),
    source: Type.String(),
    receivedAt: Type.String(),
    metric: Type.Union([MetricSchema, Type.Null()]),
    score: Type.Union([Type.Integer(), Type.Null()]),
    title: Type.Union([Type.String(), Type.Null()]),
    comment: Type.Union([Type.String(), Type.Null()]),
    language: Type.Union([Type.Literal('da'), Type.Literal('en'), Type.Null()]),
    segment: Type.Union([Type.String(), Type.Null()]),
    reply: Type.Union([Type.String(), Type.Null()], {
      description: 'the reply the tool’s own team gave (Google Play’s developer reply)',
    }),
    repliedAt: Type.Union([Type.String(), Type.Null()]),
    flagged: Type.Boolean(),
    tags: Type.Array(Type.String()),
    edited: Type.Union(
      [
        Type.Object({
          at: Type.String({ description: 'when Kadence saw the change' }),
          metric: Type.Union([MetricSchema, Type.Null()]),
          score: Type.Union([Type.Integer(), Type.Null()]),
        }),
        Type.Null(),
      ],
      {
        description: 'set when the answer came back changed: the latest change and the score before it; null otherwise',
      },
    ),
  },
  {
    examples: [
      {
        id: 1834,
        source: 'Trustpilot',
        receivedAt: '2026-11-03T14:12:00.000Z',
        metric: 'rating',
        score: 2,
        title: 'Lang ventetid',
        comment: 'Jeg ventede 40 minutter i telefonen, og ingen svarede på min mail til [e-mail]. Ring på [phone].',
        language: 'da',
        segment: 'Privat',
        reply: 'Undskyld ventetiden. Vi har ringet dig op og løst sagen.',
        repliedAt: '2026-11-04T08:30:00.000Z',
        flagged: true,
        tags: ['ventetid'],
        edited: { at: '2026-11-06T10:00:00.000Z', metric: 'rating', score: 1 },
      },
    ],
  },
);
export type FeedbackItem = Static<typeof FeedbackItemSchema>;

export const ScoreBandSchema = Type.Union([
  Type.Literal('promoter'),
  Type.Literal('passive'),
  Type.Literal('detractor'),
]);

export const FeedbackQuery = Type.Object({
  from: Type.Optional(LocalDate),
  to: Type.Optional(LocalDate),
  source: Type.Optional(Type.String({ maxLength: 100 })),
  metric: Type.Optional(MetricSchema),
  band: Type.Optional(ScoreBandSchema),
  language: Type.Optional(Type.Union([Type.Literal('da'), Type.Literal('en')])),
  tag: Type.Optional(Type.String({ maxLength: 50 })),
  flagged: Type.Optional(Type.Boolean()),
  ratingAfterReply: Type.Optional(
    Type.Boolean({
      description:
        'only items whose rating changed after the tool’s own team replied (e.g. Google Play’s developer reply)',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  theme: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'only items grouped into this theme on the team’s boards (name, any case)',
    }),
  ),
  suggested: Type.Optional(
    Type.Boolean({
      description: 'with `theme`: also the items no board grouped that the suggestion model puts under it',
    }),
  ),
  cursor: Type.Optional(
    Type.String({ pattern: '^[0-9TZ:.\\-]+_\\d+$', description: 'nextCursor of the previous page' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type FeedbackQuery = Static<typeof FeedbackQuery>;

/** An inbox row: the item, the themes it was grouped into on the team's boards, and the model's suggestion otherwise. */
export const InboxItemSchema = Type.Intersect([
  FeedbackItemSchema,
  Type.Object({
    themes: Type.Array(Type.String(), { description: 'themes the team’s boards grouped it into' }),
    suggestedThemes: Type.Array(Type.String(), {
      description:
        'for an item no board grouped: the team’s themes the suggestion model finds it resembles (not counted as mentions)',
    }),
  }),
]);
export type InboxItem = Static<typeof InboxItemSchema>;

export const FeedbackPageSchema = Type.Object({
  items: Type.Array(InboxItemSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type FeedbackPage = Static<typeof FeedbackPageSchema>;

export const KpiSchema = Type.Object(
  {
    metric: MetricSchema,
    n: Type.Integer(),
    value: Type.Union([Type.Number(), Type.Null()]),
    ci95: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
    topBoxPct: Type.Union([Type.Number(), Type.Null()]),
    enough: Type.Boolean(),
  },
  { examples: [{ metric: 'nps', n: 214, value: 31.8, ci95: [22.4, 41.2], topBoxPct: null, enough: true }] },
);
export const KpiMonthSchema = Type.Intersect([
  KpiSchema,
  Type.Object({ month: Type.String(), start: Type.String(), end: Type.String() }),
]);
export type KpiMonth = Static<typeof KpiMonthSchema>;
