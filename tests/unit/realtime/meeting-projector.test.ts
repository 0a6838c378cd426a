import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/db/kysely/store.ts';
import { createLiveEngine, type Applied, type LiveEngine } from '../../../server/live/engine.ts';
import { createMeetingProjector, type MeetingProjector } from '../../../server/realtime/meeting-projector.ts';
import { announceCommitted, createMeetingFanout, type MeetingFanout } from '../../../server/realtime/pg-fanout.ts';
import { createPgListener, type PgListener } from '../../../server/realtime/pg-listen.ts';
import { defaultAgenda } from '../../../shared/agenda.ts';
import {
  VISIBILITY_EVENTS,
  projectChange,
  projectForOthers,
  type Actor,
  type MeetingEvent,
} from '../../../shared/meeting/index.ts';
import { makeMeetingRow } from '../../helpers/live-store.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

const lea: Actor = { key: 'u:1', name: 'Lea', role: 'lead' };
const anna: Actor = { key: 'u:2', name: 'Anna', role: 'member' };
const bo: Actor = { key: 'u:3', name: 'Bo', role: 'member' };
const SECRET = 'Only Anna may read this before the reveal';

/** Polls until `done()` holds, for at most about five seconds; the assertion after it says what was missing. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** What a viewer's socket receives, by the rules of the live socket's broadcast (server/live/socket.ts). */
function asSeenBy(applied: Applied, viewer: string): MeetingEvent {
  const { event, before, state } = applied;
  if (VISIBILITY_EVENTS.has(event.type)) return projectChange(event, before, state, viewer);
  return event.actor.key === viewer ? event : projectForOthers(event, state);
}

/** One Kadence process: its own pool, engine, NOTIFY listener and projector, and viewers (fake sockets). */
interface Process {
  store: Store;
  engine: LiveEngine;
  fanout: MeetingFanout;
  listener: PgListener;
  projector: MeetingProjector;
  /** socket id → the viewer's key and every event the socket received. */
  viewers: Map<string, { key: string; received: MeetingEvent[] }>;
  /** A command as the live socket sends it: through the engine, then published to this process's viewers. */
  command: (actor: Actor, opId: string, command: Parameters<LiveEngine['command']>[3]) => Promise<Applied>;
}

