import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMeetingEvent, type MeetingEvent, type MeetingState } from '../../shared/meeting/index.ts';
import { startKadence } from '../helpers/browser.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

/** Presence is public by design (who is here, raised hands); everything else must not name Anna. */
const PRESENCE = new Set(['presence.join', 'presence.leave', 'presence.reset', 'ready.set', 'hand.set']);
function withoutPresence(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload), (key, value: unknown) =>
    key === 'participants' || key === 'attendance' ? null : value,
  );
}

describe('hidden authors are hidden in every payload', () => {
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

  beforeAll(async () => {
    kadence = await startKadence();
    await kadence.app.services.teams.create({ name: 'Support', slug: 'support' });
    lea = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    anna = await makeMember(kadence.app, 'support', 'anna@example.dk', 'Anna', 'member');
    bo = await makeMember(kadence.app, 'support', 'bo@example.dk', 'Bo', 'member');
    meetingId = await makeMeeting(kadence.app, 'support', [
      { comment: 'Long queue on the phone', score: 3 },
      { comment: 'Friendly help', score: 9 },
    ]);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await kadence.stop();
  });

  it('never tells others who commented, reacted, flagged, grouped or voted, but shows each person their own marks', async () => {
    const l = client(lea.cookie, 'lea');
    const a = client(anna.cookie, 'anna');
    const b = client(bo.cookie, 'bo');
    for (const c of [l, a, b]) expect(await c.connected()).toBe('connected');
    for (const c of [l, a, b]) ok(await c.join(meetingId));
    const started = ok(await l.send(meetingId, { type: 'meeting.start' }));
    const startEvent = await eventAt(l, started.seq);
    if (startEvent.type !== 'snapshot') throw new Error('no snapshot after start');
    const cardId = Object.keys(startEvent.payload.state.cards)[0] as string;
    ok(await l.send(meetingId, { type: 'authors.show', shown: false }));
    ok(await l.send(meetingId, { type: 'step.go', index: 1 }));

    ok(await a.send(meetingId, { type: 'comment.add', cardId, text: 'private first thought' }));
    ok(await l.send(meetingId, { type: 'comments.reveal' }));
    ok(await a.send(meetingId, { type: 'card.react', cardId, reaction: 'wow', on: true }));
    ok(await b.send(meetingId, { type: 'card.react', cardId, reaction: 'wow', on: true }));
    ok(await a.send(meetingId, { type: 'card.flag', cardId, on: true }));
    // A repeated "on" changes nothing and must not count twice for anyone.
    ok(await a.send(meetingId, { type: 'card.flag', cardId, on: true }));
    ok(await l.send(meetingId, { type: 'step.go', index: 2 }));
    ok(await a.send(meetingId, { type: 'comment.add', cardId, text: 'callbacks would help' }));
    const theme = ok(await a.send(meetingId, { type: 'theme.create', name: 'Waiting' }));
    const themeEvent = await eventAt(b, theme.seq);
    const themeId = themeEvent.type === 'theme.create' ? themeEvent.payload.themeId : 0;
    ok(await a.send(meetingId, { type: 'item.move', item: { kind: 'card', id: cardId }, themeId }));
    ok(await l.send(meetingId, { type: 'step.go', index: 3 }));
    ok(await a.send(meetingId, { type: 'vote.cast', themeId, delta: 1 }));
    ok(await a.send(meetingId, { type: 'vote.cast', themeId, delta: 1 }));
    ok(await b.send(meetingId, { type: 'vote.cast', themeId, delta: 1 }));
    const decide = ok(await l.send(meetingId, { type: 'step.go', index: 4 }));
    for (const c of [l, a, b]) await c.until(decide.seq);

    const annaKey = `u:${anna.id}`;
    for (const other of [l, b]) {
      const text = JSON.stringify(withoutPresence(other.events.filter((e) => !PRESENCE.has(e.type))));
      expect(text).not.toContain(annaKey);
      expect(text).not.toContain('"Anna"');
    }
    // Bo still gets the numbers: two WOWs (his own marked as his), one flag, three dots.
    const boState = await joinedStateOf(b, 'bo');
    const card = boState.cards[cardId];
    expect(card?.reactions.wow).toHaveLength(2);
    expect(card?.reactions.wow).toContain(`u:${bo.id}`);
    expect(card?.flags).toHaveLength(1);
    expect(card?.flags).not.toContain(`u:${bo.id}`);
    expect(
      Object.values(boState.votes)
        .flatMap((byTheme) => Object.values(byTheme))
        .reduce((s, n) => s + n, 0),
    ).toBe(3);
    expect(Object.keys(boState.votes)).not.toContain(annaKey);
    // Bo's own stream folds to the same counts as his fresh snapshot.
    const streamed = bEvents(b);
    expect(streamed.cards[cardId]?.reactions.wow).toHaveLength(2);
    expect(streamed.cards[cardId]?.flags).toHaveLength(1);
    // Anna sees her own marks as hers.
    const annaState = await joinedStateOf(a, 'anna');
    expect(annaState.cards[cardId]?.reactions.wow).toContain(annaKey);
    expect(annaState.cards[cardId]?.flags).toEqual([annaKey]);
    expect(annaState.votes[annaKey]).toEqual({ [themeId]: 2 });
    expect(Object.values(annaState.comments).every((c) => c.author === annaKey)).toBe(true);

    // A reconnecting Bo, whether caught up or given a snapshot, learns nothing more.
    const back = client(bo.cookie, 'bo-back');
    await back.connected();
    const resumed = ok(await back.join(meetingId, 3));
    expect(JSON.stringify(withoutPresence(resumed))).not.toContain(annaKey);

    const ended = ok(await l.send(meetingId, { type: 'meeting.end' }));
    await b.until(ended.seq);
    const endEvent = await eventAt(b, ended.seq);
    expect(JSON.stringify(withoutPresence(endEvent))).not.toContain(annaKey);
    const summary = await kadence.app.inject({
      url: `/api/teams/support/meetings/${meetingId}/summary`,
      headers: { cookie: bo.cookie },
    });
    expect(summary.statusCode).toBe(200);
    expect(JSON.stringify(withoutPresence(summary.json()))).not.toContain(annaKey);
    expect(summary.json()).toMatchObject({ summary: { themes: [{ name: 'Waiting', votes: 3 }] } });

    /** Bo's state folded from the snapshot he got at the start plus everything after. */
    function bEvents(c: LiveClient): MeetingState {
      const start = c.events.find((e) => e.type === 'snapshot');
      if (start?.type !== 'snapshot') throw new Error('no snapshot');
      return fold(
        start.payload.state,
        c.events.filter((e) => e.seq > start.payload.state.seq),
      );
    }
  });

  function fold(state: MeetingState, events: MeetingEvent[]): MeetingState {
    return events.reduce((s, e) => (e.seq > s.seq || e.type === 'snapshot' ? applyMeetingEvent(s, e) : s), state);
  }
  async function eventAt(c: LiveClient, seq: number): Promise<MeetingEvent> {
    await c.until(seq);
    const event = c.events.find((e) => e.seq === seq);
    if (!event) throw new Error(`no event ${seq}`);
    return event;
  }
  async function joinedState(c: LiveClient): Promise<MeetingState> {
    const ack = await c.join(meetingId);
    if (!ack.ok || !ack.state) throw new Error('no state');
    return ack.state;
  }
  /** A second socket of the same person, for a fresh projected snapshot. */
  async function joinedStateOf(c: LiveClient, who: string): Promise<MeetingState> {
    const cookie = who === 'bo' ? bo.cookie : anna.cookie;
    const fresh = client(cookie, `${who}-fresh-${c.events.length}`);
    await fresh.connected();
    return joinedState(fresh);
  }
});
