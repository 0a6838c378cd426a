import type { MeetingCommand } from './commands.ts';
import { diffStates } from './patch.ts';
import { REACTIONS } from './reactions.ts';
import { applyMeetingEvent } from './reducer.ts';
import { CHANGE_EVENTS, VISIBILITY_EVENTS } from './rules.ts';
import {
  ANONYMOUS,
  currentStep,
  emptyMap,
  own,
  type Actor,
  type Card,
  type Comment,
  type EventBody,
  type MeetingEvent,
  type MeetingState,
} from './state.ts';

const HIDDEN_ACTOR: Actor = { key: ANONYMOUS, name: '', role: 'member' };

/** Events whose actor is the author of something on the board; blanked for others when authors are hidden. */
const AUTHORED = new Set<string>([
  'comment.add',
  'comment.delete',
  'theme.create',
  'theme.rename',
  'theme.merge',
  'theme.split',
  'theme.accept',
  'item.move',
  'vote.cast',
]);

const anonymise = (list: string[], viewer: string): string[] => list.map((key) => (key === viewer ? key : ANONYMOUS));

function anonymousCard(card: Card, viewer: string): Card {
  const reactions: Card['reactions'] = {};
  for (const reaction of REACTIONS) {
    const who = card.reactions[reaction];
    if (who) reactions[reaction] = anonymise(who, viewer);
  }
  return { ...card, reactions, flags: anonymise(card.flags, viewer) };
}

/** Everyone else's dots as one anonymous bucket, beside the viewer's own. */
function anonymousVotes(votes: MeetingState['votes'], viewer: string): MeetingState['votes'] {
  const others: Record<string, number> = {};
  for (const [key, byTheme] of Object.entries(votes)) {
    if (key === viewer) continue;
    for (const [themeId, dots] of Object.entries(byTheme)) others[themeId] = (others[themeId] ?? 0) + dots;
  }
  const mine = own(votes, viewer);
  return { ...(mine ? { [viewer]: mine } : {}), ...(Object.keys(others).length > 0 ? { [ANONYMOUS]: others } : {}) };
}

/**
 * What one viewer may see: other people's private comments are left out; until voting ends only the
 * viewer's own dots are included; when the meeting hides authors, nothing says who else wrote,
 * reacted, flagged or voted (the viewer still sees their own marks as theirs).
 */
export function projectState(state: MeetingState, viewer: string): MeetingState {
  const comments = emptyMap<Comment>();
  for (const [id, c] of Object.entries(state.comments)) {
    if (c.private && c.author !== viewer) continue;
    comments[id] = state.authorsShown || c.author === viewer ? c : { ...c, author: null, authorName: null };
  }
  const writing = writingCounts(state);
  // A rating is anonymous: each viewer keeps only their own answer.
  const rating = own(state.ratings ?? {}, viewer);
  state = { ...state, ratings: rating === undefined ? {} : { [viewer]: rating } };
  if (!state.votesRevealed) {
    const mine = own(state.votes, viewer);
    return withMarks({ ...state, comments, writing, votes: mine ? { [viewer]: mine } : {} }, viewer);
  }
  return withMarks(
    { ...state, comments, writing, votes: state.authorsShown ? state.votes : anonymousVotes(state.votes, viewer) },
    viewer,
  );
}

/** Private-writing counts as others may see them: per person, or one anonymous total when authors are hidden. */
function writingCounts(state: MeetingState): Record<string, number> {
  const counts = state.writing ?? {};
  if (state.authorsShown) return counts;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return total > 0 ? { [ANONYMOUS]: total } : {};
}

function withMarks(state: MeetingState, viewer: string): MeetingState {
  if (state.authorsShown) return state;
  const cards = emptyMap<Card>();
  for (const [id, card] of Object.entries(state.cards)) cards[id] = anonymousCard(card, viewer);
  return { ...state, cards };
}

/** Comments written now are private: the reading step, before the facilitator reveals. */
const writingIsPrivate = (state: MeetingState): boolean => !state.revealed && currentStep(state)?.key === 'read';