describe.skipIf(!postgresAvailable)(postgresSuite('meeting events across two processes'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  let meeting: number;
  const processes: Process[] = [];

  async function startProcess(): Promise<Process> {
    const store = await openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 4 });
    const engine = createLiveEngine({
      store,
      decideAction: () => Promise.reject(new Error('no actions here')),
      onAppended: announceCommitted,
    });
    const viewers = new Map<string, { key: string; received: MeetingEvent[] }>();
    let onRange: (meetingId: number, after: number, to: number) => void = () => undefined;
    const listener = createPgListener({ connectionString: database.url, reconnectMs: 100 });
    await listener.start();
    const fanout = createMeetingFanout({
      listener,
      db: store.db,
      onRange: (meetingId, after, to) => onRange(meetingId, after, to),
      checkEveryMs: 60_000,
    });
    await fanout.start();
    const projector = createMeetingProjector({
      reads: engine,
      follow: fanout,
      emit: (meetingId, applied, except) => {
        expect(meetingId).toBe(meeting);
        for (const [id, viewer] of viewers) if (id !== except) viewer.received.push(asSeenBy(applied, viewer.key));
      },
      onError: (error) => {
        throw error;
      },
    });
    onRange = projector.onRange;
    const process: Process = {
      store,
      engine,
      fanout,
      listener,
      projector,
      viewers,
      command: async (actor, opId, command) => {
        const applied = await engine.command(meeting, actor, opId, command);
        if (!applied.duplicate) projector.publish(meeting, applied);
        return applied;
      },
    };
    processes.push(process);
    return process;
  }

  /** A socket of `actor` joins through `process`: watched there, its join published to the others. */
  async function join(process: Process, socketId: string, actor: Actor): Promise<void> {
    process.viewers.set(socketId, { key: actor.key, received: [] });
    process.projector.watch(meeting);
    const applied = await process.engine.presence(meeting, actor, `join-${socketId}`, 'presence.join');
    process.projector.publish(meeting, applied, socketId);
  }

  const seqsOf = (events: MeetingEvent[]) => events.map((event) => event.seq);
  /**
   * What a socket received after its own join, checked to hold each seq at most once and in order. The
   * join itself is told by its ack; it and the events before it may reach the socket too while it joins
   * (the announcement can overtake the commit's return), which the client drops as stale.
   */
  const afterJoin = (events: MeetingEvent[], joinedAt: number): MeetingEvent[] => {
    const seqs = seqsOf(events);
    expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y));
    return events.filter((event) => event.seq > joinedAt);
  };
  const upTo = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  beforeEach(async () => {
    database = await createScratchDatabase(serverUrl());
    const setup = await openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 1 });
    try {
      meeting = await makeMeetingRow(setup, 'two-processes');
      const row = await setup.db
        .selectFrom('meetings')
        .select('team_id')
        .where('id', '=', meeting)
        .executeTakeFirstOrThrow();
      await setup.db
        .updateTable('meetings')
        .set({ agenda: JSON.stringify(defaultAgenda('en')) })
        .where('id', '=', meeting)
        .execute();
      const card = await setup.db
        .insertInto('feedback')
        .values({
          team_id: row.team_id,
          source: 'survey',
          dedupe_key: 'card-1',
          received_at: '2026-11-27T10:00:00.000Z',
          metric: 'nps',
          score: 3,
          comment: 'Pakken kom for sent',
          language: 'da',
          original: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await setup.db
        .insertInto('meeting_cards')
        .values({ meeting_id: meeting, feedback_id: card.id, position: 0, picked_by: 'lead' })
        .execute();
    } finally {
      await setup.close();
    }
  });
  afterEach(async () => {
    for (const process of processes.splice(0)) {
      await process.engine.settle();
      await process.projector.settle();
      process.fanout.stop();
      await process.listener.stop();
      await process.store.close();
    }
    await database.drop();
  });

  it("gives a viewer on B an event appended through A, as B's viewer may see it", async () => {
    const a = await startProcess();
    const b = await startProcess();
    await join(a, 'anna-1', anna);
    await join(b, 'lea-1', lea);
    await join(b, 'bo-1', bo);
    await b.command(lea, 'start', { type: 'meeting.start' });
    const read = defaultAgenda('en').findIndex((step) => step.key === 'read');
    await b.command(lea, 'to-read', { type: 'step.go', index: read });
    const state = await b.engine.state(meeting);
    const cardId = Object.keys(state.cards)[0] ?? '';
    const written = await a.command(anna, 'note', { type: 'comment.add', cardId, text: SECRET });
    const last = written.event.seq;
    await until(() => [...a.viewers.values(), ...b.viewers.values()].every((v) => v.received.at(-1)?.seq === last));

    // Anna (on A) reads her own private note as she wrote it.
    const annaGot = a.viewers.get('anna-1')?.received ?? [];
    expect(annaGot.at(-1)).toMatchObject({ seq: last, type: 'comment.add', payload: { text: SECRET } });
    // Lea and Bo (on B) learn how much Anna has written, never what.
    for (const id of ['lea-1', 'bo-1']) {
      const got = b.viewers.get(id)?.received ?? [];
      expect(got.at(-1)).toMatchObject({ seq: last, type: 'hidden', payload: { writing: { 'u:2': 1 } } });
      expect(JSON.stringify(got)).not.toContain(SECRET);
    }
    // Every seq after a viewer's own join exactly once, in order, on both processes.
    const joinedAt = { 'anna-1': 1, 'lea-1': 2, 'bo-1': 3 } as const;
    for (const process of [a, b])
      for (const [id, viewer] of process.viewers) {
        const from = joinedAt[id as keyof typeof joinedAt];
        expect(seqsOf(afterJoin(viewer.received, from))).toEqual(upTo(from + 1, last));
      }
    // The step change reached B's viewers from B itself and A's from the announcement, each as a change.
    expect(annaGot.find((event) => event.seq === 5)).toMatchObject({ type: 'change' });
  });

  it('keeps one order on both processes when both write the same meeting at once', async () => {
    const a = await startProcess();
    const b = await startProcess();
    await a.command(lea, 'start', { type: 'meeting.start' });
    await join(a, 'anna-1', anna);
    await join(b, 'bo-1', bo);
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? a.command(anna, `a-${i}`, { type: 'hand.set', raised: i % 4 === 0 })
          : b.command(bo, `b-${i}`, { type: 'hand.set', raised: i % 4 === 1 }),
      ),
    );
    const last = Math.max(...sent.map((applied) => applied.event.seq));
    expect(last).toBe(43);
    await until(() => [a, b].every((process) => process.projector.emittedSeq(meeting) === last));
    const logged = await a.engine.eventsAfter(meeting, 0, 100);
    for (const [process, id, joinedAt] of [
      [a, 'anna-1', 2],
      [b, 'bo-1', 3],
    ] as const) {
      const received = afterJoin(process.viewers.get(id)?.received ?? [], joinedAt);
      expect(seqsOf(received)).toEqual(upTo(joinedAt + 1, last));
      // The same events, in the log's order (hands are public: everyone sees them as they are).
      expect(received.map((event) => event.opId)).toEqual(logged.slice(joinedAt).map((event) => event.opId));
    }
    // B's engine folded the same state A's did.
    expect(await b.engine.state(meeting)).toEqual(await a.engine.state(meeting));
  });

  it('stops projecting a meeting whose last viewer left, and starts again from the log when one comes back', async () => {
    const a = await startProcess();
    const b = await startProcess();
    await a.command(lea, 'start', { type: 'meeting.start' });
    await join(a, 'anna-1', anna);
    await join(b, 'bo-1', bo);
    b.projector.unwatch(meeting);
    b.viewers.clear();
    for (let i = 0; i < 3; i++) await a.command(anna, `away-${i}`, { type: 'hand.set', raised: i % 2 === 0 });
    await until(() => a.projector.emittedSeq(meeting) === 6);
    expect(b.projector.emittedSeq(meeting)).toBeUndefined();
    expect(b.fanout.lastSeq(meeting)).toBeUndefined();
    await join(b, 'bo-2', bo);
    await a.command(anna, 'back', { type: 'hand.set', raised: true });
    await until(() => b.projector.emittedSeq(meeting) === 8);
    // Bo's second socket was told seq 7 (its join) by its ack; seq 8 comes once, after it.
    expect(seqsOf(afterJoin(b.viewers.get('bo-2')?.received ?? [], 7))).toEqual([8]);
  });
});
