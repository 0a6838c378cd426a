import { Type, type Static } from 'typebox';
import { OpId } from '../events.ts';

const Id = Type.Integer({ minimum: 1 });
const Text = Type.String({ minLength: 1, maxLength: 2000 });
/** A theme's name: at least one character that is not a space. */
const Name = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });
const Strict = { additionalProperties: false } as const;

export { REACTIONS, type Reaction } from './reactions.ts';

/** A board item that can be grouped into a theme. */
export const ItemRef = Type.Object(
  {
    kind: Type.Union([Type.Literal('card'), Type.Literal('comment')]),
    id: Type.String({ minLength: 1, maxLength: 64 }),
  },
  Strict,
);
export type ItemRef = Static<typeof ItemRef>;

const cmd = <T extends string, P extends Record<string, import('typebox').TSchema>>(type: T, props: P) =>
  Type.Object({ type: Type.Literal(type), ...props }, Strict);

/** Everything a person can ask of a live meeting. The server turns each accepted one into an event. */
export const MeetingCommand = Type.Union([
  cmd('meeting.start', {}),
  cmd('meeting.end', {}),
  cmd('comment.add', { cardId: Type.String({ maxLength: 32 }), text: Text }),
  cmd('comment.delete', { commentId: Type.String({ maxLength: 64 }) }),
  cmd('comments.reveal', {}),
  cmd('card.react', {
    cardId: Type.String({ maxLength: 32 }),
    reaction: Type.Union([Type.Literal('wow'), Type.Literal('heart'), Type.Literal('thumbs'), Type.Literal('idea')]),
    on: Type.Boolean(),
  }),
  cmd('card.flag', { cardId: Type.String({ maxLength: 32 }), on: Type.Boolean() }),
  cmd('theme.create', { name: Name }),
  cmd('theme.rename', { themeId: Id, name: Name }),
  cmd('theme.merge', { from: Id, into: Id }),
  cmd('theme.split', { themeId: Id, name: Name, items: Type.Array(ItemRef, { minItems: 1, maxItems: 200 }) }),
  /** Accepting a suggested theme: the theme (new, or the board's of that name) and its items, in one event. */
  cmd('theme.accept', { name: Name, items: Type.Array(ItemRef, { minItems: 1, maxItems: 200 }) }),
  cmd('item.move', { item: ItemRef, themeId: Type.Union([Id, Type.Null()]) }),
  cmd('vote.cast', { themeId: Id, delta: Type.Union([Type.Literal(1), Type.Literal(-1)]) }),
  cmd('vote.limit', { limit: Type.Integer({ minimum: 1, maximum: 20 }) }),
  cmd('focus.set', { themeId: Type.Union([Id, Type.Null()]) }),
  cmd('action.decide', {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    ownerId: Type.Union([Id, Type.Null()]),
    dueDate: Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()]),
    themeId: Type.Union([Id, Type.Null()]),
    commentIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
    cardIds: Type.Array(Type.String({ maxLength: 32 }), { maxItems: 50 }),
    /** The customer KPI the action should move, so its effect view has a measure from the start. */
    effectMetric: Type.Optional(
      Type.Union([Type.Literal('nps'), Type.Literal('csat'), Type.Literal('ces'), Type.Literal('rating'), Type.Null()]),
    ),
  }),
  cmd('action.status', {
    actionId: Id,
    to: Type.Union([Type.Literal('open'), Type.Literal('in_progress'), Type.Literal('done'), Type.Literal('dropped')]),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  }),
  cmd('step.go', { index: Type.Integer({ minimum: 0, maximum: 50 }) }),
  cmd('timer.start', {}),
  cmd('timer.pause', {}),
  cmd('timer.extend', { seconds: Type.Integer({ minimum: 10, maximum: 3600 }) }),
  cmd('ready.set', { ready: Type.Boolean() }),
  cmd('hand.set', { raised: Type.Boolean() }),
  cmd('facilitator.handover', { to: Type.String({ maxLength: 32 }) }),
  cmd('facilitator.claim', {}),
  cmd('authors.show', { shown: Type.Boolean() }),
  /** One anonymous answer to "how was this meeting?" (1–5) at wrap-up; a second answer replaces the first. */
  cmd('meeting.rate', { score: Type.Integer({ minimum: 1, maximum: 5 }) }),
]);
export type MeetingCommand = Static<typeof MeetingCommand>;
export type CommandType = MeetingCommand['type'];

export const LiveCommandPayload = Type.Object({ opId: OpId, meetingId: Id, command: MeetingCommand }, Strict);
export type LiveCommandPayload = Static<typeof LiveCommandPayload>;

export const LiveJoinPayload = Type.Object(
  { opId: OpId, meetingId: Id, lastSeq: Type.Optional(Type.Integer({ minimum: 0 })) },
  Strict,
);
export type LiveJoinPayload = Static<typeof LiveJoinPayload>;

export const LiveTimePayload = Type.Object({ opId: OpId }, Strict);
export type LiveTimePayload = Static<typeof LiveTimePayload>;

/**
 * Asking for suggested themes: for the whole board (the facilitator), or for the cards a person is
 * looking at (`cardIds`, each of which must be on this meeting's board; their comments as that person
 * may see them). Answered with `ThemeSuggestions` to the asker alone; nothing is applied.
 */
export const LiveSuggestPayload = Type.Object(
  {
    meetingId: Id,
    cardIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { minItems: 1, maxItems: 500 })),
  },
  Strict,
);
export type LiveSuggestPayload = Static<typeof LiveSuggestPayload>;

/** One suggested theme, its items as board refs; `matched` names the team's earlier theme it resembles. */
export interface SuggestedBoardTheme {
  name: string;
  matched?: string;
  terms: string[];
  language: string;
  items: ItemRef[];
}
export interface ThemeSuggestions {
  themes: SuggestedBoardTheme[];
  unassigned: ItemRef[];
}
