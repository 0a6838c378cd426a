import { type Static, Type } from 'typebox';
import type { MeetingSummary } from '../meeting/state.ts';

/** What a meeting keeps when it ends (the reducer's MeetingSummary), as the summary page and API read it. */
export const MeetingSummarySchema = Type.Object({
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
});

// The schema and the reducer's type must describe the same thing, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const summarySchemaMatches: Same<Static<typeof MeetingSummarySchema>, MeetingSummary> = true;
