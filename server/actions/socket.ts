import type { FastifyInstance } from 'fastify';

/** Tells everyone in a team's room that an action changed; their trackers reload. */
export function registerActionsSocket(app: FastifyInstance): void {
  const stop = app.services.actions.onChange((change) => {
    app.io
      .to(`team:${change.teamId}`)
      .emit('actions:changed', { team: change.teamSlug, actionId: change.actionId, event: change.event });
  });
  app.addHook('onClose', async () => {
    stop();
  });
}
