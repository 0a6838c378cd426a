// Background work across processes: two workers, each on its own store over one database (two
// better-sqlite3 handles on one SQLite file, two pools on one PostgreSQL database), race over the
// same due work, and each piece of it is done once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebhooksRepo, type DeliveryOutcome } from '../../../server/actions/webhooks-repo.ts';
import { createWebhooksService } from '../../../server/actions/webhooks.ts';
import type { Store } from '../../../server/db/kysely/store.ts';
import {
  createPeriodicRunner,
  periodicKind,
  slotStart,
  startPeriodicJobs,
  type PeriodicJob,
} from '../../../server/jobs/periodic.ts';
import { newWorkerId, processWorkerId } from '../../../server/jobs/worker-id.ts';
import { onBothStoresTwice, type OpenedPair } from '../../helpers/both-stores.ts';

const DELIVERED: DeliveryOutcome = {
  status: 'delivered',
  lastStatus: 204,
  lastError: null,
  lastErrorCode: null,
  next: null,
  deliveredAt: '2026-12-03T12:00:00.000Z',
};
const T0 = Date.parse('2026-12-03T10:15:00.000Z');
const HOUR = 3_600_000;
const quietLog = { error: () => undefined };
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('worker ids', () => {
  it('name the host and the process, and differ between workers of one process', () => {
    const id = newWorkerId();
    expect(id).toMatch(new RegExp(`^[^:]+:${process.pid}:[0-9a-f]{8}$`));
    expect(newWorkerId()).not.toBe(id);
    expect(processWorkerId()).toBe(processWorkerId());
  });
});

