import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../db/kysely/store.ts';
import { createJobQueue, type Job } from './queue.ts';

/** How often a periodic job runs: once per UTC hour or once per UTC day. */
export type Period = 'hour' | 'day';

export interface PeriodicJob {
  /** Stable across releases: it names the job's slots in the database. */
  name: string;
  every: Period;
  /** The work for the slot starting at `slot`; it should catch up on whatever earlier slots missed. */
  run: (slot: Date) => Promise<unknown>;
}

export interface PeriodicOptions {
  workerId: string;
  /** How long a slot's runner holds it; one still running after that is taken for dead. */
  leaseMs?: number;
  /** Attempts per slot, the first included, when a run fails or its runner dies. */
  maxAttempts?: number;
  /** The pause before a failed slot is tried again (doubled after each further failure). */
  retryAfterMs?: number;
  /** Finished slots older than this are removed (dead ones stay for a person to look at). */
  keepDoneMs?: number;
  now?: () => number;
}

/** What one attempt at a slot came to for this worker. */
export type SlotOutcome = 'ran' | 'failed' | 'taken';

const PERIOD_MS: Record<Period, number> = { hour: 3_600_000, day: 86_400_000 };
const DEFAULTS = { leaseMs: 30 * 60_000, maxAttempts: 3, retryAfterMs: 60_000, keepDoneMs: 7 * 86_400_000 };

/** The start of the slot that `at` (ms) falls in: the UTC hour or UTC day. */
export const slotStart = (every: Period, at: number): number => Math.floor(at / PERIOD_MS[every]) * PERIOD_MS[every];

/** The queue kind of a periodic job's slots. */
export const periodicKind = (name: string): string => `periodic:${name}`;

const slotKey = (name: string, slot: number): string => `${periodicKind(name)}@${new Date(slot).toISOString()}`;

/**
 * Periodic work that runs once per slot across every process on the database. A slot is a row in
 * the job queue whose dedupe key is the job's name and the slot's start: the first worker to insert
 * it (INSERT … ON CONFLICT DO NOTHING) gets it leased in its name and runs it; the others insert
 * nothing and skip it. A run that fails, or whose worker dies (its lease runs out), is taken again by
 * whichever worker checks next, up to maxAttempts per slot.
 */
export function createPeriodicRunner(store: Pick<Store, 'db' | 'dialect'>, options: PeriodicOptions) {
  const settings = { ...DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  const queue = createJobQueue(store, {
    leaseMs: settings.leaseMs,
    backoffMs: settings.retryAfterMs,
    maxBackoffMs: settings.leaseMs,
    now,
  });
  const worker = options.workerId;

  async function execute(job: PeriodicJob, row: Job): Promise<SlotOutcome> {
    const slot = (JSON.parse(row.payload) as { slot?: string }).slot;
    try {
      await job.run(new Date(slot ?? now()));
    } catch (error) {
      await queue.fail(row, worker, error instanceof Error ? error.message : String(error));
      return 'failed';
    }
    await queue.complete(row, worker);
    await queue.pruneDone([periodicKind(job.name)], now() - settings.keepDoneMs);
    return 'ran';
  }

  return {
    /** Claims the slot `now` falls in and runs it, or answers 'taken' when another worker has it (or had it). */
    async runSlot(job: PeriodicJob): Promise<SlotOutcome> {
      const slot = slotStart(job.every, now());
      const row = await queue.enqueueClaimed(periodicKind(job.name), { slot: new Date(slot).toISOString() }, worker, {
        dedupeKey: slotKey(job.name, slot),
        maxAttempts: settings.maxAttempts,
      });
      return row ? execute(job, row) : 'taken';
    },

    /** Takes and runs the slots of these jobs that failed earlier or whose runner died; how many it ran. */
    async retryAbandoned(jobs: readonly PeriodicJob[]): Promise<number> {
      const byKind = new Map(jobs.map((job) => [periodicKind(job.name), job]));
      const rows = await queue.claim(worker, [...byKind.keys()], jobs.length);
      for (const row of rows) {
        const job = byKind.get(row.kind);
        if (job) await execute(job, row);
      }
      return rows.length;
    },
  };
}
export type PeriodicRunner = ReturnType<typeof createPeriodicRunner>;

/**
 * Runs `jobs` in this process: checks at start and every `checkEveryMs` whether a job's current
 * slot is unclaimed (one insert per job and slot, remembered so a slot seen is not asked again) and
 * retakes abandoned slots. One check at a time; the returned function stops the timer and resolves
 * once a run in progress has finished, so the database can be closed after it.
 */
export function startPeriodicJobs(deps: {
  store: Pick<Store, 'db' | 'dialect'>;
  jobs: readonly PeriodicJob[];
  log: Pick<FastifyBaseLogger, 'error'>;
  options: PeriodicOptions;
  checkEveryMs?: number;
}): () => Promise<void> {
  const runner = createPeriodicRunner(deps.store, deps.options);
  const now = deps.options.now ?? Date.now;
  // The slot's row keeps the error for a person; the log says it at once.
  const jobs = deps.jobs.map((job) => ({
    ...job,
    run: (slot: Date) =>
      job.run(slot).catch((error: unknown) => {
        deps.log.error({ err: error, job: job.name, slot: slot.toISOString() }, 'periodic job failed');
        throw error;
      }),
  }));
  const seen = new Map<string, number>();
  const check = async () => {
    for (const job of jobs) {
      const slot = slotStart(job.every, now());
      if (seen.get(job.name) === slot) continue;
      await runner.runSlot(job);
      seen.set(job.name, slot);
    }
    await runner.retryAbandoned(jobs);
  };
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= check()
      .catch((error: unknown) => deps.log.error({ err: error }, 'periodic jobs check failed'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, deps.checkEveryMs ?? 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
