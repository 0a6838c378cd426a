import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/kysely/store.ts';
import type { LiveActions } from './actions.ts';
import { createLiveEngine } from './engine.ts';
import { createGuestsService } from './guests.ts';
import { liveRoutes } from './routes.ts';
import { registerLiveSocket } from './socket.ts';
import { createLiveSuggestions } from './suggestions.ts';

/**
 * Wires the live meeting: engine and guests over the store, its routes, and its socket namespace.
 */
export function createLive(store: Store, actions: LiveActions) {
  const engine = createLiveEngine({ store, ...actions });
  const guests = createGuestsService(store);
  const suggestions = createLiveSuggestions(store, engine);
  return {
    engine,
    guests,
    routes: liveRoutes(engine, guests),
    async attach(app: FastifyInstance) {
      await engine.resetPresence();
      registerLiveSocket(app, engine, guests, suggestions);
      // Registered after the database plugin, so this runs before the database is closed.
      app.addHook('onClose', async () => engine.settle());
    },
  };
}
