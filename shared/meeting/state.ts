import type { CommandType, MeetingCommand, Reaction } from './commands.ts';
import type { StatePatch } from './patch.ts';

export interface AgendaStep {
  key: string;
  name: string;
  minutes: number;
}

/** A feedback item on the board, personal data already masked by the server. */
/**
 * Stands in for other people's keys in a viewer's projection when authors are hidden: in reaction and
 * flag lists (one entry per person, so counts stay right) and as the one bucket of their votes.
 */
export const ANONYMOUS = '';

export interface Card {
  id: string;
  quote: string;
  title: string | null;
  metric: string | null;
  score: number | null;
  source: string;
  receivedAt: string;
  language: string | null;
  position: number;
  themeId: number | null;
  reactions: Partial<Record<Reaction, string[]>>;
  flags: string[];
}

export interface Comment {
  id: string;
  cardId: string;
  /** Participant key; null in a viewer's projection when authors are hidden. */
  author: string | null;
  authorName: string | null;
  text: string;
  /** Written during the reading step and not yet revealed: only its author may see it. */
  private: boolean;
  themeId: number | null;
  at: number;
}

export interface Theme {
  id: number;
  name: string;
  order: number;
}

export interface Decision {
  actionId: number;
  title: string;
  ownerId: number | null;
  ownerName: string | null;
  dueDate: string | null;
  themeId: number | null;
  commentIds: string[];
  cardIds: string[];
  at: number;
}

export type ParticipantRole = 'lead' | 'facilitator' | 'member' | 'guest' | 'observer';

export interface Participant {
  key: string;
  name: string;
  role: ParticipantRole;
  /** Open connections; presence is "connections > 0". */
  connections: number;
  ready: boolean;
  hand: boolean;
  handAt: number | null;
}

export interface Timer {
  durationMs: number;
  /** Server time the current run started; null when paused or not started. */
  runningSince: number | null;
  elapsedMs: number;
}

export interface MeetingSummary {
  endedAt: number;
  attendance: { name: string; role: string }[];
  cards: number;
  averageScores: { metric: string; average: number; count: number }[];
  themes: { id: number; name: string; votes: number; cards: number; comments: number }[];
  decisions: Decision[];
  /** The meeting's anonymous rating (1–5): how many answered and the mean; absent when nobody did. */
  rating?: { count: number; mean: number };
}

export interface MeetingState {
  meetingId: number;
  seq: number;
  status: 'planned' | 'live' | 'ended';
  steps: AgendaStep[];
  stepIndex: number;
  timer: Timer;
  facilitator: string | null;
  authorsShown: boolean;
  revealed: boolean;
  voteLimit: number;
  /** Set once the voting step has ended; until then each viewer sees only their own votes. */
  votesRevealed: boolean;
  cards: Record<string, Card>;
  comments: Record<string, Comment>;
  themes: Record<string, Theme>;
  /** participant key → theme id → dots. */
  votes: Record<string, Record<string, number>>;
  focusThemeId: number | null;
  decisions: Decision[];
  /** Status changes made to earlier actions during the follow-up step, in order. */
  followUps: FollowUpChange[];
  participants: Record<string, Participant>;
  summary: MeetingSummary | null;
  /**
   * Private comments written so far per author key, counts only: the facilitator's sense of when to
   * move on while the writing itself stays private. Emptied at reveal. Absent in older snapshots.
   */
  writing?: Record<string, number>;
  /** Answers to the wrap-up rating per participant key; each viewer sees only their own. */
  ratings?: Record<string, number>;
}

export interface FollowUpChange {
  actionId: number;
  title: string;
  from: string;
  to: string;
  by: string;
  at: number;
}

export interface Actor {
  key: string;
  name: string;
  role: ParticipantRole;
}

