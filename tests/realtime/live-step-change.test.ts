import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingEventsTable } from '../../server/db/kysely/schema.ts';
import {
  MeetingReplica,
  type Actor,
  type EventBody,
  type MeetingEvent,
  type MeetingState,
} from '../../shared/meeting/index.ts';
import { startKadence } from '../helpers/browser.ts';
import { AGENDA, LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

/** The bytes a viewer receives for one event: the `live:event` packet's JSON. */
const bytes = (meetingId: number, event: MeetingEvent) => JSON.stringify({ meetingId, event }).length;

/**
 * A meeting a few thousand events long, so that a step change is where a snapshot hurts: the log is
 * written straight into the store (as a long meeting would have left it) before anyone joins.
 */
describe('a step change late in a long meeting', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let lea: { id: number; cookie: string };
  let anna: { id: number; cookie: string };
  let bo: { id: number; cookie: string };
  let meetingId: number;
  const clients: LiveClient[] = [];
  const client = (cookie: string, prefix: string) => {
    const c = new LiveClient(kadence.url, { cookie, prefix });
    clients.push(c);
    return c;
  };
  const ok = <T extends object>(ack: ({ ok: true } & T) | { ok: false; error: { message: string } }): T => {
    if (!ack.ok) throw new Error(ack.error.message);
    return ack;
  };
  const CARDS = 120;
  const ANNA_PRIVATE = 'Anna privately: the queue music is unbearable';

  beforeAll(async () => {
    kadence = await startKadence();
    await kadence.app.services.teams.create({ name: 'Support', slug: 'support' });
    lea = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    anna = await makeMember(kadence.app, 'support', 'anna@example.dk', 'Anna', 'member');
    bo = await makeMember(kadence.app, 'support', 'bo@example.dk', 'Bo', 'member');
    meetingId = await makeMeeting(
      kadence.app,
      'support',
      Array.from({ length: CARDS }, (_, i) => ({
        comment: `Feedback item number ${i} about the delivery and the app`,
      })),
    );
    await seedLongLog();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await kadence.stop();
  });

  /**
   * Start, then 3,000 comments in the reading step, all private while it lasts: Bo's own, and three of
   * Anna's, so leaving the step reveals Anna's three to Bo. Written in the log's own format.
   */
  async function seedLongLog(): Promise<void> {
    const { store } = kadence.app.services;
    const events: Insertable<MeetingEventsTable>[] = [];
    const people: Actor[] = [
      { key: `u:${lea.id}`, name: 'Lea', role: 'lead' },
      { key: `u:${anna.id}`, name: 'Anna', role: 'member' },
      { key: `u:${bo.id}`, name: 'Bo', role: 'member' },
    ];
    const cards = await store.db
      .selectFrom('meeting_cards as c')
      .innerJoin('feedback as f', 'f.id', 'c.feedback_id')
      .select(['f.id', 'c.position', 'f.comment'])
      .where('c.meeting_id', '=', meetingId)
      .orderBy('c.position')
      // The seeded meeting's cards all carry a comment.
      .$narrowType<{ comment: string }>()
      .execute();
    let seq = 0;
    const at = Date.parse('2026-01-13T09:00:00.000Z');
    const put = (actor: Actor, body: EventBody) => {
      seq += 1;
      events.push({
        meeting_id: meetingId,
        seq,
        op_scope: actor.key,
        op_id: `seed-${seq}`,
        body_hash: null,
        actor: JSON.stringify(actor),
        type: body.type,
        payload: JSON.stringify(body.payload),
        at: at + seq,
      });
    };
    const [l, a, b] = people as [Actor, Actor, Actor];
    put(l, {
      type: 'meeting.start',
      payload: {
        steps: AGENDA,
        cards: cards.map((c) => ({
          id: String(c.id),
          quote: c.comment,
          title: null,
          metric: 'nps',
          score: 7,
          source: 'survey',
          receivedAt: '2026-01-02T10:00:00.000Z',
          language: 'da',
          position: c.position,
        })),
      },
    });
    put(l, { type: 'step.go', payload: { index: 1 } });
    for (let i = 0; i < 3000; i++) {
      const who = i % 3 === 1 && i < 9 ? a : b;
      const text = who === a ? `${ANNA_PRIVATE} (${i})` : `Comment ${i} from ${who.name} on the waiting times`;
      put(who, {
        type: 'comment.add',
        payload: { cardId: String(cards[i % CARDS]?.id), text, commentId: `c-${i}` },
      });
    }
    await store.transaction(async (trx) => {
      // In slices: one statement's parameters stay below either store's limit.
      for (let from = 0; from < events.length; from += 500)
        await trx
          .insertInto('meeting_events')
          .values(events.slice(from, from + 500))
          .execute();
      await trx.updateTable('meetings').set({ status: 'live' }).where('id', '=', meetingId).execute();
    });
  }

  it('sends each viewer the change, far below a snapshot, and the replica ends as a fresh snapshot', async () => {
    const l = client(lea.cookie, 'lea');
    const b = client(bo.cookie, 'bo');
    for (const c of [l, b]) expect(await c.connected()).toBe('connected');
    ok(await l.join(meetingId));
    const joined = ok(await b.join(meetingId));
    if (!joined.state) throw new Error('no snapshot on join');
    const replica = new MeetingReplica(joined.state, joined.you);
    const before = JSON.stringify({ meetingId, event: { type: 'snapshot', payload: { state: joined.state } } }).length;
    expect(joined.state.seq).toBeGreaterThan(2000);
    expect(JSON.stringify(joined.state)).not.toContain(ANNA_PRIVATE);

    // Leaving the reading step reveals Anna's three private comments to Bo: that is all he is sent.
    const toGroup = ok(await l.send(meetingId, { type: 'step.go', index: 2 }));
    // A step change that reveals nothing.
    const toVote = ok(await l.send(meetingId, { type: 'step.go', index: 3 }));
    // Authors hidden from here on: a step change then must not name anyone either.
    const hide = ok(await l.send(meetingId, { type: 'authors.show', shown: false }));
    const toDecide = ok(await l.send(meetingId, { type: 'step.go', index: 4 }));
    await b.until(toDecide.seq);
    for (const event of b.events) expect(replica.receive(event)).not.toBe('gap');

    const at = (seq: number) => {
      const event = b.events.find((e) => e.seq === seq);
      if (!event) throw new Error(`no event ${seq}`);
      return event;
    };
    const reveal = at(toGroup.seq);
    const plain = at(toVote.seq);
    const hidden = at(toDecide.seq);
    for (const event of [reveal, plain, hidden]) expect(event.type).toBe('change');
    const sizes = { snapshot: before, reveal: bytes(meetingId, reveal), plain: bytes(meetingId, plain) };
    console.log(`step change payload at ${joined.state.seq} events, bytes: ${JSON.stringify(sizes)}`);
    expect(before).toBeGreaterThan(300_000);
    expect(sizes.reveal).toBeLessThan(before / 50);
    expect(sizes.plain).toBeLessThan(before / 200);
    expect(bytes(meetingId, hidden)).toBeLessThan(before / 200);
    // The reveal carries exactly Anna's comments, now public, and nothing of Lea's or Bo's.
    expect(JSON.stringify(reveal)).toContain(ANNA_PRIVATE);
    if (reveal.type !== 'change') throw new Error('not a change');
    const revealed = Object.values(reveal.payload.patch.entries?.comments?.set ?? {});
    expect(revealed.map((c) => c.text.startsWith(ANNA_PRIVATE))).toEqual([true, true, true]);
    expect(revealed.every((c) => !c.private)).toBe(true);
    for (const event of b.events.filter((e) => e.seq >= hide.seq && e.seq <= toDecide.seq)) {
      expect(event.type).toBe('change');
      expect(JSON.stringify(event)).not.toContain(`u:${anna.id}`);
      expect(JSON.stringify(event)).not.toContain('"Anna"');
    }

    // A second socket of Bo's gets a fresh snapshot; his replica, given that socket's join, is the same.
    const fresh = client(bo.cookie, 'bo-fresh');
    await fresh.connected();
    const snapshot = ok(await fresh.join(meetingId));
    await b.until(snapshot.seq);
    for (const event of b.events.filter((e) => e.seq > toDecide.seq)) replica.receive(event);
    expect(replica.confirmed.seq).toBe(snapshot.seq);
    expect(normalise(replica.confirmed)).toEqual(normalise(snapshot.state));
  });

  /** JSON round trip: the replica's maps have no prototype, a received snapshot's do. */
  const normalise = (state: MeetingState | undefined): unknown => JSON.parse(JSON.stringify(state ?? null));
});
