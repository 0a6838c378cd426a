import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/db/kysely/store.ts';
import { backoff, createJobQueue, type Job } from '../../../server/jobs/queue.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

const T0 = Date.parse('2026-12-02T08:00:00.000Z');

describe('job queue backoff', () => {
  it('doubles from the first pause up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoff(n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});

function queueCases(open: () => Promise<{ store: Store; done: () => Promise<void> }>) {
  let store: Store;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ store, done } = await open());
  });
  afterAll(async () => done?.());
  /** A queue on a clock the test moves; each case uses a kind of its own so the cases stay apart. */
  const queueAt = (clock: { now: number }) =>
    createJobQueue(store, { leaseMs: 30_000, backoffMs: 1_000, maxBackoffMs: 10_000, now: () => clock.now });

  it('hands a due job to one claim only, and not before it is due', async () => {
    const clock = { now: T0 };
    const queue = queueAt(clock);
    const id = await queue.enqueue('once', { to: 'https://example.dk/hook' });
    const later = await queue.enqueue('once', { n: 2 }, { runAfter: T0 + 60_000 });
    const [claimed] = await queue.claim('w1', ['once'], 5);
    expect(claimed).toMatchObject({
      id,
      state: 'running',
      attempts: 1,
      locked_by: 'w1',
      payload: '{"to":"https://example.dk/hook"}',
    });
    expect(await queue.claim('w2', ['once'], 5)).toEqual([]);
    expect(await queue.complete({ id: id ?? 0 }, 'w1')).toBe(true);
    expect(await queue.byId(id ?? 0)).toMatchObject({ state: 'done', lease_until: null });
    clock.now = T0 + 60_000;
    expect((await queue.claim('w2', ['once'], 5)).map((j) => j.id)).toEqual([later]);
    // A job of another kind is not this worker's.
    await queue.enqueue('other', {});
    expect(await queue.claim('w3', ['once'], 5)).toEqual([]);
  });

  it('adds a job with a dedupe key once', async () => {
    const queue = queueAt({ now: T0 });
    const first = await queue.enqueue('dedupe', {}, { dedupeKey: 'digest:team-1:2026-12' });
    expect(first).toBeGreaterThan(0);
    expect(await queue.enqueue('dedupe', {}, { dedupeKey: 'digest:team-1:2026-12' })).toBeUndefined();
    expect(await queue.claim('w', ['dedupe'], 5)).toHaveLength(1);
  });

  it('retries a failed job after a growing pause and gives up after max attempts', async () => {
    const clock = { now: T0 };
    const queue = queueAt(clock);
    const id = (await queue.enqueue('flaky', {}, { maxAttempts: 3 })) ?? 0;
    const failing = { flaky: async () => Promise.reject(new Error('503 from the receiver')) };
    expect(await queue.work('w', failing)).toBe(1);
    expect(await queue.byId(id)).toMatchObject({ state: 'ready', attempts: 1, last_error: '503 from the receiver' });
    expect(await queue.work('w', failing)).toBe(0);
    clock.now += 1_000;
    expect(await queue.work('w', failing)).toBe(1);
    clock.now += 1_999;
    expect(await queue.work('w', failing)).toBe(0);
    clock.now += 1;
    expect(await queue.work('w', failing)).toBe(1);
    expect(await queue.byId(id)).toMatchObject({ state: 'dead', attempts: 3 });
    clock.now += 60_000;
    expect(await queue.work('w', failing)).toBe(0);
  });

  it('lets another worker take the job of a worker that died mid-job, once its lease ran out', async () => {
    const clock = { now: T0 };
    const queue = queueAt(clock);
    const id = (await queue.enqueue('lease', {}, { maxAttempts: 2 })) ?? 0;
    const [first] = await queue.claim('dies', ['lease']);
    expect(first?.id).toBe(id);
    clock.now += 29_999;
    expect(await queue.claim('other', ['lease'])).toEqual([]);
    clock.now += 2;
    const [taken] = await queue.claim('other', ['lease']);
    expect(taken).toMatchObject({ id, attempts: 2, locked_by: 'other' });
    // The first worker, back from the dead, can no longer mark it done or failed.
    expect(await queue.complete({ id }, 'dies')).toBe(false);
    expect(await queue.fail({ id }, 'dies', 'late')).toBe(false);
    // The second dies too: that was the last attempt, so the job is dead rather than due again.
    clock.now += 30_001;
    expect(await queue.claim('third', ['lease'])).toEqual([]);
    expect(await queue.byId(id)).toMatchObject({ state: 'dead', last_error: 'the lease of its last attempt ran out' });
  });
}

describe('job queue: the Kysely store on SQLite', () => {
  queueCases(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadence-jobs-'));
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

describe.skipIf(!postgresAvailable)(postgresSuite('job queue: the Kysely store'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  queueCases(async () => {
    database = await createScratchDatabase(serverUrl());
    const store = await openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 3 });
    return {
      store,
      done: async () => {
        await store.close();
        await database.drop();
      },
    };
  });

  it('delivers each of 200 jobs exactly once to two workers on two pools', async () => {
    const scratch = await createScratchDatabase(serverUrl());
    const one = await openStore({ databaseUrl: scratch.url, dataDir: 'unused', poolSize: 3 });
    const two = await openStore({ databaseUrl: scratch.url, dataDir: 'unused', poolSize: 3 });
    try {
      const queues = [createJobQueue(one), createJobQueue(two)];
      for (let i = 0; i < 200; i++) await queues[0]?.enqueue('deliver', { i });
      const delivered: { worker: string; id: number }[] = [];
      const worker = async (name: string, index: number) => {
        const queue = queues[index % 2];
        if (!queue) return;
        const handlers = {
          deliver: async (job: Job) => {
            delivered.push({ worker: name, id: job.id });
            await new Promise((resolve) => setImmediate(resolve));
          },
        };
        while ((await queue.work(name, handlers, 3)) > 0);
      };
      // Two workers per process, all four polling at once.
      await Promise.all(['a1', 'b1', 'a2', 'b2'].map((name, i) => worker(name, i)));
      expect(delivered).toHaveLength(200);
      expect(new Set(delivered.map((d) => d.id)).size).toBe(200);
      // Both processes did some of the work.
      const byProcess = [0, 1].map((p) => delivered.filter((d) => d.worker.startsWith(p === 0 ? 'a' : 'b')).length);
      expect(byProcess.every((n) => n > 0)).toBe(true);
      const left = await one.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '!=', 'done')
        .executeTakeFirstOrThrow();
      expect(Number(left.n)).toBe(0);
    } finally {
      await one.close();
      await two.close();
      await scratch.drop();
    }
  });
});
