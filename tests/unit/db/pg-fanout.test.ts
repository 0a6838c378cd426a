import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/db/kysely/store.ts';
import { createLiveStoreRepo } from '../../../server/live/store-repo.ts';
import {
  announceCommitted,
  createMeetingFanout,
  parseAnnouncement,
  type MeetingFanout,
} from '../../../server/realtime/pg-fanout.ts';
import { createPgListener, type PgListener } from '../../../server/realtime/pg-listen.ts';
import { hand, makeMeetingRow } from '../../helpers/live-store.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

/** Polls until `done()` holds, for at most about five seconds; the assertion after it says what was missing. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('announcements', () => {
  it('reads M:N and ignores anything else', () => {
    expect(parseAnnouncement('12:345')).toEqual({ meetingId: 12, seq: 345 });
    for (const bad of ['12', '12:', ':3', 'a:1', '1:2:3', undefined]) expect(parseAnnouncement(bad)).toBeNull();
  });
});

describe.skipIf(!postgresAvailable)(postgresSuite('NOTIFY fan-out of committed meeting events'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  let store: Store;
  let meeting: number;
  const fanouts: MeetingFanout[] = [];
  const listeners: PgListener[] = [];
  /** A listener (one "process") that records the ranges it is handed. */
  const listener = async (options: { checkEveryMs?: number } = {}) => {
    const ranges: [number, number, number][] = [];
    const connection = createPgListener({ connectionString: database.url, reconnectMs: 100 });
    listeners.push(connection);
    await connection.start();
    const fanout = createMeetingFanout({
      listener: connection,
      db: store.db,
      onRange: (meetingId, after, to) => ranges.push([meetingId, after, to]),
      checkEveryMs: options.checkEveryMs ?? 60_000,
    });
    fanouts.push(fanout);
    await fanout.start();
    return { fanout, ranges, connection };
  };
  /** The ranges of one meeting cover every seq from 1 to `to` exactly once, in order. */
  const covered = (ranges: [number, number, number][], meetingId: number): number[] =>
    ranges
      .filter(([m]) => m === meetingId)
      .flatMap(([, after, to]) => Array.from({ length: to - after }, (_, i) => after + i + 1));
  const seqs = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  beforeEach(async () => {
    database = await createScratchDatabase(serverUrl());
    store = await openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 3 });
    meeting = await makeMeetingRow(store, 'fanout');
  });
  afterEach(async () => {
    for (const fanout of fanouts.splice(0)) fanout.stop();
    for (const connection of listeners.splice(0)) await connection.stop();
    await store.close();
    await database.drop();
  });

  it('lets two listeners see the same commits, announced on commit only', async () => {
    const announcing = createLiveStoreRepo(store, { onAppended: announceCommitted });
    const one = await listener();
    const two = await listener();
    const other = await makeMeetingRow(store, 'not-watched');
    for (const { fanout } of [one, two]) fanout.watch(meeting, 0);
    for (let i = 0; i < 5; i++) await announcing.append(meeting, [hand(`n-${i}`)]);
    await announcing.append(other, [hand('elsewhere')]);
    // A rolled-back append announces nothing.
    await expect(
      announcing.withMeeting(meeting, async (log) => {
        await log.insert(hand('rolled-back'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await until(() => [one, two].every(({ fanout }) => fanout.lastSeq(meeting) === 5));
    for (const { ranges, fanout } of [one, two]) {
      expect(covered(ranges, meeting)).toEqual(seqs(5));
      expect(covered(ranges, other)).toEqual([]);
      expect(fanout.lastSeq(other)).toBeUndefined();
    }
  });

  it('reconnects a listener whose connection was killed and catches up on what it missed', async () => {
    const announcing = createLiveStoreRepo(store, { onAppended: announceCommitted });
    const { fanout, ranges, connection } = await listener();
    fanout.watch(meeting, 0);
    await announcing.append(meeting, [hand('before')]);
    await until(() => fanout.lastSeq(meeting) === 1);
    const pid = await connection.backendPid();
    expect(pid).toBeGreaterThan(0);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    // Committed while nobody listens: these announcements are lost.
    await announcing.append(meeting, [hand('gone-1')]);
    await announcing.append(meeting, [hand('gone-2')]);
    await until(() => connection.reconnects() > 0 && fanout.lastSeq(meeting) === 3);
    expect(connection.reconnects()).toBeGreaterThan(0);
    expect(await connection.backendPid()).not.toBe(pid);
    await announcing.append(meeting, [hand('after')]);
    await until(() => fanout.lastSeq(meeting) === 4);
    expect(covered(ranges, meeting)).toEqual(seqs(4));
  });

  it('catches a commit whose announcement it missed on the next one, or by the periodic check', async () => {
    const silent = createLiveStoreRepo(store);
    const announcing = createLiveStoreRepo(store, { onAppended: announceCommitted });
    const { fanout, ranges } = await listener();
    fanout.watch(meeting, 0);
    await silent.append(meeting, [hand('quiet-1')]);
    // The next announcement hands on the range from the last seq projected, the missed one included.
    await announcing.append(meeting, [hand('loud-1')]);
    await until(() => fanout.lastSeq(meeting) === 2);
    expect(ranges).toEqual([[meeting, 0, 2]]);
    // No announcement at all: the check of max(seq) finds it.
    await silent.append(meeting, [hand('quiet-2')]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fanout.lastSeq(meeting)).toBe(2);
    await fanout.check();
    expect(ranges).toEqual([
      [meeting, 0, 2],
      [meeting, 2, 3],
    ]);
    // And the timer runs that check by itself.
    const timed = await listener({ checkEveryMs: 50 });
    timed.fanout.watch(meeting, 3);
    await silent.append(meeting, [hand('quiet-3')]);
    await until(() => timed.fanout.lastSeq(meeting) === 4);
    expect(timed.ranges).toEqual([[meeting, 3, 4]]);
    // A meeting whose last viewer here left is no longer followed.
    fanout.unwatch(meeting);
    await announcing.append(meeting, [hand('loud-2')]);
    await until(() => timed.fanout.lastSeq(meeting) === 5);
    expect(fanout.lastSeq(meeting)).toBeUndefined();
    expect(ranges).toHaveLength(2);
  });
});
