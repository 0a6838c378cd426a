import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { LiveActions } from './actions.ts';
import { createLiveEngine } from './engine.ts';
import { createGuestsService } from './guests.ts';
import { createLiveRepo } from './repo.ts';
import { liveRoutes } from './routes.ts';
import { registerLiveSocket } from './socket.ts';
import { createLiveSuggestions } from './suggestions.ts';

/** Wires the live meeting: engine and guests over one database, its routes, and its socket namespace. */
export function createLive(db: Database, actions: LiveActions) {
  const engine = createLiveEngine({ db, repo: createLiveRepo(db), ...actions });
  const guests = createGuestsService(db);
  const suggestions = createLiveSuggestions(db, engine);
  return {
    engine,
    guests,
    routes: liveRoutes(engine, guests),
    attach(app: FastifyInstance) {
      engine.resetPresence();
      registerLiveSocket(app, engine, guests, suggestions);
      // Registered after the database plugin, so this runs before the database is closed.
      app.addHook('onClose', async () => engine.settle());
    },
  };
}
