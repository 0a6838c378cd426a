import { type Static, Type } from 'typebox';
import type { MeetingSummary } from '../meeting/state.ts';

/** What a meeting keeps when it ends (the reducer's MeetingSummary), as the summary page and API read it. */
export const MeetingSummarySchema = Type.Object(
  {
    endedAt: Type.Integer({ description: 'milliseconds since 1970' }),
    attendance: Type.Array(Type.Object({ name: Type.String(), role: Type.String() })),
    cards: Type.Integer(),
    averageScores: Type.Array(Type.Object({ metric: Type.String(), average: Type.Number(), count: Type.Integer() })),
    themes: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        votes: Type.Integer(),
        cards: Type.Integer(),
        comments: Type.Integer(),
      }),
    ),
    decisions: Type.Array(
      Type.Object({
        actionId: Type.Integer(),
        title: Type.String(),
        ownerId: Type.Union([Type.Integer(), Type.Null()]),
        ownerName: Type.Union([Type.String(), Type.Null()]),
        dueDate: Type.Union([Type.String(), Type.Null()]),
        themeId: Type.Union([Type.Integer(), Type.Null()]),
        commentIds: Type.Array(Type.String()),
        cardIds: Type.Array(Type.String()),
        at: Type.Integer(),
      }),
    ),
    rating: Type.Optional(
      Type.Object(
        { count: Type.Integer(), mean: Type.Number() },
        { description: 'the anonymous 1–5 rating; absent when nobody answered' },
      ),
    ),
  },
  {
    examples: [
      {
        endedAt: 1765184400000,
        attendance: [
          { name: 'Mette Østergaard', role: 'facilitator' },
          { name: 'Jonas Riis', role: 'member' },
          { name: 'Sofie Juhl', role: 'member' },
        ],
        cards: 24,
        averageScores: [{ metric: 'nps', average: 6.4, count: 18 }],
        themes: [
          { id: 8, name: 'Ventetid', votes: 7, cards: 6, comments: 3 },
          { id: 9, name: 'Levering', votes: 4, cards: 5, comments: 1 },
        ],
        decisions: [
          {
            actionId: 57,
            title: 'Ring kunder op inden for 24 timer efter en NPS på 0–6',
            ownerId: 12,
            ownerName: 'Mette Østergaard',
            dueDate: '2026-12-18',
            themeId: 8,
            commentIds: ['c-3f9a'],
            cardIds: ['1834', '1840'],
            at: 1765183800000,
          },
        ],
        rating: { count: 3, mean: 4.3 },
      },
    ],
  },
);

// The schema and the reducer's type must describe the same thing, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const summarySchemaMatches: Same<Static<typeof MeetingSummarySchema>, MeetingSummary> = true;
