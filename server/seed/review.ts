import type { Actor, MeetingCommand, MeetingState } from '../../shared/meeting/index.ts';
import type { Language } from '../../shared/language.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type { LiveEngine } from '../live/engine.ts';
import type { Backdate } from './backdate.ts';
import type { ThemeOfText } from './feedback.ts';
import type { Random } from './random.ts';
import { THEMES, type StoryAction, type StoryMove, type ThemeKey } from './story.ts';

export interface Member {
  user: User;
  actor: Actor;
}

/** What a review needs to be played: the engine, the people in the room and the story's part for it. */
export interface ReviewPlay {
  engine: LiveEngine;
  backdate: Backdate;
  language: Language;
  meetingId: number;
  startsAt: Date;
  /** The day before the next review (local), the due date every decision gets. */
  dueDate: string;
  attendees: Member[];
  facilitator: Member;
  themes: ThemeKey[];
  decisions: { action: StoryAction; owner: Member }[];
  /** Earlier actions moved on the board in the follow-up step. */
  followUps: { actionId: number; move: StoryMove; by: Member }[];
  themeOf: ThemeOfText;
  random: Random;
  /** Stops after this step (the screenshots' live board); the meeting then stays live. */
  until?: 'checkin' | 'group';
}

const MINUTE = 60_000;

/**
 * Holds one review as a team would, through the live engine's one command path: people join, the
 * facilitator starts and walks the agenda, everyone comments, reacts and votes, themes are made
 * (the team's earlier theme of the same name is found again) and the board decides its actions
 * through the actions service. Each event's time is noted and moved to the review's hour afterwards.
 * Returns the ids of the actions it decided, in the order of `decisions`.
 */
export async function playReview(play: ReviewPlay): Promise<number[]> {
  const { engine, meetingId, random } = play;
  const times = new Map<number, Date>();
  let minute = 0;
  let op = 0;
  const at = () => new Date(play.startsAt.getTime() + minute * MINUTE);
  const send = async (who: Member, command: MeetingCommand) => {
    const applied = await engine.command(meetingId, who.actor, `demo-${meetingId}-${++op}`, command);
    times.set(applied.event.seq, at());
    minute += 0.05;
    return applied;
  };
  const state = (): MeetingState => engine.state(meetingId);
  const step = (key: string) => state().steps.findIndex((entry) => entry.key === key);
  const go = async (key: string, atMinute: number) => {
    minute = Math.max(minute, atMinute);
    await send(play.facilitator, { type: 'step.go', index: step(key) });
    await send(play.facilitator, { type: 'timer.start' });
  };

  for (const person of play.attendees) {
    const joined = await engine.presence(meetingId, person.actor, `demo-join-${meetingId}-${person.actor.key}`, 'presence.join');
    times.set(joined.event.seq, at());
  }
  await send(play.facilitator, { type: 'meeting.start' });
  await send(play.facilitator, { type: 'timer.start' });
  if (play.until === 'checkin') return [];

  await go('followup', 5);
  const changed: { actionId: number; at: Date }[] = [];
  for (const { actionId, move, by } of play.followUps) {
    await send(by, { type: 'action.status', actionId, to: move.to, ...(move.reason ? { reason: move.reason[play.language] } : {}) });
    changed.push({ actionId, at: at() });
  }

  await go('read', 15);
  const cards = Object.values(state().cards);
  const themed = (card: { quote: string }) => play.themeOf.get(card.quote) ?? null;
  for (const person of play.attendees) {
    for (const card of cards.filter((entry) => themed(entry) !== null && random.chance(0.12)).slice(0, 3)) {
      const theme = THEMES[themed(card) as ThemeKey];
      await send(person, { type: 'comment.add', cardId: card.id, text: random.pick(theme.comments[play.language]) });
    }
    for (const card of cards.filter((entry) => themed(entry) === 'friendly' && random.chance(0.3)).slice(0, 2)) {
      await send(person, { type: 'card.react', cardId: card.id, reaction: 'wow', on: true });
    }
    const worst = cards.find((entry) => entry.score !== null && entry.score <= 2 && random.chance(0.2));
    if (worst) await send(person, { type: 'card.flag', cardId: worst.id, on: true });
  }

  await go('group', 30);
  const themeIds = new Map<ThemeKey, number>();
  for (const key of play.themes) {
    const created = await send(play.facilitator, { type: 'theme.create', name: THEMES[key].name[play.language] });
    if (created.event.type === 'theme.create') themeIds.set(key, created.event.payload.themeId);
  }
  const movers = play.attendees;
  let turn = 0;
  for (const card of Object.values(state().cards)) {
    const themeId = themeIds.get(themed(card) as ThemeKey);
    if (themeId === undefined) continue;
    await send(movers[turn++ % movers.length] as Member, { type: 'item.move', item: { kind: 'card', id: card.id }, themeId });
  }
  for (const comment of Object.values(state().comments)) {
    const card = state().cards[comment.cardId];
    const themeId = card?.themeId;
    if (themeId === null || themeId === undefined) continue;
    await send(movers[turn++ % movers.length] as Member, { type: 'item.move', item: { kind: 'comment', id: comment.id }, themeId });
  }
  if (play.until === 'group') return [];

  await go('vote', 40);
  const ranked = play.themes.map((key) => themeIds.get(key)).filter((id): id is number => id !== undefined);
  for (const person of play.attendees) {
    for (let dot = 0; dot < state().voteLimit; dot++) {
      // Most dots go to the theme the story puts first; some people spread theirs.
      const themeId = (random.chance(0.6) ? ranked[0] : random.pick(ranked)) as number;
      await send(person, { type: 'vote.cast', themeId, delta: 1 });
    }
  }

  await go('decide', 45);
  const decided: number[] = [];
  for (const { action, owner } of play.decisions) {
    const themeId = themeIds.get(action.theme) ?? null;
    await send(play.facilitator, { type: 'focus.set', themeId });
    const now = state();
    const cardIds = Object.values(now.cards).filter((card) => themeId !== null && card.themeId === themeId).slice(0, 3).map((card) => card.id);
    const commentIds = Object.values(now.comments).filter((comment) => themeId !== null && comment.themeId === themeId).slice(0, 2).map((comment) => comment.id);
    minute += 3;
    const applied = await send(play.facilitator, {
      type: 'action.decide',
      title: action.title[play.language],
      ownerId: owner.user.id,
      dueDate: play.dueDate,
      themeId,
      cardIds,
      commentIds,
      effectMetric: action.metric,
    });
    if (applied.event.type !== 'action.decide') throw new Error('the decision was not recorded');
    decided.push(applied.event.payload.actionId);
    play.backdate.decided(applied.event.payload.actionId, at());
  }

  await go('wrapup', 56);
  for (const person of play.attendees) await send(person, { type: 'meeting.rate', score: random.int(3, 5) });
  minute = 60;
  await send(play.facilitator, { type: 'meeting.end' });
  for (const person of play.attendees) {
    const left = await engine.presence(meetingId, person.actor, `demo-leave-${meetingId}-${person.actor.key}`, 'presence.leave');
    times.set(left.event.seq, at());
  }

  play.backdate.meeting(meetingId, times, new Date(play.startsAt.getTime() - 2 * 86_400_000));
  for (const change of changed) play.backdate.changed(change.actionId, change.at);
  engine.forget([meetingId]);
  return decided;
}
