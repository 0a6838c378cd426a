import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Delivery } from '../../shared/schemas/actions.ts';
import { invalid, notFound } from '../errors.ts';

export type WebhookEvent = 'action.created' | 'action.updated' | 'action.done';

interface WebhookRow {
  id: number;
  team_id: number;
  url: string;
  secret: string;
  active: number;
  created_at: string;
}
interface DeliveryRow {
  id: number;
  webhook_id: number;
  event: WebhookEvent;
  body: string;
  status: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
  url: string;
  secret: string;
}

export interface WebhookOptions {
  /** Delay before the first retry; each later retry waits twice as long. */
  backoffMs: number;
  maxAttempts: number;
  timeoutMs: number;
}
export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { backoffMs: 30_000, maxAttempts: 8, timeoutMs: 10_000 };

/** `sha256=<hex>` of the exact body bytes; receivers recompute it with the shared secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function checkWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(`"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalid('A webhook URL must start with http:// or https://');
  if (parsed.username || parsed.password) throw invalid('A webhook URL must not carry a user name or password; use the signing secret');
  return parsed.toString();
}

const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  event: row.event,
  status: row.status,
  attempts: row.attempts,
  lastStatus: row.last_status,
  lastError: row.last_error,
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
});

/** Outgoing webhooks: a durable queue in SQLite, delivered with HMAC signatures and exponential backoff. */
export function createWebhooksService(db: Database, options: WebhookOptions = DEFAULT_WEBHOOK_OPTIONS) {
  const insertHook = db.prepare('INSERT INTO action_webhooks (team_id, url, secret, created_by) VALUES (?, ?, ?, ?)');
  const hooks = db.prepare<[number], WebhookRow>('SELECT * FROM action_webhooks WHERE team_id = ? ORDER BY id');
  const activeHooks = db.prepare<[number], WebhookRow>('SELECT * FROM action_webhooks WHERE team_id = ? AND active = 1');
  const removeHook = db.prepare('DELETE FROM action_webhooks WHERE id = ? AND team_id = ?');
  const insertDelivery = db.prepare(
    "INSERT INTO action_webhook_deliveries (webhook_id, event, body, next_attempt_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
  );
  const due = db.prepare<[string], DeliveryRow>(
    `SELECT d.*, w.url, w.secret FROM action_webhook_deliveries d JOIN action_webhooks w ON w.id = d.webhook_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT 50`,
  );
  const record = db.prepare(
    `UPDATE action_webhook_deliveries SET attempts = attempts + 1, status = @status, last_status = @lastStatus,
     last_error = @lastError, next_attempt_at = @next, delivered_at = @deliveredAt WHERE id = @id`,
  );
  const log = db.prepare<[number, number], DeliveryRow>(
    `SELECT d.*, w.url, w.secret FROM action_webhook_deliveries d JOIN action_webhooks w ON w.id = d.webhook_id
     WHERE w.team_id = ? ORDER BY d.id DESC LIMIT ?`,
  );
  const nextDue = db.prepare<[], { at: string | null }>("SELECT MIN(next_attempt_at) AS at FROM action_webhook_deliveries WHERE status = 'pending'");

  async function attempt(row: DeliveryRow): Promise<{ status: number | null; error: string | null }> {
    try {
      const response = await fetch(row.url, {
        method: 'POST',
        // A receiver that redirects gets no second request: following could send the body elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Kadence-Webhooks/1',
          'x-kadence-event': row.event,
          'x-kadence-delivery': String(row.id),
          'x-kadence-signature': signature(row.secret, row.body),
        },
        body: row.body,
      });
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return { status: response.status, error: null };
      const error = response.status >= 300 && response.status < 400 ? 'redirects are not followed' : `HTTP ${response.status}`;
      return { status: response.status, error };
    } catch (error) {
      const message = error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : error.message) : String(error);
      return { status: null, error: message.slice(0, 300) };
    }
  }

  return {
    create(teamId: number, url: string, createdBy: number) {
      const secret = randomBytes(24).toString('base64url');
      const id = Number(insertHook.run(teamId, checkWebhookUrl(url), secret, createdBy).lastInsertRowid);
      const row = hooks.all(teamId).find((hook) => hook.id === id) as WebhookRow;
      return { id, url: row.url, active: true, createdAt: row.created_at, secret };
    },
    list: (teamId: number) => hooks.all(teamId).map((row) => ({ id: row.id, url: row.url, active: row.active === 1, createdAt: row.created_at })),
    remove(teamId: number, id: number): void {
      if (removeHook.run(id, teamId).changes === 0) throw notFound('Webhook');
    },
    /** Queues one delivery per active webhook; runs inside the caller's transaction. */
    enqueue(teamId: number, event: WebhookEvent, action: object): void {
      for (const hook of activeHooks.all(teamId)) {
        insertDelivery.run(hook.id, event, JSON.stringify({ event, sentAt: new Date().toISOString(), action }));
      }
    },
    deliveries: (teamId: number, limit = 100) => log.all(teamId, limit).map(toDelivery),
    /** Sends what is due now; failures wait backoffMs · 2^(attempts−1) and are given up after maxAttempts. */
    async deliverDue(now = new Date()): Promise<number> {
      const rows = due.all(now.toISOString());
      for (const row of rows) {
        const result = await attempt(row);
        const attempts = row.attempts + 1;
        const delivered = result.error === null;
        const gaveUp = !delivered && attempts >= options.maxAttempts;
        record.run({
          id: row.id,
          status: delivered ? 'delivered' : gaveUp ? 'failed' : 'pending',
          lastStatus: result.status,
          lastError: result.error,
          next: delivered || gaveUp ? null : new Date(Date.now() + options.backoffMs * 2 ** (attempts - 1)).toISOString(),
          deliveredAt: delivered ? new Date().toISOString() : null,
        });
      }
      return rows.length;
    },
    nextDueAt: () => nextDue.get()?.at ?? null,
  };
}
export type WebhooksService = ReturnType<typeof createWebhooksService>;

/** Polls the queue; cheap when idle (one indexed query) and stopped by the returned function. */
export function startWebhookWorker(webhooks: WebhooksService, intervalMs = 5_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = webhooks.deliverDue().finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running.catch(() => undefined);
  };
}
