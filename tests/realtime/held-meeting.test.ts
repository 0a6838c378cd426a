import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { handshakeAuth } from '../../shared/events.ts';
import { sendDigest } from '../../server/actions/digest.ts';
import type { ActionChange } from '../../server/actions/service.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.ts';
import type { MeetingEvent } from '../../shared/meeting/index.ts';
import { startKadence } from '../helpers/browser.ts';
import { AGENDA, inLanguage, LiveClient, makeMember } from '../helpers/meeting.ts';

type TeamSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Changed = Parameters<ServerToClientEvents['actions:changed']>[0];
interface Health {
  planned: number;
  held: number;
  streak: number;
  actionCompletionPct: number | null;
  meetings: { id: number; status: string; attendance: number | null; actions: number; actionsDoneByNext: number }[];
}

const ok = <T extends { ok: boolean }>(ack: T): Extract<T, { ok: true }> => {
  if (!ack.ok) throw new Error(JSON.stringify(ack));
  return ack as Extract<T, { ok: true }>;
};

/**
 * The team's next planned review is held on the live board (before its planned day, as a team trying
 * Kadence does), two actions are decided in it, and the figures, the tracker and the webhooks see it.
 */
describe('a review held on the live board', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let lea: { id: number; cookie: string };
  let anna: { id: number; cookie: string };
  let meetingId: number;
  let startsAt: string;
  let decided: number[] = [];
  let decideEvents: MeetingEvent[] = [];
  const tracker: Changed[] = [];
  const heard: (ActionChange & { inTransaction: Promise<boolean> })[] = [];
  const sockets: TeamSocket[] = [];
  const clients: LiveClient[] = [];
  const team = async () => await kadence.app.services.teams.bySlug('support');
  /**
   * Whether the caller runs inside a transaction of the store: SQLite's handle says so itself, and on
   * either store a query through the root is refused inside one of the store's transactions.
   */
  const inTransaction = async (): Promise<boolean> => {
    const { store } = kadence.app.services;
    if (store.sqlite?.inTransaction) return true;
    try {
      await store.db.selectNoFrom(sql<number>`1`.as('one')).execute();
      return false;
    } catch (error) {
      if (error instanceof Error && error.message.includes('ran inside one of its transactions')) return true;
      throw error;
    }
  };
  const get = async <T>(url: string, cookie = lea.cookie): Promise<T> => {
    const response = await kadence.app.inject({ url, headers: { cookie } });
    expect(response.statusCode, url).toBe(200);
    return response.json() as T;
  };

  beforeAll(async () => {
    kadence = await startKadence();
    const { services } = kadence.app;
    await services.teams.create({ name: 'Support', slug: 'support' });
    lea = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    anna = await makeMember(kadence.app, 'support', 'anna@example.dk', 'Anna', 'member');
    await services.webhooks.create((await team()).id, 'https://hooks.example.com/kadence', lea.id);
    const held = await team();
    await services.meetings.saveTemplate(held, inLanguage(AGENDA, held.language));
    await services.meetings.setCadence(
      await team(),
      { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60 },
      lea.id,
    );
    const next = await services.meetings.next(await team());
    if (!next) throw new Error('no planned review');
    [meetingId, startsAt] = [next.id, next.starts_at];
    await services.imports.ingestBatch(await team(), [
      {
        id: 'r1',
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        metric: 'nps',
        score: 3,
        comment: 'Ventetiden i telefonen er for lang',
      },
    ]);
    const feedbackId = (await services.meetings.windowIds(await team(), meetingId))[0] ?? 0;
    await services.meetings.pick(await team(), meetingId, feedbackId, true);
    services.actions.onChange((change) => heard.push({ ...change, inTransaction: inTransaction() }));

    const socket: TeamSocket = connect(kadence.url, {
      transports: ['websocket'],
      auth: handshakeAuth(),
      extraHeaders: { origin: kadence.url, cookie: lea.cookie },
      reconnection: false,
    });
    sockets.push(socket);
    socket.on('actions:changed', (payload) => tracker.push(payload));
    await new Promise<void>((resolve) =>
      socket.emit('team:join', { opId: 'join-0001', team: 'support' }, () => resolve()),
    );

    const l = new LiveClient(kadence.url, { cookie: lea.cookie, prefix: 'lea' });
    const a = new LiveClient(kadence.url, { cookie: anna.cookie, prefix: 'anna' });
    clients.push(l, a);
    for (const c of [l, a]) expect(await c.connected()).toBe('connected');
    for (const c of [l, a]) ok(await c.join(meetingId));
    ok(await l.send(meetingId, { type: 'meeting.start' }));
    const decideStep = AGENDA.findIndex((step) => step.key === 'decide');
    ok(await l.send(meetingId, { type: 'step.go', index: decideStep }));
    const card = String(feedbackId);
    const first = ok(
      await l.send(meetingId, {
        type: 'action.decide',
        title: 'Ring kunder op inden for en time',
        ownerId: anna.id,
        dueDate: null,
        themeId: null,
        commentIds: [],
        cardIds: [card],
      }),
    );
    const second = ok(
      await l.send(meetingId, {
        type: 'action.decide',
        title: 'Mål ventetiden hver uge',
        ownerId: lea.id,
        dueDate: '2030-01-31',
        themeId: null,
        commentIds: [],
        cardIds: [],
      }),
    );
    const ended = ok(await l.send(meetingId, { type: 'meeting.end' }));
    await l.until(ended.seq);
    decideEvents = l.events.filter((event) => event.seq === first.seq || event.seq === second.seq);
    decided = decideEvents.flatMap((event) => (event.type === 'action.decide' ? [event.payload.actionId] : []));
    // A round trip on the team socket: every emit before it has arrived.
    await new Promise<void>((resolve) =>
      socket.emit('team:join', { opId: 'join-0002', team: 'support' }, () => resolve()),
    );
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const socket of sockets) socket.disconnect();
    await kadence.stop();
  });

  it('counts the review as held, with its attendance and both decided actions, right after it ends', async () => {
    expect(decided).toHaveLength(2);
    const health = await get<Health>('/api/teams/support/cadence/health');
    expect(health).toMatchObject({ planned: 1, held: 1, streak: 1, actionCompletionPct: 0 });
    expect(health.meetings).toEqual([
      { id: meetingId, startsAt, status: 'ended', attendance: 2, actions: 2, actionsDoneByNext: 0 },
    ]);
    const teams = await get<{
      teams: { slug: string; planned: number; held: number; streak: number; actionCompletionPct: number | null }[];
    }>('/api/cadence/health');
    expect(teams.teams).toEqual([
      expect.objectContaining({ slug: 'support', planned: 1, held: 1, streak: 1, actionCompletionPct: 0 }),
    ]);
  });

  it('keeps counting it on every later day, and counts a done action', async () => {
    const { services } = kadence.app;
    const leaUser = await services.users.byId(lea.id);
    if (!leaUser) throw new Error('no Lea');
    await services.actions.changeStatus(leaUser, decided[1] ?? 0, 'done');
    expect((await get<Health>('/api/teams/support/cadence/health')).actionCompletionPct).toBe(50);
    const day = 86_400_000;
    for (const days of [1, 7, 20]) {
      const later = new Date(Date.now() + days * day);
      await services.meetings.scheduleAll(later);
      const health = await services.meetings.health(await team(), later);
      expect(health.held, `day ${days}`).toBe(1);
      expect(
        health.meetings.find((entry) => entry.id === meetingId),
        `day ${days}`,
      ).toMatchObject({ status: 'ended', attendance: 2, actions: 2, actionsDoneByNext: 1 });
    }
    // Once the following review's hour is over without it being held, it counts as planned, not held.
    const following = (await services.meetings.meetings(await team())).find(
      (row) => row.starts_at > startsAt && row.status === 'planned',
    );
    if (!following) throw new Error('no following review');
    const afterIt = new Date(new Date(following.ends_at).getTime() + day);
    await services.meetings.scheduleAll(afterIt);
    expect(await services.meetings.health(await team(), afterIt)).toMatchObject({
      planned: 2,
      held: 1,
      streak: 0,
      actionCompletionPct: 50,
    });
  });

  it('queues an action.created webhook for each decided action', async () => {
    const deliveries = (await kadence.app.services.webhooks.deliveries((await team()).id)).filter(
      (delivery) => delivery.event === 'action.created',
    );
    expect(deliveries).toHaveLength(2);
    const bodies = await kadence.app.services.store.db
      .selectFrom('action_webhook_deliveries')
      .select('body')
      .where('event', '=', 'action.created')
      .orderBy('id')
      .execute();
    expect(bodies.map((row) => (JSON.parse(row.body) as { action: { id: number; meetingId: number } }).action)).toEqual(
      [expect.objectContaining({ id: decided[0], meetingId }), expect.objectContaining({ id: decided[1], meetingId })],
    );
  });

  it('tells the tracker live, only after the meeting event has committed', async () => {
    expect(tracker.filter((change) => change.event === 'action.created')).toEqual(
      decided.map((actionId) => ({ team: 'support', actionId, event: 'action.created' })),
    );
    const created = heard.filter((change) => change.event === 'action.created');
    expect(created.map((change) => change.actionId)).toEqual(decided);
    expect(await Promise.all(created.map((change) => change.inTransaction))).toEqual(created.map(() => false));
  });

  it('keeps in the history in which review it was decided, by whom, and gives the default due date', async () => {
    const action = await get<{
      dueDate: string | null;
      meetingId: number;
      origins: { kind: string; ref: string }[];
      history: { kind: string; to: string | null; actorName: string | null }[];
    }>(`/api/teams/support/actions/${decided[0]}`);
    expect(action.history[0]).toMatchObject({ kind: 'decided', to: startsAt, actorName: 'Lea' });
    expect(action.meetingId).toBe(meetingId);
    expect(action.origins).toEqual([{ kind: 'feedback', ref: expect.any(String) }]);
    // No date given on the board: the day before the following review, as the tracker would set it.
    expect(action.dueDate).not.toBeNull();
    const following = (await kadence.app.services.meetings.meetings(await team())).find(
      (row) => row.starts_at > startsAt && row.status !== 'skipped',
    );
    expect(action.dueDate && following && action.dueDate < following.starts_at.slice(0, 10)).toBe(true);
    const event = decideEvents[0];
    expect(event?.type === 'action.decide' ? event.payload.dueDate : undefined).toBe(action.dueDate);
  });

  it('reminds the owner of a decided action that is due soon, in the app and in the digest', async () => {
    const { services } = kadence.app;
    const annaUser = await services.users.byId(anna.id);
    const dueDate = (await services.actions.repo.byId(decided[0] ?? 0))?.due_date;
    if (!annaUser || !dueDate) throw new Error('no Anna or no due date');
    const dueDay = new Date(`${dueDate}T09:00:00Z`);
    expect((await services.actions.reminders(annaUser, dueDay)).map((action) => action.id)).toEqual([decided[0]]);
    const digest = await sendDigest(kadence.app.services.store, undefined, kadence.url, dueDay);
    expect(
      digest.recipients.find((recipient) => recipient.email === 'anna@example.dk')?.actions.map((action) => action.id),
    ).toEqual([decided[0]]);
  });
});
