import type { Executor, StoreDialect } from '../db/kysely/store.ts';
import type { DeliveryErrorCode } from './outbound.ts';

export type WebhookEvent = 'action.created' | 'action.updated' | 'action.done';

export interface WebhookRow {
  id: number;
  team_id: number;
  url: string;
  secret: string;
  active: number;
  created_at: string;
}

export interface DeliveryRow {
  id: number;
  webhook_id: number;
  event: WebhookEvent;
  body: string;
  status: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  last_error_code: DeliveryErrorCode | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
  url: string;
  secret: string;
}

/** What one attempt left on a delivery row. */
export interface DeliveryOutcome {
  status: 'pending' | 'delivered' | 'failed';
  lastStatus: number | null;
  lastError: string | null;
  lastErrorCode: DeliveryErrorCode | null;
  next: string | null;
  deliveredAt: string | null;
}

const ERROR_CODES: readonly string[] = ['PRIVATE_ADDRESS', 'TIMED_OUT', 'REDIRECT', 'HTTP_STATUS', 'NETWORK'];
const isErrorCode = (code: string): code is DeliveryErrorCode => ERROR_CODES.includes(code);

/** SQL for the outgoing webhooks of teams and their queue of deliveries, on either store. */
export function createWebhooksRepo(db: Executor, dialect: StoreDialect) {
  const deliveries = () =>
    db
      .selectFrom('action_webhook_deliveries as d')
      .innerJoin('action_webhooks as w', 'w.id', 'd.webhook_id')
      .select([
        'd.id',
        'd.webhook_id',
        'd.event',
        'd.body',
        'd.status',
        'd.attempts',
        'd.last_status',
        'd.last_error',
        'd.last_error_code',
        'd.next_attempt_at',
        'd.created_at',
        'd.delivered_at',
        'w.url',
        'w.secret',
      ]);
  const typed = (rows: (Omit<DeliveryRow, 'last_error_code'> & { last_error_code: string | null })[]): DeliveryRow[] =>
    rows.map((row) => ({
      ...row,
      last_error_code: row.last_error_code !== null && isErrorCode(row.last_error_code) ? row.last_error_code : null,
    }));
  const hookColumns = ['id', 'team_id', 'url', 'secret', 'active', 'created_at'] as const;

  return {
    insertHook: async (teamId: number, url: string, secret: string, createdBy: number): Promise<WebhookRow> =>
      db
        .insertInto('action_webhooks')
        .values({ team_id: teamId, url, secret, created_by: createdBy, created_at: new Date().toISOString() })
        .returning(hookColumns)
        .executeTakeFirstOrThrow(),
    hooks: (teamId: number): Promise<WebhookRow[]> =>
      db.selectFrom('action_webhooks').select(hookColumns).where('team_id', '=', teamId).orderBy('id').execute(),
    activeHooks: (teamId: number): Promise<WebhookRow[]> =>
      db
        .selectFrom('action_webhooks')
        .select(hookColumns)
        .where('team_id', '=', teamId)
        .where('active', '=', 1)
        .orderBy('id')
        .execute(),
    /** 1 when the team's webhook was removed, 0 when it has no such webhook. */
    removeHook: async (id: number, teamId: number): Promise<number> =>
      Number(
        (await db.deleteFrom('action_webhooks').where('id', '=', id).where('team_id', '=', teamId).executeTakeFirst())
          .numDeletedRows,
      ),
    /** Queues one delivery, due at once. */
    async insertDelivery(webhookId: number, event: WebhookEvent, body: string): Promise<void> {
      const at = new Date().toISOString();
      await db
        .insertInto('action_webhook_deliveries')
        .values({ webhook_id: webhookId, event, body, next_attempt_at: at, created_at: at })
        .execute();
    },
    /**
     * Leases up to `limit` due deliveries to `workerId` until `now + leaseMs` and returns them, oldest
     * first. Due means pending, past its next attempt, and held by nobody (or by a worker whose lease
     * ran out: it died mid-send). The claim is one UPDATE, so two workers never get the same row: on
     * PostgreSQL the rows are picked with FOR UPDATE SKIP LOCKED (a concurrent claimer skips them
     * instead of waiting); SQLite takes its one write lock before the statement reads anything.
     */
    async claimDue(workerId: string, now: Date, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
      const at = now.toISOString();
      const claimed = await db
        .updateTable('action_webhook_deliveries')
        .set({ claimed_by: workerId, lease_until: new Date(now.getTime() + leaseMs).toISOString() })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('action_webhook_deliveries')
            .select('id')
            .where('status', '=', 'pending')
            .where('next_attempt_at', '<=', at)
            .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', at)]))
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(limit)
            .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
        )
        .returning('id')
        .execute();
      if (claimed.length === 0) return [];
      // RETURNING cannot carry the webhook's columns on SQLite (an UPDATE's RETURNING sees only its
      // own table); the rows are ours until the lease runs out, so reading them afterwards is safe.
      return typed(
        await deliveries()
          .where(
            'd.id',
            'in',
            claimed.map((row) => row.id),
          )
          .where('d.claimed_by', '=', workerId)
          .orderBy('d.next_attempt_at')
          .orderBy('d.id')
          .execute(),
      );
    },
    /**
     * Records one attempt and clears the lease. Only the worker still holding the lease may: false
     * when its lease ran out and another worker took the delivery (that worker records its own).
     */
    async record(id: number, workerId: string, outcome: DeliveryOutcome): Promise<boolean> {
      const result = await db
        .updateTable('action_webhook_deliveries')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          status: outcome.status,
          last_status: outcome.lastStatus,
          last_error: outcome.lastError,
          last_error_code: outcome.lastErrorCode,
          next_attempt_at: outcome.next,
          delivered_at: outcome.deliveredAt,
          claimed_by: null,
          lease_until: null,
        }))
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    /** A team's deliveries, newest first. */
    log: async (teamId: number, limit: number): Promise<DeliveryRow[]> =>
      typed(await deliveries().where('w.team_id', '=', teamId).orderBy('d.id', 'desc').limit(limit).execute()),
    nextDue: async (): Promise<string | null> =>
      (
        await db
          .selectFrom('action_webhook_deliveries')
          .select((eb) => eb.fn.min('next_attempt_at').as('at'))
          .where('status', '=', 'pending')
          .executeTakeFirst()
      )?.at ?? null,
  };
}
export type WebhooksRepo = ReturnType<typeof createWebhooksRepo>;
