import { Type, type Static } from 'typebox';
import { MetricSchema } from './imports.ts';
import { Slug } from './teams.ts';

/** The keyset of the last item on a page: its received time and id, as the inbox writes its cursor. */
export const WowCursor = Type.String({
  pattern: '^[0-9TZ:.\\-]+_\\d+$',
  description: 'nextCursor of the previous page',
});

export const WowQuery = Type.Object({ before: Type.Optional(WowCursor) });
export type WowQuery = Static<typeof WowQuery>;

export const TeamWowParams = Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }) });
export const KeepOffBody = Type.Object({
  keptOff: Type.Boolean({ description: 'true keeps the item off the unit’s WOW wall; false puts it back' }),
});

/**
 * One piece of praise: a promoter's answer or a card someone starred on a board, its words masked
 * (e-mails, CPR and phone numbers) like every other screen that shows a customer's words.
 */
export const WowItemSchema = Type.Object(
  {
    id: Type.Integer({ description: 'the feedback item' }),
    team: Type.Object({ slug: Type.String(), name: Type.String() }),
    source: Type.String(),
    receivedAt: Type.String(),
    metric: Type.Union([MetricSchema, Type.Null()]),
    score: Type.Union([Type.Integer(), Type.Null()]),
    title: Type.Union([Type.String(), Type.Null()]),
    quote: Type.String(),
    language: Type.Union([Type.String(), Type.Null()]),
    promoter: Type.Boolean({ description: 'the score is in its metric’s promoter band' }),
    stars: Type.Integer({ description: 'the most ⭐ the card got on one of the team’s boards; 0 when never starred' }),
  },
  {
    examples: [
      {
        id: 1834,
        team: { slug: 'kundeservice', name: 'Kundeservice' },
        source: 'trustpilot',
        receivedAt: '2026-11-20T09:12:00.000Z',
        metric: 'nps',
        score: 10,
        title: null,
        quote: 'Mette ringede tilbage samme dag og løste det hele. Skriv gerne til [e-mail].',
        language: 'da',
        promoter: true,
        stars: 3,
      },
    ],
  },
);
export type WowItem = Static<typeof WowItemSchema>;

export const WowPageSchema = Type.Object({
  items: Type.Array(WowItemSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type WowPage = Static<typeof WowPageSchema>;

/** The team's own view of its praise: the same items, and whether the team keeps each off the wall. */
export const TeamWowItemSchema = Type.Intersect([WowItemSchema, Type.Object({ keptOff: Type.Boolean() })]);
export type TeamWowItem = Static<typeof TeamWowItemSchema>;

export const TeamWowPageSchema = Type.Object({
  items: Type.Array(TeamWowItemSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type TeamWowPage = Static<typeof TeamWowPageSchema>;