/**
 * An event as everyone but its actor receives it, given the full state after it. The same for every
 * such viewer, so the server can send it to the whole room at once.
 */
export function projectForOthers(event: MeetingEvent, after: MeetingState): MeetingEvent {
  const hidden: MeetingEvent = {
    seq: event.seq,
    opId: `hidden-${event.seq}`,
    at: event.at,
    actor: HIDDEN_ACTOR,
    type: 'hidden',
    payload: {},
  };
  // Others learn only the writing counts, never the comment: for an addition and for a private deletion alike.
  if (event.type === 'comment.add' && writingIsPrivate(after))
    return { ...hidden, payload: { writing: writingCounts(after) } };
  if (event.type === 'comment.delete' && event.payload.private === true)
    return { ...hidden, payload: { writing: writingCounts(after) } };
  if (event.type === 'vote.cast' && !after.votesRevealed) return hidden;
  if (event.type === 'meeting.rate') return hidden;
  if (after.authorsShown) return event;
  if (event.type === 'card.react' || event.type === 'card.flag') {
    const card = own(after.cards, event.payload.cardId);
    const reactions: Partial<Record<(typeof REACTIONS)[number], number>> = {};
    for (const reaction of REACTIONS) reactions[reaction] = card?.reactions[reaction]?.length ?? 0;
    const payload = { cardId: event.payload.cardId, reactions, flags: card?.flags.length ?? 0 };
    return {
      seq: event.seq,
      opId: `marks-${event.seq}`,
      at: event.at,
      actor: HIDDEN_ACTOR,
      type: 'card.marks',
      payload,
    };
  }
  return AUTHORED.has(event.type) ? { ...event, actor: HIDDEN_ACTOR } : event;
}

/**
 * One event as `viewer` receives it, given the full state after it. Events that change what the viewer
 * may see become a snapshot; the actor gets their own event as it is.
 */
export function projectEvent(event: MeetingEvent, after: MeetingState, viewer: string): MeetingEvent {
  if (VISIBILITY_EVENTS.has(event.type)) {
    return {
      seq: event.seq,
      opId: event.opId,
      at: event.at,
      actor: event.actor,
      type: 'snapshot',
      payload: { state: projectState(after, viewer) },
    };
  }
  return event.actor.key === viewer ? event : projectForOthers(event, after);
}

/**
 * A visibility event as `viewer` receives it when it is one of CHANGE_EVENTS: the event and the patch
 * from what the viewer folds themselves (their projection before, with the event applied) to their
 * projection after. Everything in the patch comes from the projection after, so nothing leaks that a
 * snapshot would not show; a step change late in a meeting costs what it reveals, not the whole board.
 * Other visibility events, and events that are none, are projected as `projectEvent` does.
 */
export function projectChange(
  event: MeetingEvent,
  before: MeetingState,
  after: MeetingState,
  viewer: string,
): MeetingEvent {
  const { seq, opId, at, actor, ...body } = event;
  if (!isCommandBody(body)) return projectEvent(event, after, viewer);
  const folded = applyMeetingEvent(projectState(before, viewer), event);
  const patch = diffStates(folded, projectState(after, viewer));
  return { seq, opId, at, actor, type: 'change', payload: { event: body, patch } };
}

const isCommandBody = (body: EventBody): body is Extract<EventBody, { type: MeetingCommand['type'] }> =>
  CHANGE_EVENTS.has(body.type);

/**
 * The events after a client's last seq as it may see them, judged against the state now; or null when
 * only a snapshot is right: something in the gap changed visibility, or (with authors hidden) someone
 * else's reaction or flag, whose totals at that moment the state now no longer tells.
 */
export function projectCatchUp(events: MeetingEvent[], now: MeetingState, viewer: string): MeetingEvent[] | null {
  const projected: MeetingEvent[] = [];
  for (const event of events) {
    if (VISIBILITY_EVENTS.has(event.type)) return null;
    if (!now.authorsShown && event.actor.key !== viewer && (event.type === 'card.react' || event.type === 'card.flag'))
      return null;
    projected.push(projectEvent(event, now, viewer));
  }
  return projected;
}
