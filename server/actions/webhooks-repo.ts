import type { Executor } from '../db/kysely/store.ts';
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
export function createWebhooksRepo(db: Executor) {
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
    /** Pending deliveries due at `now` (ISO), oldest first, at most `limit`. */
    due: async (now: string, limit = 50): Promise<DeliveryRow[]> =>
      typed(
        await deliveries()
          .where('d.status', '=', 'pending')
          .where('d.next_attempt_at', '<=', now)
          .orderBy('d.next_attempt_at')
          .orderBy('d.id')
          .limit(limit)
          .execute(),
      ),
    async record(id: number, outcome: DeliveryOutcome): Promise<void> {
      await db
        .updateTable('action_webhook_deliveries')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          status: outcome.status,
          last_status: outcome.lastStatus,
          last_error: outcome.lastError,
          last_error_code: outcome.lastErrorCode,
          next_attempt_at: outcome.next,
          delivered_at: outcome.deliveredAt,
        }))
        .where('id', '=', id)
        .execute();
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
