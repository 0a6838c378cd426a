import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { ErrorCode } from '../../shared/errors.ts';
import type { Delivery } from '../../shared/schemas/actions.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import {
  type DeliveryErrorCode,
  DeliveryFailure,
  type OutboundPolicy,
  literalTargetRefused,
  post,
} from './outbound.ts';
import type { Executor, Store } from '../db/kysely/store.ts';
import { processWorkerId } from '../jobs/worker-id.ts';
import { createWebhooksRepo, type DeliveryRow, type WebhookEvent } from './webhooks-repo.ts';

export type { WebhookEvent };

export interface WebhookOptions {
  /** Delay before the first retry; each later retry waits twice as long. */
  backoffMs: number;
  maxAttempts: number;
  timeoutMs: number;
  /** Internal receivers that may be reached although their address is private (WEBHOOK_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  lookup?: OutboundPolicy['lookup'];
  /** The name this service's claims carry; this process's worker id unless a test stands in two workers. */
  workerId?: string;
  /** Deliveries claimed (and then sent one after another) per round. */
  batchSize?: number;
}
export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { backoffMs: 30_000, maxAttempts: 8, timeoutMs: 10_000 };
const DEFAULT_BATCH_SIZE = 20;
/** Room beyond the batch's longest possible run before its lease counts as abandoned. */
const LEASE_MARGIN_MS = 60_000;

/** `sha256=<hex>` of the exact body bytes: the older X-Kadence-Signature, kept for existing receivers. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Standard Webhooks headers: the id stays the same across retries (receivers drop duplicates), the
 * timestamp is signed with the body (receivers drop old ones, so a captured request cannot be replayed).
 * Secrets made before Standard Webhooks lack the whsec_ prefix and are used as raw bytes.
 */
export function standardHeaders(secret: string, id: string, body: string, at = new Date()): Record<string, string> {
  const signer = secret.startsWith('whsec_')
    ? new Webhook(secret)
    : new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' });
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signer.sign(id, at, body),
  };
}

