import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services.ts';
import { sendDigest } from './digest.ts';
import { startWebhookWorker } from './webhooks.ts';

const DIGEST_EVERY_MS = 60 * 60 * 1000;

/**
 * Background work for a running server: the webhook queue every few seconds and the digest hourly
 * (reminder bookkeeping makes it send at most once a day per action). Returns its stop function.
 */
export function startActionTimers(deps: {
  services: Services;
  smtpUrl: string | undefined;
  publicUrl: string;
  log: FastifyBaseLogger;
}): () => Promise<void> {
  const stopWebhooks = startWebhookWorker(deps.services.webhooks);
  let digest: Promise<unknown> = Promise.resolve();
  const timer = deps.smtpUrl
    ? setInterval(() => {
        digest = sendDigest(deps.services.store, deps.smtpUrl, deps.publicUrl).catch((error: unknown) =>
          deps.log.error({ err: error }, 'action digest failed'),
        );
      }, DIGEST_EVERY_MS)
    : undefined;
  timer?.unref();
  return async () => {
    if (timer) clearInterval(timer);
    await Promise.all([stopWebhooks(), digest]);
  };
}
