import type { Store } from '../db/kysely/store.ts';
import type { FeedbackService } from '../feedback/service.ts';
import type { TeamsService } from '../teams/service.ts';
import { createEffect } from './effect.ts';
import { createActionsRepo } from './repo.ts';
import { createActionsService } from './service.ts';
import { DEFAULT_WEBHOOK_OPTIONS, createWebhooksService } from './webhooks.ts';

/** The actions area's services: `actions` (incl. its repo for reads elsewhere), `actionEffect`, `webhooks`. */
export function createActionsServices(deps: {
  store: Store;
  teamsService: TeamsService;
  feedback: FeedbackService;
  webhookAllowedHosts: readonly string[];
}) {
  const repo = createActionsRepo(deps.store.db);
  const webhooks = createWebhooksService(deps.store, {
    ...DEFAULT_WEBHOOK_OPTIONS,
    allowedHosts: deps.webhookAllowedHosts,
  });
  const service = createActionsService({
    store: deps.store,
    teamsService: deps.teamsService,
    webhooks,
  });
  const effect = createEffect({ actions: repo, service, feedback: deps.feedback });
  return { actions: { ...service, repo, effect: effect.effect }, webhooks };
}
