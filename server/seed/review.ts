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
  /**
   * Plays only these phases (the screenshots stop a live meeting at a step and go on later); the
   * meeting is dated back only when it is played to its end.
   */
  from?: Phase;
  until?: Phase;
  /** Whether the attendees join through presence events (false when real sockets join instead). */
  join?: boolean;
}

export const PHASES = ['open', 'followup', 'read', 'group', 'vote', 'decide', 'close'] as const;
export type Phase = (typeof PHASES)[number];

const MINUTE = 60_000;

/** One review being played: its commands go through the engine, each noted with the minute it belongs to. */
class Run {
  readonly times = new Map<number, Date>();
  /** Follow-up changes to date back with the meeting. */
  readonly changed: { actionId: number; at: Date }[] = [];
  readonly decided: number[] = [];
  minute = 0;
  private op = 0;
  /** The board as of this run's last command (the engine's state is read once, before the first). */
  private current: MeetingState | undefined;
  constructor(readonly play: ReviewPlay) {}

  async load(): Promise<void> {
    this.current = await this.play.engine.state(this.play.meetingId);
  }

  at(): Date {
    return new Date(this.play.startsAt.getTime() + this.minute * MINUTE);
  }
  async send(who: Member, command: MeetingCommand) {
    const applied = await this.play.engine.command(
      this.play.meetingId,
      who.actor,
      `demo-${this.play.meetingId}-${this.play.from ?? 'open'}-${++this.op}`,
      command,
    );
    this.times.set(applied.event.seq, this.at());
    this.current = applied.state;
    this.minute += 0.05;
    return applied;
  }
  async presence(who: Member, type: 'presence.join' | 'presence.leave'): Promise<void> {
    const applied = await this.play.engine.presence(
      this.play.meetingId,
      who.actor,
      `demo-${type}-${this.play.meetingId}-${who.actor.key}`,
      type,
    );
    this.times.set(applied.event.seq, this.at());
    this.current = applied.state;
  }
  state(): MeetingState {
    if (!this.current) throw new Error('the review is read before it is played');
    return this.current;
  }
  /** The facilitator moves to a step and starts its timer. */
  async go(key: string, atMinute: number): Promise<void> {
    this.minute = Math.max(this.minute, atMinute);
    await this.send(this.play.facilitator, {
      type: 'step.go',
      index: this.state().steps.findIndex((entry) => entry.key === key),
    });
    await this.send(this.play.facilitator, { type: 'timer.start' });
  }
  themeOfCard(card: { quote: string }): ThemeKey | null {
    return this.play.themeOf.get(card.quote) ?? null;
  }
  /** The board's theme for a story theme, when the board has it. */
  themeId(key: ThemeKey | null): number | undefined {
    if (key === null || !this.play.themes.includes(key)) return undefined;
    const name = THEMES[key].name[this.play.language];
    return Object.values(this.state().themes).find((theme) => theme.name === name)?.id;
  }
}