/** What the server adds to a command when it becomes an event. */
export interface Enrichment {
  'meeting.start': { steps: AgendaStep[]; cards: Omit<Card, 'themeId' | 'reactions' | 'flags'>[] };
  'meeting.end': { summary: MeetingSummary };
  /** Absent in logs written before comments got a server-made id; the opId was the id then. */
  'comment.add': { commentId?: string };
  /** Whether the deleted comment was private: then only its author learns of the deletion. */
  'comment.delete': { private?: boolean };
  'theme.create': { themeId: number };
  'theme.split': { newThemeId: number };
  /** The theme the items go to; when it is not on the board yet, the event adds it under `name`. */
  'theme.accept': { themeId: number };
  'action.decide': { actionId: number; ownerName: string | null };
  'action.status': { title: string; from: string };
}
type Extra<K extends CommandType> = K extends keyof Enrichment ? Enrichment[K] : unknown;
type CommandBody = {
  [K in CommandType]: { type: K; payload: Omit<Extract<MeetingCommand, { type: K }>, 'type'> & Extra<K> };
}[CommandType];
type ServerBody =
  | { type: 'presence.join'; payload: Record<string, never> }
  | { type: 'presence.leave'; payload: Record<string, never> }
  | { type: 'presence.reset'; payload: Record<string, never> }
  /** Only in a viewer's stream: the whole projected state, sent when visibility changes. */
  | { type: 'snapshot'; payload: { state: MeetingState } }
  /**
   * Only in a viewer's stream: an event that changes what this viewer may see (a step change, the
   * reveal, authors shown or hidden), as the event itself plus the patch that turns the viewer's
   * projection folded with it into their projection after it (private writing now revealed, votes
   * now counted, authors now named), instead of a whole snapshot.
   */
  | { type: 'change'; payload: { event: CommandBody; patch: StatePatch } }
  /**
   * Only in a viewer's stream: an event this viewer may not see; keeps seq gapless. For someone's
   * private comment it carries the writing counts after it (never the text).
   */
  | { type: 'hidden'; payload: { writing?: Record<string, number> } }
  /**
   * Only in a viewer's stream when authors are hidden: someone else's reaction or flag, as the card's
   * totals after it, so the viewer learns how many marked the card but not who.
   */
  | { type: 'card.marks'; payload: { cardId: string; reactions: Partial<Record<Reaction, number>>; flags: number } };
export type EventBody = CommandBody | ServerBody;
export type MeetingEvent = EventBody & { seq: number; opId: string; at: number; actor: Actor };

export function initialState(meetingId: number): MeetingState {
  return {
    meetingId,
    seq: 0,
    status: 'planned',
    steps: [],
    stepIndex: 0,
    timer: { durationMs: 0, runningSince: null, elapsedMs: 0 },
    facilitator: null,
    authorsShown: true,
    revealed: false,
    voteLimit: 3,
    votesRevealed: false,
    cards: emptyMap(),
    comments: emptyMap(),
    themes: emptyMap(),
    votes: emptyMap(),
    focusThemeId: null,
    decisions: [],
    followUps: [],
    participants: emptyMap(),
    summary: null,
  };
}

/**
 * Board maps are keyed by ids that arrive in commands, so a key such as `__proto__` or `constructor`
 * must never reach an inherited property. Lookups go through `own` (state that came through JSON has
 * ordinary objects), and every map the reducer builds has no prototype, so writing any key is safe.
 */
export function own<T>(map: Readonly<Record<string, T>>, key: string | number): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A map without a prototype: `__proto__` is an ordinary key in it. */
export function emptyMap<T>(): Record<string, T> {
  const map: Record<string, T> = Object.create(null);
  return map;
}

/** A copy of `map` without a prototype, with `key` set to `value` (or removed when undefined). */
export function withKey<T>(
  map: Readonly<Record<string, T>>,
  key: string | number,
  value: NoInfer<T> | undefined,
): Record<string, T> {
  const copy = emptyMap<T>();
  for (const k of Object.keys(map)) copy[k] = map[k] as T;
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

export const currentStep = (state: MeetingState): AgendaStep | undefined => state.steps[state.stepIndex];

/** Milliseconds left on the step timer at server time `now` (negative once overrun). */
export function remainingMs(timer: Timer, now: number): number {
  const running = timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince);
  return timer.durationMs - timer.elapsedMs - running;
}

/** Dots per theme over everyone, ranked most first; ties by theme order. */
export function voteTotals(state: MeetingState): { themeId: number; votes: number }[] {
  const totals = new Map<number, number>();
  for (const theme of Object.values(state.themes)) totals.set(theme.id, 0);
  for (const byTheme of Object.values(state.votes)) {
    for (const [themeId, dots] of Object.entries(byTheme)) {
      const id = Number(themeId);
      if (totals.has(id)) totals.set(id, (totals.get(id) ?? 0) + dots);
    }
  }
  return [...totals.entries()]
    .map(([themeId, votes]) => ({ themeId, votes }))
    .sort(
      (a, b) =>
        b.votes - a.votes || (own(state.themes, a.themeId)?.order ?? 0) - (own(state.themes, b.themeId)?.order ?? 0),
    );
}

export const dotsUsed = (state: MeetingState, key: string): number =>
  Object.values(own(state.votes, key) ?? {}).reduce((sum, dots) => sum + dots, 0);
