import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/db/kysely/store.ts';
import { createLiveStoreRepo, type LiveStoreRepo } from '../../../server/live/store-repo.ts';
import type { Actor } from '../../../shared/meeting/index.ts';
import { anna, hand, makeMeetingRow } from '../../helpers/live-store.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

function logCases(open: () => Promise<{ store: Store; done: () => Promise<void> }>) {
  let store: Store;
  let repo: LiveStoreRepo;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ store, done } = await open());
    repo = createLiveStoreRepo(store);
  });
  afterAll(async () => done?.());

  it('appends in order, reads after a seq, and returns the stored event', async () => {
    const meeting = await makeMeetingRow(store, 'order');
    const [first] = await repo.append(meeting, [hand('a-1')]);
    expect(first).toMatchObject({ duplicate: false, event: { seq: 1, opId: 'a-1', type: 'hand.set', actor: anna } });
    const more = await repo.append(meeting, [hand('a-2', false), hand('a-3')]);
    expect(more.map((r) => r.event.seq)).toEqual([2, 3]);
    expect(await repo.maxSeq(meeting)).toBe(3);
    const after = await repo.eventsAfter(meeting, 1);
    expect(after.map((e) => [e.seq, e.opId])).toEqual([
      [2, 'a-2'],
      [3, 'a-3'],
    ]);
    expect(after[0]).toEqual(more[0]?.event);
    expect(await repo.eventsAfter(meeting, 1, 1)).toHaveLength(1);
    expect(await repo.eventsAfter(meeting, 3)).toEqual([]);
  });

  it('recognises a seen opId in its scope and returns the original seq, writing nothing', async () => {
    const meeting = await makeMeetingRow(store, 'dupes');
    await repo.append(meeting, [hand('x-1'), hand('x-2')]);
    const [again] = await repo.append(meeting, [hand('x-1', false)]);
    expect(again).toMatchObject({ duplicate: true, storedHash: 'hash-x-1-true', event: { seq: 1, opId: 'x-1' } });
    // The same opId from someone else is theirs, not a retry.
    const bo: Actor = { key: 'u:3', name: 'Bo', role: 'member' };
    const [theirs] = await repo.append(meeting, [hand('x-1', true, bo)]);
    expect(theirs).toMatchObject({ duplicate: false, event: { seq: 3 } });
    // A retry inside one group commit is recognised too.
    const batch = await repo.append(meeting, [hand('x-3'), hand('x-3')]);
    expect(batch.map((r) => [r.event.seq, r.duplicate])).toEqual([
      [4, false],
      [4, true],
    ]);
    expect(await repo.maxSeq(meeting)).toBe(4);
  });

  it('gives many concurrent appends of one store one gapless order', async () => {
    const meeting = await makeMeetingRow(store, 'burst');
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => repo.append(meeting, [hand(`b-${i}`)])));
    const seqs = results.map(([r]) => r?.event.seq ?? 0).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('refuses a second event at a seq already taken (the primary key behind the lock)', async () => {
    const meeting = await makeMeetingRow(store, 'pk');
    await repo.append(meeting, [hand('p-1')]);
    const row = {
      meeting_id: meeting,
      seq: 1,
      op_scope: 'u:9',
      op_id: 'p-2',
      body_hash: null,
      actor: '{}',
      type: 'hand.set',
      payload: '{}',
      at: 0,
    };
    await expect(store.db.insertInto('meeting_events').values(row).execute()).rejects.toThrow();
  });

  it('writes nothing when the transaction fails after an insert', async () => {
    const meeting = await makeMeetingRow(store, 'rollback');
    await expect(
      repo.withMeeting(meeting, async (log) => {
        await log.insert(hand('r-1'));
        throw new Error('refused after the insert');
      }),
    ).rejects.toThrow('refused after the insert');
    expect(await repo.maxSeq(meeting)).toBe(0);
  });

  it('writes a batch together, and forgets what a rolled-back savepoint appended, so the order stays gapless', async () => {
    const meeting = await makeMeetingRow(store, 'savepoint');
    await repo.append(meeting, [hand('s-0')]);
    await repo.withMeeting(meeting, async (log, trx) => {
      await log.prefetchOps([
        { scope: anna.key, opId: 's-0' },
        { scope: anna.key, opId: 's-1' },
        { scope: anna.key, opId: 's-2' },
      ]);
      // Looked up ahead: the seen one is known, the new ones need no query.
      expect(await log.op(anna.key, 's-0')).toMatchObject({ seq: 1 });
      expect(await log.op(anna.key, 's-1')).toBeUndefined();
      expect((await log.insert(hand('s-1'))).event.seq).toBe(2);
      // Held until flushed; the log's last seq counts it already.
      expect(await log.maxSeq()).toBe(2);
      await log.flush();
      const mark = log.mark();
      await sql`SAVEPOINT kept`.execute(trx);
      expect((await log.insert(hand('s-2'))).event.seq).toBe(3);
      await log.flush();
      await sql`ROLLBACK TO SAVEPOINT kept`.execute(trx);
      log.restore(mark);
      expect(await log.op(anna.key, 's-2')).toBeUndefined();
      expect((await log.insert(hand('s-3'))).event.seq).toBe(3);
      // A retry in the same transaction finds the held event, not the rolled-back one.
      expect(await log.insert(hand('s-3'))).toMatchObject({ duplicate: true, event: { seq: 3 } });
      const mine = log.mark();
      expect((await log.insert(hand('s-4'))).event.seq).toBe(4);
      log.restore(mine);
    });
    const events = await repo.eventsAfter(meeting, 0);
    expect(events.map((e) => [e.seq, e.opId])).toEqual([
      [1, 's-0'],
      [2, 's-1'],
      [3, 's-3'],
    ]);
  });
}

