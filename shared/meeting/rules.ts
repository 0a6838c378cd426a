import { isCalendarDate } from '../calendar-date.ts';
import type { MeetingCommand } from './commands.ts';
import { currentStep, dotsUsed, own, type Actor, type MeetingState } from './state.ts';

export type Refusal = { code: 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND' | 'VALIDATION'; message: string };

const FACILITATOR_ONLY = new Set<MeetingCommand['type']>([
  'meeting.end',
  'comments.reveal',
  'vote.limit',
  'focus.set',
  'action.decide',
  'step.go',
  'timer.start',
  'timer.pause',
  'timer.extend',
  'facilitator.handover',
  'authors.show',
  // Suggestions are the facilitator's to accept: one person shapes the board from them.
  'theme.accept',
]);
/** Commands an observer may send: only their own presence signals. */
const OBSERVER_MAY = new Set<MeetingCommand['type']>(['ready.set', 'hand.set']);
/** Steps in which a command is allowed; absent means any step of a live meeting. */
const STEPS: Partial<Record<MeetingCommand['type'], string[]>> = {
  'comment.add': ['read', 'group'],
  'theme.create': ['group', 'vote', 'decide'],
  'theme.rename': ['group', 'vote', 'decide'],
  'theme.merge': ['group'],
  'theme.split': ['group'],
  'theme.accept': ['group'],
  'item.move': ['group'],
  'vote.cast': ['vote'],
  'focus.set': ['decide'],
  'action.decide': ['decide'],
  // Last month's actions are updated on the board during the follow-up step, so it is in the log.
  'action.status': ['followup'],
  'meeting.rate': ['wrapup'],
};

const refuse = (code: Refusal['code'], message: string): Refusal => ({ code, message });

/**
 * Whether `actor` may apply `command` to `state` now: role, meeting status, current step and the
 * things it refers to. Shared so the client can grey out what the server would refuse anyway.
 */
export function checkCommand(state: MeetingState, actor: Actor, command: MeetingCommand): Refusal | null {
  const isFacilitator = state.facilitator === actor.key;
  if (command.type === 'meeting.start') {
    if (state.status !== 'planned') return refuse('CONFLICT', 'The meeting has already started');
    return actor.role === 'lead' || actor.role === 'facilitator'
      ? null
      : refuse('FORBIDDEN', 'Only a lead or facilitator can start the meeting');
  }
  if (state.status !== 'live') return refuse('CONFLICT', 'The meeting is not live');
  if (actor.role === 'observer' && !OBSERVER_MAY.has(command.type))
    return refuse('FORBIDDEN', 'Observers can follow the meeting but not change it');
  if (FACILITATOR_ONLY.has(command.type) && !isFacilitator)
    return refuse('FORBIDDEN', 'Only the facilitator can do this');
  const allowed = STEPS[command.type];
  const step = currentStep(state)?.key ?? '';
  if (allowed && !allowed.includes(step)) return refuse('CONFLICT', `Not possible in the ${step || 'current'} step`);

  switch (command.type) {
    case 'comment.add':
    case 'card.react':
    case 'card.flag':
      return own(state.cards, command.cardId) ? null : refuse('NOT_FOUND', 'Card not found');
    case 'comment.delete': {
      const comment = own(state.comments, command.commentId);
      // Someone else's private writing does not exist for this actor, not even to delete.
      if (!comment || (comment.private && comment.author !== actor.key))
        return refuse('NOT_FOUND', 'Comment not found');
      return comment.author === actor.key || isFacilitator
        ? null
        : refuse('FORBIDDEN', 'Only the author or the facilitator can delete a comment');
    }
    case 'theme.rename':
      return own(state.themes, command.themeId) ? null : refuse('NOT_FOUND', 'Theme not found');
    case 'theme.merge':
      if (command.from === command.into) return refuse('CONFLICT', 'A theme cannot be merged into itself');
      return own(state.themes, command.from) && own(state.themes, command.into)
        ? null
        : refuse('NOT_FOUND', 'Theme not found');
    case 'theme.split':
      if (!own(state.themes, command.themeId)) return refuse('NOT_FOUND', 'Theme not found');
      return command.items.every((item) => itemTheme(state, item.kind, item.id) === command.themeId)
        ? null
        : refuse('CONFLICT', 'Only items of the theme being split can move to the new theme');
    case 'theme.accept':
      // Someone else's private comment does not exist for the facilitator either.
      return command.items.every((item) => visibleItem(state, actor, item.kind, item.id))
        ? null
        : refuse('NOT_FOUND', 'Item not found');
    case 'item.move':
      if (command.themeId !== null && !own(state.themes, command.themeId))
        return refuse('NOT_FOUND', 'Theme not found');
      return itemTheme(state, command.item.kind, command.item.id) !== undefined
        ? null
        : refuse('NOT_FOUND', 'Item not found');
    case 'vote.cast':
      if (!own(state.themes, command.themeId)) return refuse('NOT_FOUND', 'Theme not found');
      if (command.delta === 1 && dotsUsed(state, actor.key) >= state.voteLimit) {
        return refuse('CONFLICT', `All ${state.voteLimit} dots are used; take one back first`);
      }
      if (command.delta === -1 && !own(own(state.votes, actor.key) ?? {}, command.themeId))
        return refuse('CONFLICT', 'No dot on this theme to take back');
      return null;
    case 'focus.set':
      return command.themeId === null || own(state.themes, command.themeId)
        ? null
        : refuse('NOT_FOUND', 'Theme not found');
    case 'action.decide':
      if (command.dueDate !== null && !isCalendarDate(command.dueDate))
        return refuse('VALIDATION', `"${command.dueDate}" is not a date in the calendar`);
      if (command.themeId !== null && !own(state.themes, command.themeId))
        return refuse('NOT_FOUND', 'Theme not found');
      if (!command.commentIds.every((id) => own(state.comments, id))) return refuse('NOT_FOUND', 'Comment not found');
      return command.cardIds.every((id) => own(state.cards, id)) ? null : refuse('NOT_FOUND', 'Card not found');
    case 'step.go':
      return state.steps[command.index] ? null : refuse('NOT_FOUND', 'No such agenda step');
    case 'facilitator.handover': {
      const to = own(state.participants, command.to);
      if (!to || to.connections === 0) return refuse('NOT_FOUND', 'That person is not in the meeting');
      return to.role === 'observer' ? refuse('CONFLICT', 'An observer cannot facilitate') : null;
    }
    case 'facilitator.claim': {
      if (actor.role !== 'lead' && actor.role !== 'facilitator')
        return refuse('FORBIDDEN', 'Only a lead or facilitator can take over');
      const current = state.facilitator ? own(state.participants, state.facilitator) : undefined;
      // A lead may always take over; a facilitator only when the current one has dropped out.
      return actor.role === 'lead' || !current || current.connections === 0
        ? null
        : refuse('CONFLICT', 'The facilitator is still here');
    }
    default:
      return null;
  }
}

function visibleItem(state: MeetingState, actor: Actor, kind: 'card' | 'comment', id: string): boolean {
  if (kind === 'card') return own(state.cards, id) !== undefined;
  const comment = own(state.comments, id);
  return comment !== undefined && (!comment.private || comment.author === actor.key);
}

function itemTheme(state: MeetingState, kind: 'card' | 'comment', id: string): number | null | undefined {
  return kind === 'card' ? own(state.cards, id)?.themeId : own(state.comments, id)?.themeId;
}

/** Events after which each viewer gets a fresh projected snapshot, because what they may see changed. */
export const VISIBILITY_EVENTS = new Set<string>([
  'comments.reveal',
  'authors.show',
  'step.go',
  'meeting.start',
  'meeting.end',
  'facilitator.handover',
  'facilitator.claim',
]);

/**
 * The visibility events a viewer receives as a `change` (the event and a patch of their projection)
 * rather than a snapshot: the ones that happen many times in a meeting, late, with the board full.
 */
export const CHANGE_EVENTS = new Set<string>(['step.go', 'comments.reveal', 'authors.show']);
