import type { Kysely, Selectable } from 'kysely';
import type { JobsTable, KadenceDatabase } from '../db/kysely/schema.ts';
import type { Store } from '../db/kysely/store.ts';

export type Job = Selectable<JobsTable>;

export interface QueueOptions {
  /** How long a claim holds; a worker that has not finished by then is taken for dead. */
  leaseMs?: number;
  /** The pause before the first retry, doubled after each further failure, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** The clock, so tests can let a lease run out without waiting for it. */
  now?: () => number;
}

/** The pause after the `attempts`-th failure: backoffMs, 2×, 4×, … capped. */
export const backoff = (attempts: number, backoffMs: number, maxBackoffMs: number): number =>
  Math.min(maxBackoffMs, backoffMs * 2 ** Math.max(0, attempts - 1));

/**
 * The job queue over the Kysely store, on SQLite and PostgreSQL alike: background work that must
 * run once across processes. A claim is one UPDATE … RETURNING that takes due rows (ready and past
 * run_after, or running with a lease run out) and gives them a lease in this worker's name; on
 * PostgreSQL the rows are chosen with FOR UPDATE SKIP LOCKED, so workers polling at once take
 * different rows without waiting; SQLite has one writer, so its UPDATE is atomic by itself.
 * Completing or failing a job needs the lease still held by the same worker: one that was taken for
 * dead and whose job another worker took cannot mark it done a second time.
 *
 * Delivery is once per successful claim. A handler that outlives its lease may run twice, so a
 * lease is chosen well above the work's time and handlers with effects outside the database
 * (webhooks) send an idempotency key (the job id). The periodic jobs (server/jobs/periodic.ts) run
 * through it; webhook deliveries keep their own table with a lease of the same kind.
 */
export function createJobQueue(store: Pick<Store, 'db' | 'dialect'>, options: QueueOptions = {}) {
  const db: Kysely<KadenceDatabase> = store.db;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoffMs = options.backoffMs ?? 5_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  const iso = (ms: number) => new Date(ms).toISOString();

  const queue = {
    /** Adds a job; with a dedupe key, a second enqueue of the same key adds nothing and returns undefined. */
    async enqueue(
      kind: string,
      payload: unknown,
      opts: { runAfter?: number; maxAttempts?: number; dedupeKey?: string } = {},
    ): Promise<number | undefined> {
      const row = await db
        .insertInto('jobs')
        .values({
          kind,
          payload: JSON.stringify(payload ?? {}),
          run_after: iso(opts.runAfter ?? now()),
          ...(opts.maxAttempts === undefined ? {} : { max_attempts: opts.maxAttempts }),
          dedupe_key: opts.dedupeKey ?? null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    /**
     * Adds a job already leased to `worker` (its first attempt), unless a job with the same dedupe
     * key exists: one INSERT … ON CONFLICT DO NOTHING, so of several workers adding the same key at
     * once exactly one gets the row back, and only that one runs it. Undefined for the others.
     */
    async enqueueClaimed(
      kind: string,
      payload: unknown,
      worker: string,
      opts: { dedupeKey: string; maxAttempts?: number },
    ): Promise<Job | undefined> {
      return db
        .insertInto('jobs')
        .values({
          kind,
          payload: JSON.stringify(payload ?? {}),
          state: 'running',
          attempts: 1,
          run_after: iso(now()),
          lease_until: iso(now() + leaseMs),
          locked_by: worker,
          ...(opts.maxAttempts === undefined ? {} : { max_attempts: opts.maxAttempts }),
          dedupe_key: opts.dedupeKey,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    /** Removes the finished (done) jobs of the given kinds that finished before `before`; dead ones stay. */
    async pruneDone(kinds: readonly string[], before: number): Promise<number> {
      if (kinds.length === 0) return 0;
      const result = await db
        .deleteFrom('jobs')
        .where('kind', 'in', kinds)
        .where('state', '=', 'done')
        .where('finished_at', '<', iso(before))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Up to `limit` due jobs of the given kinds, leased to `worker`; each claim counts as an attempt. */
    async claim(worker: string, kinds: readonly string[], limit = 1): Promise<Job[]> {
      if (kinds.length === 0) return [];
      const at = iso(now());
      // A job whose last attempt's worker died is dead, not due again.
      await db
        .updateTable('jobs')
        .set({ state: 'dead', lease_until: null, last_error: 'the lease of its last attempt ran out', finished_at: at })
        .where('state', '=', 'running')
        .where('lease_until', '<', at)
        .whereRef('attempts', '>=', 'max_attempts')
        .execute();
      return db
        .updateTable('jobs')
        .set((eb) => ({
          state: 'running',
          attempts: eb('attempts', '+', 1),
          lease_until: iso(now() + leaseMs),
          locked_by: worker,
        }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('jobs')
            .select('id')
            .where('kind', 'in', kinds)
            .where((w) =>
              w.or([
                w.and([w('state', '=', 'ready'), w('run_after', '<=', at)]),
                w.and([w('state', '=', 'running'), w('lease_until', '<', at)]),
              ]),
            )
            .orderBy('run_after')
            .orderBy('id')
            .limit(limit)
            .$if(store.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
        )
        .returningAll()
        .execute();
    },

    /** Marks the job done; false when `worker` no longer holds it (its lease ran out and another took it). */
    async complete(job: Pick<Job, 'id'>, worker: string): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({ state: 'done', lease_until: null, finished_at: iso(now()), last_error: null })
        .where('id', '=', job.id)
        .where('state', '=', 'running')
        .where('locked_by', '=', worker)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** A failed attempt: due again after the backoff, or dead after max_attempts. False as for complete. */
    async fail(job: Pick<Job, 'id'>, worker: string, error: string): Promise<boolean> {
      const row = await db
        .selectFrom('jobs')
        .select(['attempts', 'max_attempts'])
        .where('id', '=', job.id)
        .where('state', '=', 'running')
        .where('locked_by', '=', worker)
        .executeTakeFirst();
      if (!row) return false;
      const dead = row.attempts >= row.max_attempts;
      const result = await db
        .updateTable('jobs')
        .set({
          state: dead ? 'dead' : 'ready',
          lease_until: null,
          last_error: error.slice(0, 2000),
          run_after: iso(now() + (dead ? 0 : backoff(row.attempts, backoffMs, maxBackoffMs))),
          ...(dead ? { finished_at: iso(now()) } : {}),
        })
        .where('id', '=', job.id)
        .where('state', '=', 'running')
        .where('locked_by', '=', worker)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /**
     * One round of a worker: claims up to `limit` jobs, runs each through its kind's handler, and
     * records the outcome. Returns how many it claimed (0: nothing due, the caller waits a while).
     */
    async work(
      worker: string,
      handlers: Readonly<Record<string, (job: Job) => Promise<void>>>,
      limit = 10,
    ): Promise<number> {
      const jobs = await queue.claim(worker, Object.keys(handlers), limit);
      for (const job of jobs) {
        const handler = handlers[job.kind];
        try {
          if (!handler) throw new Error(`no handler for ${job.kind}`);
          await handler(job);
          await queue.complete(job, worker);
        } catch (error) {
          await queue.fail(job, worker, error instanceof Error ? error.message : String(error));
        }
      }
      return jobs.length;
    },

    byId: (id: number): Promise<Job | undefined> =>
      db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst(),
  };
  return queue;
}
export type JobQueue = ReturnType<typeof createJobQueue>;
