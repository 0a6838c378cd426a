import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import { handshakeAuth } from '../../shared/events.ts';
import type { Ack } from '../../shared/events.ts';
import type { Actor, MeetingCommand, MeetingEvent, MeetingState } from '../../shared/meeting/index.ts';
import type { TeamRole } from '../../shared/roles.ts';
import { DEFAULT_STEP_NAMES, isUneditedStep, type AgendaStep } from '../../shared/agenda.ts';
import type { Language } from '../../shared/language.ts';
import { createRollups } from '../../server/feedback/rollups.ts';

/** What the helpers need: the app, or services opened without a server. */
export type Host = Pick<FastifyInstance, 'services'>;

/** A short run of the method's steps (a minute each), named as the product names them in `language`. */
export const agendaIn = (language: Language): AgendaStep[] =>
  (['checkin', 'read', 'group', 'vote', 'decide', 'wrapup'] as const).map((key) => ({
    key,
    name: DEFAULT_STEP_NAMES[language][key],
    minutes: 1,
  }));

/** The short agenda in English; makeMeeting stores its unedited names in the team's own language. */
export const AGENDA = agendaIn('en');

/** The steps with their default names put into `language`, so a Danish team's meeting reads Danish; edited names stay. */
export const inLanguage = (steps: readonly AgendaStep[], language: Language): AgendaStep[] =>
  steps.map((step) => (isUneditedStep(step) ? { ...step, name: DEFAULT_STEP_NAMES[language][step.key] } : step));

/** A person with a session cookie, made directly through the services. */
export async function makeMember(
  app: Host,
  slug: string,
  email: string,
  name: string,
  role: TeamRole,
): Promise<{ id: number; cookie: string }> {
  const user = await app.services.users.create({ email, name, password: 'a-long-password' });
  await app.services.teams.addMember(slug, email, role);
  return { id: user.id, cookie: `kadence_session=${(await app.services.auth.startSession(user.id)).token}` };
}

/**
 * A planned meeting with `cards` feedback items on its board, written past the services (plain
 * inserts through the store, so on either store) in one transaction.
 */
export async function makeMeeting(
  app: Host,
  slug: string,
  cards: {
    comment: string;
    score?: number;
    metric?: 'nps' | 'csat' | 'ces' | 'rating';
    source?: string;
    /** When the answer came; by default inside the meeting's window (eleven days before it), as a prepared board's do. */
    receivedAt?: string;
  }[],
  agenda: readonly AgendaStep[] = AGENDA,
  startsAt = '2026-01-13T09:00:00.000Z',
): Promise<number> {
  return await app.services.store.transaction(async (trx) => {
    const team = await trx.selectFrom('teams').select(['id', 'language']).where('slug', '=', slug).executeTakeFirst();
    if (!team) throw new Error(`no team ${slug}`);
    const { id: meetingId } = await trx
      .insertInto('meetings')
      .values({
        team_id: team.id,
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        agenda: JSON.stringify(inLanguage(agenda, team.language as Language)),
        window_end: startsAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inWindow = new Date(Date.parse(startsAt) - 11 * 86_400_000 + 3_600_000).toISOString();
    for (const [index, card] of cards.entries()) {
      const { id } = await trx
        .insertInto('feedback')
        .values({
          team_id: team.id,
          source: card.source ?? 'survey',
          dedupe_key: `m${meetingId}-${index}`,
          received_at: card.receivedAt ?? inWindow,
          metric: card.metric ?? 'nps',
          score: card.score ?? 7,
          comment: card.comment,
          language: 'da',
          original: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('meeting_cards')
        .values({ meeting_id: meetingId, feedback_id: id, position: index, picked_by: 'lead' })
        .execute();
    }
    // The cards' rows were written past the services: the monthly rollups the KPI charts read are counted again.
    await createRollups(trx).rebuild(team.id);
    return meetingId;
  });
}

export interface JoinAck {
  seq: number;
  state?: MeetingState;
  events?: MeetingEvent[];
  you: Actor;
}

/** A socket.io client on the live namespace that records every event it receives. */
export class LiveClient {
  readonly socket: Socket;
  readonly events: MeetingEvent[] = [];
  private counter = 0;
  constructor(url: string, options: { cookie?: string; guest?: string; prefix: string }) {
    this.socket = connect(`${url}/live`, {
      transports: ['websocket'],
      extraHeaders: { origin: url, ...(options.cookie ? { cookie: options.cookie } : {}) },
      auth: { ...handshakeAuth(), ...(options.guest ? { guest: options.guest } : {}) },
      reconnection: false,
      timeout: 5000,
    });
    this.prefix = options.prefix;
    this.socket.on('live:event', (payload: { event: MeetingEvent }) => this.events.push(payload.event));
  }
  private readonly prefix: string;

  connected(): Promise<string> {
    return new Promise((resolve) => {
      if (this.socket.connected) resolve('connected');
      this.socket.once('connect', () => resolve('connected'));
      this.socket.once('connect_error', (error: Error) => resolve(`refused: ${error.message}`));
    });
  }
  nextOpId(): string {
    this.counter += 1;
    return `${this.prefix}-op-${String(this.counter).padStart(6, '0')}`;
  }
  join(meetingId: number, lastSeq?: number): Promise<Ack<JoinAck>> {
    return this.socket.emitWithAck('live:join', {
      opId: this.nextOpId(),
      meetingId,
      ...(lastSeq === undefined ? {} : { lastSeq }),
    }) as Promise<Ack<JoinAck>>;
  }
  send(
    meetingId: number,
    command: MeetingCommand,
    opId = this.nextOpId(),
  ): Promise<Ack<{ seq: number; duplicate: boolean }>> {
    return this.socket.emitWithAck('live:command', { opId, meetingId, command }) as Promise<
      Ack<{ seq: number; duplicate: boolean }>
    >;
  }
  /** Resolves once an event with at least `seq` has arrived. */
  async until(seq: number): Promise<void> {
    for (let i = 0; i < 200 && !this.events.some((e) => e.seq >= seq); i++) await new Promise((r) => setTimeout(r, 10));
  }
  close(): void {
    this.socket.disconnect();
  }
}
