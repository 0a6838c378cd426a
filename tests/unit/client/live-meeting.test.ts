import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyMeetingEvent,
  initialState,
  type Actor,
  type EventBody,
  type MeetingEvent,
  type MeetingState,
} from '../../../shared/meeting/index.ts';

// The error-message module reads the saved language and sets <html lang> when it is imported.
const saved = new Map([['kadence.lang', 'en']]);
vi.stubGlobal('localStorage', {
  getItem: (key: string) => saved.get(key) ?? null,
  setItem: (key: string, value: string) => saved.set(key, value),
});
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { LiveMeeting } = await import('../../../client/state/meeting.svelte.ts');
const { updateNotice } = await import('../../../client/state/update-notice.svelte.ts');

const lea: Actor = { key: 'u:1', name: 'Lea', role: 'lead' };
const anna: Actor = { key: 'u:2', name: 'Anna', role: 'member' };
const bo: Actor = { key: 'u:3', name: 'Bo', role: 'member' };
const card = (id: string, position: number) => ({
  id,
  quote: `quote ${id}`,
  title: null,
  metric: 'nps',
  score: 8,
  source: 's',
  receivedAt: '2026-01-01',
  language: 'da',
  position,
});

/** The server's log of meeting 1: events with consecutive seqs, and the state they fold to. */
class Log {
  state: MeetingState = initialState(1);
  add(actor: Actor, body: EventBody): MeetingEvent {
    const seq = this.state.seq + 1;
    const event = { ...body, seq, opId: `op-${seq}`, at: 1_000 * seq, actor } as MeetingEvent;
    this.state = applyMeetingEvent(this.state, event);
    return event;
  }
}

/** Seq 3: Lea has started the meeting (cards 10 and 11); Lea and Anna are present. */
function startedMeeting(): Log {
  const log = new Log();
  log.add(lea, {
    type: 'meeting.start',
    payload: { steps: [{ key: 'read', name: 'Read', minutes: 5 }], cards: [card('10', 0), card('11', 1)] },
  });
  log.add(lea, { type: 'presence.join', payload: {} });
  log.add(anna, { type: 'presence.join', payload: {} });
  return log;
}

interface Sent {
  event: string;
  payload: object;
  answer(ack: object): void;
  /** No answer in time: socket.io rejects the promise. */
  fail(): void;
}

/** An in-memory socket: it records what the client sends, and the test answers joins and commands by hand. */
class FakeSocket extends EventEmitter {
  sent: Sent[] = [];
  emitWithAck(event: string, payload: object): Promise<unknown> {
    // Clock measurements are answered at once: they are not what these tests are about.
    if (event === 'live:time') return Promise.resolve({ ok: true, serverNow: Date.now() });
    return new Promise((resolve, reject) =>
      this.sent.push({ event, payload, answer: resolve, fail: () => reject(new Error('operation has timed out')) }),
    );
  }
  timeout(): this {
    return this;
  }
  disconnect(): void {}
  all(event: string): Sent[] {
    return this.sent.filter((sent) => sent.event === event);
  }
  last(event: string): Sent {
    const found = this.all(event).at(-1);
    if (!found) throw new Error(`nothing was sent as ${event}`);
    return found;
  }
  /** What the server broadcasts to this socket. */
  broadcast(event: MeetingEvent): void {
    this.emit('live:event', { meetingId: 1, event });
  }
}

/** Lets every settled promise run on (all the fake's other answers are immediate). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** Anna's meeting page, connected to a fake socket; its first `live:join` is sent and awaits its answer. */
function open() {
  const socket = new FakeSocket();
  const meeting = new LiveMeeting(1);
  closers.push(meeting.connect(() => socket));
  socket.emit('connect');
  return { socket, meeting };
}

