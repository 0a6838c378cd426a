import { api, type ApiReply } from '../lib/api.ts';

export type MeetingView = ApiReply<'/api/teams/{team}/meetings', 'get'>['meetings'][number];
type CadenceReply = ApiReply<'/api/teams/{team}/cadence', 'get'>;
export type Reminder = ApiReply<'/api/teams/{team}/reminders', 'get'>['reminders'][number];

/** A team's rhythm as the cadence page shows it: rule, agenda, meetings, health, feed. */
export class Rhythm {
  cadence = $state<CadenceReply['cadence']>(null);
  template = $state<CadenceReply['template']>([]);
  meetings = $state<MeetingView[]>([]);
  health = $state<ApiReply<'/api/teams/{team}/cadence/health', 'get'> | null>(null);
  feedUrl = $state('');
  hasFeed = $state(false);

  constructor(private readonly team: string) {}

  async load(): Promise<void> {
    const [cadence, meetings, health] = await Promise.all([
      api('get', '/api/teams/{team}/cadence', { path: { team: this.team } }),
      api('get', '/api/teams/{team}/meetings', { path: { team: this.team } }),
      api('get', '/api/teams/{team}/cadence/health', { path: { team: this.team } }),
    ]);
    this.cadence = cadence.cadence;
    this.template = cadence.template;
    this.hasFeed = cadence.feed;
    this.meetings = meetings.meetings;
    this.health = health;
  }

  async setCadence(rrule: string, time: string, durationMinutes: number, from: string): Promise<void> {
    await api('put', '/api/teams/{team}/cadence', {
      path: { team: this.team },
      body: { rrule, time, durationMinutes, ...(from ? { from } : {}) },
    });
    await this.load();
  }

  async saveTemplate(): Promise<void> {
    this.template = (
      await api('put', '/api/teams/{team}/agenda-template', {
        path: { team: this.team },
        body: { steps: this.template },
      })
    ).steps;
  }

  async newFeed(): Promise<void> {
    this.feedUrl = `${location.origin}${(await api('post', '/api/teams/{team}/calendar-token', { path: { team: this.team } })).url}`;
    this.hasFeed = true;
  }

  async revokeFeed(): Promise<void> {
    await api('delete', '/api/teams/{team}/calendar-token', { path: { team: this.team } });
    this.feedUrl = '';
    this.hasFeed = false;
  }

  /** Skipping and moving are exceptions to the cadence: a one-off meeting (no occurrence) has neither. */
  async skip(meeting: MeetingView, reason: string): Promise<void> {
    if (meeting.occurrence === null) return;
    await api('post', '/api/teams/{team}/cadence/exceptions', {
      path: { team: this.team },
      body: { occurrence: meeting.occurrence, skip: true, reason },
    });
    await this.load();
  }

  async move(meeting: MeetingView, moveTo: string): Promise<void> {
    if (meeting.occurrence === null) return;
    await api('post', '/api/teams/{team}/cadence/exceptions', {
      path: { team: this.team },
      body: { occurrence: meeting.occurrence, moveTo: moveTo.slice(0, 16) },
    });
    await this.load();
  }
}
