import { api, type ApiReply, type ApiSchema } from '../lib/api.ts';
import { dayBefore } from '../lib/day-before.ts';
import { errorMessage } from '../lib/errors.ts';
import { latestDone } from '../lib/latest-done.ts';
import type { ThemeTrends } from '../lib/theme-trends.ts';

export type FollowUpAction = ApiReply<'/api/teams/{team}/actions/follow-up', 'get'>['actions'][number];
export type MeetingFrame = ApiReply<'/api/teams/{team}/meetings/{id}/frame', 'get'>;
export type TeamMember = Pick<ApiSchema<'Member'>, 'userId' | 'name'>;

/** What a guest learns on joining: whose review it is and when, for the frame's title. */
export type GuestTitle = Pick<MeetingFrame, 'teamName' | 'startsAt'>;

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
  effects = $state<{ title: string; effect: ApiSchema<'ActionEffect'> }[]>([]);
  pulse = $state<ApiSchema<'PulseRoundResult'> | null>(null);
  /** The team's themes in the latest month its boards grouped (check-in). */
  themeTrends = $state<ThemeTrends | null>(null);
  error = $state('');

  /** The team's part of every request's path. */
  private readonly team: { path: { team: string } };

  constructor(
    readonly slug: string,
    readonly meetingId: number,
  ) {
    this.team = { path: { team: slug } };
  }

  /** Loads everything at once; a part that fails stays empty (the board works without it). */
  load(): void {
    api('get', '/api/teams/{team}/meetings/{id}/frame', { path: { ...this.team.path, id: this.meetingId } }).then(
      (frame) => (this.frame = frame),
      () => (this.frame = null),
    );
    api('get', '/api/teams/{team}', this.team).then(
      (detail) => (this.members = detail.members.map((m) => ({ userId: m.userId, name: m.name }))),
      () => (this.members = []),
    );
    api('get', '/api/teams/{team}/themes', this.team).then(
      (result) => (this.knownThemes = result.themes),
      () => (this.knownThemes = []),
    );
  }

  async loadFollowUp(): Promise<void> {
    try {
      this.actions = (await api('get', '/api/teams/{team}/actions/follow-up', this.team)).actions;
      this.error = '';
    } catch (caught) {
      this.error = errorMessage(caught);
    }
  }

  /** Check-in: the newest pulse result with enough answers, the themes' latest month and the effects of the most recently done actions. */
  async loadCheckin(): Promise<void> {
    api('get', '/api/teams/{team}/pulse/results', this.team).then(
      (loaded) => (this.pulse = loaded.results.find((result) => result.enough) ?? null),
      () => (this.pulse = null),
    );
    api('get', '/api/teams/{team}/themes/monthly', { ...this.team, query: { months: 4 } }).then(
      (trends) => (this.themeTrends = trends),
      () => (this.themeTrends = null),
    );
    await this.loadFollowUp();
    const done = latestDone(this.actions);
    try {
      this.effects = await Promise.all(
        done.map(async (action) => ({
          title: action.title,
          effect: await api('get', '/api/teams/{team}/actions/{id}/effect', {
            path: { ...this.team.path, id: action.id },
          }),
        })),
      );
    } catch {
      this.effects = [];
    }
  }
}