describe('periodic slots', () => {
  it('start on the UTC hour or day', () => {
    expect(new Date(slotStart('hour', T0)).toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(new Date(slotStart('day', T0)).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});

onBothStoresTwice('exactly once across processes', (open) => {
  let opened: OpenedPair;
  let one: Store;
  let two: Store;
  beforeAll(async () => {
    opened = await open();
    [one, two] = opened.stores;
  });
  afterAll(async () => opened?.done());

  /** A team with one webhook to `url`; returns the webhook's id. */
  let teams = 0;
  async function webhookTo(url: string): Promise<number> {
    teams += 1;
    const user = await one.db
      .insertInto('users')
      .values({ email: `lead${teams}@example.dk`, name: 'Lea', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const team = await one.db
      .insertInto('teams')
      .values({ name: `Team ${teams}`, slug: `team-${teams}`, timezone: 'Europe/Copenhagen' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await createWebhooksRepo(one.db, one.dialect).insertHook(team.id, url, 'whsec_test', user.id)).id;
  }
  async function queueDeliveries(webhookId: number, n: number): Promise<void> {
    const repo = createWebhooksRepo(one.db, one.dialect);
    for (let i = 0; i < n; i++) await repo.insertDelivery(webhookId, 'action.created', `{"n":${i}}`);
  }
  const clearDeliveries = () => one.db.deleteFrom('action_webhook_deliveries').execute();

  describe('webhook deliveries', () => {
    afterEach(clearDeliveries);

    it('are claimed once each by two workers racing over 200 due deliveries', async () => {
      await queueDeliveries(await webhookTo('https://hooks.example.com/race'), 200);
      const now = new Date(Date.now() + 1000);
      const claims: { worker: string; id: number }[] = [];
      const worker = async (name: string, store: Store) => {
        const repo = createWebhooksRepo(store.db, store.dialect);
        for (;;) {
          const rows = await repo.claimDue(name, now, 7, 60_000);
          if (rows.length === 0) return;
          for (const row of rows) {
            claims.push({ worker: name, id: row.id });
            await turn();
            expect(await repo.record(row.id, name, DELIVERED)).toBe(true);
          }
        }
      };
      // Two claimers on each store, all four at once.
      await Promise.all([worker('a1', one), worker('b1', two), worker('a2', one), worker('b2', two)]);
      expect(claims).toHaveLength(200);
      expect(new Set(claims.map((claim) => claim.id)).size).toBe(200);
      expect(claims.some((claim) => claim.worker.startsWith('a'))).toBe(true);
      expect(claims.some((claim) => claim.worker.startsWith('b'))).toBe(true);
      const rows = await two.db
        .selectFrom('action_webhook_deliveries')
        .select(['status', 'attempts', 'claimed_by', 'lease_until'])
        .execute();
      expect(rows).toHaveLength(200);
      expect(rows.every((row) => row.status === 'delivered' && row.attempts === 1)).toBe(true);
      expect(rows.every((row) => row.claimed_by === null && row.lease_until === null)).toBe(true);
    });

    it('are claimable again once the lease of a worker that died has run out, and only its taker records', async () => {
      await queueDeliveries(await webhookTo('https://hooks.example.com/lease'), 3);
      const now = Date.now() + 1000;
      const dies = createWebhooksRepo(one.db, one.dialect);
      const takes = createWebhooksRepo(two.db, two.dialect);
      const held = await dies.claimDue('dies', new Date(now), 10, 30_000);
      expect(held).toHaveLength(3);
      expect(await takes.claimDue('takes', new Date(now + 29_999), 10, 30_000)).toEqual([]);
      const taken = await takes.claimDue('takes', new Date(now + 30_001), 10, 30_000);
      expect(taken.map((row) => row.id)).toEqual(held.map((row) => row.id));
      // The first worker, back from the dead, no longer holds them: its outcome is not recorded.
      for (const row of held) expect(await dies.record(row.id, 'dies', DELIVERED)).toBe(false);
      for (const row of taken) expect(await takes.record(row.id, 'takes', DELIVERED)).toBe(true);
      const rows = await one.db.selectFrom('action_webhook_deliveries').select(['status', 'attempts']).execute();
      expect(rows).toEqual(held.map(() => ({ status: 'delivered', attempts: 1 })));
      expect(await takes.claimDue('later', new Date(now + 120_000), 10, 30_000)).toEqual([]);
    });

    describe('sent by two services', () => {
      let receiver: Server;
      let port: number;
      const received: string[] = [];
      beforeAll(async () => {
        receiver = createServer((request, response) => {
          received.push(String(request.headers['x-kadence-delivery']));
          request.resume();
          request.on('end', () => response.writeHead(204).end());
        });
        await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
        port = (receiver.address() as AddressInfo).port;
      });
      afterAll(() => new Promise((resolve) => receiver.close(resolve)));

      it('reach the receiver once each: a service sends only what it claimed', async () => {
        await queueDeliveries(await webhookTo(`http://127.0.0.1:${port}/hook`), 200);
        const service = (store: Store, workerId: string) =>
          createWebhooksService(store, {
            backoffMs: 60_000,
            maxAttempts: 3,
            timeoutMs: 5_000,
            allowedHosts: ['127.0.0.1'],
            workerId,
            batchSize: 5,
          });
        const sent = { a: 0, b: 0 };
        const drain = async (name: 'a' | 'b', store: Store) => {
          const webhooks = service(store, name);
          for (let n = await webhooks.deliverDue(); n > 0; n = await webhooks.deliverDue()) sent[name] += n;
        };
        await Promise.all([drain('a', one), drain('b', two)]);
        expect(received).toHaveLength(200);
        expect(new Set(received).size).toBe(200);
        expect(sent.a + sent.b).toBe(200);
        expect(sent.a).toBeGreaterThan(0);
        expect(sent.b).toBeGreaterThan(0);
      });
    });
  });

  describe('periodic jobs', () => {
    const counting = (name: string, every: PeriodicJob['every'] = 'hour') => {
      const runs: string[] = [];
      const job: PeriodicJob = {
        name,
        every,
        run: async (slot) => {
          runs.push(slot.toISOString());
          // Long enough for the other worker to try the same slot while this one runs.
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
      };
      return { job, runs };
    };

    it('run once per slot when two workers run the slot at once', async () => {
      const clock = { now: T0 };
      const runners = [one, two].map((store, i) =>
        createPeriodicRunner(store, { workerId: `w${i}`, now: () => clock.now }),
      );
      const { job, runs } = counting('hourly');
      const daily = counting('daily', 'day');
      for (let hour = 0; hour < 20; hour++) {
        const outcomes = await Promise.all(runners.flatMap((runner) => [runner.runSlot(job), runner.runSlot(job)]));
        expect(outcomes.sort()).toEqual(['ran', 'taken', 'taken', 'taken']);
        await Promise.all(runners.map((runner) => runner.runSlot(daily.job)));
        clock.now += HOUR;
      }
      expect(runs).toHaveLength(20);
      expect(new Set(runs).size).toBe(20);
      expect(runs[0]).toBe('2026-12-03T10:00:00.000Z');
      // 10:00 on the 3rd to 05:00 on the 4th: two days.
      expect(daily.runs).toEqual(['2026-12-03T00:00:00.000Z', '2026-12-04T00:00:00.000Z']);
    });

    it('run once when two processes start their timers together', async () => {
      const { job, runs } = counting('at-start');
      const stops = [one, two].map((store, i) =>
        startPeriodicJobs({ store, jobs: [job], log: quietLog, options: { workerId: `p${i}` } }),
      );
      await Promise.all(stops.map((stop) => stop()));
      expect(runs).toHaveLength(1);
    });

    it('are taken again by another worker when the runner dies or the run fails', async () => {
      const clock = { now: T0 };
      const options = { leaseMs: 60_000, retryAfterMs: 10_000, maxAttempts: 3, now: () => clock.now };
      const dies = createPeriodicRunner(one, { ...options, workerId: 'dies' });
      const takes = createPeriodicRunner(two, { ...options, workerId: 'takes' });
      const runs: string[] = [];
      let failNext = false;
      const job: PeriodicJob = {
        name: 'recovers',
        every: 'hour',
        run: async (slot) => {
          runs.push(slot.toISOString());
          if (failNext) throw new Error('SMTP refused');
        },
      };
      // The first runner hangs for good inside its run (as a process that died would).
      const hung: PeriodicJob = { ...job, run: () => new Promise(() => undefined) };
      void dies.runSlot(hung);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await takes.runSlot(job)).toBe('taken');
      clock.now += 59_999;
      expect(await takes.retryAbandoned([job])).toBe(0);
      clock.now += 2;
      expect(await takes.retryAbandoned([job])).toBe(1);
      expect(runs).toEqual(['2026-12-03T10:00:00.000Z']);
      expect(await takes.retryAbandoned([job])).toBe(0);

      // A failed run is tried again after the pause, by whichever worker looks next.
      clock.now += HOUR;
      failNext = true;
      expect(await dies.runSlot(job)).toBe('failed');
      expect(await takes.retryAbandoned([job])).toBe(0);
      clock.now += 10_000;
      failNext = false;
      expect(await takes.retryAbandoned([job])).toBe(1);
      expect(runs).toEqual(['2026-12-03T10:00:00.000Z', '2026-12-03T11:00:00.000Z', '2026-12-03T11:00:00.000Z']);
      const slots = await one.db
        .selectFrom('jobs')
        .select(['state', 'attempts', 'locked_by'])
        .where('kind', '=', periodicKind('recovers'))
        .orderBy('id')
        .execute();
      expect(slots).toEqual([
        { state: 'done', attempts: 2, locked_by: 'takes' },
        { state: 'done', attempts: 2, locked_by: 'takes' },
      ]);
    });
  });
});