export function checkWebhookUrl(url: string, policy: OutboundPolicy = { allowedHosts: [] }): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(`"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw invalid('A webhook URL must start with http:// or https://');
  if (parsed.username || parsed.password)
    throw invalid('A webhook URL must not carry a user name or password; use the signing secret');
  if (literalTargetRefused(policy, parsed)) {
    throw new AppError(
      ErrorCode.PRIVATE_ADDRESS,
      `${parsed.hostname} is an internal address; webhooks only go to public addresses unless the host is in WEBHOOK_ALLOWED_HOSTS`,
    );
  }
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
  lastErrorCode: row.last_error_code,
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
});

/** Outgoing webhooks: a durable queue in the store, delivered signed (Standard Webhooks) with exponential backoff. */
export function createWebhooksService(store: Store, options: WebhookOptions = DEFAULT_WEBHOOK_OPTIONS) {
  const policy: OutboundPolicy = {
    allowedHosts: options.allowedHosts ?? [],
    ...(options.lookup ? { lookup: options.lookup } : {}),
  };
  const root = createWebhooksRepo(store.db, store.dialect);
  const workerId = options.workerId ?? processWorkerId();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  // The sends of a batch run one after another, each cut off at timeoutMs: a lease longer than all
  // of them together runs out only when this process died (or hung), and then another takes over.
  const leaseMs = batchSize * options.timeoutMs + LEASE_MARGIN_MS;

  async function attempt(
    row: DeliveryRow,
  ): Promise<{ status: number | null; error: string | null; code: DeliveryErrorCode | null }> {
    const body = row.body;
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Kadence-Webhooks/1',
      'x-kadence-event': row.event,
      'x-kadence-delivery': String(row.id),
      'x-kadence-signature': signature(row.secret, body),
      ...standardHeaders(row.secret, `msg_kadence_${row.webhook_id}_${row.id}`, body),
    };
    try {
      const { status } = await post(policy, new URL(row.url), headers, body, options.timeoutMs);
      if (status >= 200 && status < 300) return { status, error: null, code: null };
      // A receiver that redirects gets no second request: following could send the body elsewhere.
      if (status >= 300 && status < 400) return { status, error: 'redirects are not followed', code: 'REDIRECT' };
      return { status, error: `HTTP ${status}`, code: 'HTTP_STATUS' };
    } catch (error) {
      if (error instanceof DeliveryFailure) return { status: null, error: error.message, code: error.code };
      return {
        status: null,
        error: (error instanceof Error ? error.message : String(error)).slice(0, 300),
        code: 'NETWORK',
      };
    }
  }

  return {
    async create(teamId: number, url: string, createdBy: number) {
      // Standard Webhooks' secret form: whsec_ and 32 random bytes in base64, shown once.
      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      const row = await root.insertHook(teamId, checkWebhookUrl(url, policy), secret, createdBy);
      return { id: row.id, url: row.url, active: true, createdAt: row.created_at, secret };
    },
    list: async (teamId: number) =>
      (await root.hooks(teamId)).map((row) => ({
        id: row.id,
        url: row.url,
        active: row.active === 1,
        createdAt: row.created_at,
      })),
    async remove(teamId: number, id: number): Promise<void> {
      if ((await root.removeHook(id, teamId)) === 0) throw notFound('Webhook');
    },
    /** Queues one delivery per active webhook; `db` is the caller's transaction, so the queue rolls back with the change. */
    async enqueue(teamId: number, event: WebhookEvent, action: object, db: Executor = store.db): Promise<void> {
      const repo = createWebhooksRepo(db, store.dialect);
      for (const hook of await repo.activeHooks(teamId)) {
        await repo.insertDelivery(hook.id, event, JSON.stringify({ event, sentAt: new Date().toISOString(), action }));
      }
    },
    deliveries: async (teamId: number, limit = 100) => (await root.log(teamId, limit)).map(toDelivery),
    /** Deliveries claimed per round: a round that claims this many may have left more due. */
    batchSize,
    /**
     * Claims up to batchSize deliveries due now and sends those, and only those: a delivery another
     * process claimed is its to send. Failures wait backoffMs · 2^(attempts−1) and are given up after
     * maxAttempts. The sends happen outside any transaction; each outcome is one write of its own,
     * which clears the lease. A send that outlived its lease (the receiver dedupes on webhook-id, the
     * same across retries) is recorded by whoever holds the lease now, not twice.
     */
    async deliverDue(now = new Date()): Promise<number> {
      const rows = await root.claimDue(workerId, now, batchSize, leaseMs);
      for (const row of rows) {
        const result = await attempt(row);
        const attempts = row.attempts + 1;
        const delivered = result.error === null;
        // An internal address stays internal: retrying would only probe it again.
        const gaveUp = !delivered && (attempts >= options.maxAttempts || result.code === 'PRIVATE_ADDRESS');
        await root.record(row.id, workerId, {
          status: delivered ? 'delivered' : gaveUp ? 'failed' : 'pending',
          lastStatus: result.status,
          lastError: result.error,
          lastErrorCode: result.code,
          next:
            delivered || gaveUp ? null : new Date(Date.now() + options.backoffMs * 2 ** (attempts - 1)).toISOString(),
          deliveredAt: delivered ? new Date().toISOString() : null,
        });
      }
      return rows.length;
    },
    nextDueAt: (): Promise<string | null> => root.nextDue(),
  };
}
export type WebhooksService = ReturnType<typeof createWebhooksService>;

/**
 * Polls the queue; cheap when idle (one indexed query) and stopped by the returned function. A round
 * that claimed a full batch goes on with the next at once, so a backlog is not paced by the interval.
 */
export function startWebhookWorker(
  webhooks: WebhooksService,
  log: Pick<FastifyBaseLogger, 'error'>,
  intervalMs = 5_000,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const drain = async () => {
    while (!stopped && (await webhooks.deliverDue()) >= webhooks.batchSize);
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = drain()
      .catch((error: unknown) => log.error({ err: error }, 'webhook delivery round failed'))
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