describe('LiveMeeting', () => {
  it('tells a page older than the server to reload, through the app-wide notice, when its socket is refused for its protocol', () => {
    const { socket, meeting } = open();
    socket.emit('connect_error', new Error('UNAUTHENTICATED'));
    expect(meeting.connection).toBe('offline');
    expect(meeting.error).toBe('');
    expect(updateNotice.shown).toBe(false);
    socket.emit('connect_error', new Error('PROTOCOL_OUTDATED'));
    expect(updateNotice.shown).toBe(true);
    updateNotice.shown = false;
  });

  it('folds an event that arrives between the join and its answer', async () => {
    const log = startedMeeting();
    const { socket, meeting } = open();
    const atJoin = log.state;
    // Committed just after the join on the server, so broadcast before the join's answer gets here.
    socket.broadcast(log.add(bo, { type: 'card.react', payload: { cardId: '10', reaction: 'heart', on: true } }));
    expect(meeting.view).toBeNull();

    socket.last('live:join').answer({ ok: true, seq: 3, state: atJoin, you: anna });
    await settle();
    // Before `early`, the event was dropped (there was no replica yet) and the view stayed at seq 3.
    expect(meeting.view?.seq).toBe(4);
    expect(meeting.view?.cards['10']?.reactions.heart).toEqual(['u:3']);
    expect(meeting.view).toEqual(log.state);
    expect(meeting.connection).toBe('online');
    expect(socket.all('live:join')).toHaveLength(1);
  });

  it('skips an event that arrived during the join but is already in the answer', async () => {
    const log = startedMeeting();
    const { socket, meeting } = open();
    const boJoins = log.add(bo, { type: 'presence.join', payload: {} });
    socket.broadcast(boJoins);
    const atAnswer = log.state; // the snapshot was taken after Bo's arrival: it has him already
    socket.broadcast(log.add(bo, { type: 'hand.set', payload: { raised: true } }));

    socket.last('live:join').answer({ ok: true, seq: 4, state: atAnswer, you: anna });
    await settle();
    // Folded twice, Bo's arrival would count two connections.
    expect(meeting.view?.participants['u:3']).toMatchObject({ connections: 1, hand: true });
    expect(meeting.view).toEqual(log.state);
    expect(socket.all('live:join')).toHaveLength(1);
  });

  it('joins again from its last seq when an event shows a gap', async () => {
    const log = startedMeeting();
    const { socket, meeting } = open();
    socket.last('live:join').answer({ ok: true, seq: 3, state: log.state, you: anna });
    await settle();

    const missed = log.add(bo, { type: 'presence.join', payload: {} });
    const flagged = log.add(bo, { type: 'card.flag', payload: { cardId: '11', on: true } });
    socket.broadcast(flagged); // seq 5 while the client is at 3: seq 4 never reached it
    expect(socket.all('live:join')).toHaveLength(2);
    expect(socket.last('live:join').payload).toEqual({ opId: expect.any(String), meetingId: 1, lastSeq: 3 });
    expect(meeting.view?.seq).toBe(3); // the event after the gap is not applied on its own

    socket.last('live:join').answer({ ok: true, seq: 5, events: [missed, flagged], you: anna });
    await settle();
    expect(meeting.view).toEqual(log.state);
    expect(meeting.view?.cards['11']?.flags).toEqual(['u:3']);
    expect(meeting.connection).toBe('online');
  });

  it('shows a command made offline at once, re-sends it with the same opId, and rolls it back when refused', async () => {
    const log = startedMeeting();
    const { socket, meeting } = open();
    socket.last('live:join').answer({ ok: true, seq: 3, state: log.state, you: anna });
    await settle();
    socket.emit('disconnect');
    expect(meeting.connection).toBe('offline');

    meeting.send({ type: 'card.react', cardId: '10', reaction: 'idea', on: true });
    expect(meeting.view?.cards['10']?.reactions.idea).toEqual(['u:2']);
    expect(meeting.queued).toBe(1);
    expect(socket.all('live:command')).toHaveLength(0);

    /** The socket reconnects; the server has nothing new since seq 3. */
    const reconnect = async (): Promise<Sent> => {
      socket.emit('connect');
      expect(socket.last('live:join').payload).toMatchObject({ lastSeq: 3 });
      socket.last('live:join').answer({ ok: true, seq: 3, events: [], you: anna });
      await settle();
      return socket.last('live:command');
    };
    const first = await reconnect();
    expect(first.payload).toEqual({
      opId: expect.any(String),
      meetingId: 1,
      command: { type: 'card.react', cardId: '10', reaction: 'idea', on: true },
    });
    first.fail();
    await settle();
    expect(meeting.queued).toBe(1); // no answer: still pending, still shown
    expect(meeting.view?.cards['10']?.reactions.idea).toEqual(['u:2']);

    socket.emit('disconnect');
    const second = await reconnect();
    expect(socket.all('live:command')).toHaveLength(2);
    expect(second.payload).toEqual(first.payload); // same opId, so the server can tell a retry

    second.answer({ ok: false, error: { code: 'FORBIDDEN', message: 'Reactions are closed' } });
    await settle();
    expect(meeting.view?.cards['10']?.reactions.idea).toBeUndefined();
    expect(meeting.view).toEqual(log.state);
    expect(meeting.queued).toBe(0);
    expect(meeting.error).toBe('Reactions are closed');
  });
});

