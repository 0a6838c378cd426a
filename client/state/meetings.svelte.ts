import type { AgendaStep } from '../../shared/agenda.ts';
import { api } from '../lib/api.ts';

export interface MeetingView {
  id: number;
  occurrence: string | null;
  startsAt: string;
  endsAt: string;
  status: 'planned' | 'live' | 'ended' | 'skipped';
  skipReason: string | null;
  agenda: AgendaStep[];
  windowStart: string | null;
  windowEnd: string;
  preparedAt: string | null;
}
export interface CadenceView {
  rrule: string;
  startTime: string;
  timezone: string;
  durationMinutes: number;
  validFrom: string;
}
export interface Health {
  planned: number;
  held: number;
  streak: number;
  actionCompletionPct: number | null;
  templateMinutes: number;
  meetings: { id: number; startsAt: string; status: string; attendance: number | null; actions: number; actionsDoneByNext: number }[];
}
export interface Reminder {
  kind: 'today' | 'unprepared' | 'skipped';
  meetingId: number;
  startsAt: string;
  reason?: string | null;
}

/** A team's rhythm as the cadence page shows it: rule, agenda, meetings, health, feed. */
export class Rhythm {
  cadence = $state<CadenceView | null>(null);
  template = $state<AgendaStep[]>([]);
  meetings = $state<MeetingView[]>([]);
  health = $state<Health | null>(null);
  feedUrl = $state('');
  hasFeed = $state(false);

  constructor(private readonly team: string) {}

  async load(): Promise<void> {
    const [cadence, meetings, health] = await Promise.all([
      api<{ cadence: CadenceView | null; template: AgendaStep[]; feed: boolean }>('GET', `/api/teams/${this.team}/cadence`),
      api<{ meetings: MeetingView[] }>('GET', `/api/teams/${this.team}/meetings`),
      api<Health>('GET', `/api/teams/${this.team}/cadence/health`),
    ]);
    this.cadence = cadence.cadence;
    this.template = cadence.template;
    this.hasFeed = cadence.feed;
    this.meetings = meetings.meetings;
    this.health = health;
  }

  async setCadence(rrule: string, time: string, durationMinutes: number, from: string): Promise<void> {
    await api('PUT', `/api/teams/${this.team}/cadence`, { rrule, time, durationMinutes, ...(from ? { from } : {}) });
    await this.load();
  }

  async saveTemplate(): Promise<void> {
    this.template = (await api<{ steps: AgendaStep[] }>('PUT', `/api/teams/${this.team}/agenda-template`, { steps: this.template })).steps;
  }

  async newFeed(): Promise<void> {
    this.feedUrl = `${location.origin}${(await api<{ url: string }>('POST', `/api/teams/${this.team}/calendar-token`)).url}`;
    this.hasFeed = true;
  }

  async revokeFeed(): Promise<void> {
    await api('DELETE', `/api/teams/${this.team}/calendar-token`);
    this.feedUrl = '';
    this.hasFeed = false;
  }

  async skip(meeting: MeetingView, reason: string): Promise<void> {
    await api('POST', `/api/teams/${this.team}/cadence/exceptions`, { occurrence: meeting.occurrence, skip: true, reason });
    await this.load();
  }

  async move(meeting: MeetingView, moveTo: string): Promise<void> {
    await api('POST', `/api/teams/${this.team}/cadence/exceptions`, { occurrence: meeting.occurrence, moveTo: moveTo.slice(0, 16) });
    await this.load();
  }
}
