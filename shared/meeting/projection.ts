import { VISIBILITY_EVENTS } from './rules.ts';
import type { Comment, MeetingEvent, MeetingState } from './state.ts';

/**
 * What one viewer may see: other people's private comments are left out, authors are blanked when the
 * meeting hides them, and until voting ends only the viewer's own dots are included.
 */
export function projectState(state: MeetingState, viewer: string): MeetingState {
  const comments: Record<string, Comment> = {};
  for (const [id, c] of Object.entries(state.comments)) {
    if (c.private && c.author !== viewer) continue;
    comments[id] = state.authorsShown || c.author === viewer ? c : { ...c, author: null, authorName: null };
  }
  const votes = state.votesRevealed ? state.votes : state.votes[viewer] ? { [viewer]: state.votes[viewer] } : {};
  return { ...state, comments, votes };
}

const HIDDEN_ACTOR = { key: '', name: '', role: 'member' as const };

/**
 * One event as `viewer` receives it, given the full state after it. Events that change what the viewer
 * may see become a snapshot; events the viewer may not see become a content-free `hidden` marker.
 */
export function projectEvent(event: MeetingEvent, after: MeetingState, viewer: string): MeetingEvent {
  if (VISIBILITY_EVENTS.has(event.type)) {
    return { seq: event.seq, opId: event.opId, at: event.at, actor: event.actor, type: 'snapshot', payload: { state: projectState(after, viewer) } };
  }
  if (event.actor.key === viewer) return event;
  const hidden: MeetingEvent = { seq: event.seq, opId: `hidden-${event.seq}`, at: event.at, actor: HIDDEN_ACTOR, type: 'hidden', payload: {} };
  if (event.type === 'comment.add') {
    if (after.comments[event.opId]?.private) return hidden;
    return after.authorsShown ? event : { ...event, actor: HIDDEN_ACTOR };
  }
  if (event.type === 'comment.delete') return after.authorsShown ? event : { ...event, actor: HIDDEN_ACTOR };
  if (event.type === 'vote.cast' && !after.votesRevealed) return hidden;
  return event;
}