describe('live event log: the Kysely store on SQLite', () => {
  logCases(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadence-live-store-'));
    const store = await openStore({ dataDir: dir });
    return {
      store,
      done: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

describe.skipIf(!postgresAvailable)(postgresSuite('live event log: the Kysely store'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  logCases(async () => {
    database = await createScratchDatabase(serverUrl());
    const store = await openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 4 });
    return {
      store,
      done: async () => {
        await store.close();
        await database.drop();
      },
    };
  });

  it('gives two processes (two pools) appending to one meeting at once one gapless order', async () => {
    const scratch = await createScratchDatabase(serverUrl());
    const one = await openStore({ databaseUrl: scratch.url, dataDir: 'unused', poolSize: 4 });
    const two = await openStore({ databaseUrl: scratch.url, dataDir: 'unused', poolSize: 4 });
    try {
      const meeting = await makeMeetingRow(one, 'two-processes');
      const repos = [createLiveStoreRepo(one), createLiveStoreRepo(two)];
      const PER = 100;
      // Interleaved: each pool keeps four appends in flight at once, with retries of earlier opIds mixed in.
      const appended = await Promise.all(
        Array.from({ length: 2 * PER }, (_, i) => {
          const repo = repos[i % 2] as LiveStoreRepo;
          return repo.append(meeting, [hand(`p${i % 2}-${Math.floor(i / 2)}`)]);
        }),
      );
      const retries = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (repos[(i + 1) % 2] as LiveStoreRepo).append(meeting, [hand(`p0-${i}`)])),
      );
      const log = await repos[0]?.eventsAfter(meeting, 0);
      expect(log?.map((e) => e.seq)).toEqual(Array.from({ length: 2 * PER }, (_, i) => i + 1));
      expect(new Set(log?.map((e) => e.opId)).size).toBe(2 * PER);
      // Each append was told the seq the log holds for it; a retry through the other pool the original one.
      const seqOf = new Map(log?.map((e) => [e.opId, e.seq]));
      for (const [r] of appended) expect(r?.event.seq).toBe(seqOf.get(r?.event.opId ?? ''));
      for (const [r] of retries) {
        expect(r?.duplicate).toBe(true);
        expect(r?.event.seq).toBe(seqOf.get(r?.event.opId ?? ''));
      }
    } finally {
      await one.close();
      await two.close();
      await scratch.drop();
    }
  });
});