describe('LiveMeeting and the server’s limits and access changes', () => {
  afterEach(() => vi.useRealTimers());

  /** Anna, joined at seq 3, then offline. */
  async function offline() {
    const log = startedMeeting();
    const opened = open();
    opened.socket.last('live:join').answer({ ok: true, seq: 3, state: log.state, you: anna });
    await settle();
    opened.socket.emit('disconnect');
    return { ...opened, log };
  }

  it('paces a long offline queue and sends again what the server found too many, instead of rolling it back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { socket, meeting } = await offline();
    for (let i = 0; i < 120; i++) meeting.send({ type: 'ready.set', ready: i % 2 === 0 });
    expect(meeting.queued).toBe(120);
    socket.emit('connect');
    socket.last('live:join').answer({ ok: true, seq: 3, events: [], you: anna });
    await settle();
    const first = socket.all('live:command');
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(60); // not the whole queue in one go
    first[0]?.answer({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many commands; slow down' } });
    await settle();
    expect(meeting.queued).toBe(120); // too early is not refused
    expect(meeting.error).toBe('');
    for (let i = 0; i < 200 && socket.all('live:command').length < 121; i++) {
      await vi.advanceTimersByTimeAsync(100);
      await settle();
    }
    const sent = socket.all('live:command');
    expect(new Set(sent.map((s) => (s.payload as { opId: string }).opId)).size).toBe(120);
    // The one the server found too many went again with its opId.
    expect(
      sent.filter((s) => (s.payload as { opId: string }).opId === (first[0]?.payload as { opId: string }).opId),
    ).toHaveLength(2);
  });

  it('refuses a command too large for the server before sending it, with a message to show', async () => {
    const log = startedMeeting();
    const { socket, meeting } = open();
    socket.last('live:join').answer({ ok: true, seq: 3, state: log.state, you: anna });
    await settle();
    meeting.send({ type: 'comment.add', cardId: '10', text: 'ø'.repeat(40_000) });
    await settle();
    expect(socket.all('live:command')).toHaveLength(0);
    expect(meeting.queued).toBe(0);
    expect(meeting.error).toMatch(/at most 64 KB/);
  });

  it('joins again when the role changed, and stops with the reason when access is gone', async () => {
    const log = startedMeeting();
    const { socket, meeting } = open();
    socket.last('live:join').answer({ ok: true, seq: 3, state: log.state, you: { ...anna, role: 'facilitator' } });
    await settle();
    socket.emit('live:access', {
      meetingId: 1,
      rejoin: true,
      error: { code: 'FORBIDDEN', message: 'Your role in the team changed; joining again' },
    });
    expect(socket.all('live:join')).toHaveLength(2);
    socket.last('live:join').answer({ ok: true, seq: 3, events: [], you: anna });
    await settle();
    expect(meeting.you?.role).toBe('member');
    expect(meeting.error).toBe('');
    socket.emit('live:access', {
      meetingId: 1,
      rejoin: false,
      error: { code: 'FORBIDDEN', message: 'You are no longer a member of this team' },
    });
    expect(meeting.connection).toBe('offline');
    expect(meeting.error).toBe('You are no longer a member of this team');
  });
});