const PLAYERS: Record<Phase, (run: Run) => Promise<void>> = {
  async open(run) {
    if (run.play.join !== false) for (const person of run.play.attendees) await run.presence(person, 'presence.join');
    await run.send(run.play.facilitator, { type: 'meeting.start' });
    await run.send(run.play.facilitator, { type: 'timer.start' });
  },

  async followup(run) {
    await run.go('followup', 5);
    for (const { actionId, move, by } of run.play.followUps) {
      await run.send(by, {
        type: 'action.status',
        actionId,
        to: move.to,
        ...(move.reason ? { reason: move.reason[run.play.language] } : {}),
      });
      run.changed.push({ actionId, at: run.at() });
    }
  },

  async read(run) {
    await run.go('read', 15);
    const { random, language } = run.play;
    const cards = Object.values(run.state().cards);
    // People comment on what this month's board is about: cards of the themes the group step will make.
    const discussed = cards.filter((entry) => {
      const key = run.themeOfCard(entry);
      return key !== null && run.play.themes.includes(key);
    });
    for (const [index, person] of run.play.attendees.entries()) {
      // The first person always says something, so every board has a comment to group.
      const chosen = discussed.filter((entry, at) => (index === 0 && at === 0) || random.chance(0.12));
      for (const card of chosen.slice(0, 3)) {
        const theme = THEMES[run.themeOfCard(card) as ThemeKey];
        // People add to what is on the card, rather than saying the same thing twice.
        const said = new Set(
          Object.values(run.state().comments)
            .filter((comment) => comment.cardId === card.id)
            .map((comment) => comment.text),
        );
        const fresh = theme.comments[language].filter((text) => !said.has(text));
        if (fresh.length > 0)
          await run.send(person, { type: 'comment.add', cardId: card.id, text: random.pick(fresh) });
      }
      for (const card of cards
        .filter((entry) => run.themeOfCard(entry) === 'friendly' && random.chance(0.3))
        .slice(0, 2)) {
        await run.send(person, { type: 'card.react', cardId: card.id, reaction: 'wow', on: true });
      }
      const worst = cards.find((entry) => entry.score !== null && entry.score <= 2 && random.chance(0.2));
      if (worst) await run.send(person, { type: 'card.flag', cardId: worst.id, on: true });
    }
  },

  async group(run) {
    await run.go('group', 30);
    const { attendees, facilitator, language } = run.play;
    for (const key of run.play.themes)
      await run.send(facilitator, { type: 'theme.create', name: THEMES[key].name[language] });
    // Everyone drags: each card into the theme its words belong to, then the comments after their card.
    let turn = 0;
    const mover = () => attendees[turn++ % attendees.length] as Member;
    for (const card of Object.values(run.state().cards)) {
      const themeId = run.themeId(run.themeOfCard(card));
      if (themeId !== undefined)
        await run.send(mover(), { type: 'item.move', item: { kind: 'card', id: card.id }, themeId });
    }
    for (const comment of Object.values(run.state().comments)) {
      const themeId = run.state().cards[comment.cardId]?.themeId;
      if (themeId !== null && themeId !== undefined)
        await run.send(mover(), { type: 'item.move', item: { kind: 'comment', id: comment.id }, themeId });
    }
  },

  async vote(run) {
    await run.go('vote', 40);
    const { random } = run.play;
    const ranked = run.play.themes.map((key) => run.themeId(key)).filter((id): id is number => id !== undefined);
    for (const person of run.play.attendees) {
      for (let dot = 0; dot < run.state().voteLimit; dot++) {
        // Most dots go to the theme the story puts first; some people spread theirs.
        const themeId = random.chance(0.6) ? ranked[0] : random.pick(ranked);
        if (themeId !== undefined) await run.send(person, { type: 'vote.cast', themeId, delta: 1 });
      }
    }
  },

  async decide(run) {
    await run.go('decide', 45);
    const { facilitator, language } = run.play;
    for (const { action, owner } of run.play.decisions) {
      const themeId = run.themeId(action.theme) ?? null;
      await run.send(facilitator, { type: 'focus.set', themeId });
      const state = run.state();
      const cardIds = Object.values(state.cards)
        .filter((card) => themeId !== null && card.themeId === themeId)
        .slice(0, 3)
        .map((card) => card.id);
      const commentIds = Object.values(state.comments)
        .filter((comment) => themeId !== null && comment.themeId === themeId)
        .slice(0, 2)
        .map((comment) => comment.id);
      run.minute += 3;
      const applied = await run.send(facilitator, {
        type: 'action.decide',
        title: action.title[language],
        ownerId: owner.user.id,
        dueDate: run.play.dueDate,
        themeId,
        cardIds,
        commentIds,
        effectMetric: action.metric,
      });
      if (applied.event.type !== 'action.decide') throw new Error('the decision was not recorded');
      run.decided.push(applied.event.payload.actionId);
      run.play.backdate.decided(applied.event.payload.actionId, run.at());
    }
  },

  async close(run) {
    await run.go('wrapup', 56);
    for (const person of run.play.attendees)
      await run.send(person, { type: 'meeting.rate', score: run.play.random.int(3, 5) });
    run.minute = 60;
    await run.send(run.play.facilitator, { type: 'meeting.end' });
    for (const person of run.play.attendees) await run.presence(person, 'presence.leave');
    const { backdate, meetingId, startsAt } = run.play;
    backdate.meeting(meetingId, run.times, new Date(startsAt.getTime() - 2 * 86_400_000));
    for (const change of run.changed) backdate.changed(change.actionId, change.at);
    run.play.engine.forget([meetingId]);
  },
};

/**
 * Holds one review as a team would, through the live engine's one command path: people join, the
 * facilitator starts and walks the agenda, everyone comments, reacts and votes, themes are made
 * (the team's earlier theme of the same name is found again) and the board decides its actions
 * through the actions service. Each event's time is noted and moved to the review's hour when the
 * meeting ends. Returns the ids of the actions it decided, in the order of `decisions`.
 */
export async function playReview(play: ReviewPlay): Promise<number[]> {
  const run = new Run(play);
  await run.load();
  const first = PHASES.indexOf(play.from ?? 'open');
  const last = PHASES.indexOf(play.until ?? 'close');
  for (const phase of PHASES.slice(first, last + 1)) await PLAYERS[phase](run);
  return run.decided;
}
