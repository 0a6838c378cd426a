import type { ActionStatus } from '../../shared/actions.ts';
import type { Effect } from '../../shared/schemas/actions.ts';
import type { RoundResult } from '../../shared/schemas/pulse.ts';
import type { TeamDetail } from '../../shared/schemas/teams.ts';
import { api } from '../lib/api.ts';
import { dayBefore } from '../lib/day-before.ts';
import { errorMessage } from '../lib/errors.ts';
import { latestDone } from '../lib/latest-done.ts';

export interface FollowUpAction {
  id: number;
  title: string;
  ownerName: string | null;
  dueDate: string | null;
  status: ActionStatus;
  doneAt: string | null;
  effectMetric: string | null;
  themeId: number | null;
  notes: { at: string; by: string | null; note: string }[];
}

export interface MeetingFrame {
  teamName: string;
  startsAt: string;
  windowStart: string | null;
  windowEnd: string;
  preparedAt: string | null;
  cards: number;
  nextStartsAt: string | null;
}

export interface TeamMember {
  userId: number;
  name: string;
}

/**
 * What the live board shows around the meeting itself, for a signed-in member: the team and date,
 * how full the board is, when the next review is, the team's people and its earlier theme names.
 * A guest has none of this (no account): the board then shows the meeting alone.
 */
export class BoardContext {
  frame = $state<MeetingFrame | null>(null);
  members = $state<TeamMember[]>([]);
  knownThemes = $state<string[]>([]);
  /** The default due date for a decided action: the day before the next review. */
  readonly defaultDue = $derived(this.frame?.nextStartsAt ? dayBefore(this.frame.nextStartsAt) : '');

  /** Last month's actions (the follow-up step) and what the latest done ones did (check-in). */
  actions = $state<FollowUpAction[]>([]);
  effects = $state<{ title: string; effect: Effect }[]>([]);
  pulse = $state<RoundResult | null>(null);
  error = $state('');

  constructor(
    readonly slug: string,
    readonly meetingId: number,
  ) {}

  /** Loads everything at once; a part that fails stays empty (the board works without it). */
  load(): void {
    api<MeetingFrame>('GET', `/api/teams/${this.slug}/meetings/${this.meetingId}/frame`).then(
      (frame) => (this.frame = frame),
      () => (this.frame = null),
    );
    api<TeamDetail>('GET', `/api/teams/${this.slug}`).then(
      (detail) => (this.members = detail.members.map((m) => ({ userId: m.userId, name: m.name }))),
      () => (this.members = []),
    );
    api<{ themes: string[] }>('GET', `/api/teams/${this.slug}/themes`).then(
      (result) => (this.knownThemes = result.themes),
      () => (this.knownThemes = []),
    );
  }

  async loadFollowUp(): Promise<void> {
    try {
      this.actions = (await api<{ actions: FollowUpAction[] }>('GET', `/api/teams/${this.slug}/actions/follow-up`)).actions;
      this.error = '';
    } catch (caught) {
      this.error = errorMessage(caught);
    }
  }

  /** Check-in: the newest pulse result with enough answers and the effects of the most recently done actions. */
  async loadCheckin(): Promise<void> {
    api<{ results: RoundResult[] }>('GET', `/api/teams/${this.slug}/pulse/results`).then(
      (loaded) => (this.pulse = loaded.results.find((result) => result.enough) ?? null),
      () => (this.pulse = null),
    );
    await this.loadFollowUp();
    const done = latestDone(this.actions);
    try {
      this.effects = await Promise.all(done.map(async (action) => ({ title: action.title, effect: await api<Effect>('GET', `/api/teams/${this.slug}/actions/${action.id}/effect`) })));
    } catch {
      this.effects = [];
    }
  }
}
